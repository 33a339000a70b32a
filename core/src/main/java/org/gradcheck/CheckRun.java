package org.gradcheck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.gradcheck.DifferenceScheme;
import org.gradcheck.difference.FunctionNoise;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.layout.Block;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.GradientReport;
import org.gradcheck.report.NumberFormatter;
import org.gradcheck.taylor.ConvergenceVerdict;
import org.gradcheck.taylor.DirectionResult;
import org.gradcheck.taylor.TaylorRemainderCheck;
import org.gradcheck.taylor.TaylorReport;

/** One check: the algorithm described in {@link GradientChecker}'s class comment, and its state. */
final class CheckRun {

    /** Factor of sqrt(2) sigma: three standard deviations of the difference of two noisy values. */
    static final double ROUNDING_BOUND = 3 * Math.sqrt(2);

    /** A single result rounded once has an error of about this many units of its precision. */
    static final double ROUNDING_UNITS = 2;

    /** Under KinkPolicy.FAIL, one-sided derivatives this far apart, relatively, make a parameter a kink candidate. */
    static final double KINK_CANDIDATE_GAP = 0.1;

    /** Values at the same point may differ by this many units of the precision before the function counts as non-deterministic. */
    private static final double NONDETERMINISM_UNITS = 16;

    /** Relative noise above this is reported as "single precision or noisier". */
    private static final double DOUBLE_NOISE_LIMIT = 1e-10;

    /** The measured relative noise is clamped to this, beyond which differences say nothing anyway. */
    private static final double LARGEST_RELATIVE_NOISE = 1e-4;

    /** Coordinates handed to a thread at a time in a parallel check. */
    private static final int CHUNK = 256;

    final GradientChecker.Settings settings;
    final DifferentiableFunction function;
    final double[] original;
    final ParameterLayout layout;
    final Worker main;
    final boolean findKinks;
    final GradientReport.Builder report;
    private final List<Worker> helpers = new ArrayList<>();
    private long ownEvaluations;
    private long fastestEvaluationNanos = Long.MAX_VALUE;

    double value;
    double[] analytic;
    double noise;
    double relativeNoise;
    double unit;
    double[] numerical;
    double[] numericalError;

    CheckRun(GradientChecker.Settings settings, DifferentiableFunction function, double[] original, ParameterLayout layout) {
        this.settings = settings;
        this.function = function;
        this.original = original;
        this.layout = layout;
        this.main = new Worker(this, function, original.clone());
        this.findKinks = settings.kinkPolicy == KinkPolicy.FAIL;
        this.report = GradientReport.builder(layout);
    }

    GradientReport execute() {
        long start = System.nanoTime();
        String precision = prepare();
        int n = original.length;
        numerical = new double[n];
        numericalError = new double[n];
        Strategy strategy = settings.strategy.resolve(n);
        String description;
        BitSet checked = null;
        switch (strategy.kind()) {
            case SCREENING:
                checked = new BitSet(n);
                fillUncheckedErrors();
                new Screener(this, checked).run();
                description = "screening" + automatic(settings.strategy, n)
                        + ": directional derivatives per block, bisection where they disagree; " + checked.cardinality()
                        + " of " + n + " parameters checked one by one (seed " + settings.seed + ")";
                break;
            case TAYLOR:
                checked = new BitSet(n);
                fillUncheckedErrors();
                description = "taylor: order of convergence of the Taylor remainder along seeded directions per block"
                        + " (seed " + settings.seed + "); failing blocks checked one by one";
                taylor(checked);
                break;
            case SAMPLED:
                checked = sample(strategy.perBlock());
                requireWithinBudget((long) checked.cardinality() * settings.scheme.evaluationsPerCoordinate(), "a sampled");
                fillUncheckedErrors();
                differentiate(checked.stream().toArray());
                description = "sampled: " + checked.cardinality() + " of " + n + " parameters (up to "
                        + strategy.perBlock() + " per block, seed " + settings.seed + ")";
                break;
            default:
                requireWithinBudget((long) n * settings.scheme.evaluationsPerCoordinate(), "a full");
                differentiateAll();
                description = "full" + automatic(settings.strategy, n) + ": every parameter"
                        + (settings.threads > 1 ? ", " + settings.threads + " threads" : "");
                break;
        }
        report.checked(checked);
        int refined = settings.refinement == Refinement.RIDDERS ? new Refiner(this, checked).refine(kinkCandidates()) : 0;
        requireUnmodified(main.x, "the numerical derivatives");
        for (Worker helper : helpers) {
            requireUnmodified(helper.x, "the numerical derivatives (in a parallel check)");
        }
        GradientReport result = report.gradients(analytic, numerical, numericalError)
                .judgedBy(settings.tolerance, settings.kinkPolicy, settings.untestedPolicy)
                .settings(settings.scheme, settings.stepSize.describe(settings.scheme, relativeNoise), description, precision)
                .statistics(value, evaluations(), refined, Duration.ofNanos(System.nanoTime() - start))
                .build();
        settings.progress.finished(result);
        CheckObservers.finished(result);
        return result;
    }

