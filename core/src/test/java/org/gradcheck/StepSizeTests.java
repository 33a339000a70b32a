package org.gradcheck;

import static org.gradcheck.Accuracy.EXP_SIN;
import static org.gradcheck.Accuracy.HALF_SQUARE;
import static org.gradcheck.Accuracy.SLOW_SINE;
import static org.gradcheck.Accuracy.relativeError;
import static org.gradcheck.Accuracy.worstRelativeErrorAround1;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gradcheck.function.DifferentiableFunction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins the accuracy of the step-size policies with numbers, so that a change in numerical behaviour fails a
 * test. The figures quoted in the Javadoc of {@link StepSize} are the ones measured here (each bound is about
 * three times the measured value).
 */
class StepSizeTests {

    private static final GradientChecker CENTRAL = Accuracy.PLAIN;
    private static final GradientChecker FORWARD = Accuracy.PLAIN.withScheme(DifferenceScheme.FORWARD);

    /** Relative error = {@code f'''(1) / 6 f'(1) * h^2}: the central difference's truncation error at x = 1. */
    private static final double CENTRAL_TRUNCATION_COEFFICIENT;

    /** Relative error = {@code f''(1) / 2 f'(1) * h}: the forward difference's truncation error at x = 1. */
    private static final double FORWARD_TRUNCATION_COEFFICIENT;

    static {
        double e = Math.exp(1);
        double first = e * (Math.sin(1) + Math.cos(1));
        double second = 2 * e * Math.cos(1);
        double third = 2 * e * (Math.cos(1) - Math.sin(1));
        CENTRAL_TRUNCATION_COEFFICIENT = Math.abs(third) / (6 * first);
        FORWARD_TRUNCATION_COEFFICIENT = Math.abs(second) / (2 * first);
    }

    @Nested
    class CentralDifferenceOnExpSinAt1 {

        @Test
        void theAutomaticStepReachesAbout6e12() {
            // measured 6.20e-12 at x = 1, at most 2.73e-11 over x in [0.5, 1.5]
            assertAll(
                    () -> assertTrue(relativeError(CENTRAL, EXP_SIN, 1) < 2e-11, "at x = 1"),
                    () -> assertTrue(worstRelativeErrorAround1(CENTRAL, EXP_SIN) < 8e-11, "worst over [0.5, 1.5]"));
        }

        @Test
        void step1e3IsDominatedByTruncation() {
            // measured 7.265e-8 = f'''/(6 f') h^2 to within 0.1%
            double error = relativeError(CENTRAL.withStep(1e-3), EXP_SIN, 1);

            assertEquals(CENTRAL_TRUNCATION_COEFFICIENT * 1e-6, error, 1e-3 * error);
            assertTrue(error > 7e-8 && error < 7.5e-8, "relative error " + error);
        }

        @Test
        void step1e5BalancesTruncationAndRounding() {
            // measured 8.63e-12 at x = 1, at most 3.58e-11 over [0.5, 1.5]
            assertAll(
                    () -> assertTrue(relativeError(CENTRAL.withStep(1e-5), EXP_SIN, 1) < 3e-11, "at x = 1"),
                    () -> assertTrue(worstRelativeErrorAround1(CENTRAL.withStep(1e-5), EXP_SIN) < 1e-10, "worst over [0.5, 1.5]"));
        }

        @Test
        void theArticlesStep1e7IsDominatedByRounding() {
            // measured 9.15e-13 at x = 1 (rounding errors happen to cancel there), but up to 1.13e-9 over
            // [0.5, 1.5]: forty times the automatic step's worst case
            double worst = worstRelativeErrorAround1(CENTRAL.withStep(1e-7), EXP_SIN);
            assertAll(
                    () -> assertTrue(relativeError(CENTRAL.withStep(1e-7), EXP_SIN, 1) < 3e-12, "at x = 1"),
                    () -> assertTrue(worst < 3e-9, "worst over [0.5, 1.5]: " + worst),
                    () -> assertTrue(worst > 3e-10, "worst over [0.5, 1.5]: " + worst),
                    () -> assertTrue(worst > 10 * worstRelativeErrorAround1(CENTRAL, EXP_SIN), "automatic step is better"));
        }

        @Test
        void step1e9LosesAccuracyToRounding() {
            // measured 2.13e-8 at x = 1, up to 1.47e-7 over [0.5, 1.5]
            double error = relativeError(CENTRAL.withStep(1e-9), EXP_SIN, 1);
            assertAll(
                    () -> assertTrue(error < 6e-8 && error > 5e-9, "at x = 1: " + error),
                    () -> assertTrue(worstRelativeErrorAround1(CENTRAL.withStep(1e-9), EXP_SIN) < 4e-7, "worst over [0.5, 1.5]"));
        }
    }

