package org.gradcheck.examples.benchmarks;

import java.util.concurrent.TimeUnit;
import org.gradcheck.GradientChecker;
import org.gradcheck.Strategy;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.GradientReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A function of 10^6 parameters: one evaluation and a screening check. A full check would take 2 x 10^6
 * evaluations; {@link BenchmarkMain} states its time as 2N times one evaluation instead of running it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class MillionBenchmarks {

    private DifferentiableFunction subject;
    private double[] point;
    private ParameterLayout layout;
    private GradientChecker screening;

    @Setup(Level.Trial)
    public void setUp() {
        BenchmarkFunctions.Subject chosen = BenchmarkFunctions.subject(BenchmarkFunctions.MILLION);
        subject = chosen.function();
        point = chosen.point();
        layout = chosen.layout();
        screening = GradientChecker.defaults().withStrategy(Strategy.screening());
    }

    /** One evaluation of the function at the point. */
    @Benchmark
    public double evaluation() {
        return subject.value(point);
    }

    /** A screening check of all 10^6 parameters. */
    @Benchmark
    public GradientReport screeningCheck() {
        return screening.check(subject, point, layout);
    }
}