    /**
     * The Taylor strategy: the remainder's order of convergence block by block, then a one-by-one check of every
     * block whose order says its gradient is wrong. A failing order fails the check even where no single parameter
     * is outside the tolerance.
     */
    private void taylor(BitSet checked) {
        TaylorReport taylor = TaylorRemainderCheck.defaults().withSeed(settings.seed).check(function, original, layout);
        ownEvaluations += taylor.evaluations();
        for (Block block : layout.blocks()) {
            List<String> orders = new ArrayList<>();
            boolean passes = true;
            for (DirectionResult direction : taylor.directions()) {
                if (block.name().equals(direction.block())) {
                    orders.add(direction.verdict() == ConvergenceVerdict.EXACT ? "exact"
                            : Double.isNaN(direction.order()) ? "-" : String.format(Locale.ROOT, "%.2f", direction.order()));
                    passes &= direction.verdict().passes();
                }
            }
            String name = block.name() + " " + block.shapeText();
            if (passes) {
                report.strategyNote(name + ": remainder orders " + String.join(", ", orders) + " (a right gradient gives 2)");
                continue;
            }
            for (int index = block.offset(); index < block.offset() + block.size(); index++) {
                main.differentiate(index);
            }
            checked.set(block.offset(), block.offset() + block.size());
            report.strategyNote(name + ": remainder orders " + String.join(", ", orders) + " (a wrong gradient gives 1);"
                    + " its " + block.size() + " parameters checked one by one");
        }
        if (!taylor.passed()) {
            String headline = taylor.headline();
            report.strategyFailure(headline.substring(headline.indexOf(':') + 2));
        }
    }

    private static String automatic(Strategy requested, int n) {
        if (requested.kind() != Strategy.Kind.AUTOMATIC) {
            return "";
        }
        return " (automatic: " + n + (n <= Strategy.AUTOMATIC_FULL_LIMIT ? " <= " : " > ") + Strategy.AUTOMATIC_FULL_LIMIT
                + " parameters)";
    }

    long evaluations() {
        long total = ownEvaluations + main.evaluations;
        for (Worker helper : helpers) {
            total += helper.evaluations;
        }
        return total;
    }

    /** Value and gradient twice, determinism, noise; returns the precision as the report states it. */
    private String prepare() {
        value = valueAtPoint("f(x)");
        analytic = analyticGradient("the analytic gradient").clone();
        double again = valueAtPoint("f(x) a second time");
        double[] analyticAgain = analyticGradient("the analytic gradient a second time");
        unit = settings.precision.relativeNoise();
        requireDeterministic(again, analyticAgain);
        double measuredNoise = Math.abs(again - value);
        String precision;
        if (settings.precision == Precision.AUTOMATIC) {
            double measured = measureNoise();
            measuredNoise = Math.max(measuredNoise, measured);
            double relative = value == 0 ? 0 : measured / Math.abs(value);
            precision = (relative > DOUBLE_NOISE_LIMIT ? "single or lower" : "double") + " (measured noise "
                    + NumberFormatter.brief(relative) + " of |f|)";
        } else {
            precision = settings.precision.name().toLowerCase(Locale.ROOT) + " (declared)";
        }
        noise = Math.max(ROUNDING_UNITS * unit * Math.abs(value), measuredNoise);
        relativeNoise = value == 0 ? unit : Math.min(Math.max(measuredNoise / Math.abs(value), unit), LARGEST_RELATIVE_NOISE);
        return precision;
    }

    /** The step for a coordinate of value {@code x} under {@code scheme}, for this function's noise. */
    double stepFor(double x, DifferenceScheme scheme) {
        return settings.stepSize.stepFor(x, scheme, relativeNoise);
    }

    /** The rounding error of a value near {@code plus} and {@code minus}. */
    double roundingOf(double plus, double minus) {
        return Math.max(noise, ROUNDING_UNITS * unit * Math.max(Math.abs(plus), Math.abs(minus)));
    }

    /** For parameters not checked one by one: the rounding error bound their estimate would have had. */
    private void fillUncheckedErrors() {
        Arrays.fill(numerical, Double.NaN);
        double rounding = roundingOf(value, value);
        for (int i = 0; i < original.length; i++) {
            numericalError[i] = ROUNDING_BOUND * rounding / (2 * stepFor(original[i], DifferenceScheme.CENTRAL));
        }
    }

