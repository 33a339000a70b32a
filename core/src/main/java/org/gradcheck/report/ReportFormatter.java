package org.gradcheck.report;

import java.util.ArrayList;
import java.util.List;
import org.gradcheck.layout.Block;

/**
 * Renders a {@link GradientReport} as aligned plain text that reads well in a terminal and in Surefire's
 * report files: a headline, the settings, the parameters worst first (capped at a number of rows) and a
 * summary per block.
 *
 * <pre>
 * Gradient check failed: 1 of 8 parameters disagree, worst W2[0,1]: analytic 3.000e+00, numerical 1.000e+00 (mismatch 2.000e+00, numerical error 2.220e-10)
 *   overall difference ||g - n|| / (||g|| + ||n||): 3.333e-01
 *   ...
 * parameter   analytic  numerical   mismatch  rel error  num error  verdict
 * W2[0,1]    3.000e+00  1.000e+00  2.000e+00  6.667e-01  2.220e-10  FAIL
 * </pre>
 *
 * <p>Pure functions of the report: the same report always renders the same text.
 *
 * @since 0.1
 */
public final class ReportFormatter {

    /** Rows of parameters shown unless told otherwise. */
    public static final int DEFAULT_MAX_ROWS = 20;

    /** Longest parameter name shown in full; longer ones are shortened in the middle. */
    static final int MAX_NAME_WIDTH = 24;

    private ReportFormatter() {
    }

    /**
     * The full text of {@code report} with at most {@code maxRows} parameter rows, worst first.
     *
     * @throws IllegalArgumentException if {@code maxRows < 1}
     */
    public static String format(GradientReport report, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be >= 1 but was " + maxRows + ": the report shows at least the worst parameter");
        }
        StringBuilder text = new StringBuilder();
        text.append(headline(report)).append('\n');
        text.append("  overall difference ||g - n|| / (||g|| + ||n||): ")
                .append(NumberFormatter.format(report.overallDifference())).append('\n');
        text.append("  strategy: ").append(report.strategyDescription()).append('\n');
        for (String note : report.strategyNotes()) {
            text.append("    ").append(note).append('\n');
        }
        text.append("  scheme: ").append(report.scheme()).append(", step ").append(report.stepDescription());
        if (report.refinedCount() > 0) {
            text.append("; ").append(report.refinedCount()).append(report.refinedCount() == 1 ? " parameter" : " parameters")
                    .append(" re-estimated by Ridders' method");
        }
        text.append('\n');
        text.append("  tolerance: ").append(report.tolerance()).append('\n');
        text.append("  precision: ").append(report.precisionDescription()).append('\n');
        text.append("  function value: ").append(NumberFormatter.format(report.value()))
                .append(", evaluations: ").append(report.evaluations()).append('\n');
        for (String warning : report.warnings()) {
            text.append("  warning: ").append(warning).append('\n');
        }
        text.append('\n');
        List<ParameterCheck> rows = report.worst(Math.min(maxRows, report.checkedCount()));
        text.append(parameterTable(rows));
        if (rows.size() < report.checkedCount()) {
            text.append("... and ").append(report.checkedCount() - rows.size()).append(" more (showing ")
                    .append(rows.size()).append(" of ").append(report.checkedCount()).append(" checked parameters, worst first)\n");
        }
        text.append('\n');
        text.append(blockTable(report));
        return text.toString();
    }

    /** The first line: {@code Gradient check passed: 8 parameters agree} or how many failed and the worst. */
    public static String headline(GradientReport report) {
        if (report.failureCount() == 0) {
            String agree = "Gradient check " + (report.passed() ? "passed" : "failed") + ": " + report.size()
                    + (report.size() == 1 ? " parameter agrees" : " parameters agree") + " within the tolerance";
            return report.passed() ? agree
                    : agree + ", but " + report.barelyTestedBlocks() + (report.barelyTestedBlocks() == 1 ? " block was" : " blocks were")
                            + " barely tested (UntestedPolicy.FAIL)";
        }
        ParameterCheck worst = report.worst(1).get(0);
        return "Gradient check failed: " + report.failureCount() + " of " + report.size() + " parameters disagree, worst "
                + worst.name() + ": analytic " + NumberFormatter.format(worst.analytic()) + ", numerical "
                + NumberFormatter.format(worst.numerical()) + " (mismatch " + NumberFormatter.format(worst.absoluteError())
                + ", numerical error " + NumberFormatter.format(worst.numericalError()) + ")";
    }

    private static String parameterTable(List<ParameterCheck> rows) {
        Table table = new Table("parameter", "analytic", "numerical", "mismatch", "rel error", "num error", "verdict");
        for (ParameterCheck row : rows) {
            table.add(shorten(row.name()), NumberFormatter.format(row.analytic()), NumberFormatter.format(row.numerical()),
                    NumberFormatter.format(row.absoluteError()), NumberFormatter.format(row.relativeError()),
                    NumberFormatter.format(row.numericalError()), row.verdict().name());
        }
        return table.render();
    }

    private static String blockTable(GradientReport report) {
        Table table = new Table("block", "shape", "checked", "failures", "kinks", "~zero", "max rel error", "difference", "worst");
        for (BlockSummary summary : report.blocks()) {
            Block block = report.layout().block(summary.name());
            String checked = summary.checked() == summary.count() ? Integer.toString(summary.count())
                    : summary.checked() + " of " + summary.count();
            table.add(shorten(summary.name()), block.shapeText(), checked,
                    Integer.toString(summary.failures()), Integer.toString(summary.kinks()),
                    Integer.toString(summary.negligible()), NumberFormatter.format(summary.maxRelativeError()),
                    NumberFormatter.format(summary.difference()), shorten(summary.worstParameter()));
        }
        return table.render();
    }

    /** Shortens a name longer than {@value #MAX_NAME_WIDTH} characters in the middle: {@code encoder.la…W1[2,3]}. */
    static String shorten(String name) {
        if (name.length() <= MAX_NAME_WIDTH) {
            return name;
        }
        int tail = MAX_NAME_WIDTH / 2;
        int head = MAX_NAME_WIDTH - tail - 1;
        return name.substring(0, head) + "…" + name.substring(name.length() - tail);
    }

    /** A text table: the first column and the last are left-aligned, the others right-aligned. */
    private static final class Table {

        private final List<String[]> rows = new ArrayList<>();

        Table(String... header) {
            rows.add(header);
        }

        void add(String... cells) {
            rows.add(cells);
        }

        String render() {
            int columns = rows.get(0).length;
            int[] widths = new int[columns];
            for (String[] row : rows) {
                for (int c = 0; c < columns; c++) {
                    widths[c] = Math.max(widths[c], row[c].length());
                }
            }
            StringBuilder text = new StringBuilder();
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < columns; c++) {
                    if (c > 0) {
                        line.append("  ");
                    }
                    boolean left = c == 0 || c == columns - 1;
                    String padding = " ".repeat(widths[c] - row[c].length());
                    line.append(left ? row[c] + padding : padding + row[c]);
                }
                text.append(line.toString().stripTrailing()).append('\n');
            }
            return text.toString();
        }
    }
}
