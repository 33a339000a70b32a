package org.gradcheck.corpus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gradcheck.CheckRefusedException;
import org.gradcheck.GradientChecker;
import org.gradcheck.report.GradientReport;
import org.gradcheck.report.Entry;
import org.gradcheck.report.Verdict;

/** What GradCheck's gradient checker said of one corpus case: its report, or its refusal. */
record Verdicts(CorpusCase corpusCase, GradientReport report, RuntimeException error) implements Outcome {

    /** Rows of the report an account shows at most. */
    private static final int ACCOUNT_ROWS = 4;

    static Verdicts of(CorpusCase corpusCase, GradientChecker checker) {
        try {
            return new Verdicts(corpusCase, checker.check(corpusCase.function(), corpusCase.point(), corpusCase.layout()), null);
        } catch (IllegalArgumentException | CheckRefusedException e) {
            return new Verdicts(corpusCase, null, e);
        }
    }

    @Override
    public boolean passed() {
        return report != null && report.passed();
    }

    /** Every parameter checked one by one whose verdict is neither a pass nor an accepted kink, worst first. */
    @Override
    public List<String> failing() {
        List<Entry> failing = new ArrayList<>();
        if (report != null) {
            for (Entry check : report.parameters()) {
                if (!passes(check.verdict())) {
                    failing.add(check);
                }
            }
        }
        failing.sort((a, b) -> Double.compare(b.errorRatio(), a.errorRatio()));
        List<String> names = new ArrayList<>(failing.size());
        for (Entry check : failing) {
            names.add(check.name());
        }
        return names;
    }

    private static boolean passes(Verdict verdict) {
        return verdict == Verdict.PASS || verdict == Verdict.KINK || verdict == Verdict.NOT_CHECKED;
    }

    @Override
    public List<String> worst(int count) {
        List<String> names = new ArrayList<>();
        if (report != null) {
            for (Entry check : report.worst(count)) {
                names.add(check.name());
            }
        }
        return names;
    }

    @Override
    public boolean localises() {
        return true;
    }

    /** The verdict, the rows of the wrong parameters and of the worst failures, the precision found and the step. */
    @Override
    public String account() {
        if (error != null) {
            return "refused: " + error.getMessage();
        }
        Set<String> shown = new LinkedHashSet<>(corpusCase.wrongParameters());
        shown.addAll(failing());
        List<String> rows = new ArrayList<>();
        for (String name : shown) {
            if (rows.size() == ACCOUNT_ROWS) {
                rows.add("showing " + ACCOUNT_ROWS + " of " + shown.size());
                break;
            }
            rows.add(row(report.parameter(name)));
        }
        for (Entry check : rows.isEmpty() ? report.worst(1) : List.<Entry>of()) {
            rows.add("worst " + row(check));
        }
        return (report.passed() ? "passed" : "failed " + failing().size() + " of " + report.size()) + "; "
                + String.join("; ", rows) + "; precision " + report.precisionDescription() + "; step "
                + report.stepDescription();
    }

    private static String row(Entry check) {
        return check + (check.kink() ? " (one-sided " + check.leftDerivative() + ", " + check.rightDerivative() + ")" : "");
    }
}