    private void requireWithinBudget(long plannedEvaluations, String what) {
        if (fastestEvaluationNanos == Long.MAX_VALUE) {
            return;
        }
        double seconds = plannedEvaluations * (fastestEvaluationNanos / 1e9) / Math.max(1, settings.threads);
        Duration estimate = Duration.ofMillis((long) (seconds * 1000));
        if (estimate.compareTo(settings.timeBudget) > 0) {
            throw new CheckBudgetExceededException(what + " check of " + original.length + " parameters needs "
                    + plannedEvaluations + " evaluations of the function, about " + readable(estimate) + " at "
                    + NumberFormatter.brief(fastestEvaluationNanos / 1e6) + " ms per evaluation"
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
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** Every parameter, on one thread or several; progress is reported about a hundred times. */
    private void differentiateAll() {
        int n = original.length;
        ProgressListener progress = settings.progress;
        if (settings.threads <= 1) {
            for (int index = 0; index < n; index++) {
                main.differentiate(index);
                if (index + 1 < n && (index + 1L) * 100 / n != index * 100L / n) {
                    progress.progress(index + 1, n);
                }
            }
            progress.progress(n, n);
            return;
        }
        differentiateInParallel(n, progress);
    }

    private void differentiateInParallel(int n, ProgressListener progress) {
        for (int t = 1; t < settings.threads; t++) {
            DifferentiableFunction copy = function.copyForThread();
            if (copy == null) {
                throw new IllegalArgumentException("a check with " + settings.threads + " threads needs a function that can be"
                        + " evaluated by several threads, but " + function.getClass().getName() + " returns null from"
                        + " copyForThread(): return this from it if the function keeps no mutable state (or use"
                        + " DifferentiableFunction.threadSafe(...)), return a copy with its own buffers otherwise, or use withThreads(1)");
            }
            helpers.add(new Worker(this, copy, original.clone()));
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < helpers.size(); t++) {
            Worker worker = helpers.get(t);
            Thread thread = new Thread(() -> work(worker, n, next, done, failure, progress),
                    "gradcheck-worker-" + (t + 1));
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        work(main, n, next, done, failure, progress);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new GradientCheckException("the check was interrupted", e));
                for (Thread other : threads) {
                    other.interrupt();
                }
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        progress.progress(n, n);
    }

    private static void work(Worker worker, int n, AtomicInteger next, AtomicInteger done,
            AtomicReference<RuntimeException> failure, ProgressListener progress) {
        try {
            while (failure.get() == null) {
                int from = next.getAndAdd(CHUNK);
                if (from >= n) {
                    return;
                }
                int to = Math.min(n, from + CHUNK);
                for (int index = from; index < to; index++) {
                    worker.differentiate(index);
                }
                int total = done.addAndGet(to - from);
                if (total < n && total * 100L / n != (total - (to - from)) * 100L / n) {
                    synchronized (progress) {
                        progress.progress(total, n);
                    }
                }
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    /** The parameters at {@code indices}, on the main thread. */
    void differentiate(int[] indices) {
        for (int index : indices) {
            main.differentiate(index);
        }
    }

    /** A seeded sample of up to {@code perBlock} parameters of every block. */
    private BitSet sample(int perBlock) {
        BitSet chosen = new BitSet(original.length);
        SplittableRandom random = new SplittableRandom(settings.seed);
        for (Block block : layout.blocks()) {
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
        return chosen;
    }

    private int[] kinkCandidates() {
        int[] candidates = main.kinkCandidates();
        for (Worker helper : helpers) {
            int[] more = helper.kinkCandidates();
            int length = candidates.length;
            candidates = Arrays.copyOf(candidates, length + more.length);
            System.arraycopy(more, 0, candidates, length, more.length);
        }
        Arrays.sort(candidates);
        return candidates;
    }

    /** The function's value at an arbitrary point (noise measurement, screening); counted. */
    double valueAt(double[] somewhere) {
        ownEvaluations++;
        return function.value(somewhere);
    }

    private void requireDeterministic(double again, double[] analyticAgain) {
        double relativeAllowance = Math.max(NONDETERMINISM_UNITS * unit, settings.nondeterminismTolerance);
        if (Math.abs(again - value) > relativeAllowance * Math.abs(value)) {
            throw new GradientCheckException("the function is not deterministic: f(x) was " + value + " and then " + again
                    + " at the same point (a relative difference of " + NumberFormatter.brief(Math.abs(again - value) / Math.abs(value))
                    + "). A gradient check compares values at nearby points, so it needs the same value for the same point. "
                    + "The usual causes: dropout or another random layer left on (check with it off, or reset its random "
                    + "generator before each evaluation with Stochastic.withReset), an unseeded random generator inside the function, or state carried "
                    + "from one call to the next. If the difference is expected, state it with withNondeterminismTolerance(...).");
        }
        double scale = 0;
        for (double g : analytic) {
            scale = Math.max(scale, Math.abs(g));
        }
        for (int i = 0; i < analytic.length; i++) {
            double difference = Math.abs(analytic[i] - analyticAgain[i]);
            if (difference > relativeAllowance * Math.max(Math.abs(analytic[i]), settings.nondeterminismTolerance > 0 ? scale : 0)) {
                throw new GradientCheckException("the analytic gradient is not deterministic: " + layout.nameOf(i) + " (index " + i
                        + ") was " + analytic[i] + " and then " + analyticAgain[i] + " at the same point. The usual causes: "
                        + "dropout or another random layer left on, an unseeded random generator, or state carried from one "
                        + "call to the next (such as gradients accumulated into a buffer that is not cleared).");
            }
        }
    }

    private double measureNoise() {
        long start = System.nanoTime();
        long before = ownEvaluations;
        double measured = FunctionNoise.measure(this::valueNearPoint, main.x, value, settings.seed);
        long count = ownEvaluations - before;
        fastestEvaluationNanos = Math.min(fastestEvaluationNanos, (System.nanoTime() - start) / Math.max(1, count));
        return measured;
    }

    /** The function's value at a point near the checked one, for the noise measurement; failures say so. */
    private double valueNearPoint(double[] near) {
        double result;
        try {
            result = valueAt(near);
        } catch (RuntimeException e) {
            throw new GradientCheckException("the function threw " + e + " while its noise was measured at points within"
                    + " 1e-4 (relative) of the point being checked; declare the precision with withPrecision(...) to skip"
                    + " the measurement", e);
        }
        if (!Double.isFinite(result)) {
            throw new GradientCheckException("the function's value is " + result + " at a point within 1e-4 (relative) of"
                    + " the point being checked, where its noise was measured: a gradient check needs finite values near the"
                    + " point; check the function's domain, or declare the precision with withPrecision(...) to skip the measurement");
        }
        return result;
    }

    private double valueAtPoint(String what) {
        double result;
        long start = System.nanoTime();
        try {
            result = function.value(main.x);
        } catch (RuntimeException e) {
            throw new GradientCheckException("the function threw " + e + " while computing " + what
                    + " at the point being checked", e);
        }
        fastestEvaluationNanos = Math.min(fastestEvaluationNanos, System.nanoTime() - start);
        ownEvaluations++;
        if (!Double.isFinite(result)) {
            throw new GradientCheckException("the function's value " + what + " is " + result
                    + " at the point being checked: a gradient check needs a finite value; check the inputs and parameters");
        }
        requireUnmodified(main.x, what);
        return result;
    }

    private double[] analyticGradient(String what) {
        double[] gradient;
        try {
            gradient = function.gradient(main.x);
        } catch (GradientCheckException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new GradientCheckException(what + " could not be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new GradientCheckException("the function threw " + e + " while computing " + what, e);
        }
        if (gradient == null) {
            throw new GradientCheckException(what + " is null: gradient(point) must return an array of length " + original.length);
        }
        if (gradient.length != original.length) {
            throw new GradientCheckException(what + " has length " + gradient.length + " but the point has "
                    + original.length + " parameters: return one partial derivative per parameter");
        }
        for (int i = 0; i < gradient.length; i++) {
            if (!Double.isFinite(gradient[i])) {
                throw new GradientCheckException(what + " is " + gradient[i] + " at " + layout.nameOf(i)
                        + " (index " + i + "): a gradient check needs finite values; look for a division by zero or an overflow");
            }
        }
        requireUnmodified(main.x, what);
        return gradient;
    }

    void requireUnmodified(double[] copy, String what) {
        if (!Arrays.equals(copy, original)) {
            int index = firstDifference(copy, original);
            throw new GradientCheckException("the function modified the point it was given while computing " + what + ": "
                    + layout.nameOf(index) + " (index " + index + ") was " + original[index] + " and became " + copy[index]
                    + ". Functions must treat their input as read-only; copy it before changing it.");
        }
    }

    private static int firstDifference(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Double.doubleToLongBits(a[i]) != Double.doubleToLongBits(b[i])) {
                return i;
            }
        }
        return -1;
    }
}
