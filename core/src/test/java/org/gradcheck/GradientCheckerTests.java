package org.gradcheck;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gradcheck.TestFunctions.Batch;
import org.gradcheck.TestFunctions.LogisticBug;
import org.gradcheck.TestFunctions.NetworkBug;
import org.gradcheck.TestFunctions.TanhNetwork;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.function.GradientModel;
import org.gradcheck.layout.GradientNaming;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.layout.Parameters;
import org.gradcheck.report.BlockSummary;
import org.gradcheck.report.GradientReport;
import org.gradcheck.report.Entry;
import org.gradcheck.report.Verdict;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GradientCheckerTests {

    private static final GradientChecker CHECKER = GradientChecker.defaults();

    @Nested
    class CorrectGradientsPass {

        @Test
        void rosenbrockInSixDimensions() {
            double[] point = TestFunctions.randomVector(new Random(42), 6, -2, 2);

            GradientReport report = CHECKER.check(TestFunctions.rosenbrock(), point);

            // measured: overall difference 1.49e-11, worst relative error 5.14e-10
            assertTrue(report.passed(), report::toString);
            assertTrue(report.overallDifference() < 5e-11, report::toString);
            assertTrue(report.blocks().get(0).maxRelativeError() < 2e-9, report::toString);
            assertEquals(0, report.failureCount());
            assertTrue(report.failures().isEmpty());
        }

        @Test
        void atRosenbrocksMinimumTheNumericalGradientIsTheTruncationError() {
            GradientChecker firstEstimateOnly = CHECKER.withPrecision(Precision.DOUBLE).withRefinement(Refinement.NONE);
            GradientReport report = firstEstimateOnly.check(TestFunctions.rosenbrock(), new double[] {1, 1, 1, 1});

            // the analytic gradient is exactly zero; the central difference is off by its truncation error
            // h^2 f'''/6 = 400 h^2 = 1.47e-8 in the coordinates that have a cubic term, and exact in the last
            double truncation = 400 * StepSize.CENTRAL_FACTOR * StepSize.CENTRAL_FACTOR;
            for (int i = 0; i < 3; i++) {
                assertEquals(0.0, report.parameter(i).analytic());
                assertEquals(truncation, report.parameter(i).numerical(), 1e-3 * truncation, report.parameter(i)::toString);
            }
            assertEquals(0.0, report.parameter(3).numerical(), 1e-12);
            for (int i = 0; i < 3; i++) {
                assertEquals(Verdict.FAIL, report.parameter(i).verdict(), "the first estimate's truncation error fails the zero gradient");
            }

            GradientReport refined = CHECKER.check(TestFunctions.rosenbrock(), new double[] {1, 1, 1, 1});
            assertTrue(refined.passed(), refined::toString);
            // the three with a cubic term, and the last: its central difference is exact, but its one-sided differences
            // +-100 h differ as they would at a kink, which only smaller steps tell apart
            assertEquals(4, refined.refinedCount());
            for (int i = 0; i < 3; i++) {
                assertTrue(Math.abs(refined.parameter(i).numerical()) < 1e-11, refined.parameter(i)::toString);
            }
        }

        @Test
        void aQuadraticForm() {
            Random random = new Random(42);
            double[][] a = TestFunctions.randomMatrix(random, 5, true);
            double[] b = TestFunctions.randomVector(random, 5, -1, 1);
            double[] point = TestFunctions.randomVector(random, 5, -3, 3);

            GradientReport report = CHECKER.check(TestFunctions.quadraticForm(a, b, true), point);

            // measured: 3.83e-12
            assertTrue(report.passed(), report::toString);
            assertTrue(report.overallDifference() < 1.5e-11, report::toString);
        }

        @Test
        void aLogisticLossWithFourParameters() {
            GradientReport report = CHECKER.check(logisticLoss(LogisticBug.NONE), logisticPoint());

            // measured: 1.86e-11
            assertTrue(report.passed(), report::toString);
            assertTrue(report.overallDifference() < 6e-11, report::toString);
        }

        @Test
        void aSmallNetworkWrittenFromScratch() {
            Random random = new Random(7);
            Map<String, Object> parameters = TestFunctions.networkParameters(random, 4, 3, 0.5, 0.3);
            Batch batch = TestFunctions.randomBatch(random, 4, 5);

            GradientReport report = CHECKER.check(new TanhNetwork(NetworkBug.NONE), parameters, batch);

            // measured: 6.70e-11
            assertTrue(report.passed(), report::toString);
            assertTrue(report.overallDifference() < 2e-10, report::toString);
            assertEquals(List.of("W1", "b1", "W2", "b2"), report.blocks().stream().map(BlockSummary::name).toList());
            assertEquals(12 + 3 + 3 + 1, report.size());
            assertEquals("W1[2,3]", report.parameter(11).name());
            assertEquals("b2[0]", report.parameter(18).name());
        }
    }

    @Nested
    class WrongGradientsFail {

        @ParameterizedTest(name = "coordinate {0}")
        @ValueSource(ints = {1, 2, 3, 4, 5})
        void oneWrongCoordinateOfRosenbrockIsNamedFirst(int wrong) {
            double[] point = TestFunctions.randomVector(new Random(42), 6, -2, 2);

            GradientReport report = CHECKER.check(TestFunctions.rosenbrockWrongAt(wrong), point);

            String name = "x[" + wrong + "]";
            assertFalse(report.passed());
            assertEquals(1, report.failureCount(), report::toString);
            assertEquals(name, report.worst(1).get(0).name());
            assertEquals(name, report.failures().get(0).name());
            assertEquals(Verdict.FAIL, report.parameter(name).verdict());
            assertEquals(TestFunctions.rosenbrockGradient(point, -1)[wrong], report.parameter(wrong).numerical(),
                    1e-8 * Math.abs(report.parameter(wrong).numerical()));
            assertEquals(TestFunctions.rosenbrockGradient(point, wrong)[wrong], report.parameter(wrong).analytic());
        }

        @Test
        void aQuadraticFormWhoseGradientAssumesASymmetricMatrixFailsEverywhere() {
            Random random = new Random(42);
            double[][] a = TestFunctions.randomMatrix(random, 5, false);
            double[] b = TestFunctions.randomVector(random, 5, -1, 1);
            double[] point = TestFunctions.randomVector(random, 5, -3, 3);

            assertTrue(CHECKER.check(TestFunctions.quadraticForm(a, b, false), point).passed());
            assertEquals(5, CHECKER.check(TestFunctions.quadraticForm(a, b, true), point).failureCount());
        }

        @Test
        void aLogisticLossWithTheWrongSignOrWithoutTheBatchMeanFailsEveryParameter() {
            GradientReport wrongSign = CHECKER.check(logisticLoss(LogisticBug.WRONG_SIGN), logisticPoint());
            GradientReport missingMean = CHECKER.check(logisticLoss(LogisticBug.MISSING_BATCH_MEAN), logisticPoint());

            assertEquals(4, wrongSign.failureCount());
            assertEquals(1.0, wrongSign.overallDifference(), 1e-9);
            assertEquals(4, missingMean.failureCount());
            // 20 examples: the analytic gradient is 20 times the numerical one, difference 19/21
            assertEquals(19.0 / 21, missingMean.overallDifference(), 1e-9);
        }

        @Test
        void eachNetworkBugIsConfinedToItsBlock() {
            assertEquals(Map.of("W1", 0, "b1", 3, "W2", 0, "b2", 0), failuresByBlock(NetworkBug.BIAS_TANH_DERIVATIVE));
            assertEquals(Map.of("W1", 12, "b1", 0, "W2", 0, "b2", 0), failuresByBlock(NetworkBug.MISSING_BATCH_MEAN));
            assertEquals(Map.of("W1", 0, "b1", 0, "W2", 3, "b2", 0), failuresByBlock(NetworkBug.WRONG_SIGN));
        }

        private Map<String, Integer> failuresByBlock(NetworkBug bug) {
            Random random = new Random(7);
            Map<String, Object> parameters = TestFunctions.networkParameters(random, 4, 3, 0.5, 0.3);
            Batch batch = TestFunctions.randomBatch(random, 4, 5);
            GradientReport report = CHECKER.check(new TanhNetwork(bug), parameters, batch);
            Map<String, Integer> failures = new LinkedHashMap<>();
            for (BlockSummary block : report.blocks()) {
                failures.put(block.name(), block.failures());
                if (block.failures() > 0) {
                    assertTrue(report.worst(1).get(0).name().startsWith(block.name() + "["), report::toString);
                }
            }
            return failures;
        }
    }

    /**
     * A model whose cost weights each block by a scale taken from the batch:
     * {@code cost = sum over blocks B of scale(B) * sum over i in B of (log cosh(t_i) + t_i^2 / 2)}.
     */
    static final class ScaledModel implements GradientModel<Map<String, Double>> {

        private final String wrongBlock;

        /** A model whose gradient of {@code wrongBlock} forgets the {@code log cosh} term; null for none. */
        ScaledModel(String wrongBlock) {
            this.wrongBlock = wrongBlock;
        }

        @Override
        public double cost(Parameters parameters, Map<String, Double> scales) {
            double cost = 0;
            for (var block : parameters.layout().blocks()) {
                double sum = 0;
                for (double t : parameters.vector(block.name())) {
                    sum += Math.log(Math.cosh(t)) + t * t / 2;
                }
                cost += scales.get(block.name()) * sum;
            }
            return cost;
        }

        @Override
        public Map<String, ?> gradients(Parameters parameters, Map<String, Double> scales) {
            Map<String, Object> gradients = new LinkedHashMap<>();
            for (var block : parameters.layout().blocks()) {
                double[] values = parameters.vector(block.name());
                double scale = scales.get(block.name());
                double[] gradient = new double[values.length];
                for (int i = 0; i < values.length; i++) {
                    gradient[i] = scale * ((block.name().equals(wrongBlock) ? 0 : Math.tanh(values[i])) + values[i]);
                }
                ParameterLayout shape = ParameterLayout.builder().matrix("g", block.rows(), block.columns()).build();
                gradients.put("d" + block.name(), block.isMatrix() ? Parameters.view(shape, gradient).matrix("g") : gradient);
            }
            return gradients;
        }
    }

    /** Parameters W1 [8, 16], b1 [8], W2 [1, 8], b2 [1], entries randn, seeded. */
    static Map<String, Object> scaledModelParameters() {
        Random random = new Random(11);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("W1", gaussianMatrix(random, 8, 16));
        parameters.put("b1", gaussianMatrix(random, 1, 8)[0]);
        parameters.put("W2", gaussianMatrix(random, 1, 8));
        parameters.put("b2", new double[] {random.nextGaussian()});
        return parameters;
    }

    static double[][] gaussianMatrix(Random random, int rows, int columns) {
        double[][] matrix = new double[rows][columns];
        for (double[] row : matrix) {
            for (int c = 0; c < columns; c++) {
                row[c] = random.nextGaussian();
            }
        }
        return matrix;
    }

    @Nested
    class PerParameterCriterion {

        private final Map<String, Double> scales = Map.of("W1", 1.0, "b1", 1e-6, "W2", 1.0, "b2", 1.0);

        @Test
        void theCorrectModelPasses() {
            GradientReport report = CHECKER.check(new ScaledModel(null), scaledModelParameters(), scales);

            assertTrue(report.passed(), report::toString);
        }

        @Test
        void aWrongGradientInABlockOfTinyValuesFailsAlthoughTheOverallDifferenceLooksFine() {
            GradientReport report = CHECKER.check(new ScaledModel("b1"), scaledModelParameters(), scales);

            // b1's gradient is about 1e-6 of the others' and wrong by about half its value
            for (int i = 0; i < report.size(); i++) {
                Entry check = report.parameter(i);
                double magnitude = Math.abs(check.analytic());
                if (check.block().equals("b1")) {
                    assertTrue(magnitude < 3e-6, check::toString);
                    assertTrue(check.relativeError() > 0.1, check::toString);
                }
            }
            assertFalse(report.passed());
            assertEquals(8, report.failureCount(), report::toString);
            assertEquals("b1", report.worst(1).get(0).block());
            assertTrue(report.worst(1).get(0).name().startsWith("b1["));
            assertEquals(8, report.blocks().get(1).failures());
            assertEquals(0, report.blocks().get(0).failures() + report.blocks().get(2).failures() + report.blocks().get(3).failures());
            // the article's criterion alone would call this gradient fine: measured 5.8e-8
            assertTrue(report.overallDifference() < 1e-7, "overall difference " + report.overallDifference());
            assertTrue(report.overallDifference() > 1e-8, "overall difference " + report.overallDifference());
        }
    }

    @Nested
    class ZeroGradients {

        @Test
        void theOverallDifferenceIsZeroWhenBothGradientsAreZero() {
            DifferentiableFunction constant = DifferentiableFunction.of(x -> 5, x -> new double[x.length]);

            GradientReport report = CHECKER.check(constant, new double[] {1, -2, 3});

            assertEquals(0.0, report.overallDifference());
            assertTrue(report.passed());
            assertEquals(0.0, report.blocks().get(0).difference());
            assertEquals(0.0, report.blocks().get(0).maxRelativeError());
            assertEquals(0.0, report.parameter(1).relativeError());
            assertEquals(0.0, report.parameter(1).errorRatio());
        }

        @Test
        void aZeroAnalyticGradientAgainstANonZeroNumericalOneHasDifference1() {
            DifferentiableFunction forgotten = DifferentiableFunction.of(x -> 3 * x[0] - x[1], x -> new double[2]);

            GradientReport report = CHECKER.check(forgotten, new double[] {1, 2});

            assertEquals(1.0, report.overallDifference(), 1e-12);
            assertEquals(2, report.failureCount());
        }

        /**
         * The reverse: a gradient for a coordinate the function does not depend on. The numerical derivative is exactly
         * zero with a bound of rounding size, so the analytic 2 disagrees even with that bound: FAIL (Kernel's rule).
         */
        @Test
        void aNonZeroAnalyticGradientOfACoordinateTheFunctionIgnoresFails() {
            DifferentiableFunction ignores = DifferentiableFunction.of(x -> 3 * x[0], x -> new double[] {3, 2});

            GradientReport report = CHECKER.check(ignores, new double[] {1, 2});

            assertEquals(Verdict.PASS, report.parameter(0).verdict());
            assertEquals(0.0, report.parameter(1).numerical());
            assertTrue(report.parameter(1).numericalError() < 1e-10, report.parameter(1)::toString);
            assertEquals(Verdict.FAIL, report.parameter(1).verdict(), report::toString);
            assertEquals(1, report.failureCount());
        }
    }

    @Nested
    class Configuration {

        @Test
        void theDefaultsAreCentralAutomaticDefaultToleranceAndStandardNaming() {
            assertEquals(DifferenceScheme.CENTRAL, CHECKER.scheme());
            assertEquals(StepSize.automatic(), CHECKER.stepSize());
            assertEquals(Tolerance.defaults(), CHECKER.tolerance());
            assertEquals("dW1", CHECKER.gradientNaming().gradientKey("W1"));
            assertEquals(Precision.AUTOMATIC, CHECKER.precision());
            assertEquals(Refinement.RIDDERS, CHECKER.refinement());
            assertEquals(Strategy.automatic(), CHECKER.strategy());
            assertEquals(KinkPolicy.ACCEPT_SUBGRADIENT, CHECKER.kinkPolicy());
            assertEquals(UntestedPolicy.WARN, CHECKER.untestedPolicy());
            assertEquals(UnresolvedPolicy.FAIL, CHECKER.unresolvedPolicy());
            assertEquals(1, CHECKER.threads());
            assertEquals(GradientChecker.DEFAULT_SEED, CHECKER.seed());
            assertEquals(24301, GradientChecker.DEFAULT_SEED);
            assertEquals("GradientChecker[central difference, step 6.055e-06 * max(|x|, 1) (automatic), "
                    + "|g - n| <= 0 + 1.0e-06 * max(|g|, |n|) + numerical error, precision automatic, refinement RIDDERS,"
                    + " strategy automatic, threads 1, seed 24301]", CHECKER.toString());
        }

        @Test
        void withMethodsReturnModifiedCopies() {
            GradientChecker changed = CHECKER.withScheme(DifferenceScheme.FORWARD).withStep(1e-4)
                    .withTolerance(Tolerance.of(1e-3, 0)).withGradientNaming(GradientNaming.prefixed("grad_"));

            assertNotSame(CHECKER, changed);
            assertEquals(DifferenceScheme.CENTRAL, CHECKER.scheme());
            assertEquals(DifferenceScheme.FORWARD, changed.scheme());
            assertEquals(StepSize.absolute(1e-4), changed.stepSize());
            assertEquals(Tolerance.of(1e-3, 0), changed.tolerance());
            assertEquals("grad_W1", changed.gradientNaming().gradientKey("W1"));
            assertEquals("GradientChecker[forward difference, step 1.000e-04 (absolute), "
                    + "|g - n| <= 0 + 1.0e-03 * max(|g|, |n|) + numerical error, precision automatic, refinement RIDDERS,"
                    + " strategy automatic, threads 1, seed 24301]", changed.toString());
            assertSame(CHECKER, GradientChecker.defaults());
        }

        @Test
        void theReportRecordsTheSettings() {
            GradientReport report = CHECKER.withScheme(DifferenceScheme.FORWARD).withStep(1e-4)
                    .withPrecision(Precision.DOUBLE).withRefinement(Refinement.NONE)
                    .check(TestFunctions.rosenbrock(), new double[] {0.5, 0.5});

            assertEquals(DifferenceScheme.FORWARD, report.scheme());
            assertEquals("1.000e-04 (absolute)", report.stepDescription());
            assertEquals("double (declared)", report.precisionDescription());
            // the automatic choice is made from a measured time: the estimate's figure varies, the rest of the text does not
            assertTrue(report.strategyDescription().startsWith("full (automatic: a full check was estimated at "),
                    report.strategyDescription());
            assertTrue(report.strategyDescription().endsWith(" s, within the limit of 1.0 s): every parameter"),
                    report.strategyDescription());
            assertEquals(Tolerance.defaults(), report.tolerance());
            assertEquals(TestFunctions.rosenbrock(new double[] {0.5, 0.5}), report.value());
            // f(x) and the gradient twice at the point, one forward difference per parameter, f(x) twice at the end
            assertEquals(2 + 2 + 2 + 2, report.evaluations());
            assertFalse(report.elapsed().isNegative());
        }

        @Test
        void aWiderToleranceLetsTheForwardDifferencePass() {
            DifferentiableFunction square = DifferentiableFunction.of(x -> x[0] * x[0], x -> new double[] {2 * x[0]});
            GradientChecker forward = CHECKER.withScheme(DifferenceScheme.FORWARD).withStep(0.01).withRefinement(Refinement.NONE);

            assertFalse(forward.check(square, new double[] {3}).passed());
            assertTrue(forward.withTolerance(Tolerance.relative(2e-3)).check(square, new double[] {3}).passed());
            assertTrue(CHECKER.withScheme(DifferenceScheme.FORWARD).withStep(0.01).check(square, new double[] {3}).passed(),
                    "refined by Ridders' method, the forward difference's truncation error no longer fails the check");
        }

        @Test
        void theGradientNamingFindsTheModelsGradients() {
            GradientModel<Void> model = new GradientModel<>() {
                @Override
                public double cost(Parameters parameters, Void batch) {
                    return parameters.get("w", 0) * parameters.get("w", 1);
                }

                @Override
                public Map<String, ?> gradients(Parameters parameters, Void batch) {
                    return Map.of("grad_w", new double[] {parameters.get("w", 1), parameters.get("w", 0)});
                }
            };
            Map<String, Object> parameters = Map.of("w", new double[] {2, 3});

            assertTrue(CHECKER.withGradientNaming(GradientNaming.prefixed("grad_")).check(model, parameters, null).passed());
            CheckRefusedException e = assertThrows(CheckRefusedException.class, () -> CHECKER.check(model, parameters, null));
            assertEquals("the analytic gradient could not be read: the gradient dictionary has no entry dw for block w of shape [2]; "
                    + "it has [grad_w]", e.getMessage());
        }
    }

    @Nested
    class Points {

        @Test
        void theCheckedPointIsNotModified() {
            double[] point = TestFunctions.randomVector(new Random(3), 5, -2, 2);
            double[] copy = point.clone();

            CHECKER.check(TestFunctions.rosenbrock(), point);

            assertArrayEquals(copy, point);
        }

        @Test
        void theModelsParametersAreNotModified() {
            Random random = new Random(7);
            Map<String, Object> dictionary = TestFunctions.networkParameters(random, 4, 3, 0.5, 0.3);
            Batch batch = TestFunctions.randomBatch(random, 4, 5);
            Parameters parameters = Parameters.copyOf(dictionary);
            double[] values = parameters.values().clone();

            GradientReport fromParameters = CHECKER.check(new TanhNetwork(NetworkBug.NONE), parameters, batch);
            GradientReport fromMap = CHECKER.check(new TanhNetwork(NetworkBug.NONE), dictionary, batch);

            assertArrayEquals(values, parameters.values());
            assertArrayEquals(values, ParameterLayout.of(dictionary).roll(dictionary));
            assertArrayEquals(numerical(fromMap), numerical(fromParameters));
        }

        @Test
        void aLayoutNamesThePointsCoordinates() {
            ParameterLayout layout = ParameterLayout.builder().matrix("A", 2, 2).vector("c", 2).build();

            GradientReport report = CHECKER.check(TestFunctions.rosenbrockWrongAt(2), new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6}, layout);

            assertEquals("A[1,0]", report.failures().get(0).name());
            assertEquals("A", report.failures().get(0).block());
        }
    }

    @Nested
    class Progress {

        @ParameterizedTest(name = "{0} parameters")
        @ValueSource(ints = {1, 2, 99, 100, 101, 199, 250, 1000, 12345})
        void theListenerIsCalledOncePerPercentEndingWithDoneEqualToTotal(int n) {
            List<int[]> calls = new ArrayList<>();
            DifferentiableFunction sum = DifferentiableFunction.of(x -> {
                double s = 0;
                for (double v : x) {
                    s += v;
                }
                return s;
            }, x -> {
                double[] ones = new double[x.length];
                java.util.Arrays.fill(ones, 1);
                return ones;
            });

            // a full check, whatever the machine's load: the automatic choice depends on a measured time
            CHECKER.withStrategy(Strategy.full()).withProgressListener((done, total) -> calls.add(new int[] {done, total}))
                    .check(sum, new double[n]);

            assertEquals(Math.min(n, 100), calls.size());
            assertArrayEquals(new int[] {n, n}, calls.get(calls.size() - 1));
            int previous = 0;
            for (int[] call : calls) {
                assertEquals(n, call[1]);
                assertTrue(call[0] > previous && call[0] <= n, "done " + call[0] + " after " + previous);
                previous = call[0];
            }
        }
    }

    @Nested
    class Assertions {

        @Test
        void assertMatchesReturnsThePassingReport() {
            double[] point = TestFunctions.randomVector(new Random(42), 6, -2, 2);

            GradientReport report = CHECKER.assertMatches(TestFunctions.rosenbrock(), point);

            assertTrue(report.passed());
            assertEquals(6, report.size());
        }

        @Test
        void assertMatchesThrowsTheFailingReport() {
            double[] point = TestFunctions.randomVector(new Random(42), 6, -2, 2);

            DerivativeMismatchError e = assertThrows(DerivativeMismatchError.class,
                    () -> CHECKER.assertMatches(TestFunctions.rosenbrockWrongAt(4), point));

            assertEquals("x[4]", e.report().failures().get(0).name());
            assertEquals(e.report().format(DerivativeMismatchError.MESSAGE_ROWS), e.getMessage());
        }

        @Test
        void assertMatchesChecksModels() {
            Map<String, Double> scales = Map.of("W1", 1.0, "b1", 1e-6, "W2", 1.0, "b2", 1.0);
            Map<String, Object> parameters = scaledModelParameters();

            assertTrue(CHECKER.assertMatches(new ScaledModel(null), parameters, scales).passed());
            assertTrue(CHECKER.assertMatches(new ScaledModel(null), Parameters.copyOf(parameters), scales).passed());
            DerivativeMismatchError fromMap = assertThrows(DerivativeMismatchError.class,
                    () -> CHECKER.assertMatches(new ScaledModel("W2"), parameters, scales));
            DerivativeMismatchError fromParameters = assertThrows(DerivativeMismatchError.class,
                    () -> CHECKER.assertMatches(new ScaledModel("W2"), Parameters.copyOf(parameters), scales));
            assertAll(
                    () -> assertEquals(8, fromMap.report().failureCount()),
                    () -> assertEquals("W2", fromMap.report().worst(1).get(0).block()),
                    () -> assertEquals(fromMap.getMessage(), fromParameters.getMessage()));
        }
    }

    private static DifferentiableFunction logisticLoss(LogisticBug bug) {
        Random random = new Random(5);
        double[][] features = new double[20][];
        double[] labels = new double[20];
        for (int e = 0; e < 20; e++) {
            features[e] = TestFunctions.randomVector(random, 3, -2, 2);
            labels[e] = random.nextBoolean() ? 1 : 0;
        }
        return TestFunctions.logisticLoss(features, labels, bug);
    }

    /** The numerical gradient of a report, in flat order. */
    static double[] numerical(GradientReport report) {
        return report.parameters().stream().mapToDouble(Entry::numerical).toArray();
    }

    private static double[] logisticPoint() {
        return TestFunctions.randomVector(new Random(6), 4, -1, 1);
    }
}
