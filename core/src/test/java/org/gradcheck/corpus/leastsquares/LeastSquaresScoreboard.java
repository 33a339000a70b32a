package org.gradcheck.corpus.leastsquares;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints how each rule does on the least-squares corpus: correct checks and false alarms, mutants, resolvable
 * mutants and the resolvable ones each rule misses, per kind of mutant, and every wrong verdict of GradCheck's
 * defaults with the entry's analytic and numerical values.
 *
 * <p>Run it with {@code mvn -B -q -pl core test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.gradcheck.corpus.leastsquares.LeastSquaresScoreboard}.
 */
public final class LeastSquaresScoreboard {

    private LeastSquaresScoreboard() {
    }

    /**
     * Prints the scoreboard to standard output.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        print(System.out);
    }

    static void print(PrintStream out) {
        LeastSquaresCorpus corpus = LeastSquaresCorpus.get();
        List<CheckPoint> checks = corpus.checks();
        List<Mutant> mutants = corpus.mutants();
        long mgh = corpus.problems().stream().filter(p -> p.family() == LeastSquaresProblem.Family.MGH).count();
        long resolvable = mutants.stream().filter(Mutant::resolvable).count();
        out.printf(Locale.ROOT, "GradCheck least-squares corpus: %d problems (%d Moré-Garbow-Hillstrom, %d NIST StRD with"
                + " generated data), %d correct checks (%d points excluded), %d mutants verified wrong (%d made and"
                + " dropped as not wrong), %d resolvable by finite differences%n", corpus.problems().size(), mgh,
                corpus.problems().size() - mgh, checks.size(), corpus.excludedPoints().size(), mutants.size(),
                corpus.droppedMutants(), resolvable);
        for (String excluded : corpus.excludedPoints()) {
            out.println("  excluded: " + excluded);
        }
        out.println();
        out.printf(Locale.ROOT, "%-40s %8s %12s %7s %8s %10s %9s %17s %9s%n", "rule", "correct", "false alarms", "errors",
                "mutants", "resolvable", "detected", "missed resolvable", "unnamed");
        List<String> wrongVerdicts = new ArrayList<>();
        Map<Mutant.Kind, int[]> byKind = new EnumMap<>(Mutant.Kind.class);
        List<JacobianRule> rules = List.of(PeerRules.PYTORCH, PeerRules.ARTICLE, GradCheckRules.JACOBIAN);
        for (int r = 0; r < rules.size(); r++) {
            JacobianRule rule = rules.get(r);
            boolean gradCheck = rule == GradCheckRules.JACOBIAN;
            int falseAlarms = 0;
            int errors = 0;
            for (CheckPoint check : checks) {
                Outcome outcome = rule.judge(check, check.jacobian());
                errors += outcome.status() == Outcome.Status.ERROR ? 1 : 0;
                if (!outcome.passed()) {
                    falseAlarms++;
                    if (gradCheck) {
                        wrongVerdicts.add(falseAlarm(check, outcome, check.jacobian(), ""));
                    }
                }
            }
            int detected = 0;
            int missed = 0;
            int unnamed = 0;
            for (Mutant mutant : mutants) {
                Outcome outcome = rule.judge(mutant.point(), mutant.jacobian());
                errors += outcome.status() == Outcome.Status.ERROR ? 1 : 0;
                int[] row = byKind.computeIfAbsent(mutant.kind(), kind -> new int[2 + rules.size()]);
                if (r == 0) {
                    row[0]++;
                    row[1] += mutant.resolvable() ? 1 : 0;
                }
                if (!outcome.passed()) {
                    detected++;
                    boolean named = mutant.mutatedEntries().stream().anyMatch(e -> outcome.failed(e[0], e[1]));
                    if (!named && mutant.resolvable() && rule != PeerRules.ARTICLE) {
                        unnamed++;
                        if (gradCheck) {
                            wrongVerdicts.add("  NOT NAMED " + mutant.name() + ": the check failed " + outcome.failureCount()
                                    + " entries, none of them mutated");
                        }
                    }
                } else if (mutant.resolvable()) {
                    missed++;
                    row[2 + r]++;
                    if (gradCheck) {
                        wrongVerdicts.add(miss(mutant, outcome));
                    }
                }
            }
            out.printf(Locale.ROOT, "%-40s %8d %12d %7d %8d %10d %9d %17d %9s%n", rule.name(), checks.size(), falseAlarms,
                    errors, mutants.size(), resolvable, detected, missed, rule == PeerRules.ARTICLE ? "-" : unnamed);
        }
        printObjective(out, checks, mutants, wrongVerdicts);
        out.println();
        out.printf(Locale.ROOT, "%-36s %8s %10s   missed resolvable: %s%n", "mutants by kind", "mutants", "resolvable",
                "PyTorch / article / GradCheck");
        for (Map.Entry<Mutant.Kind, int[]> entry : byKind.entrySet()) {
            int[] row = entry.getValue();
            out.printf(Locale.ROOT, "%-36s %8d %10d   %d / %d / %d%n", entry.getKey().description(), row[0], row[1],
                    row[2], row[3], row[4]);
        }
        out.println();
        out.println(wrongVerdicts.isEmpty() ? "GradCheck's defaults: every verdict as required"
                : "GradCheck's wrong verdicts (" + wrongVerdicts.size() + "):");
        for (String line : wrongVerdicts) {
            out.println(line);
        }
    }

    private static void printObjective(PrintStream out, List<CheckPoint> checks, List<Mutant> mutants,
            List<String> wrongVerdicts) {
        int falseAlarms = 0;
        int unresolved = 0;
        int errors = 0;
        for (CheckPoint check : checks) {
            Outcome outcome = GradCheckRules.objective(check, check.gradient());
            errors += outcome.status() == Outcome.Status.ERROR ? 1 : 0;
            if (GradCheckRules.unresolvedAtRounding(check, outcome)) {
                unresolved++;
            } else if (!outcome.passed()) {
                falseAlarms++;
                wrongVerdicts.add(falseAlarm(check, outcome, new double[][] {check.gradient()}, "objective "));
            }
        }
        int wrong = 0;
        int resolvable = 0;
        int detected = 0;
        int missed = 0;
        int unnamed = 0;
        for (Mutant mutant : mutants) {
            if (!mutant.gradientWrong()) {
                continue;
            }
            wrong++;
            Outcome outcome = GradCheckRules.objective(mutant.point(), mutant.gradient());
            errors += outcome.status() == Outcome.Status.ERROR ? 1 : 0;
            resolvable += mutant.gradientResolvable() ? 1 : 0;
            if (!outcome.passed()) {
                detected++;
                if (mutant.gradientResolvable() && !GradCheckRules.OBJECTIVE_AT_ROUNDING.contains(mutant.point().name())
                        && mutant.resolvableGradientEntries().stream().noneMatch(j -> outcome.failed(0, j))) {
                    unnamed++;
                    wrongVerdicts.add("  objective NOT NAMED " + mutant.name() + ": the check failed "
                            + outcome.failureCount() + " entries, none of them a resolvable wrong one");
                }
            } else if (mutant.gradientResolvable()) {
                missed++;
                int j = mutant.resolvableGradientEntries().get(0);
                wrongVerdicts.add(String.format(Locale.ROOT, "  objective MISS %s:%n      gradient entry x[%d] analytic"
                        + " %s, exact %s, numerical %s, numerical error %s, verdict %s (best central difference error"
                        + " %s at step %s)", mutant.name(), j, number(mutant.gradient()[j]),
                        number(mutant.point().exactGradient()[j]), number(outcome.numerical(0, j)),
                        number(outcome.numericalError(0, j)), outcome.verdict(0, j), number(mutant.point().objectiveBestError(j)),
                        number(mutant.point().objectiveBestStep(j))));
            }
        }
        out.printf(Locale.ROOT, "%-40s %8d %12d %7d %8d %10d %9d %17d %9d%n", "GradCheck GradientChecker on 1/2||r||^2",
                checks.size(), falseAlarms, errors, wrong, resolvable, detected, missed, unnamed);
        out.println("  (the objective's mutants are those whose gradient J^T r is wrong, resolvable by finite"
                + " differences of the objective; unnamed: failed, but not for a mutated entry; the article's rule has no"
                + " per-entry verdict)");
        out.println("  (" + unresolved + " correct objectives at an exact fit, " + GradCheckRules.OBJECTIVE_AT_ROUNDING
                + ", have gradient entries at the function's rounding: left unresolved, not counted as false alarms;"
                + " their mutants fail the check but need not be named)");
    }

    private static String falseAlarm(CheckPoint check, Outcome outcome, double[][] analytic, String prefix) {
        if (outcome.status() == Outcome.Status.ERROR) {
            return "  " + prefix + "FALSE ALARM " + check.name() + ": error " + outcome.error();
        }
        StringBuilder text = new StringBuilder("  " + prefix + "FALSE ALARM " + check.name() + ":");
        int shown = 0;
        for (int i = 0; i < analytic.length && shown < 3; i++) {
            for (int j = 0; j < analytic[i].length && shown < 3; j++) {
                if (outcome.failed(i, j)) {
                    String entry = analytic.length == 1 && prefix.length() > 0 ? "gradient entry x[" + j + "]"
                            : "entry " + Mutations.entryName(i, j);
                    text.append(String.format(Locale.ROOT, "%n      %s analytic %s, numerical %s, numerical error %s,"
                            + " verdict %s", entry, number(analytic[i][j]), number(outcome.numerical(i, j)),
                            number(outcome.numericalError(i, j)), outcome.verdict(i, j)));
                    shown++;
                }
            }
        }
        if (outcome.failureCount() > shown) {
            text.append(String.format(Locale.ROOT, "%n      ... %d failing entries in all", outcome.failureCount()));
        }
        return text.toString();
    }

    private static String miss(Mutant mutant, Outcome outcome) {
        int[] entry = mutant.resolvableEntries().get(0);
        int i = entry[0];
        int j = entry[1];
        CheckPoint point = mutant.point();
        return String.format(Locale.ROOT, "  MISS %s:%n      entry %s analytic %s, exact %s, numerical %s, numerical"
                + " error %s, verdict %s (%d resolvable entries; best central difference error %s at step %s)",
                mutant.name(), Mutations.entryName(i, j), number(mutant.jacobian(i, j)), number(point.exactJacobian(i, j)),
                number(outcome.numerical(i, j)), number(outcome.numericalError(i, j)), outcome.verdict(i, j),
                mutant.resolvableEntries().size(),
                number(point.bestError(i, j)), number(point.bestStep(i, j)));
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.6e", value);
    }
}
