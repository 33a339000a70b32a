package org.gradcheck.corpus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gradcheck.GradientCheckException;
import org.gradcheck.jacobian.JacobianChecker;
import org.gradcheck.jacobian.JacobianEntry;
import org.gradcheck.jacobian.JacobianReport;
import org.gradcheck.report.NumberFormatter;
import org.gradcheck.report.Verdict;

/** What GradCheck's Jacobian checker said of one Jacobian case: its report, or its refusal. */
record JacobianVerdicts(JacobianCase corpusCase, JacobianReport report, RuntimeException error) implements Outcome {

    /** Entries an account shows at most. */
    private static final int ACCOUNT_ROWS = 4;

    static JacobianVerdicts of(JacobianCase corpusCase, JacobianChecker checker) {
        try {
            return new JacobianVerdicts(corpusCase, checker.check(corpusCase.function(), corpusCase.point(),
                    corpusCase.inputLayout()), null);
        } catch (IllegalArgumentException | GradientCheckException e) {
            return new JacobianVerdicts(corpusCase, null, e);
        }
    }

    @Override
    public boolean passed() {
        return report != null && report.passed();
    }

    /** Every entry whose verdict is not a pass, worst first. */
    @Override
    public List<String> failing() {
        List<JacobianEntry> failing = new ArrayList<>();
        if (report != null) {
            for (JacobianEntry entry : report.entries()) {
                if (entry.verdict() != Verdict.PASS) {
                    failing.add(entry);
                }
            }
        }
        failing.sort((a, b) -> Double.compare(b.errorRatio(), a.errorRatio()));
        List<String> names = new ArrayList<>(failing.size());
        for (JacobianEntry entry : failing) {
            names.add(name(entry));
        }
        return names;
    }

    @Override
    public List<String> worst(int count) {
        List<String> names = new ArrayList<>();
        if (report != null) {
            for (JacobianEntry entry : report.worst(count)) {
                names.add(name(entry));
            }
        }
        return names;
    }

    @Override
    public boolean localises() {
        return true;
    }

    /** The verdict, the wrong and the worst failing entries, the precision found and the step. */
    @Override
    public String account() {
        if (error != null) {
            return "refused: " + error.getMessage();
        }
        Set<String> shown = new LinkedHashSet<>(corpusCase.wrongParameters());
        shown.addAll(failing());
        List<String> rows = new ArrayList<>();
        for (JacobianEntry entry : report.entries()) {
            if (shown.contains(name(entry)) && rows.size() < ACCOUNT_ROWS) {
                rows.add(row(entry));
            }
        }
        if (shown.size() > ACCOUNT_ROWS) {
            rows.add("showing " + ACCOUNT_ROWS + " of " + shown.size());
        }
        for (JacobianEntry entry : rows.isEmpty() ? report.worst(1) : List.<JacobianEntry>of()) {
            rows.add("worst " + row(entry));
        }
        return (report.passed() ? "passed" : "failed " + failing().size() + " of " + report.size()
                + (report.productFailureCount() > 0 ? " and " + report.productFailureCount() + " consistency checks" : ""))
                + "; " + String.join("; ", rows) + "; precision " + report.precision() + "; step " + report.stepDescription();
    }

    private static String name(JacobianEntry entry) {
        return JacobianCase.entryName(entry.outputName(), entry.inputName());
    }

    private static String row(JacobianEntry entry) {
        return entry + ", mismatch " + NumberFormatter.format(entry.absoluteError()) + ", numerical error "
                + NumberFormatter.format(entry.numericalError());
    }
}
