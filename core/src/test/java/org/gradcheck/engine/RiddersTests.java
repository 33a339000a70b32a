package org.gradcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class RiddersTests {

    private static final DoubleUnaryOperator EXP_SIN = x -> Math.exp(x) * Math.sin(x);

    private static double expSinDerivative(double x) {
        return Math.exp(x) * (Math.sin(x) + Math.cos(x));
    }

    /** The line through {@code x} along which {@code function} is differentiated: one output, offsets realised exactly. */
    private static Ridders.Line line(DoubleUnaryOperator function, double x) {
        return (offset, out) -> {
            double moved = x + offset;
            out[0] = function.applyAsDouble(moved);
            return moved - x;
        };
    }

    private static Ridders.Estimates derivative(DoubleUnaryOperator function, double x, double initialStep) {
        return Ridders.derivatives(line(function, x), new int[] {0}, 1, initialStep);
    }

    @Test
    void reachesNearMachinePrecisionOnASmoothFunctionAndBoundsItsError() {
        Ridders.Estimates estimate = derivative(EXP_SIN, 1.0, 0.1);
        double exact = expSinDerivative(1.0);
        double error = Math.abs(estimate.value[0] - exact);
        assertTrue(error / exact < 1e-13, "relative error " + error / exact);
        assertTrue(error <= 4 * estimate.error[0] + 1e-15, "error " + error + " above 4 x estimate " + estimate.error[0]);
        assertTrue(estimate.error[0] / exact < 1e-12, "estimated error " + estimate.error[0]);
        assertTrue(estimate.evaluations <= 2 * Ridders.MAX_STEPS);
    }

    @Test
    void extrapolationBeatsThePlainCentralDifferenceAtTheSameLargestStep() {
        double exact = expSinDerivative(1.0);
        double central = (EXP_SIN.applyAsDouble(1.1) - EXP_SIN.applyAsDouble(0.9)) / 0.2;
        double ridders = derivative(EXP_SIN, 1.0, 0.1).value[0];
        assertTrue(Math.abs(central - exact) / exact > 5e-4, "central " + central);
        assertTrue(Math.abs(ridders - exact) / exact < 1e-13, "ridders " + ridders);
    }

    /**
     * One-sided extrapolation removes every power of the step, each column one more: from a step of 0.1 on one side
     * only, it still reaches about 1e-12 (the central table's 1e-13 needs both sides) at one evaluation per level. Its
     * own error estimate is rougher: backward it is 3 times too small here, which the kernel's one-sided safety factor
     * (8, twice the central one) covers.
     */
    @Test
    void oneSidedExtrapolationReachesElevenDigitsFromEitherSide() {
        double exact = expSinDerivative(1.0);
        double[] centre = {EXP_SIN.applyAsDouble(1.0)};
        for (int side : new int[] {-1, 1}) {
            Ridders.Estimates estimate = Ridders.derivatives(line(EXP_SIN, 1.0), new int[] {0}, 1, 0.1, null, side, centre);
            double error = Math.abs(estimate.value[0] - exact);
            assertTrue(error / exact < 1e-11, "side " + side + ": relative error " + error / exact);
            assertTrue(error <= Kernel.ONE_SIDED_SAFETY_FACTOR * estimate.error[0],
                    "side " + side + ": error " + error + ", estimate " + estimate.error[0]);
            assertTrue(estimate.evaluations <= Ridders.MAX_STEPS, "side " + side + ": " + estimate.evaluations);
        }
        double forward = (EXP_SIN.applyAsDouble(1.1) - centre[0]) / 0.1;
        assertTrue(Math.abs(forward - exact) / exact > 1e-2, "the plain forward difference at 0.1: " + forward);
    }

    /** A one-sided table never evaluates the other side: a kink just behind the point does not reach it. */
    @Test
    void aOneSidedTableDoesNotSeeAKinkBehindThePoint() {
        DoubleUnaryOperator kinked = x -> x < 1 ? 0 : Math.exp(x) * Math.sin(x) - Math.exp(1) * Math.sin(1);
        double[] centre = {0};
        Ridders.Estimates forward = Ridders.derivatives(line(kinked, 1.0), new int[] {0}, 1, 0.1, null, 1, centre);
        Ridders.Estimates central = Ridders.derivatives(line(kinked, 1.0), new int[] {0}, 1, 0.1, null, 0, null);
        double exact = expSinDerivative(1.0);
        assertTrue(Math.abs(forward.value[0] - exact) / exact < 1e-9, "forward " + forward.value[0]);
        assertTrue(Math.abs(central.value[0] - exact) / exact > 0.1, "central " + central.value[0]);
    }

    @Test
    void errorEstimateIsLargeWhereTheFunctionIsNotSmooth() {
        Ridders.Estimates estimate = derivative(Math::abs, 1e-4, 1e-2);
        assertTrue(estimate.error[0] > 1e-3, "a kink inside the ladder must show in the error: " + estimate.error[0]);
    }

    @Test
    void rejectsABadInitialStep() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> derivative(EXP_SIN, 1.0, 0));
        assertEquals("initialStep must be a finite number > 0 but was 0.0", error.getMessage());
        for (double bad : new double[] {-0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertEquals("initialStep must be a finite number > 0 but was " + bad,
                    assertThrows(IllegalArgumentException.class, () -> derivative(EXP_SIN, 1.0, bad)).getMessage());
        }
    }
}
