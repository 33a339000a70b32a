package org.gradcheck.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;
import org.gradcheck.layout.Block;

/**
 * Renders a {@link GradientReport} as aligned plain text that reads well in a terminal 100 columns wide
 * and in Surefire's report files: a headline, the worst parameter's mismatch next to its numerical error,
 * the settings and warnings, the parameters worst first (capped at a number of rows) and a summary per
 * block.
 *
 * <pre>
 * Gradient check failed: 1 of 8 parameters disagree
 *   worst W2[0,1]: mismatch 2.000e+00, numerical error 2.220e-10
 *   overall difference ||g - n|| / (||g|| + ||n||): 3.333e-01
 *   ...
 * parameter   analytic  numerical   mismatch  num error  rel error  verdict
 * W2[0,1]    3.000e+00  1.000e+00  2.000e+00  2.220e-10  6.667e-01  FAIL
 * </pre>
 *
 * <p>Every number goes through {@link NumberFormatter}; names longer than {@value #MAX_NAME_WIDTH} characters
 * are shortened in the middle; settings and warnings are wrapped at {@value #WIDTH} columns. Pure functions of
 * the report: the same report always renders the same text.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ReportFormatter {

    /** Rows of parameters shown unless told otherwise. */
    public static final int DEFAULT_MAX_ROWS = 20;

    /** The width text lines are wrapped at. */
    public static final int WIDTH = 100;

    /** Longest parameter name shown in full; longer ones are shortened in the middle. */
    static final int MAX_NAME_WIDTH = 24;

    /** Shortest a name column of a table is cut to so that the table fits in {@value #WIDTH} columns. */
    static final int MIN_NAME_WIDTH = 8;

    private ReportFormatter() {
    }

    /**
     * The full text of {@code report} with at most {@code maxRows} parameter rows, worst first.
     *
     * @param report the check's report
     * @param maxRows the most parameter rows shown, 1 or more
     * @return the full text of {@code report} with at most {@code maxRows} parameter rows, worst first
     * @throws IllegalArgumentException if {@code report} is null or {@code maxRows < 1}
     */
    public static String format(GradientReport report, int maxRows) {
        if (report == null) {
            throw new IllegalArgumentException("report must not be null: pass the result of GradientChecker.check(...)");
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be >= 1 but was " + maxRows + ": the report shows at least the worst parameter");
        }
        StringBuilder text = new StringBuilder();
        text.append(headline(report)).append('\n');
        if (report.failureCount() > 0) {
            ParameterCheck worst = report.worst(1).get(0);
            line(text, "  ", "worst " + shorten(worst.name()) + ": mismatch " + NumberFormatter.format(worst.absoluteError())
                    + ", numerical error " + NumberFormatter.format(worst.numericalError()));
        }
        line(text, "  ", "overall difference ||g - n|| / (||g|| + ||n||): " + NumberFormatter.format(report.overallDifference()));
        line(text, "  ", "strategy: " + report.strategyDescription());
        for (String note : report.strategyNotes()) {
            line(text, "    ", note);
        }
        String scheme = "scheme: " + report.scheme() + ", step " + report.stepDescription();
        if (report.refinedCount() > 0) {
            scheme += "; " + report.refinedCount() + (report.refinedCount() == 1 ? " parameter" : " parameters")
                    + " re-estimated by Ridders' method";
        }
        line(text, "  ", scheme);
        line(text, "  ", "tolerance: " + report.tolerance());
        line(text, "  ", "precision: " + report.precisionDescription());
        line(text, "  ", "function value: " + NumberFormatter.format(report.value()) + ", evaluations: " + report.evaluations());
        for (String warning : report.warnings()) {
            line(text, "  ", "warning: " + warning);
        }
        text.append('\n');
        List<ParameterCheck> rows = report.worst(Math.min(maxRows, report.checkedCount()));
        if (!rows.isEmpty()) {
            text.append(parameterTable(rows));
        }
        if (rows.size() < report.checkedCount()) {
            text.append("... and ").append(report.checkedCount() - rows.size()).append(" more (showing ")
                    .append(rows.size()).append(" of ").append(report.checkedCount()).append(" checked parameters, worst first)\n");
        }
        if (!rows.isEmpty() || report.checkedCount() > 0) {
            text.append('\n');
        }
        text.append(blockTable(report));
        return text.toString();
    }

    /**
     * The first line: {@code Gradient check passed: 8 parameters agree within the tolerance}, or how many
     * parameters failed.
     *
     * @param report the check's report
     * @return the first line: {@code Gradient check passed: 8 parameters agree within the tolerance}, or how many parameters failed
     */
    public static String headline(GradientReport report) {
        if (report.failureCount() == 0 && report.strategyFailure().isPresent()) {
            return "Gradient check failed: " + report.strategyFailure().get();
        }
        if (report.failureCount() == 0) {
            String agree = "Gradient check " + (report.passed() ? "passed" : "failed") + ": "
                    + (report.checkedCount() == report.size() ? report.size() + (report.size() == 1 ? " parameter agrees" : " parameters agree")
                            : "no disagreement among " + report.size() + " parameters")
                    + " within the tolerance";
            return report.passed() ? agree
                    : agree + ", but " + report.barelyTestedBlocks() + (report.barelyTestedBlocks() == 1 ? " block was" : " blocks were")
                            + " barely tested (UntestedPolicy.FAIL)";
        }
        return "Gradient check failed: " + report.failureCount() + " of " + report.size() + " parameters disagree";
    }

    /** Appends {@code content} after {@code indent}, wrapped at {@link #WIDTH} columns with a deeper indent. */
    private static void line(StringBuilder text, String indent, String content) {
        String continuation = indent + "    ";
        String prefix = indent;
        String rest = content;
        while (prefix.length() + rest.length() > WIDTH) {
            int limit = WIDTH - prefix.length();
            int cut = rest.lastIndexOf(' ', limit);
            if (cut <= 0) {
                break;
            }
            text.append(prefix).append(rest, 0, cut).append('\n');
            rest = rest.substring(cut + 1);
            prefix = continuation;
        }
        text.append(prefix).append(rest).append('\n');
    }

    private static String parameterTable(List<ParameterCheck> rows) {
        TextTable table = new TextTable("parameter", "analytic", "numerical", "mismatch", "num error", "rel error", "verdict");
        for (ParameterCheck row : rows) {
            table.add(shorten(row.name()), NumberFormatter.format(row.analytic()), NumberFormatter.format(row.numerical()),
                    NumberFormatter.format(row.absoluteError()), NumberFormatter.format(row.numericalError()),
                    NumberFormatter.format(row.relativeError()), row.verdict().name());
        }
        return table.render(WIDTH, MIN_NAME_WIDTH, 0);
    }

    private static String blockTable(GradientReport report) {
        TextTable table = new TextTable("block", "shape", "checked", "failures", "kinks", "~zero", "max rel err", "difference", "worst");
        for (BlockSummary summary : report.blocks()) {
            Block block = report.layout().block(summary.name());
            String checked = summary.checked() == summary.count() ? Integer.toString(summary.count())
                    : summary.checked() + " of " + summary.count();
            table.add(shorten(summary.name()), block.shapeText(), checked,
                    Integer.toString(summary.failures()), Integer.toString(summary.kinks()),
                    Integer.toString(summary.negligible()), NumberFormatter.format(summary.maxRelativeError()),
                    NumberFormatter.format(summary.difference()), shorten(summary.worstParameter()));
        }
        return table.render(WIDTH, MIN_NAME_WIDTH, 0, 8);
    }

    /** Shortens a name longer than {@value #MAX_NAME_WIDTH} characters in the middle: {@code encoder.att…eights[1,11]}. */
    static String shorten(String name) {
        return shorten(name, MAX_NAME_WIDTH);
    }

    /** Shortens {@code name} to {@code width} characters in the middle if it is longer. */
    static String shorten(String name, int width) {
        return TextTable.shorten(name, width);
    }
}
