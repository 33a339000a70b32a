package org.gradcheck.corpus;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gradcheck.GradientChecker;
import org.gradcheck.Precision;
import org.gradcheck.Refinement;
import org.gradcheck.Strategy;

/**
 * Prints, per kind and category of the corpus, how the default checker did: detections and localisation
 * of bugs, false alarms on correct functions, non-determinism and bad inputs reported.
 *
 * <p>Run it with {@code mvn -B -q -pl core test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.gradcheck.corpus.Scoreboard}.
 */
public final class Scoreboard {

    private Scoreboard() {
    }

    public static void main(String[] args) {
        print(GradientChecker.defaults(), "default settings", System.out);
        System.out.println();
        print(GradientChecker.defaults().withStrategy(Strategy.screening()), "screening strategy", System.out);
        System.out.println();
        print(GradientChecker.defaults().withStep(1e-7).withPrecision(Precision.DOUBLE).withRefinement(Refinement.NONE),
                "the article's method (fixed step 1e-7, no refinement)", System.out);
    }

    static void print(GradientChecker checker, String title, PrintStream out) {
        List<CorpusCase> cases = Corpus.cases();
        Map<String, int[]> rows = new LinkedHashMap<>();
        StringBuilder misses = new StringBuilder();
        for (CorpusCase corpusCase : cases) {
            Verdicts verdicts = Verdicts.of(corpusCase, checker);
            int[] row = rows.computeIfAbsent(corpusCase.kind() + "|" + corpusCase.category(), key -> new int[4]);
            row[0]++;
            switch (corpusCase.kind()) {
                case BUG:
                    row[1] += verdicts.detected() ? 1 : 0;
                    row[2] += verdicts.localised() ? 1 : 0;
                    break;
                case CORRECT:
                    row[3] += verdicts.asRequired() ? 0 : 1;
                    break;
                default:
                    row[1] += verdicts.asRequired() ? 1 : 0;
                    break;
            }
            if (!verdicts.asRequired()) {
                misses.append("  ").append(verdicts.describe()).append('\n');
            }
        }
        out.println("GradCheck verdict corpus, " + title + ": " + cases.size() + " cases");
        out.println(String.format(Locale.ROOT, "%-17s %-28s %5s %9s %9s %12s", "kind", "category", "cases", "detected",
                "localised", "false alarms"));
        for (Map.Entry<String, int[]> entry : rows.entrySet()) {
            String[] key = entry.getKey().split("\\|");
            int[] row = entry.getValue();
            boolean bug = key[0].equals("BUG");
            boolean correct = key[0].equals("CORRECT");
            out.println(String.format(Locale.ROOT, "%-17s %-28s %5d %9s %9s %12s", key[0].toLowerCase(Locale.ROOT), key[1],
                    row[0], correct ? "-" : row[1] + "/" + row[0], bug ? row[2] + "/" + row[0] : "-",
                    correct ? row[3] + "/" + row[0] : "-"));
        }
        int[] bugs = new int[3];
        int[] correct = new int[2];
        int[] reported = new int[2];
        for (Map.Entry<String, int[]> entry : rows.entrySet()) {
            int[] row = entry.getValue();
            if (entry.getKey().startsWith("BUG|")) {
                bugs[0] += row[0];
                bugs[1] += row[1];
                bugs[2] += row[2];
            } else if (entry.getKey().startsWith("CORRECT|")) {
                correct[0] += row[0];
                correct[1] += row[3];
            } else {
                reported[0] += row[0];
                reported[1] += row[1];
            }
        }
        out.println(String.format(Locale.ROOT, "total: bugs detected %d/%d, localised %d/%d; false alarms %d/%d;"
                + " non-deterministic functions and bad inputs reported %d/%d", bugs[1], bugs[0], bugs[2], bugs[0],
                correct[1], correct[0], reported[1], reported[0]));
        out.println(misses.length() == 0 ? "every case as required" : "not as required:\n" + misses);
    }
}
