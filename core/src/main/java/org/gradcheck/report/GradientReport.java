package org.gradcheck.report;

import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.gradcheck.Tolerance;
import org.gradcheck.difference.DifferenceScheme;
import org.gradcheck.layout.Block;
import org.gradcheck.layout.ParameterLayout;

/**
 * The immutable result of a gradient check: a verdict for every parameter, per-block summaries, the
 * article's overall difference {@code ||g - n|| / (||g|| + ||n||)} and the settings used.
 *
 * <p>The check passes when every parameter passes; the overall difference is reported for comparison with
 * the article's rule of thumb (about 1e-7) but does not decide, because one global norm hides a wrong
 * gradient in a block whose values are small next to the others'.
 *
 * <p>{@link #toString()} renders the report as text ({@link ReportFormatter}).
 *
 * @since 0.1
 */
public final class GradientReport {

    private final ParameterLayout layout;
    private final double[] analytic;
    private final double[] numerical;
    private final double[] noise;
    private final Tolerance tolerance;
    private final DifferenceScheme scheme;
    private final String stepDescription;
    private final double value;
    private final long evaluations;
    private final Duration elapsed;
    private final int failureCount;
    private final double overallDifference;
    private final List<BlockSummary> blocks;

    /**
     * A report over {@code layout}'s parameters. The arrays are copied.
     *
     * @param layout names of the parameters
     * @param analytic the analytic gradient
     * @param numerical the numerical gradient
     * @param noise the estimated rounding error of each numerical partial derivative
     * @param tolerance the tolerance every parameter is judged by
     * @param scheme the finite-difference scheme used
     * @param stepDescription how the step was chosen, as text
     * @param value the function's value at the point
     * @param evaluations how many times the function was evaluated
     * @param elapsed how long the check took
     * @throws IllegalArgumentException if an argument is null or an array's length is not the layout's size
     */
    public GradientReport(ParameterLayout layout, double[] analytic, double[] numerical, double[] noise,
            Tolerance tolerance, DifferenceScheme scheme, String stepDescription, double value, long evaluations,
            Duration elapsed) {
        if (layout == null || analytic == null || numerical == null || noise == null || tolerance == null
                || scheme == null || stepDescription == null || elapsed == null) {
            throw new IllegalArgumentException("a report needs all of layout, analytic, numerical, noise, tolerance, "
                    + "scheme, stepDescription and elapsed, but " + firstNull(layout, analytic, numerical, noise, tolerance,
                    scheme, stepDescription, elapsed) + " is null");
        }
        int n = layout.size();
        if (analytic.length != n || numerical.length != n || noise.length != n) {
            throw new IllegalArgumentException("analytic, numerical and noise must have the layout's length " + n
                    + " but have " + analytic.length + ", " + numerical.length + " and " + noise.length);
        }
        this.layout = layout;
        this.analytic = analytic.clone();
        this.numerical = numerical.clone();
        this.noise = noise.clone();
        this.tolerance = tolerance;
        this.scheme = scheme;
        this.stepDescription = stepDescription;
        this.value = value;
        this.evaluations = evaluations;
        this.elapsed = elapsed;
        int failures = 0;
        List<BlockSummary> summaries = new ArrayList<>();
        for (Block block : layout.blocks()) {
            BlockSummary summary = summarize(block);
            failures += summary.failures();
            summaries.add(summary);
        }
        this.failureCount = failures;
        this.blocks = Collections.unmodifiableList(summaries);
        this.overallDifference = difference(0, n);
    }

