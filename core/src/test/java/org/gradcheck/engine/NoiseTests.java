package org.gradcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.gradcheck.Precision;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.layout.ParameterLayout;
import org.junit.jupiter.api.Test;

class NoiseTests {

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

    /** The noise of {@code function} near {@code point}, measured as a check measures it, with {@code value} at the point. */
    private static Noise measure(ToDoubleFunction<double[]> function, double[] point, double value, long seed) {
        GradientProblem problem = new GradientProblem(DifferentiableFunction.of(function, x -> new double[x.length]),
                ParameterLayout.vector("x", point.length));
        Evaluator evaluator = new Evaluator(problem, point, new Evaluator.Control());
        return Noise.of(evaluator, new double[] {value}, new double[] {value}, new double[] {Math.abs(value)},
                Precision.AUTOMATIC, 0, seed);
    }

    private static double relativeNoise(ToDoubleFunction<double[]> function) {
        double value = function.applyAsDouble(POINT);
        return measure(function, POINT, value, 7).sigma(0) / Math.abs(value);
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
        int[] calls = {0};
        ToDoubleFunction<double[]> noisy = x -> {
            calls[0]++;
            phases[0] += 0.7548776662466927;
            double uniform = phases[0] - Math.floor(phases[0]);
            return DOUBLE_SINES.applyAsDouble(x) + 1e-6 * Math.sqrt(12) * (uniform - 0.5);
        };
        double value = noisy.applyAsDouble(POINT);
        calls[0] = 0;
        double noise = measure(noisy, POINT, value, 3).sigma(0);
        assertTrue(noise > 1e-6 / 3 && noise < 1e-6 * 3, "noise " + noise + " for a standard deviation of 1e-6");
        assertEquals(4 * Noise.PROBE_POINTS, calls[0], "noise above rounding: the first probe and three closer ones");
    }

    @Test
    void smoothPolynomialOfLowDegreeHasNoNoiseAboveRounding() {
        ToDoubleFunction<double[]> linear = x -> 2 * x[0] + 3 * x[1];
        double noise = measure(linear, new double[] {1, 1}, 5, 1).sigma(0);
        assertTrue(noise < 1e-14, "noise " + noise);
    }

    @Test
    void evaluatesEightNewPointsAndLeavesThePointUnchanged() {
        int[] calls = {0};
        double[] point = POINT.clone();
        measure(x -> {
            calls[0]++;
            return DOUBLE_SINES.applyAsDouble(x);
        }, point, DOUBLE_SINES.applyAsDouble(point), 1);
        assertEquals(Noise.PROBE_POINTS, calls[0]);
        assertEquals(java.util.Arrays.toString(POINT), java.util.Arrays.toString(point));
    }

    /** A function with noise of standard deviation {@code amplitude(x)} added by a sequence of phases. */
    private static ToDoubleFunction<double[]> noisy(ToDoubleFunction<double[]> amplitude) {
        double[] phases = {0.1};
        return x -> {
            phases[0] += 0.7548776662466927;
            double uniform = phases[0] - Math.floor(phases[0]);
            return DOUBLE_SINES.applyAsDouble(x) + amplitude.applyAsDouble(x) * Math.sqrt(12) * (uniform - 0.5);
        };
    }

    @Test
    void theRoundingIsTheSameAtEveryDistanceBeyondTheOneItReports() {
        ToDoubleFunction<double[]> constantNoise = noisy(x -> 1e-6);
        // noise only the first probe reaches (a kink or jitter beyond the closer probes): the closer probes' rounding,
        // scaled up in proportion to the distance, caps the first probe's estimate up to a distance of its own
        ToDoubleFunction<double[]> farNoise = noisy(x -> Math.abs(x[0] - POINT[0]) > 1e-7 ? 1e-9 : 0);
        for (ToDoubleFunction<double[]> function : java.util.List.of(DOUBLE_SINES, FLOAT_SINES, constantNoise, farNoise)) {
            Noise noise = measure(function, POINT, function.applyAsDouble(POINT), 5);
            double beyond = noise.sameRoundingBeyond(0);
            if (function == farNoise) {
                assertTrue(noise.roundingSigma(0, beyond / 10) < noise.roundingSigma(0, beyond) / 5,
                        "capped below " + beyond + ": " + noise.roundingSigma(0, beyond / 10));
            } else {
                assertTrue(beyond < 1e-5, "the first steps of a check (about 1e-5 relative) are beyond it: " + beyond);
            }
            double far = noise.roundingSigma(0, 2 * Math.max(beyond, 1e-300));
            for (double distance = Math.max(beyond, 1e-16) * 1.001; distance < 1e3; distance *= 1.7) {
                assertEquals(far, noise.roundingSigma(0, distance), 1e-15 * far, "at distance " + distance);
            }
        }
    }

    @Test
    void roundingThatGrowsWithTheDistanceIsNeverTheSame() {
        // noise that grows with the distance moved, as in a residual near an exact fit
        ToDoubleFunction<double[]> growing = noisy(x -> 1e-3 * Math.sqrt(Math.abs(x[0] - POINT[0])));
        Noise noise = measure(growing, POINT, growing.applyAsDouble(POINT), 5);
        double nearest = noise.roundingSigma(0, 1e-4);
        assertTrue(noise.roundingSigma(0, 1e-2) > 10 * nearest, "the noise grows: " + nearest + " at 1e-4, "
                + noise.roundingSigma(0, 1e-2) + " at 1e-2");
        assertEquals(Double.POSITIVE_INFINITY, noise.sameRoundingBeyond(0));
    }
}
