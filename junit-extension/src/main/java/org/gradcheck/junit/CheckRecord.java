package org.gradcheck.junit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradcheck.layout.Block;
import org.gradcheck.report.BlockSummary;
import org.gradcheck.report.GradientReport;
import org.gradcheck.report.ParameterCheck;
import org.gradcheck.report.ReportFormatter;
import org.gradcheck.report.Verdict;

/**
 * What the suite report keeps of one completed check: the test it ran in, the figures, per-block summaries with a
 * histogram of relative errors, and a bounded selection of parameters to plot. Made on the checking thread as soon
 * as the check completes, so that the run does not hold on to whole gradients.
 */
final class CheckRecord {

    /** Most parameters plotted per check. */
    static final int MAX_POINTS = 250;

    /** Most failing parameters among the plotted ones; the rest of the points go to the worst passes and a sample. */
    static final int MAX_FAILURES_PLOTTED = 150;

    /** How many of the worst parameters are plotted whatever their verdict. */
    static final int WORST_PLOTTED = 50;

    /** How many of the worst parameters are listed in the table of a check. */
    static final int WORST_LISTED = 10;

    /** Lowest decade of the relative-error histogram: errors below 1e-16 fall into its first bin. */
    static final int LOWEST_DECADE = -16;

    /** Bins per decade of the relative-error histogram. */
    static final int BINS_PER_DECADE = 2;

    /** Bins of the relative-error histogram, from 1e-16 to 10; errors above 10 fall into the last bin. */
    static final int BINS = (1 - LOWEST_DECADE) * BINS_PER_DECADE;

    /** One plotted or listed parameter. */
    record Point(int index, String name, int block, double analytic, double numerical, double relativeError,
            double errorRatio, Verdict verdict) {

        static Point of(ParameterCheck check, int block) {
            return new Point(check.index(), check.name(), block, check.analytic(), check.numerical(), check.relativeError(),
                    check.errorRatio(), check.verdict());
        }
    }

    /** One block's summary and the histogram of its checked parameters' relative errors. */
    record BlockRow(BlockSummary summary, String shape, int exactMatches, int[] histogram) {
    }

    final int number;
    final String testName;
    final String uniqueId;
    final TrialInfo trial;
    final boolean passed;
    final String headline;
    final int size;
    final int checked;
    final int failures;
    final int kinks;
    final int negligible;
    final double overallDifference;
    final String strategy;
    final List<String> strategyNotes;
    final String scheme;
    final String tolerance;
    final double relativeTolerance;
    final String precision;
    final List<String> warnings;
    final long evaluations;
    final double seconds;
    final List<BlockRow> blocks;
    final List<Point> worst;
    /** The plotted parameters, most important first: failures, the worst, then a sample of each block. */
    final List<Point> points;
    /** Parameters with a numerical value (checked one by one), of which {@link #points} shows some. */
    final int plottable;
    final int failuresPlotted;

    private CheckRecord(int number, String testName, String uniqueId, TrialInfo trial, GradientReport report) {
        this.number = number;
        this.testName = testName;
        this.uniqueId = uniqueId;
        this.trial = trial;
        this.passed = report.passed();
        this.headline = ReportFormatter.headline(report);
        this.size = report.size();
        this.checked = report.checkedCount();
        this.failures = report.failureCount();
        this.kinks = report.kinkCount();
        this.negligible = report.negligibleCount();
        this.overallDifference = report.overallDifference();
        this.strategy = report.strategyDescription();
        this.strategyNotes = List.copyOf(report.strategyNotes());
        this.scheme = report.scheme() + ", step " + report.stepDescription();
        this.tolerance = report.tolerance().toString();
        this.relativeTolerance = report.tolerance().relativePart();
        this.precision = report.precisionDescription();
        this.warnings = List.copyOf(report.warnings());
        this.evaluations = report.evaluations();
        this.seconds = report.elapsed().toNanos() / 1e9;
        double[] analytic = report.analyticGradient();
        double[] numerical = report.numericalGradient();
        List<Block> layoutBlocks = report.layout().blocks();
        List<BlockRow> rows = new ArrayList<>();
        int total = 0;
        int[] plottableByBlock = new int[layoutBlocks.size()];
        for (int b = 0; b < layoutBlocks.size(); b++) {
            Block block = layoutBlocks.get(b);
            int[] histogram = new int[BINS];
            int exact = 0;
            for (int i = block.offset(), end = block.offset() + block.size(); i < end; i++) {
                if (Double.isNaN(numerical[i])) {
                    continue;
                }
                plottableByBlock[b]++;
                double error = relativeError(analytic[i], numerical[i]);
                if (error == 0) {
                    exact++;
                } else {
                    histogram[bin(error)]++;
                }
            }
            total += plottableByBlock[b];
            rows.add(new BlockRow(report.blocks().get(b), block.shapeText(), exact, histogram));
        }
        this.blocks = List.copyOf(rows);
        this.plottable = total;
        Map<Integer, Point> selected = new LinkedHashMap<>();
        int failing = 0;
        for (ParameterCheck failure : report.failures()) {
            if (failing == MAX_FAILURES_PLOTTED) {
                break;
            }
            if (!Double.isNaN(failure.numerical())) {
                selected.put(failure.index(), Point.of(failure, blockOf(layoutBlocks, failure.index())));
                failing++;
            }
        }
        List<ParameterCheck> worstChecks = report.worst(Math.max(WORST_PLOTTED, WORST_LISTED));
        List<Point> worstPoints = new ArrayList<>();
        for (ParameterCheck check : worstChecks) {
            Point point = Point.of(check, blockOf(layoutBlocks, check.index()));
            if (worstPoints.size() < WORST_LISTED) {
                worstPoints.add(point);
            }
            if (selected.size() < MAX_POINTS && !Double.isNaN(check.numerical())) {
                selected.putIfAbsent(check.index(), point);
            }
        }
        this.worst = List.copyOf(worstPoints);
        sample(report, layoutBlocks, numerical, plottableByBlock, selected);
        this.points = List.copyOf(selected.values());
        int failuresShown = 0;
        for (Point point : points) {
            failuresShown += point.verdict() == Verdict.FAIL ? 1 : 0;
        }
        this.failuresPlotted = failuresShown;
    }

