package org.gradcheck.difference;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.apiguardian.api.API;

/**
 * Measures the rounding noise of a function: how much its computed value scatters around the smooth
 * function it computes, in absolute terms.
 *
 * <p>The function is evaluated at nine equally spaced points {@code x + j t d} ({@code j = 0..8}) along a
 * seeded random direction {@code d} that moves every coordinate by {@code s} of its magnitude
 * ({@code max(|x_i|, 1)}). Differences of order {@code k} of a smooth function shrink like {@code t^k} and
 * keep their sign; differences of noise do not shrink, change sign, and their mean square is
 * {@code C(2k, k)} times the noise variance. The estimate is {@code sqrt(mean((Δ^k f)^2) / C(2k, k))} at
 * the lowest order {@code k >= 2} whose differences, and the next order's, change sign: the idea of Moré
 * and Wild's ECnoise. When no order looks like noise the spacing is too wide and is made 100 times
 * smaller; when the nine values are mostly equal (a function computed in {@code float} does not see
 * changes below its precision) it is made 100 times wider. The first spacing is {@code s = 1e-6}.
 *
 * <p>A function computed in double precision measures about 1e-16 of its value; one computed in single
 * precision inside about 1e-8 ({@code FunctionNoiseTests} pins both).
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FunctionNoise {

    /** Number of points evaluated along the direction in one attempt. */
    public static final int POINTS = 9;

    /** Most attempts with different spacings. */
    public static final int MAX_ATTEMPTS = 3;

    private static final int HIGHEST_ORDER = 6;
    private static final double FIRST_SPACING = 1e-6;
    private static final double SPACING_FACTOR = 100;
    private static final int FEWEST_DISTINCT_VALUES = 5;

    private FunctionNoise() {
    }

    /**
     * The estimated absolute noise of {@code function} near {@code point}.
     *
     * @param function the function; evaluated {@code POINTS - 1} times per attempt at new points (never at
     *     {@code point} itself)
     * @param point the point; not modified
     * @param valueAtPoint the function's value at {@code point}
     * @param seed seed of the random direction
     * @return the noise, {@code >= 0}
     * @throws IllegalStateException if the function gives a non-finite value along the direction
     */
    public static double measure(ToDoubleFunction<double[]> function, double[] point, double valueAtPoint, long seed) {
        int n = point.length;
        SplittableRandom random = new SplittableRandom(seed);
        long[] negative = new long[(n + 63) / 64];
        for (int word = 0; word < negative.length; word++) {
            negative[word] = random.nextLong();
        }
        double[] shifted = new double[n];
        double[] values = new double[POINTS];
        double spacing = FIRST_SPACING;
        double fallback = Double.POSITIVE_INFINITY;
        boolean widened = false;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            values[0] = valueAtPoint;
            for (int j = 1; j < POINTS; j++) {
                double move = j * spacing;
                for (int i = 0; i < n; i++) {
                    double scale = Math.max(Math.abs(point[i]), 1.0);
                    shifted[i] = point[i] + (((negative[i >>> 6] >>> i) & 1) == 0 ? move : -move) * scale;
                }
                values[j] = function.applyAsDouble(shifted);
                if (!Double.isFinite(values[j])) {
                    throw new IllegalStateException("the function's value is " + values[j] + " at a point within "
                            + move + " (relative) of the point being checked");
                }
            }
            if (distinct(values) < FEWEST_DISTINCT_VALUES && !widened) {
                spacing *= SPACING_FACTOR;
                widened = true;
                continue;
            }
            Levels levels = new Levels(values);
            if (levels.noiseLevel > 0) {
                return levels.sigma[levels.noiseLevel];
            }
            fallback = Math.min(fallback, levels.smallest());
            spacing /= SPACING_FACTOR;
        }
        return fallback;
    }

    private static int distinct(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int count = 1;
        for (int j = 1; j < sorted.length; j++) {
            if (sorted[j] != sorted[j - 1]) {
                count++;
            }
        }
        return count;
    }

    /** The difference table of one attempt: the noise estimate of every order and which order looks like noise. */
    private static final class Levels {

        final double[] sigma = new double[HIGHEST_ORDER + 1];
        final boolean[] signChange = new boolean[HIGHEST_ORDER + 1];
        int noiseLevel;

        Levels(double[] values) {
            double[] differences = values.clone();
            int count = values.length;
            double binomial = 1;
            for (int order = 1; order <= HIGHEST_ORDER; order++) {
                count--;
                double sumOfSquares = 0;
                boolean positive = false;
                boolean negative = false;
                for (int j = 0; j < count; j++) {
                    differences[j] = differences[j + 1] - differences[j];
                    sumOfSquares += differences[j] * differences[j];
                    positive |= differences[j] > 0;
                    negative |= differences[j] < 0;
                }
                binomial = binomial * (2 * order) * (2 * order - 1) / ((double) order * order);
                sigma[order] = Math.sqrt(sumOfSquares / count / binomial);
                signChange[order] = (positive && negative) || sumOfSquares == 0;
            }
            for (int order = 2; order < HIGHEST_ORDER; order++) {
                if (signChange[order] && signChange[order + 1]) {
                    noiseLevel = order;
                    return;
                }
            }
        }

        double smallest() {
            double smallest = Double.POSITIVE_INFINITY;
            for (int order = 2; order <= HIGHEST_ORDER; order++) {
                smallest = Math.min(smallest, sigma[order]);
            }
            return smallest;
        }
    }
}
