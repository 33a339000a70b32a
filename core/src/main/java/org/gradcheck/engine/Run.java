package org.gradcheck.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.gradcheck.CheckBudgetExceededException;
import org.gradcheck.CheckRefusedException;
import org.gradcheck.DifferenceScheme;
import org.gradcheck.StepSize;
import org.gradcheck.layout.Block;
import org.gradcheck.report.TaylorDirection;

/**
 * One check, from the first evaluation to the report: the value and the analytic derivative twice at the point
 * (determinism), the noise, the entries the strategy chooses judged by the {@link Kernel}, the value at the point
 * once more at the end (non-determinism that starts late), and the point compared with its copy (a function that
 * modifies its input).
 */
final class Run {

    /** Above this many entries a derivative does not fit in one array. */
    static final long MOST_ENTRIES = Integer.MAX_VALUE - 8;

    final Settings settings;
    final Problem problem;
    final double[] point;
    final int n;
    final Evaluator main;
    final List<Evaluator> helpers = new ArrayList<>();
    final Outcome.Description description = new Outcome.Description();
    double[] value;
    int m;
    Findings findings;
    Noise noise;
    Kernel kernel;
    /** The first output's sums over each input block, from the scan of the analytic derivatives. */
    BlockTotals totals;
    /** The fastest evaluation of the function seen so far, for time estimates. */
    long fastestNanos = Long.MAX_VALUE;
    final List<TaylorDirection> taylor = new ArrayList<>();
    private final long start = System.nanoTime();
    /** The arrays this run uses only while it runs, handed back by {@link #release()}. */
    private final List<double[]> scratch = new ArrayList<>();

    /**
     * A run with an evaluator per thread of the checker, made before anything is evaluated.
     *
     * @throws IllegalArgumentException if the checker has several threads and the function no copy for another
     */
    Run(Settings settings, Problem problem, double[] point) {
        this.settings = settings;
        this.problem = problem;
        this.point = point;
        this.n = point.length;
        this.main = new Evaluator(problem, point, new Evaluator.Control(), scratch(point));
        for (int t = 1; t < settings.threads; t++) {
            helpers.add(main.copyForThread(settings.threads));
        }
    }

    /** The value, the analytic derivative, determinism and noise: everything before entries are judged. */
    void prepare() {
        long begin = System.nanoTime();
        value = firstValues();
        fastestNanos = System.nanoTime() - begin;
        m = value.length;
        if ((long) m * n > MOST_ENTRIES) {
            throw new IllegalArgumentException("the derivative has " + m + " x " + n + " = " + (long) m * n + " entries, more"
                    + " than one array holds (" + MOST_ENTRIES + "): check a part of the function at a time (fewer outputs or"
                    + " inputs), or check products only");
        }
        for (int i = 0; i < m; i++) {
            if (!Double.isFinite(value[i])) {
                main.requireUnmodified(outputName(-1));
                throw new CheckRefusedException("the function's value " + outputName(i) + " is " + value[i]
                        + " at the point being checked: a check needs a finite value; check the inputs and parameters");
            }
        }
        double[] analytic = main.analytic(problem.derivativeName());
        double[] again = new double[m];
        main.atPoint(again, outputName(-1) + " a second time");
        // the second analytic derivative's array becomes the references': one array less for a large model
        double[] analyticAgain = main.analytic(problem.derivativeName() + " a second time");
        findings = new Findings(m, n, analytic, analyticAgain);
        requireUnmodifiedByFirstCalls();
        requireDeterministic(again);
        Scan scan = new Scan(analytic, analyticAgain);
        double[] spread = scan.largestDifference == 0 ? null : spreadOf(analytic, analyticAgain);
        Arrays.fill(findings.numerical, Double.NaN);
        long before = main.evaluations;
        begin = System.nanoTime();
        noise = Noise.of(main, value, again, scan.sizes, settings.precision, settings.nondeterminismTolerance,
                settings.seed);
        long probes = main.evaluations - before;
        if (probes > 0) {
            fastestNanos = Math.min(fastestNanos, (System.nanoTime() - begin) / probes);
        }
        Arrays.fill(findings.verdicts, Findings.NOT_CHECKED);
        kernel = new Kernel(problem, findings, noise, settings, point, value, spread, scan.significance);
        totals = scan.totals;
        description.precision = noise.description;
        StepSize stepSize = settings.stepSize;
        DifferenceScheme scheme = settings.scheme;
        double relative = noise.relative;
        description.step = () -> stepSize.describe(scheme, relative);
    }

