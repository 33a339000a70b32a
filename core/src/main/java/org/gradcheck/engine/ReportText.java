package org.gradcheck.engine;

import java.util.ArrayList;
import java.util.List;
import org.gradcheck.UnresolvedPolicy;
import org.gradcheck.layout.Block;
import org.gradcheck.report.BlockSummary;
import org.gradcheck.report.Entry;
import org.gradcheck.report.Verdict;

/**
 * The one text formatter of every report: a headline ("K of N parameters disagree" or "K of N entries disagree", in
 * the plural for every K and N, as in "1 of 1 parameters disagree"; a passing one says "1 parameter agrees" or "N
 * parameters agree", or what the strategy found when it checked no parameter one by one, as in "the directional
 * derivatives of every block agree (N parameters)"); the worst entry; settings, notes and warnings wrapped at
 * {@value #WIDTH} columns; the entries worth reading (those that did not pass, then up to {@value #CONTRAST_ROWS}
 * passes for contrast, within the row limit; see {@link #rows}) with a line that says how many more there are and how
 * many of them fail; the reasons of the entries shown; a summary per block. A pure function of the report.
 *
 * <pre>
 * Gradient check failed: 1 of 8 parameters disagree
 *   worst W2[0,1]: analytic 3.000e+00, numerical 1.000e+00, mismatch 2.000e+00, allowed 3.000e-06
 *   ...
 * parameter   analytic  numerical   mismatch  num error  rel error  verdict
 * W2[0,1]    3.000e+00  1.000e+00  2.000e+00  2.220e-10  6.667e-01  FAIL
 * </pre>
 */
final class ReportText {

    /** Entry rows shown by {@code toString()}. */
    static final int DEFAULT_ROWS = 20;

    /** Passing rows shown after the failing ones, for contrast. */
    static final int CONTRAST_ROWS = 3;

    /** Rows shown of a report without failures. */
    static final int PASSING_ROWS = 5;

    /** The width text lines are wrapped at. */
    static final int WIDTH = 100;

    /** Longest name shown in full; longer ones are shortened in the middle. */
    static final int MAX_NAME_WIDTH = 32;

    /** Shortest a name column is cut to so that a table fits in {@value #WIDTH} columns. */
    static final int MIN_NAME_WIDTH = 8;

    /** A space that {@link #line} does not break a line at. */
    private static final char GLUE = '\u00A0';

    private ReportText() {
    }

    static String headline(Outcome report) {
        String what = report instanceof GradientOutcome ? "parameter" : "entry";
        String whats = report instanceof GradientOutcome ? "parameters" : "entries";
        int checked = report.checkedCount();
        int size = report.size();
        String of = checked == size ? " of " + size + " " + whats : " of " + checked + " checked " + whats;
        StringBuilder line = new StringBuilder(report.title()).append(" check ")
                .append(report.passed() ? "passed: " : "failed: ");
        List<String> problems = new ArrayList<>();
        if (report.failureCount() > 0) {
            problems.add(report.failureCount() + of + " disagree");
        }
        boolean unresolvedFail = report.unresolvedCount() > 0 && report.settings.unresolvedPolicy == UnresolvedPolicy.FAIL;
        if (unresolvedFail) {
            problems.add(report.unresolvedCount() + (problems.isEmpty() ? of : "") + " could not be resolved");
        }
        String others = report.otherProblems();
        if (others != null) {
            problems.add(others);
        }
        if (problems.isEmpty() && report.strategyFailure().isPresent()) {
            return line.append(report.strategyFailure().get()).toString();
        }
        if (!problems.isEmpty()) {
            return line.append(String.join(", ", problems)).toString();
        }
        if (checked == size) {
            line.append(size).append(size == 1 ? " " + what + " agrees" : " " + whats + " agree").append(" within the tolerance");
        } else if (checked == 0 && report.description.verifiedWithoutEntries != null) {
            line.append(report.description.verifiedWithoutEntries).append(" (").append(size)
                    .append(size == 1 ? " " + what : " " + whats).append(')');
        } else {
            line.append(checked).append(" checked ").append(checked == 1 ? what + " agrees" : whats + " agree")
                    .append(" within the tolerance, and the strategy found no disagreement among the other ")
                    .append(size - checked);
        }
        String consistency = report.consistencySummary();
        if (consistency != null) {
            line.append(consistency);
        }
        if (!report.passed()) {
            line.append(", but ").append(report.barelyTestedBlocks()).append(report.barelyTestedBlocks() == 1 ? " block was"
                    : " blocks were").append(" barely tested (UntestedPolicy.FAIL)");
        }
        return line.toString();
    }

