package org.gradcheck.difference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class RiddersDifferentiatorTests {

    private static final DoubleUnaryOperator EXP_SIN = x -> Math.exp(x) * Math.sin(x);

    private static double expSinDerivative(double x) {
        return Math.exp(x) * (Math.sin(x) + Math.cos(x));
    }

    @Test
    void reachesNearMachinePrecisionOnASmoothFunctionAndBoundsItsError() {
        RiddersDifferentiator.Estimate estimate = RiddersDifferentiator.derivative(EXP_SIN, 1.0, 0.1);
        double exact = expSinDerivative(1.0);
        double error = Math.abs(estimate.value() - exact);
        assertTrue(error / exact < 1e-13, "relative error " + error / exact);
        assertTrue(error <= 4 * estimate.error() + 1e-15, "error " + error + " above 4 x estimate " + estimate.error());
        assertTrue(estimate.error() / exact < 1e-12, "estimated error " + estimate.error());
        assertTrue(estimate.evaluations() <= 2 * RiddersDifferentiator.MAX_STEPS);
    }

    @Test
    void extrapolationBeatsThePlainCentralDifferenceAtTheSameLargestStep() {
        double exact = expSinDerivative(1.0);
        double central = (EXP_SIN.applyAsDouble(1.1) - EXP_SIN.applyAsDouble(0.9)) / 0.2;
        double ridders = RiddersDifferentiator.derivative(EXP_SIN, 1.0, 0.1).value();
        assertTrue(Math.abs(central - exact) / exact > 5e-4, "central " + central);
        assertTrue(Math.abs(ridders - exact) / exact < 1e-13, "ridders " + ridders);
    }

    @Test
    void errorEstimateIsLargeWhereTheFunctionIsNotSmooth() {
        RiddersDifferentiator.Estimate estimate = RiddersDifferentiator.derivative(Math::abs, 1e-4, 1e-2);
        assertTrue(estimate.error() > 1e-3, "a kink inside the ladder must show in the error: " + estimate.error());
    }

    @Test
    void rejectsABadInitialStep() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RiddersDifferentiator.derivative(EXP_SIN, 1.0, 0));
        assertEquals("initialStep must be a finite number > 0 but was 0.0", error.getMessage());
    }
}