    /** A record of {@code report}, the {@code number}th check of the run, made in test {@code testName}. */
    static CheckRecord of(int number, String testName, String uniqueId, TrialInfo trial, GradientReport report) {
        return new CheckRecord(number, testName, uniqueId, trial, report);
    }

    /**
     * Fills the remaining points with evenly spaced parameters of each block, the blocks taking turns, so that every
     * block is shown even when one of them is much larger than the others.
     */
    private static void sample(GradientReport report, List<Block> blocks, double[] numerical, int[] plottableByBlock,
            Map<Integer, Point> selected) {
        int remaining = MAX_POINTS - selected.size();
        if (remaining <= 0) {
            return;
        }
        int[] quota = new int[blocks.size()];
        boolean progress = true;
        while (remaining > 0 && progress) {
            progress = false;
            for (int b = 0; b < blocks.size() && remaining > 0; b++) {
                if (quota[b] < plottableByBlock[b]) {
                    quota[b]++;
                    remaining--;
                    progress = true;
                }
            }
        }
        for (int b = 0; b < blocks.size(); b++) {
            if (quota[b] == 0) {
                continue;
            }
            Block block = blocks.get(b);
            int position = 0;
            int taken = 0;
            long next = 0;
            for (int i = block.offset(), end = block.offset() + block.size(); i < end && taken < quota[b]; i++) {
                if (Double.isNaN(numerical[i])) {
                    continue;
                }
                if (position >= next) {
                    if (selected.containsKey(i)) {
                        next = position + 1;
                    } else if (selected.size() < MAX_POINTS) {
                        selected.put(i, Point.of(report.parameter(i), b));
                        taken++;
                        next = Math.max(position + 1, (long) taken * plottableByBlock[b] / quota[b]);
                    }
                }
                position++;
            }
        }
    }

    private static int blockOf(List<Block> blocks, int index) {
        for (int b = 0; b < blocks.size(); b++) {
            Block block = blocks.get(b);
            if (index >= block.offset() && index < block.offset() + block.size()) {
                return b;
            }
        }
        throw new IllegalStateException("no block holds parameter " + index);
    }

    static double relativeError(double analytic, double numerical) {
        double scale = Math.max(Math.abs(analytic), Math.abs(numerical));
        return scale == 0 ? 0 : Math.abs(analytic - numerical) / scale;
    }

    /** The histogram bin of a relative error above 0. */
    static int bin(double relativeError) {
        double position = (Math.log10(relativeError) - LOWEST_DECADE) * BINS_PER_DECADE;
        if (!(position > 0)) {
            return 0;
        }
        return (int) Math.min(BINS - 1, Math.floor(position));
    }

    /** The worst parameter's name, or {@code -} if no parameter was checked one by one. */
    String worstName() {
        return worst.isEmpty() ? "-" : worst.get(0).name();
    }

    /** How many plotted points are failures. */
    int plottedFailures() {
        return failuresPlotted;
    }
}