    static String format(Outcome report, int maxRows) {
        StringBuilder text = new StringBuilder();
        text.append(headline(report)).append('\n');
        List<Entry> worst = report.worst(1);
        if (!worst.isEmpty() && !report.passed() && worst.get(0).verdict() != Verdict.PASS) {
            Entry entry = worst.get(0);
            line(text, "  ", "worst " + shorten(entry.name()) + ": " + glued("analytic " + Numbers.format(entry.analytic()))
                    + ", " + glued("numerical " + Numbers.format(entry.numerical())) + ", "
                    + glued("mismatch " + Numbers.format(entry.absoluteError())) + ", "
                    + glued("allowed " + Numbers.format(entry.allowedError())) + " "
                    + glued("(numerical error " + Numbers.format(entry.numericalError()) + ")"));
        }
        for (String detail : report.details()) {
            line(text, "  ", detail);
        }
        line(text, "  ", "overall difference ||a - n|| / (||a|| + ||n||): " + Numbers.format(report.overallDifference()));
        line(text, "  ", "strategy: " + report.strategyDescription());
        for (String note : report.strategyNotes()) {
            line(text, "    ", note);
        }
        String scheme = "scheme: " + report.scheme() + ", step " + report.stepDescription();
        if (report.refinedCount() > 0) {
            scheme += "; " + report.refinedCount() + (report.refinedCount() == 1 ? " entry" : " entries") + " re-estimated";
        }
        line(text, "  ", scheme);
        line(text, "  ", "tolerance: " + (report.description.tolerance != null ? report.description.tolerance
                : report.tolerance().toString()));
        line(text, "  ", "precision: " + report.precisionDescription());
        line(text, "  ", report.statistics());
        for (String warning : report.warnings()) {
            line(text, "  ", "warning: " + warning);
        }
        text.append('\n');
        List<Entry> rows = rows(report, maxRows);
        if (!rows.isEmpty()) {
            text.append(entryTable(report, rows));
            int hidden = report.checkedCount() - rows.size();
            if (hidden > 0) {
                int failingShown = 0;
                for (Entry row : rows) {
                    failingShown += report.failing(row.index()) ? 1 : 0;
                }
                int failingHidden = report.failingCount() - failingShown;
                text.append("... and ").append(hidden).append(" more ").append(report instanceof GradientOutcome
                        ? "checked parameters" : "checked entries").append(failingHidden == 0 ? ", all passing"
                        : " (" + failingHidden + " of them failing)").append('\n');
            }
            List<String> reasons = new ArrayList<>();
            for (Entry row : rows) {
                if (!row.reason().isEmpty()) {
                    reasons.add(shorten(row.name()) + ": " + row.reason());
                }
            }
            if (!reasons.isEmpty()) {
                text.append("why:\n");
                for (String reason : reasons) {
                    line(text, "  ", reason);
                }
            }
            text.append('\n');
        }
        String extra = report.extraTable();
        if (extra != null) {
            text.append(extra).append('\n');
        }
        text.append(blockTable(report));
        return text.toString();
    }

