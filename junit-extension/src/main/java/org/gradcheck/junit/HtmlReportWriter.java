package org.gradcheck.junit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gradcheck.report.BlockSummary;
import org.gradcheck.report.DerivativeReport;

/**
 * Writes the suite report as one self-contained page: no scripts, fonts, style sheets or images from elsewhere, plots
 * drawn as inline SVG. The markup is well-formed XML (every element closed, only the predefined character
 * references), so an XML parser reads it as well as a browser. Each check is shown with its outcome
 * ({@link CheckOutcome}): the failures (failed checks of tests that did not pass) are listed first in the index and
 * drawn in red; a failed check whose test passed, which the test expected, is drawn in grey and counted apart.
 */
final class HtmlReportWriter {

    static final String FILE_NAME = "report.html";

    private static final String STYLE = """
            body { font-family: sans-serif; margin: 1.5em; color: #222222; max-width: 1200px; }
            h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 2em; border-top: 1px solid #cccccc; padding-top: 1em; }
            table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.85em; }
            th, td { border: 1px solid #dddddd; padding: 2px 6px; text-align: left; vertical-align: top; }
            td.number { text-align: right; font-family: monospace; white-space: pre; }
            .passed { color: #1a7f37; font-weight: bold; } .failed { color: #cf222e; font-weight: bold; }
            .expected { color: #57606a; font-weight: bold; } .warning { color: #9a6700; font-weight: bold; }
            span.outcome { white-space: nowrap; }
            tr.failed-row { background: #fff0f0; } tr.warning-row { background: #fff8c5; }
            tr.expected-row, section[data-outcome="failed-as-expected"] tr.failed-row { background: #f6f8fa; }
            dl.facts { display: grid; grid-template-columns: max-content auto; gap: 2px 12px; font-size: 0.9em; }
            dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; font-family: monospace; }
            ul.warnings li { color: #9a6700; }
            .plots { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
            p.plotted, p.note { font-size: 0.85em; color: #555555; }
            """;

    private HtmlReportWriter() {
    }