    private static String firstNull(Object... arguments) {
        String[] names = {"layout", "analytic", "numerical", "noise", "tolerance", "scheme", "stepDescription", "elapsed"};
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] == null) {
                return names[i];
            }
        }
        return "none";
    }

    private BlockSummary summarize(Block block) {
        int failures = 0;
        double maxRelative = 0;
        double worstRatio = -1;
        int worst = block.offset();
        for (int i = block.offset(), end = block.offset() + block.size(); i < end; i++) {
            double allowed = allowed(i);
            if (!passes(analytic[i], numerical[i], allowed)) {
                failures++;
            }
            maxRelative = Math.max(maxRelative, relativeError(analytic[i], numerical[i]));
            double ratio = errorRatio(analytic[i], numerical[i], allowed);
            if (ratio > worstRatio) {
                worstRatio = ratio;
                worst = i;
            }
        }
        return new BlockSummary(block.name(), block.size(), failures, maxRelative, layout.nameOf(worst),
                difference(block.offset(), block.offset() + block.size()));
    }

    /** {@code ||g - n|| / (||g|| + ||n||)} over {@code [from, to)}, with 0/0 = 0; scaled against overflow. */
    private double difference(int from, int to) {
        double scale = 0;
        for (int i = from; i < to; i++) {
            scale = Math.max(scale, Math.max(Math.abs(analytic[i]), Math.abs(numerical[i])));
        }
        if (scale == 0) {
            return 0;
        }
        double differenceSquares = 0;
        double analyticSquares = 0;
        double numericalSquares = 0;
        for (int i = from; i < to; i++) {
            double g = analytic[i] / scale;
            double m = numerical[i] / scale;
            differenceSquares += (g - m) * (g - m);
            analyticSquares += g * g;
            numericalSquares += m * m;
        }
        return Math.sqrt(differenceSquares) / (Math.sqrt(analyticSquares) + Math.sqrt(numericalSquares));
    }

    static double relativeError(double analytic, double numerical) {
        double scale = Math.max(Math.abs(analytic), Math.abs(numerical));
        return scale == 0 ? 0 : Math.abs(analytic - numerical) / scale;
    }

    static double errorRatio(double analytic, double numerical, double allowed) {
        double mismatch = Math.abs(analytic - numerical);
        if (mismatch == 0) {
            return 0;
        }
        return allowed == 0 ? Double.POSITIVE_INFINITY : mismatch / allowed;
    }

    static boolean passes(double analytic, double numerical, double allowed) {
        return Math.abs(analytic - numerical) <= allowed;
    }

    private double allowed(int index) {
        return tolerance.allowed(analytic[index], numerical[index], noise[index]);
    }

    /** Whether every parameter passed. */
    public boolean passed() {
        return failureCount == 0;
    }

    /** Number of parameters checked. */
    public int size() {
        return analytic.length;
    }

    /** Number of failing parameters. */
    public int failureCount() {
        return failureCount;
    }

    /** The article's overall difference {@code ||g - n|| / (||g|| + ||n||)}; 0 when both gradients are zero. */
    public double overallDifference() {
        return overallDifference;
    }

    /** The check of the parameter at flat index {@code index}. */
    public ParameterCheck parameter(int index) {
        return new ParameterCheck(index, layout.nameOf(index), layout.blockAt(index).name(), analytic[index],
                numerical[index], noise[index], allowed(index));
    }

    /**
     * The check of the parameter named {@code name} ({@code W1[2,3]}).
     *
     * @throws IllegalArgumentException if the layout has no such parameter
     */
    public ParameterCheck parameter(String name) {
        return parameter(layout.indexOf(name));
    }

    /** Every parameter's check in the order of the flat vector; an unmodifiable view, never null. */
    public List<ParameterCheck> parameters() {
        return new AbstractList<>() {
            @Override
            public ParameterCheck get(int index) {
                return parameter(index);
            }

            @Override
            public int size() {
                return analytic.length;
            }
        };
    }

    /** The failing parameters, worst first (largest error ratio first); never null. */
    public List<ParameterCheck> failures() {
        List<ParameterCheck> failures = new ArrayList<>(failureCount);
        for (int i = 0; i < analytic.length; i++) {
            if (!passes(analytic[i], numerical[i], allowed(i))) {
                failures.add(parameter(i));
            }
        }
        failures.sort(WORST_FIRST);
        return failures;
    }

    /** The {@code count} parameters with the largest error ratio, worst first: failures come first. */
    public List<ParameterCheck> worst(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0 but was " + count);
        }
        PriorityQueue<ParameterCheck> best = new PriorityQueue<>(Math.max(1, count), WORST_FIRST.reversed());
        double threshold = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < analytic.length && count > 0; i++) {
            double ratio = errorRatio(analytic[i], numerical[i], allowed(i));
            if (best.size() < count || ratio > threshold) {
                best.add(parameter(i));
                if (best.size() > count) {
                    best.poll();
                }
                threshold = best.peek().errorRatio();
            }
        }
        List<ParameterCheck> worst = new ArrayList<>(best);
        worst.sort(WORST_FIRST);
        return worst;
    }

    private static final Comparator<ParameterCheck> WORST_FIRST = Comparator
            .comparingDouble(ParameterCheck::errorRatio).reversed()
            .thenComparingInt(ParameterCheck::index);

    /** Per-block summaries in layout order; an unmodifiable list, never null. */
    public List<BlockSummary> blocks() {
        return blocks;
    }

    /** The layout that names the parameters. */
    public ParameterLayout layout() {
        return layout;
    }

    /** A copy of the analytic gradient. */
    public double[] analyticGradient() {
        return analytic.clone();
    }

    /** A copy of the numerical gradient. */
    public double[] numericalGradient() {
        return numerical.clone();
    }

    /** The tolerance the parameters were judged by. */
    public Tolerance tolerance() {
        return tolerance;
    }

    /** The finite-difference scheme used. */
    public DifferenceScheme scheme() {
        return scheme;
    }

    /** How the step was chosen: {@code 6.055e-06 * max(|x|, 1) (automatic)}. */
    public String stepDescription() {
        return stepDescription;
    }

    /** The function's value at the checked point. */
    public double value() {
        return value;
    }

    /** How many times the function's value was computed. */
    public long evaluations() {
        return evaluations;
    }

    /** How long the check took. */
    public Duration elapsed() {
        return elapsed;
    }

    /** The report as text, with the default number of rows ({@link ReportFormatter#DEFAULT_MAX_ROWS}). */
    @Override
    public String toString() {
        return ReportFormatter.format(this, ReportFormatter.DEFAULT_MAX_ROWS);
    }
}