    @Nested
    class ForwardDifferenceOnExpSinAt1 {

        @Test
        void theAutomaticStepReachesAbout3e9() {
            // measured 3.01e-9 at x = 1, at most 1.70e-8 over [0.5, 1.5]
            assertAll(
                    () -> assertTrue(relativeError(FORWARD, EXP_SIN, 1) < 1e-8, "at x = 1"),
                    () -> assertTrue(worstRelativeErrorAround1(FORWARD, EXP_SIN) < 5e-8, "worst over [0.5, 1.5]"));
        }

        @Test
        void theArticlesStep1e7IsDominatedByTruncation() {
            // measured 3.85e-8; the truncation term f''/(2 f') h is 3.91e-8
            double error = relativeError(FORWARD.withStep(1e-7), EXP_SIN, 1);

            assertEquals(FORWARD_TRUNCATION_COEFFICIENT * 1e-7, error, 0.05 * error);
            assertTrue(error > 3e-8 && error < 5e-8, "relative error " + error);
        }
    }

    @Nested
    class AtOneMillion {

        @Test
        void aFixedStepLosesAccuracyOnAHalfSquare() {
            // x^2/2 at 1e6: fixed 1e-7 measured 2.52e-4, automatic 2.88e-12
            double fixed = relativeError(CENTRAL.withStep(1e-7), HALF_SQUARE, 1e6);
            double automatic = relativeError(CENTRAL, HALF_SQUARE, 1e6);

            assertTrue(fixed > 1e-4 && fixed < 1e-3, "fixed step: " + fixed);
            assertTrue(automatic < 1e-11, "automatic step: " + automatic);
        }

        @Test
        void aFixedStepLosesAccuracyOnASlowSine() {
            // sin(x / 1e6) at 1e6: fixed 1e-7 measured 3.39e-4, automatic 1.14e-11; forward automatic 1.28e-8
            double fixed = relativeError(CENTRAL.withStep(1e-7), SLOW_SINE, 1e6);
            double automatic = relativeError(CENTRAL, SLOW_SINE, 1e6);
            double forward = relativeError(FORWARD, SLOW_SINE, 1e6);

            assertTrue(fixed > 1e-4 && fixed < 1e-3, "fixed step: " + fixed);
            assertTrue(automatic < 4e-11, "automatic step: " + automatic);
            assertTrue(forward < 4e-8, "forward, automatic step: " + forward);
        }

        @Test
        void aRelativeStepMatchesTheAutomaticOne() {
            GradientChecker relative = CENTRAL.withStepSize(StepSize.relative(StepSize.CENTRAL_FACTOR));

            assertEquals(relativeError(CENTRAL, SLOW_SINE, 1e6), relativeError(relative, SLOW_SINE, 1e6));
        }
    }

    @Nested
    class RealisedStep {

        @Test
        void theCheckerDividesByTheStepRealisedInFloatingPoint() {
            // 0.1 + 1e-7 and 0.1 - 1e-7 are rounded; a linear function is still differentiated exactly
            DifferentiableFunction identity = DifferentiableFunction.of(x -> x[0], x -> new double[] {1});

            for (double x : new double[] {0.1, 1.0 / 3, 1e6 + 0.1, -7.3}) {
                assertEquals(1.0, CENTRAL.withStep(1e-7).check(identity, new double[] {x}).parameter(0).numerical(), 0.0, "x = " + x);
                assertEquals(1.0, FORWARD.withStep(1e-7).check(identity, new double[] {x}).parameter(0).numerical(), 0.0, "x = " + x);
            }
        }

        @Test
        void aStepThatVanishesNextToTheCoordinateIsReported() {
            DifferentiableFunction identity = DifferentiableFunction.of(x -> x[0], x -> new double[] {1});

            CheckRefusedException e = assertThrows(CheckRefusedException.class,
                    () -> CENTRAL.withStep(1e-7).check(identity, new double[] {1e30}));

            assertEquals("the step 1.0E-7 vanishes next to x[0] = 1.0E30: x + h == x in double precision. "
                    + "Use a larger or relative step (StepSize.automatic()).", e.getMessage());
        }
    }

    @Nested
    class Policies {

