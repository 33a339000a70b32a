package org.gradcheck.corpus.leastsquares;

/**
 * What a central difference can resolve in principle: the smallest error it reaches at the best step.
 *
 * <p>For one output {@code f} (a residual, or the objective) and one coordinate {@code x_j}, the central difference
 * with step {@code h} has truncation error {@code c3 h^2 + c5 h^4 + c7 h^6 + ...} ({@code c_k} the exact Taylor
 * coefficients {@code f^(k) / k!} along {@code x_j}, from {@link ExactDerivatives}) and rounding error at most
 * {@code B / h}, {@code B} the rounding bound of {@code f} computed in double precision ({@link RoundingBound}).
 * The limit is {@code E* = min over h of |c3| h^2 + |c5| h^4 + |c7| h^6 + B / h}, over steps from
 * {@code 2^20 ulp(x_j)} (so that the step is realised to about 1e-10) to {@code max(|x_j|, 1)}, on a grid of 16
 * steps per decade. A difference {@code d} between an analytic entry and the exact derivative is
 * <em>resolvable</em> when {@code |d| >= RESOLVABLE_FACTOR E*} (a thousand times what a central difference at a
 * well-chosen step can resolve, so that nothing borderline is counted) and {@code |d| >= RESOLVABLE_RELATIVE} times
 * the entry's magnitude (ten times the default relative tolerance of GradCheck: a rule that accepts analytic
 * derivatives within 1e-6 relative cannot be asked to reject one that is off by 2e-6).
 */
final class Resolution {

    static final double RESOLVABLE_FACTOR = 1e3;

    static final double RESOLVABLE_RELATIVE = 1e-5;

    private static final int STEPS_PER_DECADE = 16;

    private Resolution() {
    }

    /**
     * {@code E*} for Taylor coefficients {@code c} ({@code c[k]}, {@code k = 0..7}), rounding bound {@code bound}
     * and coordinate value {@code x}.
     */
    static double bestError(double[] c, double bound, double x) {
        return best(c, bound, x)[0];
    }

    /** {@code {E*, h*}}: the best error and the step that reaches it. */
    static double[] best(double[] c, double bound, double x) {
        double smallest = Math.max(Math.scalb(Math.ulp(x), 20), Double.MIN_NORMAL);
        double largest = Math.max(Math.abs(x), 1);
        double ratio = Math.pow(10, 1.0 / STEPS_PER_DECADE);
        double best = Double.POSITIVE_INFINITY;
        double bestStep = largest;
        double c3 = Math.abs(c[3]);
        double c5 = Math.abs(c[5]);
        double c7 = Math.abs(c[7]);
        for (double h = smallest; h <= largest * ratio; h *= ratio) {
            double step = Math.min(h, largest);
            double square = step * step;
            double error = square * (c3 + square * (c5 + square * c7)) + bound / step;
            if (error < best) {
                best = error;
                bestStep = step;
            }
        }
        return new double[] {best, bestStep};
    }

    /** Whether a difference {@code difference} of an entry of magnitude {@code magnitude} is resolvable. */
    static boolean resolvable(double difference, double magnitude, double bestError) {
        double d = Math.abs(difference);
        return d >= RESOLVABLE_FACTOR * bestError && d >= RESOLVABLE_RELATIVE * magnitude;
    }
}
