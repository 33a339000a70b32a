package org.gradcheck.junit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradcheck.layout.Block;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.BlockSummary;
import org.gradcheck.report.DerivativeReport;
import org.gradcheck.report.Entry;
import org.gradcheck.report.GradientReport;
import org.gradcheck.report.JacobianReport;
import org.gradcheck.report.Verdict;

/**
 * What the suite report keeps of one completed check: the test it ran in, the figures, per-block summaries with
 * histograms of the entries' relative errors and of their mismatches divided by their allowed errors, and a bounded
 * selection of entries to plot. Made on the checking thread as soon as the check completes, so that the run does not
 * hold on to whole gradients. A gradient's entries are its parameters; a Jacobian's (or Hessian's) are its
 * {@code y[i] / x[j]} entries, summarised per input block.
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

    /** Lowest decade of the error-ratio histogram: ratios below 1e-8 fall into its first bin. */
    static final int RATIO_LOWEST_DECADE = -8;

    /** Highest decade of the error-ratio histogram: ratios above 1e8 fall into its last bin. */
    static final int RATIO_HIGHEST_DECADE = 8;

    /** Bins per decade of the error-ratio histogram; a ratio of 1 is the upper end of bin {@link #RATIO_BINS} / 2 - 1. */
    static final int RATIO_BINS_PER_DECADE = 2;

    /** Bins of the error-ratio histogram. */
    static final int RATIO_BINS = (RATIO_HIGHEST_DECADE - RATIO_LOWEST_DECADE) * RATIO_BINS_PER_DECADE;

    /** One plotted or listed parameter. */
    record Point(int index, String name, int block, double analytic, double numerical, double relativeError,
            double allowedError, double errorRatio, Verdict verdict) {

        static Point of(Entry check, int block) {
            return new Point(check.index(), check.name(), block, check.analytic(), check.numerical(), check.relativeError(),
                    check.allowedError(), check.errorRatio(), check.verdict());
        }

        /** {@code max(|analytic|, |numerical|)}: the scale the relative error is taken at. */
        double magnitude() {
            return Math.max(Math.abs(analytic), Math.abs(numerical));
        }
    }

    /**
     * Entries of the error-ratio histogram that are not placed by their ratio, because the rule that compares the
     * ratio with 1 did not decide their verdict.
     */
    enum RatioSlot {
        /** Passes with no mismatch at all. */
        EXACT("0", "with no mismatch"),
        /** Passes indistinguishable from zero: both values within the numerical error. */
        NEGLIGIBLE("~0", "indistinguishable from zero"),
        /** At a kink of the function, judged as a subgradient. */
        KINK("kink", "at a kink, judged as a subgradient"),
        /** Neither passed nor failed: no estimate was precise enough. */
        UNRESOLVED("unres.", "unresolved"),
        /**
         * A verdict that another test decided: failed within the allowed error (no subgradient at a kink, a tie, an
         * exact comparison), or passed beyond it.
         */
        OTHER("other", "decided by another test than mismatch / allowed");

        final String label;
        final String description;

        RatioSlot(String label, String description) {
            this.label = label;
            this.description = description;
        }

        /** Whether the slot is drawn left of the mark at 1, with the passes. */
        boolean leftOfOne() {
            return this == EXACT || this == NEGLIGIBLE;
        }
    }

    /**
     * One block's summary, the histogram of its checked parameters' relative errors (with the exact matches apart),
     * and that of their error ratios: {@code ratioBins} counts the entries the ratio decided (passes at or below 1,
     * failures above it), {@code ratioSlots} the others by {@link RatioSlot}.
     */
    record BlockRow(BlockSummary summary, String shape, int exactMatches, int[] histogram, int[] ratioBins,
            int[] ratioSlots) {

        int slot(RatioSlot slot) {
            return ratioSlots[slot.ordinal()];
        }
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
    final int unresolved;
    final int kinks;
    final int negligible;
    final double overallDifference;
    final String strategy;
    final List<String> strategyNotes;
    final String scheme;
    final String tolerance;
    final double relativeTolerance;
    final double absoluteTolerance;
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

    private CheckRecord(int number, String testName, String uniqueId, TrialInfo trial, DerivativeReport report) {
        this.number = number;
        this.testName = testName;
        this.uniqueId = uniqueId;
        this.trial = trial;
        this.passed = report.passed();
        this.headline = report.headline();
        this.size = report.size();
        this.checked = report.checkedCount();
        this.failures = report.failureCount();
        this.unresolved = report.unresolvedCount();
        this.kinks = report.kinkCount();
        this.negligible = report.negligibleCount();
        this.overallDifference = report.overallDifference();
        this.strategy = report.strategyDescription();
        this.strategyNotes = List.copyOf(report.strategyNotes());
        this.scheme = report.scheme() + ", step " + report.stepDescription();
        this.tolerance = report.tolerance().toString();
        this.relativeTolerance = report.tolerance().relativePart();
        this.absoluteTolerance = report.tolerance().absolutePart();
        this.precision = report.precisionDescription();
        this.warnings = List.copyOf(report.warnings());
        this.evaluations = report.evaluations();
        this.seconds = report.elapsed().toNanos() / 1e9;
        List<Block> layoutBlocks = inputLayout(report).blocks();
        String outputs = report instanceof JacobianReport ? outputs(((JacobianReport) report).outputCount()) : "";
        int[][] histograms = new int[layoutBlocks.size()][BINS];
        int[][] ratioBins = new int[layoutBlocks.size()][RATIO_BINS];
        int[][] ratioSlots = new int[layoutBlocks.size()][RatioSlot.values().length];
        int[] exact = new int[layoutBlocks.size()];
        int[] plottableByBlock = new int[layoutBlocks.size()];
        int total = 0;
        for (Entry entry : report.entries()) {
            if (Double.isNaN(entry.numerical())) {
                continue;
            }
            int b = blockOf(layoutBlocks, entry.inputIndex());
            plottableByBlock[b]++;
            total++;
            double error = relativeError(entry.analytic(), entry.numerical());
            if (error == 0) {
                exact[b]++;
            } else {
                histograms[b][bin(error)]++;
            }
            RatioSlot slot = ratioSlot(entry);
            if (slot == null) {
                ratioBins[b][ratioBin(entry.errorRatio())]++;
            } else {
                ratioSlots[b][slot.ordinal()]++;
            }
        }
        List<BlockRow> rows = new ArrayList<>();
        for (int b = 0; b < layoutBlocks.size(); b++) {
            rows.add(new BlockRow(report.blocks().get(b), outputs + layoutBlocks.get(b).shapeText(), exact[b], histograms[b],
                    ratioBins[b], ratioSlots[b]));
        }
        this.blocks = List.copyOf(rows);
        this.plottable = total;
        Map<Integer, Point> selected = new LinkedHashMap<>();
        int failing = 0;
        for (Entry failure : report.failures()) {
            if (failing == MAX_FAILURES_PLOTTED) {
                break;
            }
            if (!Double.isNaN(failure.numerical())) {
                selected.put(failure.index(), Point.of(failure, blockOf(layoutBlocks, failure.inputIndex())));
                failing++;
            }
        }
        List<Entry> worstEntries = report.worst(Math.max(WORST_PLOTTED, WORST_LISTED));
        List<Point> worstPoints = new ArrayList<>();
        for (Entry entry : worstEntries) {
            Point point = Point.of(entry, blockOf(layoutBlocks, entry.inputIndex()));
            if (worstPoints.size() < WORST_LISTED) {
                worstPoints.add(point);
            }
            if (selected.size() < MAX_POINTS && !Double.isNaN(entry.numerical())) {
                selected.putIfAbsent(entry.index(), point);
            }
        }
        this.worst = List.copyOf(worstPoints);
        sample(report, layoutBlocks, plottableByBlock, selected);
        this.points = List.copyOf(selected.values());
        int failuresShown = 0;
        for (Point point : points) {
            failuresShown += point.verdict() == Verdict.FAIL ? 1 : 0;
        }
        this.failuresPlotted = failuresShown;
    }

    /** Whether the page can show {@code report}: a gradient report, or a Jacobian (or Hessian) report. */
    static boolean supports(DerivativeReport report) {
        return report instanceof GradientReport || report instanceof JacobianReport;
    }

    /**
     * A record of {@code report}, the {@code number}th check of the run, made in test {@code testName}.
     *
     * @throws IllegalArgumentException if the report is of a kind the page cannot show ({@link #supports})
     */
    static CheckRecord of(int number, String testName, String uniqueId, TrialInfo trial, DerivativeReport report) {
        return new CheckRecord(number, testName, uniqueId, trial, report);
    }

    /** The layout whose blocks the report's summaries follow: the parameters of a gradient, the inputs of a Jacobian. */
    private static ParameterLayout inputLayout(DerivativeReport report) {
        if (report instanceof GradientReport) {
            return ((GradientReport) report).layout();
        }
        if (report instanceof JacobianReport) {
            return ((JacobianReport) report).inputLayout();
        }
        throw new IllegalArgumentException("the suite report shows gradient, Jacobian and Hessian reports, not a "
                + report.getClass().getName());
    }

    /** {@code 3 outputs x }: the prefix of a Jacobian block's shape, whose entries are those of every output. */
    private static String outputs(int count) {
        return count + (count == 1 ? " output x " : " outputs x ");
    }

    /**
     * Fills the remaining points with evenly spaced entries of each block, the blocks taking turns, so that every
     * block is shown even when one of them is much larger than the others.
     */
    private static void sample(DerivativeReport report, List<Block> blocks, int[] plottableByBlock,
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
        // one pass in flat order; each block keeps its own position among its plottable entries
        int[] position = new int[blocks.size()];
        int[] taken = new int[blocks.size()];
        long[] next = new long[blocks.size()];
        for (Entry entry : report.entries()) {
            if (Double.isNaN(entry.numerical())) {
                continue;
            }
            int b = blockOf(blocks, entry.inputIndex());
            if (taken[b] >= quota[b]) {
                continue;
            }
            if (position[b] >= next[b]) {
                if (selected.containsKey(entry.index())) {
                    next[b] = position[b] + 1;
                } else if (selected.size() < MAX_POINTS) {
                    selected.put(entry.index(), Point.of(entry, b));
                    taken[b]++;
                    next[b] = Math.max(position[b] + 1, (long) taken[b] * plottableByBlock[b] / quota[b]);
                }
            }
            position[b]++;
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

    /**
     * Where the error-ratio histogram counts {@code entry}: null for a bin by its ratio (a pass at or below 1 or a
     * failure above it, as the rule decided), else the slot that says why its ratio did not decide.
     */
    static RatioSlot ratioSlot(Entry entry) {
        switch (entry.verdict()) {
            case KINK:
                return RatioSlot.KINK;
            case UNRESOLVED:
                return RatioSlot.UNRESOLVED;
            case PASS:
                if (entry.negligible()) {
                    return RatioSlot.NEGLIGIBLE;
                }
                if (entry.errorRatio() == 0) {
                    return RatioSlot.EXACT;
                }
                return entry.errorRatio() <= 1 ? null : RatioSlot.OTHER;
            default:
                return entry.errorRatio() > 1 ? null : RatioSlot.OTHER;
        }
    }

    /**
     * The error-ratio histogram bin of a ratio above 0: ratios at or below 1 in the bins below the middle, those above
     * it in the bins above, whatever the rounding of the logarithm; beyond the lowest and highest decades, the end bins.
     */
    static int ratioBin(double ratio) {
        int one = RATIO_BINS / 2;
        double position = (Math.log10(ratio) - RATIO_LOWEST_DECADE) * RATIO_BINS_PER_DECADE;
        if (!(ratio > 1)) {
            return Double.isNaN(position) ? 0 : (int) Math.max(0, Math.min(one - 1, Math.ceil(position) - 1));
        }
        return (int) Math.max(one, Math.min(RATIO_BINS - 1, Math.floor(position)));
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