        @Test
        void theAutomaticStepScalesWithTheCoordinateAndTheScheme() {
            StepSize automatic = StepSize.automatic();

            assertEquals(Math.cbrt(Math.ulp(1.0)), StepSize.CENTRAL_FACTOR);
            assertEquals(Math.sqrt(Math.ulp(1.0)), StepSize.ONE_SIDED_FACTOR);
            assertEquals(6.0554544523933e-6, StepSize.CENTRAL_FACTOR, 1e-18);
            assertEquals(1.4901161193847656e-8, StepSize.ONE_SIDED_FACTOR, 0.0);
            assertEquals(StepSize.CENTRAL_FACTOR, automatic.stepFor(0, DifferenceScheme.CENTRAL));
            assertEquals(StepSize.CENTRAL_FACTOR, automatic.stepFor(-0.5, DifferenceScheme.CENTRAL));
            assertEquals(StepSize.CENTRAL_FACTOR * 1e6, automatic.stepFor(-1e6, DifferenceScheme.CENTRAL));
            assertEquals(StepSize.ONE_SIDED_FACTOR * 4, automatic.stepFor(4, DifferenceScheme.FORWARD));
            assertEquals(StepSize.ONE_SIDED_FACTOR * 4, automatic.stepFor(4, DifferenceScheme.BACKWARD));
        }

        @Test
        void absoluteAndRelativeStepsIgnoreTheScheme() {
            assertEquals(1e-7, StepSize.absolute(1e-7).stepFor(1e6, DifferenceScheme.FORWARD));
            assertEquals(1e-7, StepSize.absolute(1e-7).stepFor(0, DifferenceScheme.CENTRAL));
            assertEquals(1e-4 * 250, StepSize.relative(1e-4).stepFor(-250, DifferenceScheme.FORWARD));
            assertEquals(1e-4, StepSize.relative(1e-4).stepFor(0.25, DifferenceScheme.CENTRAL));
        }

        @Test
        void policiesDescribeThemselves() {
            assertEquals("6.055e-06 * max(|x|, 1) (automatic)", StepSize.automatic().describe(DifferenceScheme.CENTRAL));
            assertEquals("1.490e-08 * max(|x|, 1) (automatic)", StepSize.automatic().describe(DifferenceScheme.FORWARD));
            assertEquals("1.000e-07 (absolute)", StepSize.absolute(1e-7).describe(DifferenceScheme.CENTRAL));
            assertEquals("1.000e-04 * max(|x|, 1) (relative)", StepSize.relative(1e-4).describe(DifferenceScheme.BACKWARD));
            assertEquals("automatic", StepSize.automatic().toString());
            assertEquals("1.000e-07 (absolute)", StepSize.absolute(1e-7).toString());
        }

        @Test
        void policiesAreValues() {
            assertEquals(StepSize.absolute(1e-7), StepSize.absolute(1e-7));
            assertEquals(StepSize.absolute(1e-7).hashCode(), StepSize.absolute(1e-7).hashCode());
            assertEquals(StepSize.automatic(), StepSize.automatic());
            assertNotEquals(StepSize.absolute(1e-7), StepSize.relative(1e-7));
            assertNotEquals(StepSize.absolute(1e-7), StepSize.absolute(1e-6));
            assertNotEquals(StepSize.automatic(), StepSize.relative(StepSize.CENTRAL_FACTOR));
        }

        @ParameterizedTest
        @ValueSource(doubles = {0.0, -0.0, -1e-7, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
        void stepsThatAreNotFinitePositiveNumbersAreRejected(double h) {
            String message = "step must be a finite number > 0 but was " + h
                    + ": use for example StepSize.absolute(1e-7) or StepSize.automatic()";

            assertEquals(message, assertThrows(IllegalArgumentException.class, () -> StepSize.absolute(h)).getMessage());
            assertEquals(message, assertThrows(IllegalArgumentException.class, () -> GradientChecker.defaults().withStep(h)).getMessage());
            assertEquals("relative step factor must be a finite number > 0 but was " + h
                    + ": use for example StepSize.absolute(1e-7) or StepSize.automatic()",
                    assertThrows(IllegalArgumentException.class, () -> StepSize.relative(h)).getMessage());
        }

        @Test
        void aNullSchemeIsRejected() {
            String message = "scheme must not be null: use for example DifferenceScheme.CENTRAL";

            assertEquals(message, assertThrows(IllegalArgumentException.class, () -> StepSize.automatic().stepFor(1, null)).getMessage());
            assertEquals(message, assertThrows(IllegalArgumentException.class, () -> StepSize.absolute(1).describe(null)).getMessage());
        }
    }
}
