package org.gradcheck.engine;

import java.util.Arrays;

/**
 * Ridders' method: central differences on a shrinking ladder of steps, extrapolated to step zero (Richardson's
 * idea applied repeatedly), for several outputs of one line at once, each with an estimate of its own error.
 *
 * <p>The first column of each output's table holds central differences with steps {@code h, h/c, h/c^2, ...}
 * ({@code c = 1.4}); each further column removes the next even power of the step from the truncation error. The
 * error estimate of an entry is the larger of its distances to the two entries it was computed from; the entry with
 * the smallest estimate is the answer. An output's ladder stops when its diagonal grows again (rounding noise has
 * taken over) or when its values stop being finite (its estimate is then {@code NaN} with an infinite error).
 * Measured on {@code exp(x) sin(x)} at {@code x = 1} from a step of 0.1 ({@code RiddersTests}): relative error below
 * 1e-13, with an error estimate that bounds it.
 */
final class Ridders {

    /** The factor by which each step of the ladder is smaller than the one before. */
    static final double STEP_RATIO = 1.4;

    /** Largest number of steps in the ladder. */
    static final int MAX_STEPS = 10;

    private static final double RATIO_SQUARED = STEP_RATIO * STEP_RATIO;

    /** The ladder stops when the diagonal moves by more than this many times the best error so far. */
    private static final double GROWTH_LIMIT = 2.0;

    private Ridders() {
    }

    /** A line through the point: the outputs at an offset along it. */
    interface Line {
        /**
         * Evaluates the outputs at {@code offset} along the line into {@code out}; returns the offset actually
         * realised in floating point, or {@code NaN} when the point is not representable.
         */
        double values(double offset, double[] out);
    }

    /**
     * The estimates of one call, per requested output: value, error, and the finest step the chosen estimate was
     * extrapolated from (its rounding is that of a difference at this step, amplified by no more than its own error
     * estimate shows).
     */
    static final class Estimates {
        final double[] value;
        final double[] error;
        final double[] finestStep;
        int evaluations;

        Estimates(int count) {
            value = new double[count];
            error = new double[count];
            finestStep = new double[count];
        }
    }

    /**
     * The derivatives along {@code line} of the outputs {@code rows}, starting from step {@code initialStep}.
     *
     * @param line the line; evaluated at most {@code 2 * MAX_STEPS} times
     * @param rows the outputs wanted
     * @param outputs the number of outputs a line evaluation gives
     * @param initialStep the largest step, above 0
     */
    static Estimates derivatives(Line line, int[] rows, int outputs, double initialStep) {
        return derivatives(line, rows, outputs, initialStep, null);
    }

    /**
     * As {@link #derivatives(Line, int[], int, double)}, stopping an output's ladder as soon as its error estimate is
     * below its rounding at the current step, {@code rounding[r] / step}: smaller steps only round worse.
     *
     * @param rounding per requested output, the rounding of a difference times the step (its noise bound); null for
     *     none
     */
    static Estimates derivatives(Line line, int[] rows, int outputs, double initialStep, double[] rounding) {
        return derivatives(line, rows, outputs, initialStep, rounding, 0, null);
    }

    /**
     * As {@link #derivatives(Line, int[], int, double, double[])}, from one-sided differences when {@code side} is
     * +1 (forward: {@code (f(x + h) - f(x)) / h}) or -1 (backward), central ones when it is 0. A one-sided
     * difference's truncation has every power of the step, not only the even ones, so each column of the table
     * removes the next power: the factors are {@code c, c^2, ...} instead of {@code c^2, c^4, ...}.
     *
     * @param side -1, 0 or +1
     * @param centre the outputs at the point, for one-sided differences; null for central ones
     */
    static Estimates derivatives(Line line, int[] rows, int outputs, double initialStep, double[] rounding, int side,
            double[] centre) {
        if (!(initialStep > 0) || !Double.isFinite(initialStep)) {
            throw new IllegalArgumentException("initialStep must be a finite number > 0 but was " + initialStep);
        }
        int count = rows.length;
        Estimates result = new Estimates(count);
        // two rows of each output's table: the previous level's and this one's
        double[][] previous = new double[count][MAX_STEPS];
        double[][] current = new double[count][MAX_STEPS];
        boolean[] open = new boolean[count];
        Arrays.fill(open, true);
        Arrays.fill(result.value, Double.NaN);
        Arrays.fill(result.error, Double.POSITIVE_INFINITY);
        double[] plus = new double[outputs];
        double[] minus = new double[outputs];
        double step = initialStep;
        int remaining = count;
        for (int level = 0; level < MAX_STEPS && remaining > 0; level++, step /= STEP_RATIO) {
            double up = side < 0 ? 0 : line.values(step, plus);
            double down = side > 0 ? 0 : line.values(-step, minus);
            result.evaluations += side == 0 ? 2 : 1;
            if (side > 0) {
                System.arraycopy(centre, 0, minus, 0, outputs);
            } else if (side < 0) {
                System.arraycopy(centre, 0, plus, 0, outputs);
            }
            double realised = up - down;
            if (!(realised > 0)) {
                break;
            }
            for (int r = 0; r < count; r++) {
                if (!open[r]) {
                    continue;
                }
                int row = rows[r];
                double difference = (plus[row] - minus[row]) / realised;
                if (!Double.isFinite(difference)) {
                    open[r] = false;
                    remaining--;
                    result.value[r] = Double.NaN;
                    result.error[r] = Double.POSITIVE_INFINITY;
                    continue;
                }
                double[] table = current[r];
                double[] above = previous[r];
                table[0] = difference;
                current[r] = above;
                previous[r] = table;
                if (level == 0) {
                    result.value[r] = difference;
                    result.finestStep[r] = step;
                    continue;
                }
                double ratio = side == 0 ? RATIO_SQUARED : STEP_RATIO;
                double factor = ratio;
                for (int column = 1; column <= level; column++) {
                    table[column] = (table[column - 1] * factor - above[column - 1]) / (factor - 1);
                    factor *= ratio;
                    double error = Math.max(Math.abs(table[column] - table[column - 1]), Math.abs(table[column] - above[column - 1]));
                    if (error <= result.error[r]) {
                        result.error[r] = error;
                        result.value[r] = table[column];
                        result.finestStep[r] = step;
                    }
                }
                if (Math.abs(table[level] - above[level - 1]) >= GROWTH_LIMIT * result.error[r]
                        || (rounding != null && result.error[r] <= rounding[r] / step)) {
                    open[r] = false;
                    remaining--;
                }
            }
        }
        return result;
    }
}