    /** A copy of {@code source} used only while the run runs ({@link Scratch}). */
    private double[] scratch(double[] source) {
        double[] copy = Scratch.copyOf(source);
        scratch.add(copy);
        return copy;
    }

    /**
     * An array of {@code length} entries used only while the run runs, its contents undefined: the caller writes every
     * entry before reading it ({@link Scratch}).
     */
    double[] scratch(int length) {
        double[] array = Scratch.take(length);
        scratch.add(array);
        return array;
    }

    /** Hands back the arrays used only while the run ran; nothing of the run may read them after. */
    void release() {
        for (double[] array : scratch) {
            Scratch.give(array);
        }
        scratch.clear();
    }

    private double[] firstValues() {
        return main.first(outputName(-1));
    }

    /**
     * The point unchanged by the first four calls (the value, the derivative, both again): one comparison for all of
     * them, since each costs a pass over the point. Only when the point changed are the calls made again from the
     * point restored, each compared at once, to name the one that changed it.
     */
    private void requireUnmodifiedByFirstCalls() {
        if (main.unmodified()) {
            return;
        }
        String changed = main.modification();
        main.restore();
        firstValues();
        main.requireUnmodified(outputName(-1));
        main.analytic(problem.derivativeName());
        main.requireUnmodified(problem.derivativeName());
        main.atPoint(new double[m], outputName(-1) + " a second time");
        main.requireUnmodified(outputName(-1) + " a second time");
        main.analytic(problem.derivativeName() + " a second time");
        main.requireUnmodified(problem.derivativeName() + " a second time");
        throw new CheckRefusedException("the function modified the point it was given while computing " + outputName(-1)
                + " or " + problem.derivativeName() + " at the start of the check (not again when the calls were repeated): "
                + changed + ". Functions must treat their input as read-only; copy it before changing it.");
    }

    private String outputName(int row) {
        if (problem instanceof GradientProblem) {
            return "f(x)";
        }
        return row < 0 ? "the outputs" : "output " + problem.outputs().nameOf(row);
    }

    private void requireFinite(double[] derivative, String what) {
        for (int k = 0; k < derivative.length; k++) {
            if (!Double.isFinite(derivative[k])) {
                throw new CheckRefusedException(what + " is " + derivative[k] + " at " + problem.entryName(k / n, k % n)
                        + " (index " + k + "): a check needs finite values; look for a division by zero or an overflow");
            }
        }
    }

    /**
     * Values at the same point agree to rounding (a reduction summed in another order counts as rounding) or to the
     * declared non-determinism; anything more is refused, with the usual causes.
     */
    private void requireDeterministic(double[] again) {
        double spread = Math.max(Kernel.DETERMINISM_SPREAD, Math.max(Kernel.DETERMINISM_UNITS
                * settings.precision.relativeNoise(), settings.nondeterminismTolerance));
        for (int i = 0; i < m; i++) {
            if (Math.abs(again[i] - value[i]) > spread * Math.max(Math.abs(value[i]), Math.abs(again[i]))) {
                throw new CheckRefusedException("the function is not deterministic: " + outputName(i) + " was " + value[i]
                        + " and then " + again[i] + " at the same point (a relative difference of "
                        + Numbers.brief(Math.abs(again[i] - value[i]) / Math.abs(value[i])) + "). A check compares values at"
                        + " nearby points, so it needs the same value for the same point. The usual causes: dropout or another"
                        + " random layer left on (check with it off, or reset its random generator before each evaluation with"
                        + " Stochastic.withReset), an unseeded random generator inside the function, or state carried from one"
                        + " call to the next. If the difference is expected, state it with withNondeterminismTolerance(...).");
            }
        }
    }

    /**
     * One pass over the two analytic derivatives: both must be finite and agree to {@link Kernel#ANALYTIC_SPREAD} of
     * each output's largest entry (or the declared non-determinism); each output's size (the larger of its value and
     * its derivatives times the inputs' scales, what its rounding is measured against); each input block's largest
     * entry over every output (the kernel's significance); and the first output's {@link BlockTotals}, which
     * screening bounds its directional estimates by and marks whole blocks negligible or not by. One pass, not one per use: for a large model each pass over the
     * parameters costs a fair share of an evaluation of the function.
     */
    private final class Scan {
        final double[] sizes = new double[m];
        final double[] significance;
        final BlockTotals totals;
        /** The largest difference between the two derivatives' entries; infinite or NaN never gets here. */
        double largestDifference;

