package org.gradcheck.junit;

import java.util.List;
import java.util.Locale;
import org.gradcheck.report.BlockSummary;

/**
 * Writes the suite report's data as JSON: the counts of the page's summary line; per check the test, trial, seed, the check's
 * verdict, its outcome (the page's text: {@code failed as the test expected}) and its test's result ({@code passed},
 * {@code failed}, {@code aborted}, or {@code null} for a test that did not finish), figures, warnings, per-block summaries
 * with their histograms of relative errors and of error ratios (mismatch divided by allowed error; the bins below the
 * middle hold the passes at or below 1, those above it the failures, and {@code errorRatioSlots} the entries whose
 * verdict the ratio did not decide), the worst parameters and the plotted ones. Numbers that are not finite are
 * written as {@code null}. Bounded like the page: at most {@value CheckRecord#MAX_POINTS} parameters per check.
 */
final class JsonReportWriter {

    static final String FILE_NAME = "report.json";

    /** Version of the file's layout, raised when a field changes meaning or disappears. */
    static final int FORMAT_VERSION = 1;

    private JsonReportWriter() {
    }

    /**
     * The file listing {@code checks}, each with its outcome.
     *
     * @param outcomes the outcome of each check, in the same order
     * @throws IllegalArgumentException if there are not as many outcomes as checks
     */
    static String write(List<CheckRecord> checks, List<CheckOutcome> outcomes) {
        if (outcomes.size() != checks.size()) {
            throw new IllegalArgumentException(outcomes.size() + (outcomes.size() == 1 ? " outcome for " : " outcomes for ")
                    + checks.size() + (checks.size() == 1 ? " check" : " checks") + ": give one outcome per check");
        }
        StringBuilder json = new StringBuilder(64 * 1024);
        CheckOutcome.Counts counts = CheckOutcome.Counts.of(outcomes);
        json.append("{\n  \"format\": ").append(FORMAT_VERSION).append(",\n  \"summary\": {");
        field(json, "checks", Integer.toString(counts.checks()), true);
        field(json, "passed", Integer.toString(counts.passed()), false);
        field(json, "passedInTestsThatDidNotPass", Integer.toString(counts.passedInTestsThatDidNotPass()), false);
        field(json, "failedAsExpected", Integer.toString(counts.expected()), false);
        field(json, "failed", Integer.toString(counts.failed()), false);
        field(json, "failedInUnfinishedTests", Integer.toString(counts.unfinished()), false);
        field(json, "text", string(counts.text()), false);
        json.append("},\n  \"histogram\": {\"lowestDecade\": ")
                .append(CheckRecord.LOWEST_DECADE).append(", \"binsPerDecade\": ").append(CheckRecord.BINS_PER_DECADE)
                .append(", \"bins\": ").append(CheckRecord.BINS).append("},\n  \"errorRatioHistogram\": {\"lowestDecade\": ")
                .append(CheckRecord.RATIO_LOWEST_DECADE).append(", \"binsPerDecade\": ").append(CheckRecord.RATIO_BINS_PER_DECADE)
                .append(", \"bins\": ").append(CheckRecord.RATIO_BINS).append(", \"binsAtOrBelowOne\": ")
                .append(CheckRecord.RATIO_BINS / 2).append("},\n  \"checks\": [");
        for (int c = 0; c < checks.size(); c++) {
            json.append(c == 0 ? "\n" : ",\n");
            check(json, checks.get(c), outcomes.get(c));
        }
        json.append("\n  ]\n}\n");
        return json.toString();
    }

