package org.gradcheck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.function.GradientModel;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.layout.Parameters;
import org.gradcheck.report.BlockSummary;
import org.gradcheck.report.GradientReport;
import org.gradcheck.engine.EngineConstants;
import org.gradcheck.report.Entry;
import org.gradcheck.report.Verdict;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Full, parallel, screening and sampled checks, the automatic choice between them and the time budget. */
class StrategyTests {

    /** {@code sum w_i x_i^2 + sin(x_i)} with weights in [0.5, 1.5]. */
    static DifferentiableFunction separable(int n, int wrongIndex, double wrongFactor) {
        double[] weights = new SplittableRandom(n).doubles(n, 0.5, 1.5).toArray();
        return DifferentiableFunction.threadSafe(x -> {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += weights[i] * x[i] * x[i] + Math.sin(x[i]);
            }
            return sum;
        }, x -> {
            double[] g = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                g[i] = 2 * weights[i] * x[i] + Math.cos(x[i]);
            }
            if (wrongIndex >= 0) {
                g[wrongIndex] *= wrongFactor;
            }
            return g;
        });
    }

    static double[] point(int n) {
        return new SplittableRandom(7).doubles(n, -1, 1).toArray();
    }

    @Nested
    class Parallel {

        @Test
        void twoThreadsGiveTheSameResultsBitForBit() {
            int n = 3000;
            DifferentiableFunction function = separable(n, 1234, 1.01);
            GradientReport single = GradientChecker.defaults().withStrategy(Strategy.full()).check(function, point(n));
            GradientReport parallel = GradientChecker.defaults().withStrategy(Strategy.full()).withThreads(2)
                    .check(function, point(n));
            assertArrayEquals(GradientCheckerTests.numerical(single), GradientCheckerTests.numerical(parallel));
            assertEquals(single.evaluations(), parallel.evaluations());
            assertEquals(single.toString().replace("every parameter", "every parameter, 2 threads"), parallel.toString());
            assertEquals("x[1234]", parallel.failures().get(0).name());
        }

        /**
         * Refinement runs on every thread too: next to a value of 1e8, every first estimate agrees only within its
         * rounding bound and is re-estimated; each entry's estimates come from its own evaluations, so three threads
         * give the single thread's figures bit for bit, and the threads share the work.
         */
        @Test
        void refinementOnThreeThreadsGivesTheSameResultsBitForBit() {
            int n = 600;
            java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
            DifferentiableFunction separable = separable(n, 321, 1.001);
            DifferentiableFunction offset = DifferentiableFunction.threadSafe(x -> {
                threads.add(Thread.currentThread().getName());
                return 1e8 + separable.value(x);
            }, separable::gradient);
            GradientReport single = GradientChecker.defaults().withStrategy(Strategy.full()).check(offset, point(n));
            threads.clear();
            GradientReport parallel = GradientChecker.defaults().withStrategy(Strategy.full()).withThreads(3)
                    .check(offset, point(n));

            assertTrue(single.refinedCount() > n / 2, "refined " + single.refinedCount());
            assertEquals(single.refinedCount(), parallel.refinedCount());
            assertEquals(single.evaluations(), parallel.evaluations());
            for (int i = 0; i < n; i++) {
                Entry one = single.parameter(i);
                Entry three = parallel.parameter(i);
                assertEquals(one.verdict(), three.verdict(), one.name());
                assertEquals(Double.doubleToLongBits(one.numerical()), Double.doubleToLongBits(three.numerical()), one.name());
                assertEquals(Double.doubleToLongBits(one.numericalError()), Double.doubleToLongBits(three.numericalError()),
                        one.name());
            }
            assertEquals("x[321]", parallel.failures().get(0).name());
            assertEquals(3, threads.size(), threads::toString);
        }

        @Test
        void functionWithoutACopyForThreadsIsRefusedWithWhatToDo() {
            DifferentiableFunction plain = DifferentiableFunction.of(x -> x[0] * x[0], x -> new double[] {2 * x[0]});
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> GradientChecker.defaults().withThreads(2).check(plain, new double[] {1}));
            assertTrue(error.getMessage().startsWith("a check with 2 threads needs a function that can be evaluated by"
                    + " several threads, but "), error.getMessage());
            assertTrue(error.getMessage().endsWith("returns null from copyForThread(): return this from it if the function"
                    + " keeps no mutable state (or use DifferentiableFunction.threadSafe(...)), return a copy with its own"
                    + " buffers otherwise, or use withThreads(1)"), error.getMessage());
        }

        @Test
        void functionWithoutACopyForThreadsIsRefusedBeforeItIsEvaluatedWhateverTheStrategy() {
            AtomicInteger evaluations = new AtomicInteger();
            DifferentiableFunction plain = DifferentiableFunction.of(x -> {
                evaluations.incrementAndGet();
                return x[0] * x[1];
            }, x -> new double[] {x[1], x[0]});

            for (Strategy strategy : List.of(Strategy.full(), Strategy.screening(), Strategy.sampled(1), Strategy.taylor())) {
                IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                        () -> GradientChecker.defaults().withThreads(3).withStrategy(strategy).check(plain, new double[] {1, 2}));
                assertTrue(error.getMessage().startsWith("a check with 3 threads needs a function that can be evaluated by"
                        + " several threads, but "), error.getMessage());
            }
            assertEquals(0, evaluations.get());
        }

        @Test
        void modelsSupplyACopyPerThread() {
            AtomicInteger copies = new AtomicInteger();
            GradientModel<double[]> model = new GradientModel<>() {
                @Override
                public double cost(Parameters parameters, double[] batch) {
                    double sum = 0;
                    for (int i = 0; i < batch.length; i++) {
                        sum += Math.tanh(parameters.get("w", i) * batch[i]);
                    }
                    return sum;
                }

                @Override
                public Map<String, ?> gradients(Parameters parameters, double[] batch) {
                    double[] dw = new double[batch.length];
                    for (int i = 0; i < batch.length; i++) {
                        double t = Math.tanh(parameters.get("w", i) * batch[i]);
                        dw[i] = (1 - t * t) * batch[i];
                    }
                    return Map.of("dw", dw);
                }

                @Override
                public GradientModel<double[]> copyForThread() {
                    copies.incrementAndGet();
                    return this;
                }
            };
            double[] batch = point(600);
            GradientReport report = GradientChecker.defaults().withThreads(2)
                    .check(model, Map.of("w", point(600)), batch);
            assertTrue(report.passed(), report::toString);
            assertEquals(1, copies.get());
        }

        @Test
        void threadsBelowOneAreRejected() {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> GradientChecker.defaults().withThreads(0));
            assertEquals("threads must be >= 1 but was 0: use 1 for a check on the calling thread, or the number of cores",
                    error.getMessage());
        }
    }

    @Nested
    class Screening {

        @Test
        void aRightGradientPassesWithAHeadlineThatSaysWhatWasChecked() {
            GradientReport report = GradientChecker.defaults().withStrategy(Strategy.screening())
                    .check(separable(1000, -1, 1), point(1000));

            assertTrue(report.passed(), report::toString);
            assertEquals(0, report.checkedCount());
            assertEquals("Gradient check passed: the directional derivatives of every block agree (1000 parameters)",
                    report.headline());
        }

        @Test
        void namesTheOneWrongEntryAmongAMillionWithFewEvaluations() {
            int n = 1_000_000;
            GradientReport report = GradientChecker.defaults().withStrategy(Strategy.screening())
                    .check(separable(n, 765_432, 3.0), point(n));
            assertFalse(report.passed());
            assertEquals(1, report.failureCount());
            Entry wrong = report.failures().get(0);
            assertEquals("x[765432]", wrong.name());
            // the true derivative is a third of the analytic value: the numerical one is that within its error bound
            assertEquals(wrong.analytic() / 3, wrong.numerical(), wrong.numericalError(), wrong::toString);
            assertEquals(3.0, wrong.analytic() / wrong.numerical(), 1e-5);
            // f(x) and the gradient twice at the point (4), the noise (8) and the noise along all inputs (8), 2
            // directions at the top and 2 per level of bisection (34, each 2 evaluations), Ridders' re-estimates of the
            // directions, the 8 leaves one by one (16), the wrong one re-estimated and the three leaves whose first
            // estimates agreed only within their rounding bound (f is about 1e6) re-estimated at larger steps, f(x) twice
            // at the end (2)
            assertEquals(562, report.evaluations(), "screening used " + report.evaluations() + " evaluations; a full check"
                    + " needs " + 2 * n);
            // two leaves checked one by one: the wrong entry's, and its neighbour, whose directions disagreed at the
            // rounding floor (a cost of 16 evaluations, never a verdict: its parameters pass one by one)
            assertTrue(report.strategyNotes().get(0).contains(": 34 directions, 16 parameters checked one by one"),
                    report.strategyNotes()::toString);
            assertEquals(2 * EngineConstants.SCREENING_LEAF_SIZE, report.checkedCount());
            assertTrue(report.strategyDescription().startsWith("screening: directional derivatives per block"),
                    report.strategyDescription());
        }

        @Test
        void findsABugConfinedToABlockWithTinyGradients() {
            ParameterLayout layout = ParameterLayout.builder().vector("big", 500).vector("tiny", 500).build();
            DifferentiableFunction function = DifferentiableFunction.of(x -> {
                double sum = 0;
                for (int i = 0; i < x.length; i++) {
                    sum += (i < 500 ? 1 : 1e-6) * (x[i] * x[i] + Math.sin(x[i]));
                }
                return sum;
            }, x -> {
                double[] g = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    g[i] = (i < 500 ? 1 : 1e-6) * (2 * x[i] + Math.cos(x[i])) * (i == 777 ? 2 : 1);
                }
                return g;
            });
            GradientReport report = GradientChecker.defaults().withStrategy(Strategy.screening()).check(function, point(1000), layout);
            assertEquals(1, report.failureCount(), report::toString);
            assertEquals("tiny[277]", report.failures().get(0).name());
            assertTrue(report.strategyNotes().get(0).startsWith("big [500]: 2 directions agreed (largest mismatch "),
                    report.strategyNotes()::toString);
            assertTrue(report.strategyNotes().get(1).startsWith("tiny [500]: directional derivative disagreed"),
                    report.strategyNotes()::toString);
        }

        @Test
        void correctLargeFunctionPassesCheckingOnlyDirections() {
            int n = 200_000;
            GradientReport report = GradientChecker.defaults().check(separable(n, -1, 1), point(n));
            assertTrue(report.passed(), report::toString);
            assertEquals(0, report.checkedCount());
            assertTrue(report.strategyDescription().startsWith("screening (automatic: a full check was estimated at "),
                    report.strategyDescription());
            assertTrue(report.strategyDescription().contains(", above the limit of 1.0 s): directional derivatives per block"),
                    report.strategyDescription());
            // f(x) and the gradient twice at the point (4), the noise (8) and the noise along all inputs (8), 2
            // directions (4) and Ridders' re-estimates of them at larger and larger moves, as long as rounding limits
            // them and they cannot yet promise to see an error of the tolerance in one entry (22), f(x) twice at the
            // end (2): 48, against 400,000 for a full check
            assertEquals(48, report.evaluations(), "evaluations " + report.evaluations());
            assertEquals(Verdict.NOT_CHECKED, report.parameter(5).verdict());
        }
    }

    @Nested
    class Sampled {

        @Test
        void checksExactlyKParametersPerBlockAndSaysSo() {
            ParameterLayout layout = ParameterLayout.builder().matrix("W", 40, 50).vector("b", 40).vector("c", 3).build();
            int n = layout.size();
            GradientReport report = GradientChecker.defaults().withStrategy(Strategy.sampled(20))
                    .check(separable(n, -1, 1), point(n), layout);
            assertTrue(report.passed());
            assertEquals(43, report.checkedCount());
            assertEquals("sampled: 43 of 2043 parameters (up to 20 per block, seed 24301)", report.strategyDescription());
            BlockSummary w = report.blocks().get(0);
            assertEquals(20, w.checked());
            assertEquals(3, report.blocks().get(2).checked());
            assertEquals(2 * 43 + 4 + EngineConstants.NOISE_PROBE_POINTS + 2, report.evaluations());
            assertTrue(report.toString().contains("W      [40, 50]  20/2000     0"), report::toString);
        }

        @Test
        void sameSeedSamplesTheSameParameters() {
            int n = 5000;
            GradientChecker checker = GradientChecker.defaults().withStrategy(Strategy.sampled(10)).withSeed(99);
            GradientReport first = checker.check(separable(n, -1, 1), point(n));
            GradientReport second = checker.check(separable(n, -1, 1), point(n));
            assertEquals(first.toString(), second.toString());
            GradientReport other = checker.withSeed(100).check(separable(n, -1, 1), point(n));
            assertFalse(first.worst(10).equals(other.worst(10)) && first.toString().equals(other.toString()));
        }
    }

    @Nested
    class Automatic {

        @Test
        void smallFunctionsAreCheckedInFull() {
            GradientReport report = GradientChecker.defaults().check(separable(100, -1, 1), point(100));
            assertTrue(report.strategyDescription().startsWith("full (automatic: a full check was estimated at "),
                    report.strategyDescription());
            assertTrue(report.strategyDescription().endsWith(" s, within the limit of 1.0 s): every parameter"),
                    report.strategyDescription());
            assertEquals(100, report.checkedCount());
        }
    }

    @Nested
    class Budget {

        @Test
        void aCheckThatWouldExceedTheBudgetIsRefusedUpFrontWithTheEstimate() {
            AtomicInteger calls = new AtomicInteger();
            DifferentiableFunction slow = DifferentiableFunction.of(x -> {
                calls.incrementAndGet();
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return x[0] * x[0];
            }, x -> new double[x.length]);
            CheckBudgetExceededException error = assertThrows(CheckBudgetExceededException.class,
                    () -> GradientChecker.defaults().withStrategy(Strategy.full()).withTimeBudget(Duration.ofSeconds(1))
                            .withPrecision(Precision.DOUBLE).check(slow, new double[5000]));
            assertTrue(error.getMessage().startsWith("a full check of 5000 parameters needs 10000 evaluations of the function,"
                    + " about "), error.getMessage());
            assertTrue(error.getMessage().contains("more than the time budget of 1.0 s. Use withStrategy(Strategy.screening())"),
                    error.getMessage());
            assertTrue(error.estimate().compareTo(Duration.ofSeconds(20)) >= 0, error.estimate()::toString);
            assertEquals(2, calls.get(), "refused before the long part started");
        }

        @Test
        void budgetMustBePositive() {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> GradientChecker.defaults().withTimeBudget(Duration.ZERO));
            assertEquals("time budget must be a positive duration but was PT0S: use for example Duration.ofMinutes(10)",
                    error.getMessage());
        }
    }

    @Nested
    class Memory {

        private long allocatedBytes(Runnable action) {
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long id = Thread.currentThread().getId();
            long before = threads.getThreadAllocatedBytes(id);
            action.run();
            return threads.getThreadAllocatedBytes(id) - before;
        }

        /** A function that allocates nothing itself, so that what is allocated is the checker's. */
        private DifferentiableFunction quiet(int n) {
            double[] gradientBuffer = new double[n];
            return DifferentiableFunction.of(x -> {
                double sum = 0;
                for (double v : x) {
                    sum += v * v;
                }
                return sum;
            }, x -> {
                for (int i = 0; i < x.length; i++) {
                    gradientBuffer[i] = 2 * x[i];
                }
                return gradientBuffer;
            });
        }

        @Test
        void fullCheckAllocatesAFewCopiesOfTheParameterVector() {
            int n = 20_000;
            DifferentiableFunction function = quiet(n);
            double[] point = point(n);
            GradientChecker checker = GradientChecker.defaults().withStrategy(Strategy.full());
            checker.check(function, point);
            long bytes = allocatedBytes(() -> checker.check(function, point));
            double vectors = bytes / (8.0 * n);
            // measured 7.09: six vectors of the checker's arrays, and about 2 KB for each of the 174 entries whose
            // first estimate agreed only within its rounding bound and was re-estimated at larger steps
            assertTrue(vectors < 8, "a full check allocated " + vectors + " vectors of the parameters' size");
        }

        @Test
        void aFullCheckOfAModelAllocatesAFewCopiesOfTheParameterVector() {
            int n = 20_000;
            ParameterLayout layout = ParameterLayout.builder().vector("w", n).build();
            Map<String, double[]> gradients = Map.of("dw", new double[n]);
            GradientModel<Void> model = new GradientModel<>() {
                @Override
                public double cost(Parameters parameters, Void batch) {
                    double sum = 0;
                    for (double v : parameters.values()) {
                        sum += v * v;
                    }
                    return sum;
                }

                @Override
                public Map<String, ?> gradients(Parameters parameters, Void batch) {
                    double[] values = parameters.values();
                    double[] dw = gradients.get("dw");
                    for (int i = 0; i < values.length; i++) {
                        dw[i] = 2 * values[i];
                    }
                    return gradients;
                }
            };
            Parameters parameters = Parameters.view(layout, point(n));
            GradientChecker checker = GradientChecker.defaults().withStrategy(Strategy.full());
            checker.check(model, parameters, null);
            long bytes = allocatedBytes(() -> checker.check(model, parameters, null));
            double vectors = bytes / (8.0 * n);
            // the checker's arrays and the gradient rolled twice into a vector: a few vectors, whatever the number of
            // evaluations (2N of them), so nothing that escapes is allocated per evaluation on the model's path
            assertTrue(vectors < 8, "a full check of a model allocated " + vectors + " vectors of the parameters' size");
        }

        @Test
        void screeningAMillionParametersAllocatesAFewCopiesOfTheParameterVector() {
            int n = 1_000_000;
            DifferentiableFunction function = quiet(n);
            double[] point = point(n);
            GradientChecker checker = GradientChecker.defaults().withStrategy(Strategy.screening());
            long bytes = allocatedBytes(() -> checker.check(function, point));
            double vectors = bytes / (8.0 * n);
            assertTrue(vectors < 8, "screening allocated " + vectors + " vectors of the parameters' size");
        }
    }
}
