package org.gradcheck.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.BitSet;
import org.apiguardian.api.API;

/**
 * The article's relative difference {@code ||a - n|| / (||a|| + ||n||)} of two vectors, computed on values scaled
 * by their largest magnitude so that it neither overflows nor underflows; 0 when both are zero.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class Differences {

    private Differences() {
    }

    /**
     * The relative difference over all entries.
     *
     * @param analytic the analytic values; not modified
     * @param numerical the numerical values, as long as {@code analytic}; not modified
     * @return {@code ||a - n|| / (||a|| + ||n||)}, 0 when both are zero
     */
    public static double relative(double[] analytic, double[] numerical) {
        return relative(analytic, numerical, 0, analytic.length, null);
    }

    /**
     * The relative difference over the entries {@code [from, to)} that {@code included} contains (all of them
     * when it is null).
     *
     * @param analytic the analytic values; not modified
     * @param numerical the numerical values; not modified
     * @param from the first entry
     * @param to one past the last entry
     * @param included the entries to include, or null for all
     * @return {@code ||a - n|| / (||a|| + ||n||)} over those entries, 0 when both are zero
     */
    public static double relative(double[] analytic, double[] numerical, int from, int to, BitSet included) {
        double scale = 0;
        for (int i = from; i < to; i++) {
            if (included == null || included.get(i)) {
                scale = Math.max(scale, Math.max(Math.abs(analytic[i]), Math.abs(numerical[i])));
            }
        }
        if (scale == 0) {
            return 0;
        }
        double differenceSquares = 0;
        double analyticSquares = 0;
        double numericalSquares = 0;
        for (int i = from; i < to; i++) {
            if (included != null && !included.get(i)) {
                continue;
            }
            double a = analytic[i] / scale;
            double n = numerical[i] / scale;
            differenceSquares += (a - n) * (a - n);
            analyticSquares += a * a;
            numericalSquares += n * n;
        }
        return Math.sqrt(differenceSquares) / (Math.sqrt(analyticSquares) + Math.sqrt(numericalSquares));
    }
}
