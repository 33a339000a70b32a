package org.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.gradcheck.TestFunctions.Batch;
import org.gradcheck.TestFunctions.NetworkBug;
import org.gradcheck.TestFunctions.TanhNetwork;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.report.GradientReport;
import org.gradcheck.report.Entry;
import org.gradcheck.report.Verdict;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tolerance's rule, its factories, and the claims its Javadoc makes about the defaults, with numbers. */
class ToleranceTests {

    @Nested
    class Rule {

        @Test
        void theAllowedErrorIsAbsolutePlusRelativeTimesTheLargerMagnitudePlusNoise() {
            Tolerance tolerance = Tolerance.of(1e-3, 1e-6);

            assertEquals(1e-6 + 1e-3 * 4 + 0.5, tolerance.allowed(-4, 2, 0.5), 1e-15);
            assertEquals(1e-6 + 1e-3 * 4, tolerance.allowed(2, -4, 0), 1e-15);
            assertEquals(1e-6, tolerance.allowed(0, 0, 0));
        }

        @Test
        void theNoiseEstimateWidensTheBoundForLargeFunctionValues() {
            // f(x) = 1e12 + x^2 at x = 1: the rounding error of f is about 1e-4, the derivative 2; without the
            // noise term the correct gradient would fail
            DifferentiableFunction offset = DifferentiableFunction.of(x -> 1e12 + x[0] * x[0], x -> new double[] {2 * x[0]});

            GradientReport first = GradientChecker.defaults().withRefinement(Refinement.NONE).check(offset, new double[] {1});
            GradientReport report = GradientChecker.defaults().check(offset, new double[] {1});

            // the first estimate: 3 sqrt(2) (2 eps max(|f(x+h)|, |f(x-h)|)) / 2h with f about 1e12 and the automatic step
            // h = cbrt(2 eps) = 7.63e-6 for the measured noise of 2 eps |f|: three standard deviations of the difference of
            // two values each rounded with an error of about 2 eps |f|; it is as large as the derivative, so not resolved
            double h = Math.cbrt(2 * Math.ulp(1.0));
            assertEquals("7.629e-06 * max(|x|, 1) (automatic)", first.stepDescription());
            assertEquals(3 * Math.sqrt(2) * 2 * Math.ulp(1.0) * 1e12 / (2 * h), first.parameter(0).numericalError(),
                    1e-3 * first.parameter(0).numericalError());
            assertEquals(Verdict.UNRESOLVED, first.parameter(0).verdict());
            // refined at larger steps, the same rounding error is divided by a larger step, and while the bound is
            // above a thousandth of the estimate, by larger steps still: measured bound 1.3438e-3 (2.2298e-2 at the first
            // of them, which would let an error of 1% through)
            Entry check = report.parameter(0);
            assertTrue(check.absoluteError() > Tolerance.defaults().allowed(2, check.numerical(), 0), check::toString);
            assertTrue(report.passed(), report::toString);
            assertEquals(1, report.refinedCount());
            assertEquals(1.3438e-3, check.numericalError(), 1e-3 * check.numericalError());
        }
    }

    @Nested
    class Factories {

        @Test
        void theDefaultsAreRelative1e6AndAbsolute0() {
            assertEquals(1e-6, Tolerance.defaults().relativePart());
            assertEquals(0, Tolerance.defaults().absolutePart());
            assertEquals("|g - n| <= 0 + 1.0e-06 * max(|g|, |n|) + numerical error", Tolerance.defaults().toString());
        }

        @Test
        void relativeKeepsTheDefaultAbsolutePart() {
            assertEquals(Tolerance.of(1e-4, 0), Tolerance.relative(1e-4));
            assertEquals(Tolerance.of(1e-4, 0).hashCode(), Tolerance.relative(1e-4).hashCode());
            assertNotEquals(Tolerance.of(1e-4, 1e-9), Tolerance.relative(1e-4));
            assertNotEquals(Tolerance.of(1e-5, 0), Tolerance.relative(1e-4));
            assertNotEquals(Tolerance.defaults(), "|g - n| <= 0 + 1.0e-06 * max(|g|, |n|) + numerical error");
            assertEquals("|g - n| <= 0 + 0 * max(|g|, |n|) + numerical error", Tolerance.of(0, 0).toString());
            assertEquals("|g - n| <= 1.0e-09 + 2.5e-04 * max(|g|, |n|) + numerical error", Tolerance.of(2.5e-4, 1e-9).toString());
        }

