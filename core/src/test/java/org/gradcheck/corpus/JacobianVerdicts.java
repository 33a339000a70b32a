package org.gradcheck.corpus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gradcheck.CheckRefusedException;
import org.gradcheck.GradientChecker;
import org.gradcheck.report.Entry;
import org.gradcheck.report.JacobianReport;
import org.gradcheck.report.Verdict;

/** What GradCheck's Jacobian check said of one Jacobian case: its report, or its refusal. */
record JacobianVerdicts(JacobianCase corpusCase, JacobianReport report, RuntimeException error) implements Outcome {

    /** Entries an account shows at most. */
    private static final int ACCOUNT_ROWS = 4;

    static JacobianVerdicts of(JacobianCase corpusCase, GradientChecker checker) {
        try {
            return new JacobianVerdicts(corpusCase, checker.checkJacobian(corpusCase.function(), corpusCase.point(),
                    corpusCase.inputLayout()), null);
        } catch (IllegalArgumentException | CheckRefusedException e) {
            return new JacobianVerdicts(corpusCase, null, e);
        }
    }

    @Override
    public boolean passed() {
        return report != null && report.passed();
    }

    /** Every entry whose verdict is neither a pass nor an accepted kink, worst first. */
    @Override
    public List<String> failing() {
        List<Entry> failing = new ArrayList<>();
        if (report != null) {
            for (Entry entry : report.entries()) {
                if (entry.verdict() != Verdict.PASS && entry.verdict() != Verdict.KINK) {
                    failing.add(entry);
                }
            }
        }
        failing.sort((a, b) -> Double.compare(b.errorRatio(), a.errorRatio()));
        List<String> names = new ArrayList<>(failing.size());
        for (Entry entry : failing) {
            names.add(name(entry));
        }
        return names;
    }

    @Override
    public List<String> worst(int count) {
        List<String> names = new ArrayList<>();
        if (report != null) {
            for (Entry entry : report.worst(count)) {
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
        for (Entry entry : report.entries()) {
            if (shown.contains(name(entry)) && rows.size() < ACCOUNT_ROWS) {
                rows.add(row(entry));
            }
        }
        if (shown.size() > ACCOUNT_ROWS) {
            rows.add("showing " + ACCOUNT_ROWS + " of " + shown.size());
        }
        for (Entry entry : rows.isEmpty() ? report.worst(1) : List.<Entry>of()) {
            rows.add("worst " + row(entry));
        }
        return (report.passed() ? "passed" : "failed " + failing().size() + " of " + report.size()
                + (report.consistencyFailureCount() > 0 ? " and " + report.consistencyFailureCount() + " consistency checks" : ""))
                + "; " + String.join("; ", rows) + "; precision " + report.precisionDescription() + "; step " + report.stepDescription();
    }

    private String name(Entry entry) {
        return JacobianCase.entryName(report.outputLayout().nameOf(entry.outputIndex()),
                report.inputLayout().nameOf(entry.inputIndex()));
    }

    private static String row(Entry entry) {
        return entry + ", mismatch " + format(entry.absoluteError()) + ", numerical error " + format(entry.numericalError());
    }

    /** {@code 1.234e-05}, {@code -6.000e+00}, {@code 0}, {@code NaN}, {@code Infinity}: the figures of a report. */
    private static String format(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return value == 0 ? "0" : Double.toString(value);
        }
        return String.format(Locale.ROOT, "%.3e", value);
    }
}
