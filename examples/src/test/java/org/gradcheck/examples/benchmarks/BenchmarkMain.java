package org.gradcheck.examples.benchmarks;

import java.io.PrintStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.gradcheck.GradientChecker;
import org.gradcheck.Strategy;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.report.GradientReport;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks and prints what they show, as ratios measured in the same run: the time of a full check
 * against 2N evaluations of the function, the speed-up of two threads, screening against full, and the number of
 * evaluations each strategy needs (counts are stable where times are noisy).
 *
 * <p>Run with {@code mvn -B -q -Pbenchmarks -DskipTests verify} from the project's root; add
 * {@code -Dbenchmarks.quick=true} for one warm-up and one measured iteration per benchmark (a smoke run, not figures
 * to quote).
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException {
        PrintStream out = System.out;
        Runtime runtime = Runtime.getRuntime();
        out.printf(Locale.ROOT, "machine: %d cores, Java %s (%s), %s %s%n", runtime.availableProcessors(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), System.getProperty("os.name"),
                System.getProperty("os.arch"));
        out.println("data: " + BenchmarkFunctions.dataFolder().toAbsolutePath().normalize());
        out.println();
        printEvaluationCounts(out);
        OptionsBuilder builder = new OptionsBuilder();
        builder.include(CheckBenchmarks.class.getName() + "\\.")
                .include(MillionBenchmarks.class.getName() + "\\.");
        if (Boolean.getBoolean("benchmarks.quick")) {
            builder.warmupIterations(1).measurementIterations(1);
        }
        Options options = builder.build();
        Collection<RunResult> results = new Runner(options).run();
        out.println();
        printRatios(out, scores(results));
    }

    /** The calls of the function and of its gradient the default check makes, per function: counted once. */
    private static final Map<String, long[]> DEFAULT_CALLS = new LinkedHashMap<>();

    /** The key of the in-function time per check measured inside the timed default check, in milliseconds. */
    private static final String IN_FUNCTION_MEASURED = "inFunctionMeasured";

    /** How many evaluations each strategy needs, and its verdict: counted, not timed. */
    private static void printEvaluationCounts(PrintStream out) {
        out.println("evaluations of the function per check (N parameters)");
        out.printf(Locale.ROOT, "%-22s %9s %12s %12s %14s  %s%n", "function", "N", "full", "screening", "sampled(20)",
                "verdicts (full / screening / sampled)");
        for (String name : List.of(BenchmarkFunctions.ARTICLE_RAW, BenchmarkFunctions.ARTICLE_SCALED,
                BenchmarkFunctions.SMALL_NETWORK, BenchmarkFunctions.MILLION)) {
            BenchmarkFunctions.Subject subject = BenchmarkFunctions.subject(name);
            int n = subject.layout().size();
            boolean runFull = !name.equals(BenchmarkFunctions.MILLION);
            GradientReport full = runFull ? check(subject, Strategy.full()) : null;
            GradientReport screening = check(subject, Strategy.screening());
            GradientReport sampled = check(subject, Strategy.sampled(20));
            out.printf(Locale.ROOT, "%-22s %9d %12s %12d %14d  %s / %s / %s%n", name, n,
                    runFull ? Long.toString(full.evaluations()) : "2N + 14",
                    screening.evaluations(), sampled.evaluations(), runFull ? verdict(full) : "not run", verdict(screening),
                    verdict(sampled));
            if (runFull) {
                Counting counting = new Counting(subject.function(), subject.point());
                GradientReport automatic = GradientChecker.defaults().check(counting, subject.point(), subject.layout());
                DEFAULT_CALLS.put(name, new long[] {counting.values.get(), counting.gradients.get(), counting.widelyMoved.get()});
                out.printf(Locale.ROOT, "%-22s %9s default check: %s, %d values (%d of them with most coordinates moved) "
                        + "and %d gradients (%s)%n", "", "", automatic.strategyDescription().replaceAll(" \\(automatic.*|:.*", ""),
                        counting.values.get(), counting.widelyMoved.get(), counting.gradients.get(), verdict(automatic));
            }
        }
        out.println();
    }

    /**
     * The function, counting the calls of its value and of its gradient, and the values asked for at points where
     * most coordinates differ from the checked point (evaluations along a direction over the largest block).
     */
    private static final class Counting implements DifferentiableFunction {
        private final DifferentiableFunction function;
        private final double[] checked;
        private final AtomicLong values;
        private final AtomicLong gradients;
        private final AtomicLong widelyMoved;

        Counting(DifferentiableFunction function, double[] checked) {
            this(function, checked.clone(), new AtomicLong(), new AtomicLong(), new AtomicLong());
        }

        private Counting(DifferentiableFunction function, double[] checked, AtomicLong values, AtomicLong gradients,
                AtomicLong widelyMoved) {
            this.function = function;
            this.checked = checked;
            this.values = values;
            this.gradients = gradients;
            this.widelyMoved = widelyMoved;
        }

        @Override
        public double value(double[] point) {
            values.incrementAndGet();
            int moved = 0;
            for (int i = 0; i < point.length; i++) {
                moved += point[i] != checked[i] ? 1 : 0;
            }
            if (2 * moved > point.length) {
                widelyMoved.incrementAndGet();
            }
            return function.value(point);
        }

        @Override
        public double[] gradient(double[] point) {
            gradients.incrementAndGet();
            return function.gradient(point);
        }

        @Override
        public DifferentiableFunction copyForThread() {
            DifferentiableFunction copy = function.copyForThread();
            return copy == null ? null : new Counting(copy, checked, values, gradients, widelyMoved);
        }
    }

    private static GradientReport check(BenchmarkFunctions.Subject subject, Strategy strategy) {
        return GradientChecker.defaults().withStrategy(strategy).check(subject.function(), subject.point(), subject.layout());
    }

    private static String verdict(GradientReport report) {
        return report.passed() ? "passed" : "failed";
    }

    /**
     * Scores in milliseconds by function, then by benchmark method; the timed default check's in-function time per
     * check under {@code inFunctionMeasured}, from its counters (both summed the same way over the iterations).
     */
    private static Map<String, Map<String, Double>> scores(Collection<RunResult> results) {
        Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String function = benchmark.contains(MillionBenchmarks.class.getSimpleName()) ? BenchmarkFunctions.MILLION
                    : result.getParams().getParam("function");
            Map<String, Double> score = scores.computeIfAbsent(function, key -> new LinkedHashMap<>());
            score.put(method, result.getPrimaryResult().getScore());
            Result<?> nanos = result.getSecondaryResults().get("inFunctionNanos");
            Result<?> checks = result.getSecondaryResults().get("timedChecks");
            if (nanos != null && checks != null && checks.getScore() > 0) {
                score.put(IN_FUNCTION_MEASURED, nanos.getScore() / checks.getScore() / 1e6);
            }
        }
        return scores;
    }

    private static void printRatios(PrintStream out, Map<String, Map<String, Double>> scores) {
        out.println("ratios measured in this run (times are JMH averages)");
        out.printf(Locale.ROOT, "%-22s %9s %12s %14s %16s %12s %18s%n", "function", "N", "1 eval (ms)", "full (ms)",
                "full / (2N eval)", "2 threads", "screening / full");
        for (Map.Entry<String, Map<String, Double>> entry : scores.entrySet()) {
            Map<String, Double> score = entry.getValue();
            int n = BenchmarkFunctions.subject(entry.getKey()).layout().size();
            double evaluation = score.get("evaluation");
            double twoN = 2.0 * n * evaluation;
            Double full = score.get("fullCheck");
            Double twoThreads = score.get("fullCheckTwoThreads");
            double screening = score.get("screeningCheck");
            out.printf(Locale.ROOT, "%-22s %9d %12.4f %14s %16s %12s %18s%n", entry.getKey(), n, evaluation,
                    full == null ? String.format(Locale.ROOT, "(%.0f)", twoN) : String.format(Locale.ROOT, "%.1f", full),
                    full == null ? "-" : String.format(Locale.ROOT, "%.3f", full / twoN),
                    twoThreads == null ? "-" : String.format(Locale.ROOT, "%.2fx", full / twoThreads),
                    String.format(Locale.ROOT, "%.2e", screening / (full == null ? twoN : full)));
        }
        out.println("(full) in brackets: not run, 2N x one evaluation");
        out.println();
        out.println("the default check against a full check, and its own time against the time in the function");
        out.printf(Locale.ROOT, "%-22s %12s %14s %16s %14s %18s %22s%n", "function", "default (ms)", "full / default",
                "in function (ms)", "own (ms)", "own / in function", "moving / in function");
        for (Map.Entry<String, Map<String, Double>> entry : scores.entrySet()) {
            Map<String, Double> score = entry.getValue();
            long[] calls = DEFAULT_CALLS.get(entry.getKey());
            Double automatic = score.get("defaultCheck");
            Double full = score.get("fullCheck");
            if (calls == null || automatic == null || full == null) {
                continue;
            }
            double inFunction = calls[0] * score.get("evaluation") + calls[1] * score.get("gradient");
            double own = automatic - inFunction;
            double moving = calls[2] * score.get("movedPoint");
            out.printf(Locale.ROOT, "%-22s %12.3f %14.0f %16.3f %14.3f %18.2f %22.2f%n", entry.getKey(), automatic,
                    full / automatic, inFunction, own, own / inFunction, moving / inFunction);
        }
        out.println("(in function: the default check's calls of the value and of the gradient, each at its measured time;");
        out.println(" moving: its values with most coordinates moved, each at the time of writing one moved point)");
        out.println();
        out.println("the default check timed inside the function's calls: its own time against the time in the function, both");
        out.println("measured in the same iterations");
        out.printf(Locale.ROOT, "%-22s %12s %16s %14s %18s%n", "function", "check (ms)", "in function (ms)", "own (ms)",
                "own / in function");
        for (Map.Entry<String, Map<String, Double>> entry : scores.entrySet()) {
            Map<String, Double> score = entry.getValue();
            Double check = score.get("defaultCheckTimedInside");
            Double inFunction = score.get(IN_FUNCTION_MEASURED);
            if (check == null || inFunction == null) {
                continue;
            }
            out.printf(Locale.ROOT, "%-22s %12.3f %16.3f %14.3f %18.2f%n", entry.getKey(), check, inFunction,
                    check - inFunction, (check - inFunction) / inFunction);
        }
    }
}