        Scan(double[] analytic, double[] again) {
            List<Block> blocks = problem.inputs.blocks();
            significance = new double[blocks.size()];
            totals = new BlockTotals(blocks.size());
            double derivativeSpread = Math.max(Kernel.ANALYTIC_SPREAD, settings.nondeterminismTolerance);
            StepSize stepSize = settings.stepSize;
            for (int i = 0; i < m; i++) {
                double largest = 0;
                double difference = 0;
                // the sum of the differences only tells whether an entry of either is not finite: inf - inf is NaN
                double total = 0;
                double size = Math.abs(value[i]);
                for (int b = 0; b < blocks.size(); b++) {
                    Block block = blocks.get(b);
                    double blockLargest = 0;
                    double positions = 0;
                    double squares = 0;
                    double magnitude = 0;
                    double smallestScale = Double.POSITIVE_INFINITY;
                    double smallestScaled = Double.POSITIVE_INFINITY;
                    double largestScaled = 0;
                    int first = i * n + block.offset();
                    // where the two derivatives agree bit for bit over the block (the usual case, found by a fast
                    // comparison) the loop neither reads the second nor sums differences (the compiler makes a loop
                    // for each case); a sum that is not finite then sends the block through the checks below, which
                    // name the entry
                    boolean same = Arrays.mismatch(analytic, first, first + block.size(), again, first,
                            first + block.size()) < 0;
                    for (int j = block.offset(), end = j + block.size(), k = first; j < end; j++, k++) {
                        // compared, not Math.max: the values are finite, and a compare keeps no chain of blends
                        double entry = analytic[k];
                        double a = Math.abs(entry);
                        double x = Math.abs(point[j]);
                        double scale = stepSize.scaleOf(point[j]);
                        double scaled = a * scale;
                        double position = entry * (x > 1.0 ? x : 1.0);
                        blockLargest = a > blockLargest ? a : blockLargest;
                        size = scaled > size ? scaled : size;
                        positions += position * position;
                        squares += entry * entry;
                        magnitude += scaled;
                        smallestScale = scale < smallestScale ? scale : smallestScale;
                        smallestScaled = scaled < smallestScaled ? scaled : smallestScaled;
                        largestScaled = scaled > largestScaled ? scaled : largestScaled;
                        if (!same) {
                            double d = Math.abs(entry - again[k]);
                            difference = d > difference ? d : difference;
                            total += d;
                        }
                    }
                    if (same) {
                        total += magnitude;
                    }
                    significance[b] = Math.max(significance[b], blockLargest);
                    largest = Math.max(largest, blockLargest);
                    if (i == 0) {
                        totals.record(b, positions, squares, magnitude, smallestScale, blockLargest, smallestScaled,
                                largestScaled);
                    }
                }
                sizes[i] = size;
                if (!Double.isFinite(total)) {
                    requireFinite(analytic, problem.derivativeName());
                }
                if (!Double.isFinite(total) || difference > derivativeSpread * largest) {
                    refuseFirstDifference(i, analytic, again, derivativeSpread * largest);
                }
                largestDifference = Math.max(largestDifference, difference);
            }
        }

        /** Refuses, naming the first entry of output {@code i} whose two values differ by more than {@code allowed}. */
        private void refuseFirstDifference(int i, double[] analytic, double[] again, double allowed) {
            for (int j = 0; j < n; j++) {
                int k = i * n + j;
                double difference = Math.abs(analytic[k] - again[k]);
                if (!(difference <= allowed)) {
                    throw new CheckRefusedException(problem.derivativeName() + " is not deterministic: "
                            + problem.entryName(i, j) + " (index " + k + ") was " + analytic[k] + " and then " + again[k]
                            + " at the same point. The usual causes: dropout or another random layer left on, an unseeded"
                            + " random generator, or state carried from one call to the next (such as gradients accumulated"
                            + " into a buffer that is not cleared).");
                }
            }
        }
    }

    /** The differences between the two analytic derivatives, entry by entry. */
    private static double[] spreadOf(double[] analytic, double[] again) {
        double[] spread = new double[analytic.length];
        for (int k = 0; k < spread.length; k++) {
            spread[k] = Math.abs(analytic[k] - again[k]);
        }
        return spread;
    }

    // ------------------------------------------------------------------ strategies

    /** Every column, on one thread or several, then refinement. */
    void full() {
        requireWithinBudget((long) n * settings.scheme.evaluationsPerCoordinate(), "a full");
        firstPass(null, n);
        kernel.refine(main, helpers, null);
    }

    /** A seeded sample of columns per block. */
    void sampled(int perBlock) {
        int[] columns = sample(perBlock);
        requireWithinBudget((long) columns.length * settings.scheme.evaluationsPerCoordinate(), "a sampled");
        firstPass(columns, columns.length);
        kernel.markUnchecked();
        kernel.refine(main, columns);
    }

