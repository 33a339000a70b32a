package org.gradcheck.engine;

/**
 * Sums over each input block of one output's analytic derivative {@code g} at the point {@code x}, taken in the scan
 * that compares the two analytic derivatives, so that screening needs no pass of its own over a block before its
 * directions: {@code sum (g_i max(|x_i|, 1))^2}, {@code sum g_i^2}, {@code sum |g_i| scale(x_i)}, the smallest
 * {@code scale(x_i)}, the largest {@code |g_i|}, and the smallest and largest {@code |g_i| scale(x_i)}, {@code scale}
 * the step rule's scale of an input.
 */
final class BlockTotals {

    private final double[] positions;
    private final double[] squares;
    private final double[] magnitudes;
    private final double[] smallestScales;
    private final double[] largest;
    private final double[] smallestScaled;
    private final double[] largestScaled;

    BlockTotals(int blocks) {
        positions = new double[blocks];
        squares = new double[blocks];
        magnitudes = new double[blocks];
        smallestScales = new double[blocks];
        largest = new double[blocks];
        smallestScaled = new double[blocks];
        largestScaled = new double[blocks];
    }

    void record(int block, double positionSum, double squareSum, double magnitudeSum, double smallestScale,
            double largestMagnitude, double smallestScaledMagnitude, double largestScaledMagnitude) {
        positions[block] = positionSum;
        squares[block] = squareSum;
        magnitudes[block] = magnitudeSum;
        smallestScales[block] = smallestScale;
        largest[block] = largestMagnitude;
        smallestScaled[block] = smallestScaledMagnitude;
        largestScaled[block] = largestScaledMagnitude;
    }

    /** The smallest {@code |g_i| scale(x_i)} of block {@code block}. */
    double smallestScaled(int block) {
        return smallestScaled[block];
    }

    /** The largest {@code |g_i| scale(x_i)} of block {@code block}. */
    double largestScaled(int block) {
        return largestScaled[block];
    }

    /** {@code sum (g_i max(|x_i|, 1))^2} over blocks {@code first} to {@code last}. */
    double positions(int first, int last) {
        return sum(positions, first, last);
    }

    /** {@code sum g_i^2} over blocks {@code first} to {@code last}. */
    double squares(int first, int last) {
        return sum(squares, first, last);
    }

    /** {@code sum |g_i| scale(x_i)} over blocks {@code first} to {@code last}. */
    double magnitude(int first, int last) {
        return sum(magnitudes, first, last);
    }

    /** The smallest {@code scale(x_i)} over blocks {@code first} to {@code last}. */
    double smallestScale(int first, int last) {
        double smallest = Double.POSITIVE_INFINITY;
        for (int b = first; b <= last; b++) {
            smallest = Math.min(smallest, smallestScales[b]);
        }
        return smallest;
    }

    /** The largest {@code |g_i|} over blocks {@code first} to {@code last}. */
    double largest(int first, int last) {
        double most = 0;
        for (int b = first; b <= last; b++) {
            most = Math.max(most, largest[b]);
        }
        return most;
    }

    private static double sum(double[] perBlock, int first, int last) {
        double sum = 0;
        for (int b = first; b <= last; b++) {
            sum += perBlock[b];
        }
        return sum;
    }
}
