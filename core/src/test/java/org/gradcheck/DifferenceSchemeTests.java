package org.gradcheck;

import static org.gradcheck.Accuracy.EXP_SIN;
import static org.gradcheck.Accuracy.relativeError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.report.GradientReport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The schemes on the article's worked example and on {@code exp(x) sin(x)}: their errors and orders are
 * pinned with numbers quoted in the Javadoc of {@link DifferenceScheme}.
 */
class DifferenceSchemeTests {

    private static final DifferentiableFunction SQUARE = DifferentiableFunction.of(x -> x[0] * x[0], x -> new double[] {2 * x[0]});

    @Nested
    class TheArticlesWorkedExample {

        @Test
        void theCentralEstimateOfTheDerivativeOfXSquaredAt3Is6() {
            GradientReport report = Accuracy.PLAIN.withStep(0.01).check(SQUARE, new double[] {3});

            assertEquals(6, report.parameter(0).numerical(), 1e-9);
            assertEquals(6, report.parameter(0).analytic());
            assertTrue(report.passed());
        }

        @Test
        void theForwardEstimateIs6Point01() {
            GradientReport report = Accuracy.PLAIN.withScheme(DifferenceScheme.FORWARD).withStep(0.01)
                    .check(SQUARE, new double[] {3});

            assertEquals(6.01, report.parameter(0).numerical(), 1e-9);
            assertFalse(report.passed(), "an error of 0.01 in 6 is far outside the default tolerance");
        }

        @Test
        void theBackwardEstimateIs5Point99() {
            GradientReport report = Accuracy.PLAIN.withScheme(DifferenceScheme.BACKWARD).withStep(0.01)
                    .check(SQUARE, new double[] {3});

            assertEquals(5.99, report.parameter(0).numerical(), 1e-9);
        }
    }

    @Nested
    class ExpSinAt1 {

        @Test
        void withTheAutomaticStepCentralIsAThousandTimesMoreAccurateThanOneSided() {
            // measured: central 6.20e-12, forward 3.01e-9, backward 4.93e-9
            double central = relativeError(Accuracy.PLAIN, EXP_SIN, 1);
            double forward = relativeError(Accuracy.PLAIN.withScheme(DifferenceScheme.FORWARD), EXP_SIN, 1);
            double backward = relativeError(Accuracy.PLAIN.withScheme(DifferenceScheme.BACKWARD), EXP_SIN, 1);

            assertTrue(central < 2e-11, "central: " + central);
            assertTrue(forward < 1e-8 && forward > 1e-9, "forward: " + forward);
            assertTrue(backward < 1.5e-8 && backward > 1e-9, "backward: " + backward);
        }

        @Test
        void withStep1e3CentralIsFourOrdersOfMagnitudeMoreAccurate() {
            // measured: central 7.27e-8, forward 3.91e-4, backward 3.91e-4
            double central = relativeError(Accuracy.PLAIN.withStep(1e-3), EXP_SIN, 1);
            double forward = relativeError(Accuracy.PLAIN.withScheme(DifferenceScheme.FORWARD).withStep(1e-3), EXP_SIN, 1);
            double backward = relativeError(Accuracy.PLAIN.withScheme(DifferenceScheme.BACKWARD).withStep(1e-3), EXP_SIN, 1);

            assertTrue(central > 7e-8 && central < 7.5e-8, "central: " + central);
            assertTrue(forward > 3.8e-4 && forward < 4e-4, "forward: " + forward);
            assertTrue(backward > 3.8e-4 && backward < 4e-4, "backward: " + backward);
        }

        @Test
        void halvingTheStepDividesTheCentralErrorByFourAndTheOneSidedErrorByTwo() {
            // the observed orders, log2(e(h) / e(h/2)), over h = 1e-2 ... 1.25e-3 where truncation dominates
            for (double h = 1e-2; h > 1e-3; h /= 2) {
                assertEquals(2, observedOrder(Accuracy.PLAIN, h), 0.01, "central, h = " + h);
                assertEquals(1, observedOrder(Accuracy.PLAIN.withScheme(DifferenceScheme.FORWARD), h), 0.01, "forward, h = " + h);
                assertEquals(1, observedOrder(Accuracy.PLAIN.withScheme(DifferenceScheme.BACKWARD), h), 0.01, "backward, h = " + h);
            }
        }

        private double observedOrder(GradientChecker checker, double h) {
            double coarse = relativeError(checker.withStep(h), EXP_SIN, 1);
            double fine = relativeError(checker.withStep(h / 2), EXP_SIN, 1);
            return Math.log(coarse / fine) / Math.log(2);
        }
    }

    @Test
    void schemesCountTheirEvaluations() {
        DifferentiableFunction sum = DifferentiableFunction.of(x -> x[0] + x[1] + x[2], x -> new double[] {1, 1, 1});
        double[] point = {1, 2, 3};

        // f(x) and the gradient twice (the second calls check determinism), the perturbed evaluations, f(x) twice at the
        // end (non-determinism that starts late)
        assertEquals(4 + 3 * 2 + 2, Accuracy.PLAIN.check(sum, point).evaluations());
        assertEquals(4 + 3 + 2, Accuracy.PLAIN.withScheme(DifferenceScheme.FORWARD).check(sum, point).evaluations());
        assertEquals(4 + 3 + 2, Accuracy.PLAIN.withScheme(DifferenceScheme.BACKWARD).check(sum, point).evaluations());
        assertEquals(2, DifferenceScheme.CENTRAL.evaluationsPerCoordinate());
        assertEquals(1, DifferenceScheme.FORWARD.evaluationsPerCoordinate());
        assertEquals(1, DifferenceScheme.BACKWARD.evaluationsPerCoordinate());
    }

    @Test
    void onlyTheCentralDifferenceIsOfSecondOrder() {
        assertTrue(DifferenceScheme.CENTRAL.isSecondOrder());
        assertFalse(DifferenceScheme.FORWARD.isSecondOrder());
        assertFalse(DifferenceScheme.BACKWARD.isSecondOrder());
    }

    @Test
    void schemesHaveReadableNames() {
        assertEquals("central difference", DifferenceScheme.CENTRAL.toString());
        assertEquals("forward difference", DifferenceScheme.FORWARD.toString());
        assertEquals("backward difference", DifferenceScheme.BACKWARD.toString());
    }
}