    private static void check(StringBuilder json, CheckRecord check, CheckOutcome outcome) {
        json.append("    {");
        field(json, "number", Integer.toString(check.number), true);
        field(json, "test", string(check.testName), false);
        field(json, "uniqueId", string(check.uniqueId), false);
        if (check.trial != null) {
            field(json, "trial", Integer.toString(check.trial.trial()), false);
            field(json, "trials", Integer.toString(check.trial.trials()), false);
            field(json, "seed", Long.toString(check.trial.rootSeed()), false);
            field(json, "trialSeed", Long.toString(check.trial.trialSeed()), false);
            field(json, "examples", check.trial.exampleIndices().toString(), false);
            field(json, "rerun", string(check.trial.rerunProperties()), false);
        } else {
            field(json, "trial", "null", false);
            field(json, "seed", "null", false);
        }
        field(json, "verdict", string(check.passed ? "passed" : "failed"), false);
        field(json, "outcome", string(outcome.text()), false);
        field(json, "testResult", outcome.test() == CheckOutcome.TestResult.UNFINISHED ? "null"
                : string(outcome.test().name().toLowerCase(Locale.ROOT)), false);
        field(json, "headline", string(check.headline), false);
        field(json, "parameters", Integer.toString(check.size), false);
        field(json, "checked", Integer.toString(check.checked), false);
        field(json, "failures", Integer.toString(check.failures), false);
        field(json, "unresolved", Integer.toString(check.unresolved), false);
        field(json, "kinks", Integer.toString(check.kinks), false);
        field(json, "negligible", Integer.toString(check.negligible), false);
        field(json, "overallDifference", number(check.overallDifference), false);
        field(json, "strategy", string(check.strategy), false);
        field(json, "strategyNotes", strings(check.strategyNotes), false);
        field(json, "scheme", string(check.scheme), false);
        field(json, "tolerance", string(check.tolerance), false);
        field(json, "relativeTolerance", number(check.relativeTolerance), false);
        field(json, "absoluteTolerance", number(check.absoluteTolerance), false);
        field(json, "precision", string(check.precision), false);
        field(json, "evaluations", Long.toString(check.evaluations), false);
        field(json, "seconds", number(check.seconds), false);
        field(json, "warnings", strings(check.warnings), false);
        json.append(",\n      \"blocks\": [");
        for (int b = 0; b < check.blocks.size(); b++) {
            CheckRecord.BlockRow row = check.blocks.get(b);
            BlockSummary summary = row.summary();
            json.append(b == 0 ? "\n        {" : ",\n        {");
            field(json, "name", string(summary.name()), true);
            field(json, "shape", string(row.shape()), false);
            field(json, "count", Integer.toString(summary.count()), false);
            field(json, "checked", Integer.toString(summary.checked()), false);
            field(json, "failures", Integer.toString(summary.failures()), false);
            field(json, "unresolved", Integer.toString(summary.unresolved()), false);
            field(json, "kinks", Integer.toString(summary.kinks()), false);
            field(json, "negligible", Integer.toString(summary.negligible()), false);
            field(json, "maxRelativeError", number(summary.maxRelativeError()), false);
            field(json, "difference", number(summary.difference()), false);
            field(json, "worstParameter", string(summary.worstEntry()), false);
            field(json, "exactMatches", Integer.toString(row.exactMatches()), false);
            field(json, "relativeErrorHistogram", integers(row.histogram()), false);
            field(json, "errorRatioHistogram", integers(row.ratioBins()), false);
            StringBuilder slots = new StringBuilder("{");
            for (CheckRecord.RatioSlot slot : CheckRecord.RatioSlot.values()) {
                field(slots, slot.name().toLowerCase(Locale.ROOT), Integer.toString(row.slot(slot)), slot.ordinal() == 0);
            }
            field(json, "errorRatioSlots", slots.append('}').toString(), false);
            json.append('}');
        }
        json.append("\n      ],\n      \"worst\": ");
        points(json, check.worst);
        field(json, "plottable", Integer.toString(check.plottable), false);
        json.append(",\n      \"plotted\": ");
        points(json, check.points);
        json.append("\n    }");
    }

    private static void points(StringBuilder json, List<CheckRecord.Point> points) {
        json.append('[');
        for (int p = 0; p < points.size(); p++) {
            CheckRecord.Point point = points.get(p);
            json.append(p == 0 ? "\n        {" : ",\n        {");
            field(json, "index", Integer.toString(point.index()), true);
            field(json, "name", string(point.name()), false);
            field(json, "block", Integer.toString(point.block()), false);
            field(json, "analytic", number(point.analytic()), false);
            field(json, "numerical", number(point.numerical()), false);
            field(json, "relativeError", number(point.relativeError()), false);
            field(json, "allowedError", number(point.allowedError()), false);
            field(json, "errorRatio", number(point.errorRatio()), false);
            field(json, "verdict", string(point.verdict().name()), false);
            json.append('}');
        }
        json.append(points.isEmpty() ? "]" : "\n      ]");
    }

    private static void field(StringBuilder json, String name, String value, boolean first) {
        json.append(first ? "" : ", ").append('"').append(name).append("\": ").append(value);
    }

    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "null";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format(Locale.ROOT, "%.1f", value)
                : Double.toString(value);
    }

    private static String integers(int[] values) {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            list.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return list.append(']').toString();
    }

    private static String strings(List<String> values) {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            list.append(i == 0 ? "" : ", ").append(string(values.get(i)));
        }
        return list.append(']').toString();
    }

    static String string(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