        @ParameterizedTest
        @ValueSource(doubles = {-1e-6, -0.0 - 1e-300, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
        void negativeNaNAndInfinitePartsAreRejected(double value) {
            assertEquals("relative tolerance must be a finite number >= 0 but was " + value + ": use for example Tolerance.of(1e-6, 0)",
                    assertThrows(IllegalArgumentException.class, () -> Tolerance.of(value, 1e-10)).getMessage());
            assertEquals("absolute tolerance must be a finite number >= 0 but was " + value + ": use for example Tolerance.of(1e-6, 0)",
                    assertThrows(IllegalArgumentException.class, () -> Tolerance.of(1e-6, value)).getMessage());
            assertEquals("relative tolerance must be a finite number >= 0 but was " + value + ": use for example Tolerance.of(1e-6, 0)",
                    assertThrows(IllegalArgumentException.class, () -> Tolerance.relative(value)).getMessage());
        }
    }

    /** The numbers behind the class comment's advice on the defaults. */
    @Nested
    class TheDefaults {

        @Test
        void correctGradientsOfSmoothFunctionsStayFiveHundredTimesBelowTheRelativeDefault() {
            // worst relative error of a correct gradient, measured: network 1.85e-9, Rosenbrock 5.1e-10,
            // logistic loss 1.96e-10
            double worst = Math.max(worstRelativeError(networkReport(NetworkBug.NONE)),
                    Math.max(worstRelativeError(GradientChecker.defaults().check(TestFunctions.rosenbrock(),
                            TestFunctions.randomVector(new Random(42), 6, -2, 2))), worstRelativeError(logisticReport())));

            assertTrue(worst < 5e-9, "worst relative error " + worst);
            assertTrue(worst * 500 < Tolerance.defaults().relativePart());
        }

        @Test
        void typicalBackpropagationBugsAreErrorsOfOrderOne() {
            // smallest relative error among the failing parameters, measured: 0.166 for tanh's derivative written
            // 1 - a instead of 1 - a^2, 0.8 for a sum instead of a mean over 5 examples, 2 for a wrong sign
            assertEquals(0.166, smallestFailingRelativeError(networkReport(NetworkBug.BIAS_TANH_DERIVATIVE)), 0.001);
            assertEquals(0.8, smallestFailingRelativeError(networkReport(NetworkBug.MISSING_BATCH_MEAN)), 1e-6);
            assertEquals(2.0, smallestFailingRelativeError(networkReport(NetworkBug.WRONG_SIGN)), 1e-6);
            assertEquals(3, networkReport(NetworkBug.BIAS_TANH_DERIVATIVE).failureCount());
            assertEquals(12, networkReport(NetworkBug.MISSING_BATCH_MEAN).failureCount());
            assertEquals(3, networkReport(NetworkBug.WRONG_SIGN).failureCount());
        }

        private GradientReport networkReport(NetworkBug bug) {
            Random random = new Random(7);
            Map<String, Object> parameters = TestFunctions.networkParameters(random, 4, 3, 0.5, 0.3);
            Batch batch = TestFunctions.randomBatch(random, 4, 5);
            return GradientChecker.defaults().check(new TanhNetwork(bug), parameters, batch);
        }

        private GradientReport logisticReport() {
            Random random = new Random(5);
            double[][] features = new double[20][];
            double[] labels = new double[20];
            for (int e = 0; e < 20; e++) {
                features[e] = TestFunctions.randomVector(random, 3, -2, 2);
                labels[e] = random.nextBoolean() ? 1 : 0;
            }
            return GradientChecker.defaults().check(TestFunctions.logisticLoss(features, labels, TestFunctions.LogisticBug.NONE),
                    TestFunctions.randomVector(new Random(6), 4, -1, 1));
        }

        private double worstRelativeError(GradientReport report) {
            assertTrue(report.passed(), report::toString);
            return report.parameters().stream().mapToDouble(Entry::relativeError).max().orElseThrow();
        }

        private double smallestFailingRelativeError(GradientReport report) {
            assertFalse(report.passed());
            return report.failures().stream().mapToDouble(Entry::relativeError).min().orElseThrow();
        }
    }
}