    /**
     * The rows worth reading, {@code maxRows} at most: the entries that did not pass (failing, unresolved, at a kink),
     * worst first, then up to {@value #CONTRAST_ROWS} passes for contrast, those closest to failing. The passes keep
     * their rows however many entries did not pass, except the first row, which is always one that did not pass. When
     * every entry passed, the {@value #PASSING_ROWS} closest to failing.
     */
    private static List<Entry> rows(Outcome report, int maxRows) {
        int checked = report.checkedCount();
        int notPassing = report.notPassingCount();
        if (notPassing == 0) {
            return report.worst(Math.min(Math.min(maxRows, PASSING_ROWS), checked));
        }
        int contrast = Math.min(Math.min(CONTRAST_ROWS, maxRows - 1), checked - notPassing);
        List<Entry> shown = new ArrayList<>(report.worst(Math.min(notPassing, maxRows - contrast), k -> !report.passing(k)));
        shown.addAll(report.worst(contrast, report::passing));
        return shown;
    }

    /**
     * Appends {@code content} after {@code indent}, wrapped at {@link #WIDTH} columns with a deeper indent; a line is
     * broken at a space, never at a {@link #GLUE}, which is printed as a space.
     */
    static void line(StringBuilder text, String indent, String content) {
        String continuation = indent + "    ";
        String prefix = indent;
        String rest = content;
        while (prefix.length() + rest.length() > WIDTH) {
            int limit = WIDTH - prefix.length();
            int cut = rest.lastIndexOf(' ', limit);
            if (cut <= 0) {
                break;
            }
            text.append(prefix).append(rest.substring(0, cut).replace(GLUE, ' ')).append('\n');
            rest = rest.substring(cut + 1);
            prefix = continuation;
        }
        text.append(prefix).append(rest.replace(GLUE, ' ')).append('\n');
    }

    /** {@code words} with their spaces made {@link #GLUE}s: a label and its value stay on one line. */
    static String glued(String words) {
        return words.replace(' ', GLUE);
    }

    private static String entryTable(Outcome report, List<Entry> rows) {
        TextTable table = new TextTable(report instanceof GradientOutcome ? "parameter" : "entry", "analytic", "numerical",
                "mismatch", "num error", "rel error", "verdict");
        for (Entry row : rows) {
            table.add(shorten(row.name()), Numbers.format(row.analytic()), Numbers.format(row.numerical()),
                    Numbers.format(row.absoluteError()), Numbers.format(row.numericalError()),
                    Numbers.format(row.relativeError()), row.verdict().name() + (row.negligible() ? " ~0" : ""));
        }
        return table.render(WIDTH, MIN_NAME_WIDTH, 0);
    }

    /**
     * One row per block: its shape, the entries checked ("K/N" when K of its N were), how many of them fail, stayed
     * unresolved ("unres.") or sit at kinks, how many of all N are indistinguishable from zero ("~zero"), the largest
     * relative error, the block's {@code ||a - n|| / (||a|| + ||n||)} and its worst entry.
     */
    private static String blockTable(Outcome report) {
        TextTable table = new TextTable("block", "shape", "checked", "fail", "unres.", "kinks", "~zero", "max rel err",
                "difference", "worst");
        int rows = report.findings.rows;
        for (BlockSummary summary : report.blocks()) {
            Block block = report.inputs.block(summary.name());
            String checked = summary.checked() == summary.count() ? Integer.toString(summary.count())
                    : summary.checked() + "/" + summary.count();
            table.add(shorten(summary.name()), rows == 1 ? block.shapeText() : rows + " x " + block.shapeText(), checked,
                    Integer.toString(summary.failures()), Integer.toString(summary.unresolved()),
                    Integer.toString(summary.kinks()), Integer.toString(summary.negligible()),
                    Numbers.format(summary.maxRelativeError()), Numbers.format(summary.difference()),
                    shorten(summary.worstEntry()));
        }
        return table.render(WIDTH, MIN_NAME_WIDTH, 0, 9);
    }

    /** Shortens a name longer than {@value #MAX_NAME_WIDTH} characters in the middle. */
    static String shorten(String name) {
        return TextTable.shorten(name, MAX_NAME_WIDTH);
    }
}
