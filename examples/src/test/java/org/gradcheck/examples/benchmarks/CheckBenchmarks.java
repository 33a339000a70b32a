package org.gradcheck.examples.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.gradcheck.GradientChecker;
import org.gradcheck.Precision;
import org.gradcheck.Strategy;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.GradientReport;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of a gradient check against the cost of the function it checks, measured in the same run: one
 * evaluation of the function and of its gradient, a full check on one thread and on two, a screening check and the
 * default check ({@code GradientChecker.defaults()}, whose strategy is chosen by the estimated time).
 *
 * <p>The ratios {@link BenchmarkMain} prints from these figures: full / (2N x one evaluation), the two-thread
 * speed-up, screening against full, full against the default check, and the default check's own time against the
 * time it spends in the function: estimated from its calls at their measured times, and measured inside the check
 * itself ({@link #defaultCheckTimedInside}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class CheckBenchmarks {

    /** Which function: see {@link BenchmarkFunctions}. */
    @Param({BenchmarkFunctions.ARTICLE_RAW, BenchmarkFunctions.ARTICLE_SCALED, BenchmarkFunctions.SMALL_NETWORK})
    public String function;

    private DifferentiableFunction subject;
    private double[] point;
    private ParameterLayout layout;
    private GradientChecker full;
    private GradientChecker fullTwoThreads;
    private GradientChecker screening;
    private GradientChecker automatic;
    private double[] direction;
    private double[] moved;
    private Timed timed;

    @Setup(Level.Trial)
    public void setUp() {
        BenchmarkFunctions.Subject chosen = BenchmarkFunctions.subject(function);
        subject = chosen.function();
        point = chosen.point();
        layout = chosen.layout();
        GradientChecker base = GradientChecker.defaults().withPrecision(Precision.AUTOMATIC);
        full = base.withStrategy(Strategy.full());
        fullTwoThreads = full.withThreads(2);
        screening = base.withStrategy(Strategy.screening());
        automatic = GradientChecker.defaults();
        direction = new double[point.length];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < direction.length; i++) {
            direction[i] = (random.nextBoolean() ? 1 : -1) * (1 + random.nextDouble()) * 1e-7 * Math.max(1, Math.abs(point[i]));
        }
        moved = point.clone();
        timed = new Timed(subject);
    }

    /**
     * The function, adding the time spent inside each call of its value and gradient to {@link #nanos}: what the
     * check spends in the user's code, measured where it is spent (two clock reads per call, about 50 ns, against
     * calls of 50 us and more).
     */
    static final class Timed implements DifferentiableFunction {
        private final DifferentiableFunction function;
        long nanos;

        Timed(DifferentiableFunction function) {
            this.function = function;
        }

        @Override
        public double value(double[] point) {
            long start = System.nanoTime();
            double value = function.value(point);
            nanos += System.nanoTime() - start;
            return value;
        }

        @Override
        public double[] gradient(double[] point) {
            long start = System.nanoTime();
            double[] gradient = function.gradient(point);
            nanos += System.nanoTime() - start;
            return gradient;
        }
    }

    /**
     * The time the timed default check spent inside the function, and the checks it ran, summed over each iteration:
     * JMH reports them beside the benchmark's score, so the in-function time per check comes from the same run.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class InFunction {
        public long inFunctionNanos;
        public long timedChecks;

        @Setup(Level.Iteration)
        public void clear() {
            inFunctionNanos = 0;
            timedChecks = 0;
        }
    }

    /** One evaluation of the function at the point: the unit every check is measured in. */
    @Benchmark
    public double evaluation() {
        return subject.value(point);
    }

    /** One gradient of the function at the point. */
    @Benchmark
    public double[] gradient() {
        return subject.gradient(point);
    }

    /**
     * Writing one moved point {@code x + t w} over every coordinate, as each evaluation along a direction that moves
     * every parameter must before it calls the function: the part of a screening check's own time no checker can
     * avoid (it is the same loop as the engine's).
     */
    @Benchmark
    public double[] movedPoint() {
        double t = 0.75;
        for (int i = 0; i < moved.length; i++) {
            moved[i] = point[i] + t * direction[i];
        }
        return moved;
    }

    /**
     * The default check: the checker's defaults, the strategy chosen by the estimated time of a full check. Warmed up
     * longer than the others: its first seconds compile many methods each used a few times per check, and two
     * warm-up iterations left the first measured ones up to twice the later ones.
     */
    @Benchmark
    @Warmup(iterations = 5, time = 2)
    public GradientReport defaultCheck() {
        return automatic.check(subject, point, layout);
    }

    /**
     * The default check of the function timed inside its calls ({@link Timed}): its own time is its score less the
     * time in the function, both measured in the same iterations.
     */
    @Benchmark
    @Warmup(iterations = 5, time = 2)
    public GradientReport defaultCheckTimedInside(InFunction counters) {
        long before = timed.nanos;
        GradientReport report = automatic.check(timed, point, layout);
        counters.inFunctionNanos += timed.nanos - before;
        counters.timedChecks++;
        return report;
    }

    /** A full check on the calling thread: 2N evaluations plus a constant number. */
    @Benchmark
    public GradientReport fullCheck() {
        return full.check(subject, point, layout);
    }

    /** A full check split across two threads. */
    @Benchmark
    public GradientReport fullCheckTwoThreads() {
        return fullTwoThreads.check(subject, point, layout);
    }

    /** A screening check: directional derivatives per block; warmed up as long as the default check. */
    @Benchmark
    @Warmup(iterations = 5, time = 2)
    public GradientReport screeningCheck() {
        return screening.check(subject, point, layout);
    }
}