    /** The first estimate of the given columns (all when null), on the checker's threads. */
    void firstPass(int[] columns, int count) {
        Evaluator.forEach(main, count > 1 ? helpers : List.of(), count, columns, (evaluator, column) -> {
            double[][] buffers = evaluator.buffers(2);
            kernel.first(evaluator, column, buffers[0], buffers[1]);
        }, settings.progress);
    }

    /** The columns checked one by one, on the checking thread (screening leaves, failing Taylor blocks). */
    void checkColumns(int from, int to) {
        double[][] buffers = main.buffers(2);
        for (int column = from; column < to; column++) {
            kernel.first(main, column, buffers[0], buffers[1]);
        }
    }

    private int[] sample(int perBlock) {
        BitSet chosen = new BitSet(n);
        SplittableRandom random = new SplittableRandom(settings.seed);
        for (Block block : problem.inputs.blocks()) {
            int size = block.size();
            if (size <= perBlock) {
                chosen.set(block.offset(), block.offset() + size);
                continue;
            }
            int[] order = new int[size];
            for (int k = 0; k < size; k++) {
                order[k] = k;
            }
            for (int k = 0; k < perBlock; k++) {
                int pick = k + random.nextInt(size - k);
                int swap = order[k];
                order[k] = order[pick];
                order[pick] = swap;
                chosen.set(block.offset() + order[k]);
            }
        }
        return chosen.stream().toArray();
    }

    void requireWithinBudget(long plannedEvaluations, String what) {
        double seconds = plannedEvaluations * (fastestNanos / 1e9) / Math.max(1, settings.threads);
        Duration estimate = Duration.ofMillis((long) (seconds * 1000));
        if (estimate.compareTo(settings.timeBudget) > 0) {
            throw new CheckBudgetExceededException(what + " check of " + n + " parameters needs " + plannedEvaluations
                    + " evaluations of the function, about " + readable(estimate) + " at "
                    + Numbers.brief(fastestNanos / 1e6) + " ms per evaluation"
                    + (settings.threads > 1 ? " on " + settings.threads + " threads" : "") + ", more than the time budget of "
                    + readable(settings.timeBudget) + ". Use withStrategy(Strategy.screening()) to find wrong parameters with"
                    + " a few evaluations per block, withStrategy(Strategy.sampled(k)) for k parameters per block, more"
                    + " threads (withThreads), or a larger budget (withTimeBudget).", estimate);
        }
    }

    static String readable(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds >= 3600) {
            return seconds / 3600 + " h " + (seconds % 3600) / 60 + " min";
        }
        if (seconds >= 60) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        // tenths of a second rounded half up, without a formatter: the automatic strategy's text is made every check
        long tenths = (duration.toMillis() + 50) / 100;
        return tenths / 10 + "." + tenths % 10 + " s";
    }

    /** The estimated time of a full check: two evaluations per parameter at the fastest time seen, over the threads. */
    Duration fullCheckEstimate() {
        double nanos = (double) n * settings.scheme.evaluationsPerCoordinate() * fastestNanos / Math.max(1, settings.threads);
        return Duration.ofNanos((long) Math.min(nanos, Long.MAX_VALUE / 2.0));
    }

    // ------------------------------------------------------------------ the end

    /** The value at the point once more, and the point unchanged on every thread. */
    void finish() {
        double[] later = new double[m];
        for (int probe = 0; probe < 2; probe++) {
            main.atPoint(later, outputName(-1) + " at the end of the check");
            for (int i = 0; i < m; i++) {
                if (!noise.sameValue(value[i], later[i])) {
                    throw new CheckRefusedException("the function is not deterministic: " + outputName(i) + " was " + value[i]
                            + " at the start of the check and " + later[i] + " at the same point after " + evaluations()
                            + " evaluations (a relative difference of " + Numbers.brief(Math.abs(later[i] - value[i])
                            / Math.abs(value[i])) + "): its values changed during the check, so the differences it was judged"
                            + " by are not to be trusted. The usual causes: state carried from one call to the next (a cache,"
                            + " a counter, an accumulator), or randomness that starts after the first calls. If the difference"
                            + " is expected, state it with withNondeterminismTolerance(...).");
                }
            }
        }
        main.requireUnmodified("the numerical derivatives");
        for (Evaluator helper : helpers) {
            helper.requireUnmodified("the numerical derivatives (in a parallel check)");
        }
        description.evaluations = evaluations();
        description.elapsed = Duration.ofNanos(System.nanoTime() - start);
    }

    long evaluations() {
        long total = main.evaluations;
        for (Evaluator helper : helpers) {
            total += helper.evaluations;
        }
        return total;
    }
}
