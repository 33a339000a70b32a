package org.gradcheck.difference;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Measures the rounding noise of a function: how much its computed value scatters around the smooth
 * function it computes, in absolute terms.
 *
 * <p>The function is evaluated at nine equally spaced points {@code x + j t d} ({@code j = 0..8}) along a
 * seeded random direction {@code d} that moves every coordinate by about {@code 1e-2 / sqrt(n)} of its
 * magnitude. Differences of order {@code k} of a smooth function shrink like {@code t^k}; differences of
 * noise do not, and their mean square is {@code C(2k, k)} times the noise variance. The estimate is the
 * smallest of {@code sqrt(mean((Δ^k f)^2) / C(2k, k))} over {@code k = 2..6}, the idea of Moré and Wild's
 * ECnoise. A function computed in double precision measures about 1e-16 of its value; one computed in
 * single precision inside about 1e-8 ({@code FunctionNoiseTests} pins both).
 *
 * @since 0.1
 */
public final class FunctionNoise {

    /** Number of points evaluated along the direction. */
    public static final int POINTS = 9;

    private static final int HIGHEST_ORDER = 6;

    private FunctionNoise() {
    }

    /**
     * The estimated absolute noise of {@code function} near {@code point}.
     *
     * @param function the function; evaluated {@code POINTS - 1} times at new points (never at {@code point} itself)
     * @param point the point; not modified
     * @param valueAtPoint the function's value at {@code point}
     * @param seed seed of the random direction
     * @return the noise, {@code >= 0}
     * @throws IllegalStateException if the function gives a non-finite value along the direction
     */
    public static double measure(ToDoubleFunction<double[]> function, double[] point, double valueAtPoint, long seed) {
        int n = point.length;
        SplittableRandom random = new SplittableRandom(seed);
        double[] direction = new double[n];
        double spread = 1e-2 / Math.sqrt(n);
        for (int i = 0; i < n; i++) {
            direction[i] = (random.nextBoolean() ? spread : -spread) * Math.max(Math.abs(point[i]), 1.0);
        }
        double[] values = new double[POINTS];
        values[0] = valueAtPoint;
        double[] shifted = new double[n];
        for (int j = 1; j < POINTS; j++) {
            for (int i = 0; i < n; i++) {
                shifted[i] = point[i] + j * direction[i];
            }
            values[j] = function.applyAsDouble(shifted);
            if (!Double.isFinite(values[j])) {
                throw new IllegalStateException("the function's value is " + values[j] + " at a point within "
                        + (j * spread) + " (relative) of the point being checked");
            }
        }
        double noise = Double.POSITIVE_INFINITY;
        double[] differences = values.clone();
        int count = POINTS;
        double binomial = 1;
        for (int order = 1; order <= HIGHEST_ORDER; order++) {
            count--;
            double sumOfSquares = 0;
            for (int j = 0; j < count; j++) {
                differences[j] = differences[j + 1] - differences[j];
                sumOfSquares += differences[j] * differences[j];
            }
            binomial = binomial * (2 * order) * (2 * order - 1) / ((double) order * order);
            if (order >= 2) {
                noise = Math.min(noise, Math.sqrt(sumOfSquares / count / binomial));
            }
        }
        return noise;
    }
}
