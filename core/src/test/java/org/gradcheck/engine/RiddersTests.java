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
