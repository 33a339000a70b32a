package org.gradcheck.corpus;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.gradcheck.CheckRefusedException;
import org.gradcheck.GradientChecker;
import org.gradcheck.Precision;
import org.gradcheck.Refinement;
import org.gradcheck.Strategy;

/**
 * Prints, for each rule (GradCheck's default checker, its screening strategy, GradCheck at the article's settings, the
 * article's own rule and PyTorch's gradcheck defaults), per corpus, kind and category: detections and localisation of
 * bugs, false alarms on correct functions, unresolvable cases not passed, non-determinism and bad inputs reported;
 * then every case the rule did not get as required.
 *
 * <p>Run it with {@code mvn -B -q -pl core test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.gradcheck.corpus.Scoreboard}.
 */
public final class Scoreboard {

    private static final String ROW = "%-8s %-17s %-28s %5s %9s %9s %12s";

    private Scoreboard() {
    }

    public static void main(String[] args) {
        List<ScoredRule> rules = rules();
        for (int k = 0; k < rules.size(); k++) {
            if (k > 0) {
                System.out.println();
            }
            print(rules.get(k), System.out);
        }
    }

    /** {@return the rules the scoreboard scores, in the order of its tables} */
    static List<ScoredRule> rules() {
        return List.of(
                new ScoredRule("default settings", true,
                        c -> Verdicts.of(c, GradientChecker.defaults()), c -> JacobianVerdicts.of(c, GradientChecker.defaults())),
                new ScoredRule("screening strategy (gradient cases: Jacobian checks have no strategies)", true,
                        c -> Verdicts.of(c, GradientChecker.defaults().withStrategy(Strategy.screening())), null),
                new ScoredRule("the article's method (fixed step 1e-7, no refinement; gradient cases)", true,
                        c -> Verdicts.of(c, GradientChecker.defaults().withStep(1e-7).withPrecision(Precision.DOUBLE)
                                .withRefinement(Refinement.NONE)), null),
                new ScoredRule(PeerRules.ARTICLE.title(), false, PeerRules.ARTICLE::check, PeerRules.ARTICLE::check),
                new ScoredRule(PeerRules.PYTORCH.title(), true, PeerRules.PYTORCH::check, PeerRules.PYTORCH::check));
    }

    /**
     * A rule as the scoreboard runs it: its title, whether it names entries, and what it says of a gradient case and of a
     * Jacobian case (null if it does not check Jacobians).
     */
    record ScoredRule(String title, boolean localises, Function<CorpusCase, Outcome> gradient,
            Function<JacobianCase, Outcome> jacobian) {
    }

    static void print(ScoredRule rule, PrintStream out) {
        List<CorpusCase> gradientCases = Corpus.cases();
        List<JacobianCase> jacobianCases = rule.jacobian() == null ? List.of() : JacobianCorpus.cases();
        Map<String, int[]> rows = new LinkedHashMap<>();
        StringBuilder misses = new StringBuilder();
        for (CorpusCase corpusCase : gradientCases) {
            count(rule.gradient().apply(corpusCase), rows, misses);
        }
        for (JacobianCase jacobianCase : jacobianCases) {
            count(rule.jacobian().apply(jacobianCase), rows, misses);
        }
        out.println("GradCheck verdict corpus, " + rule.title() + ": " + gradientCases.size() + " gradient cases"
                + (jacobianCases.isEmpty() ? "" : ", " + jacobianCases.size() + " Jacobian cases"));
        out.println(String.format(Locale.ROOT, ROW, "corpus", "kind", "category", "cases", "detected", "localised",
                "false alarms"));
        for (Map.Entry<String, int[]> entry : rows.entrySet()) {
            String[] key = entry.getKey().split("\\|");
            int[] row = entry.getValue();
            CorpusCase.Kind kind = CorpusCase.Kind.valueOf(key[1]);
            boolean localisable = rule.localises() && (kind == CorpusCase.Kind.BUG || kind == CorpusCase.Kind.UNRESOLVABLE);
            out.println(String.format(Locale.ROOT, ROW, key[0], key[1].toLowerCase(Locale.ROOT), key[2], row[0],
                    kind == CorpusCase.Kind.CORRECT ? "-" : row[1] + "/" + row[0], localisable ? row[2] + "/" + row[0] : "-",
                    kind == CorpusCase.Kind.CORRECT ? row[3] + "/" + row[0] : "-"));
        }
        for (String form : new String[] {"gradient", "jacobian"}) {
            if (form.equals("jacobian") && jacobianCases.isEmpty()) {
                continue;
            }
            int kinds = CorpusCase.Kind.values().length;
            int[][] totals = new int[kinds][4];
            for (Map.Entry<String, int[]> entry : rows.entrySet()) {
                String[] key = entry.getKey().split("\\|");
                if (key[0].equals(form)) {
                    int[] total = totals[CorpusCase.Kind.valueOf(key[1]).ordinal()];
                    for (int column = 0; column < 4; column++) {
                        total[column] += entry.getValue()[column];
                    }
                }
            }
            int[] bugs = totals[CorpusCase.Kind.BUG.ordinal()];
            int[] correct = totals[CorpusCase.Kind.CORRECT.ordinal()];
            int[] unresolvable = totals[CorpusCase.Kind.UNRESOLVABLE.ordinal()];
            int[] nondeterministic = totals[CorpusCase.Kind.NONDETERMINISTIC.ordinal()];
            int[] bad = totals[CorpusCase.Kind.BAD_INPUT.ordinal()];
            out.println(String.format(Locale.ROOT, "total (%s): bugs detected %d/%d, localised %s; false alarms %d/%d;"
                    + " unresolvable cases not passed %d/%d, as required %d/%d; non-deterministic functions and bad inputs"
                    + " reported %d/%d", form, bugs[1], bugs[0], rule.localises() ? bugs[2] + "/" + bugs[0] : "-", correct[3],
                    correct[0], unresolvable[1], unresolvable[0], unresolvable[2], unresolvable[0],
                    nondeterministic[1] + bad[1], nondeterministic[0] + bad[0]));
        }
        out.println(misses.length() == 0 ? "every case as required" : "not as required:\n" + misses);
    }

    /**
     * Adds an outcome to its row: {cases, detected, localised (for unresolvable cases: not passed, and only entries
     * without a derivative failing), false alarms}; a case not as required goes to {@code misses}.
     */
    private static void count(Outcome outcome, Map<String, int[]> rows, StringBuilder misses) {
        Case corpusCase = outcome.corpusCase();
        int[] row = rows.computeIfAbsent(corpusCase.form() + "|" + corpusCase.kind() + "|" + corpusCase.category(),
                key -> new int[4]);
        row[0]++;
        switch (corpusCase.kind()) {
            case BUG:
                row[1] += outcome.detected() ? 1 : 0;
                row[2] += outcome.localised() ? 1 : 0;
                break;
            case CORRECT:
                row[3] += outcome.asRequired() ? 0 : 1;
                break;
            case UNRESOLVABLE:
                row[1] += outcome.detected() || outcome.error() instanceof CheckRefusedException ? 1 : 0;
                row[2] += outcome.asRequired() ? 1 : 0;
                break;
            default:
                row[1] += outcome.asRequired() ? 1 : 0;
                break;
        }
        if (!outcome.asRequired()) {
            misses.append("  ").append(outcome.describe()).append('\n');
        }
    }
}