    /**
     * The page listing {@code checks}, each with its outcome.
     *
     * @param outcomes the outcome of each check, in the same order
     * @throws IllegalArgumentException if there are not as many outcomes as checks
     */
    static String write(List<CheckRecord> checks, List<CheckOutcome> outcomes) {
        if (outcomes.size() != checks.size()) {
            throw new IllegalArgumentException(outcomes.size() + (outcomes.size() == 1 ? " outcome for " : " outcomes for ")
                    + checks.size() + (checks.size() == 1 ? " check" : " checks") + ": give one outcome per check");
        }
        StringBuilder html = new StringBuilder(64 * 1024);
        CheckOutcome.Counts counts = CheckOutcome.Counts.of(outcomes);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<title>GradCheck report: ").append(checks.size()).append(checks.size() == 1 ? " check" : " checks")
                .append(", ").append(counts.failed() + counts.unfinished()).append(" failed</title>\n<style>\n")
                .append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<h1>Gradient checks</h1>\n<p class=\"summary\">").append(Html.escape(counts.text()))
                .append(" Each check plots the relative error of its entries against their magnitude, and per block"
                        + " a histogram of each entry's mismatch divided by its allowed error, which the rule compares with 1:"
                        + " the passes lie at or left of the mark at 1, the failures right of it.</p>\n");
        index(html, checks, outcomes);
        for (int c = 0; c < checks.size(); c++) {
            section(html, checks.get(c), outcomes.get(c));
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void index(StringBuilder html, List<CheckRecord> checks, List<CheckOutcome> outcomes) {
        List<Integer> ordered = new ArrayList<>();
        for (int c = 0; c < checks.size(); c++) {
            ordered.add(c);
        }
        ordered.sort(Comparator.comparingInt((Integer c) -> rank(outcomes.get(c))).thenComparingInt(c -> checks.get(c).number));
        html.append("<table class=\"index\">\n<thead><tr><th>#</th><th>test</th><th>trial</th><th>seed</th><th>strategy</th>"
                + "<th>outcome</th><th>overall difference</th><th>worst parameter</th><th>warnings</th></tr></thead>\n<tbody>\n");
        for (int c : ordered) {
            CheckRecord check = checks.get(c);
            CheckOutcome outcome = outcomes.get(c);
            html.append("<tr class=\"").append(rowClass(outcome)).append("\" data-check=\"").append(check.number)
                    .append("\" data-outcome=\"").append(outcome.key()).append("\">");
            cell(html, "<a href=\"#check-" + check.number + "\">" + check.number + "</a>", false);
            cell(html, Html.escape(check.testName), false);
            cell(html, trialText(check), false);
            cell(html, seedText(check), false);
            cell(html, Html.escape(strategyKind(check.strategy)), false);
            cell(html, outcomeMarkup(outcome), false);
            cell(html, DerivativeReport.formatNumber(check.overallDifference), true);
            cell(html, Html.escape(check.worstName()), false);
            cell(html, check.warnings.isEmpty() ? "" : Integer.toString(check.warnings.size()), true);
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    /** The index's order: failures, failures of unfinished tests, passes in failed tests, expected failures, passes. */
    private static int rank(CheckOutcome outcome) {
        switch (outcome.group()) {
            case FAILED:
                return 0;
            case UNFINISHED:
                return 1;
            case EXPECTED:
                return 3;
            default:
                return outcome.passedButTestDidNot() ? 2 : 4;
        }
    }

    private static String rowClass(CheckOutcome outcome) {
        switch (outcome.group()) {
            case FAILED:
                return "failed-row";
            case UNFINISHED:
                return "warning-row";
            case EXPECTED:
                return "expected-row";
            default:
                return "passed-row";
        }
    }

    /**
     * The outcome in the colour of its group: red failures, grey expected ones, green passes, and amber for what became
     * of a test that did not finish or did not pass although its check did.
     */
    private static String outcomeMarkup(CheckOutcome outcome) {
        String colour;
        if (outcome.group() == CheckOutcome.Group.UNFINISHED || outcome.passedButTestDidNot()) {
            colour = "warning";
        } else if (outcome.group() == CheckOutcome.Group.FAILED) {
            colour = "failed";
        } else if (outcome.group() == CheckOutcome.Group.EXPECTED) {
            colour = "expected";
        } else {
            colour = "passed";
        }
        return "<span class=\"outcome " + colour + "\">" + Html.escape(outcome.text()) + "</span>";
    }

    private static void section(StringBuilder html, CheckRecord check, CheckOutcome outcome) {
        html.append("<section class=\"check\" id=\"check-").append(check.number).append("\" data-verdict=\"")
                .append(check.passed ? "passed" : "failed").append("\" data-outcome=\"").append(outcome.key())
                .append("\">\n<h2>").append(check.number).append(". ")
                .append(Html.escape(check.testName)).append("</h2>\n<p>").append(outcomeMarkup(outcome)).append(' ')
                .append(Html.escape(check.headline)).append("</p>\n<dl class=\"facts\">\n");
        fact(html, "test", check.testName);
        fact(html, "outcome", outcome.text());
        fact(html, "unique id", check.uniqueId);
        if (check.trial != null) {
            fact(html, "trial", check.trial.trial() + " of " + check.trial.trials());
            fact(html, "seed", check.trial.rootSeed() + " (trial seed " + check.trial.trialSeed() + ")");
            if (!check.trial.exampleIndices().isEmpty()) {
                fact(html, "examples", TrialNameFormatter.indices(check.trial.exampleIndices(),
                        ReproductionMessage.MAX_INDICES_IN_MESSAGE));
            }
            fact(html, "rerun with", check.trial.rerunProperties());
        }
        fact(html, "overall difference", DerivativeReport.formatNumber(check.overallDifference));
        fact(html, "parameters", check.size + ", " + check.checked + " checked one by one, " + check.failures + " failed, "
                + check.unresolved + " unresolved, " + check.kinks + " at kinks, " + check.negligible
                + " indistinguishable from zero");
        fact(html, "strategy", check.strategy);
        for (String note : check.strategyNotes) {
            fact(html, "", note);
        }
        fact(html, "scheme", check.scheme);
        fact(html, "tolerance", check.tolerance);
        fact(html, "precision", check.precision);
        fact(html, "evaluations", check.evaluations + " in " + String.format(java.util.Locale.ROOT, "%.3f s", check.seconds));
        html.append("</dl>\n");
        if (!check.warnings.isEmpty()) {
            html.append("<ul class=\"warnings\">\n");
            for (String warning : check.warnings) {
                html.append("<li>warning: ").append(Html.escape(warning)).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        worstTable(html, check);
        blockTable(html, check);
        List<String> blockNames = new ArrayList<>();
        for (CheckRecord.BlockRow row : check.blocks) {
            blockNames.add(row.summary().name());
        }
        html.append("<div class=\"plots\">\n").append(SvgPlots.relativeErrors(check, blockNames))
                .append(SvgPlots.errorRatios(check))
                .append("</div>\n<p class=\"plotted\">").append(plottedText(check)).append("</p>\n</section>\n");
    }

    /** What the scatter plot shows, in one sentence. */
    static String plottedText(CheckRecord check) {
        StringBuilder text = new StringBuilder();
        text.append("Plotted ").append(check.points.size()).append(" of ").append(check.plottable)
                .append(check.plottable == 1 ? " parameter" : " parameters").append(" checked one by one");
        if (check.points.size() < check.plottable) {
            text.append(" (").append(check.plottedFailures()).append(" of ").append(check.failures)
                    .append(" failures, the worst, and an even sample of each block)");
        }
        text.append('.');
        int unchecked = check.size - check.plottable;
        if (unchecked > 0) {
            text.append(' ').append(unchecked).append(unchecked == 1 ? " parameter was not checked one by one and has"
                    : " parameters were not checked one by one and have").append(" no numerical value to plot.");
        }
        text.append(" The histogram counts every parameter checked one by one.");
        return text.toString();
    }

    private static void worstTable(StringBuilder html, CheckRecord check) {
        if (check.worst.isEmpty()) {
            return;
        }
        html.append("<table class=\"worst\">\n<thead><tr><th>parameter</th><th>block</th><th>analytic</th><th>numerical</th>"
                + "<th>rel error</th><th>error / allowed</th><th>verdict</th></tr></thead>\n<tbody>\n");
        for (CheckRecord.Point point : check.worst) {
            html.append("<tr").append(point.verdict() == org.gradcheck.report.Verdict.FAIL ? " class=\"failed-row\"" : "")
                    .append('>');
            cell(html, Html.escape(point.name()), false);
            cell(html, Html.escape(check.blocks.get(point.block()).summary().name()), false);
            cell(html, DerivativeReport.formatNumber(point.analytic()), true);
            cell(html, DerivativeReport.formatNumber(point.numerical()), true);
            cell(html, DerivativeReport.formatNumber(point.relativeError()), true);
            cell(html, DerivativeReport.formatNumber(point.errorRatio()), true);
            cell(html, point.verdict().name(), false);
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void blockTable(StringBuilder html, CheckRecord check) {
        html.append("<table class=\"blocks\">\n<thead><tr><th>block</th><th>shape</th><th>checked</th><th>failures</th>"
                + "<th>unresolved</th><th>kinks</th><th>~zero</th><th>max rel error</th><th>difference</th><th>worst</th></tr></thead>\n<tbody>\n");
        for (int b = 0; b < check.blocks.size(); b++) {
            CheckRecord.BlockRow row = check.blocks.get(b);
            BlockSummary summary = row.summary();
            html.append("<tr").append(summary.passed() ? "" : " class=\"failed-row\"").append('>');
            cell(html, "<span style=\"color:" + SvgPlots.colour(b) + "\">\u25cf</span> " + Html.escape(summary.name()), false);
            cell(html, Html.escape(row.shape()), false);
            cell(html, summary.checked() == summary.count() ? Integer.toString(summary.count())
                    : summary.checked() + " of " + summary.count(), true);
            cell(html, Integer.toString(summary.failures()), true);
            cell(html, Integer.toString(summary.unresolved()), true);
            cell(html, Integer.toString(summary.kinks()), true);
            cell(html, Integer.toString(summary.negligible()), true);
            cell(html, DerivativeReport.formatNumber(summary.maxRelativeError()), true);
            cell(html, DerivativeReport.formatNumber(summary.difference()), true);
            cell(html, Html.escape(summary.worstEntry()), false);
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    static String trialText(CheckRecord check) {
        return check.trial == null ? "-" : check.trial.trial() + " of " + check.trial.trials();
    }

    static String seedText(CheckRecord check) {
        return check.trial == null ? "-" : Long.toString(check.trial.rootSeed());
    }

    /** The strategy's first word: {@code full}, {@code screening}, {@code sampled}. */
    static String strategyKind(String strategy) {
        int end = 0;
        while (end < strategy.length() && Character.isLetter(strategy.charAt(end))) {
            end++;
        }
        return end == 0 ? strategy : strategy.substring(0, end);
    }

    private static void fact(StringBuilder html, String term, String description) {
        html.append("<dt>").append(Html.escape(term)).append("</dt><dd>").append(Html.escape(description)).append("</dd>\n");
    }

    private static void cell(StringBuilder html, String markup, boolean number) {
        html.append(number ? "<td class=\"number\">" : "<td>").append(markup).append("</td>");
    }
}
