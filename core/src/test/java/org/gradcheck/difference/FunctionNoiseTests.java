package org.gradcheck.difference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class FunctionNoiseTests {

    private static final double[] POINT = {0.3, -1.2, 2.5, 0.8, -0.4, 1.9, 0.05, -2.2};

    private static final ToDoubleFunction<double[]> DOUBLE_SINES = x -> {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.sin(x[i]) * (i + 1) + x[i] * x[i];
        }
        return sum;
    };

    private static final ToDoubleFunction<double[]> FLOAT_SINES = x -> {
        float sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += (float) Math.sin((float) x[i]) * (i + 1) + (float) x[i] * (float) x[i];
        }
        return sum;
    };

    private static double relativeNoise(ToDoubleFunction<double[]> function) {
        double value = function.applyAsDouble(POINT);
        return FunctionNoise.measure(function, POINT, value, 7) / Math.abs(value);
    }

    @Test
    void doublePrecisionFunctionMeasuresAboutMachineEpsilon() {
        double noise = relativeNoise(DOUBLE_SINES);
        assertTrue(noise < 1e-14, "relative noise " + noise);
    }

    @Test
    void floatPrecisionFunctionMeasuresAboutFloatEpsilon() {
        double noise = relativeNoise(FLOAT_SINES);
        assertTrue(noise > 3e-9 && noise < 3e-7, "relative noise " + noise);
    }

    @Test
    void addedNoiseOfKnownSizeIsMeasuredWithinAFactorOfThree() {
        double[] phases = {0.1};
        ToDoubleFunction<double[]> noisy = x -> {
            phases[0] += 0.7548776662466927;
            double uniform = phases[0] - Math.floor(phases[0]);
            return DOUBLE_SINES.applyAsDouble(x) + 1e-6 * Math.sqrt(12) * (uniform - 0.5);
        };
        double noise = FunctionNoise.measure(noisy, POINT, noisy.applyAsDouble(POINT), 3);
        assertTrue(noise > 1e-6 / 3 && noise < 1e-6 * 3, "noise " + noise + " for a standard deviation of 1e-6");
    }

    @Test
    void smoothPolynomialOfLowDegreeHasNoNoiseAboveRounding() {
        ToDoubleFunction<double[]> linear = x -> 2 * x[0] + 3 * x[1];
        double noise = FunctionNoise.measure(linear, new double[] {1, 1}, 5, 1);
        assertTrue(noise < 1e-14, "noise " + noise);
    }

    @Test
    void evaluatesEightNewPointsAndLeavesThePointUnchanged() {
        int[] calls = {0};
        double[] point = POINT.clone();
        FunctionNoise.measure(x -> {
            calls[0]++;
            return DOUBLE_SINES.applyAsDouble(x);
        }, point, DOUBLE_SINES.applyAsDouble(point), 1);
        assertEquals(FunctionNoise.POINTS - 1, calls[0]);
        assertEquals(java.util.Arrays.toString(POINT), java.util.Arrays.toString(point));
    }
}
