package org.gradcheck;

import java.util.Locale;

/**
 * How far an analytic partial derivative may be from its numerical estimate.
 *
 * <p>A parameter passes when {@code |g - n| <= absolute + relative * max(|g|, |n|) + noise}, where
 * {@code noise} is the checker's estimate of the numerical estimate's own rounding error (so a function
 * whose value is large, or a small step, widens the bound by what it really costs, not by a guess). The
 * relative part is what catches a wrong gradient in a block whose values are tiny next to the others': a
 * single global norm, as in the article's overall difference, would hide it.
 *
 * <p>The defaults, {@code relative = 1e-6} and {@code absolute = 1e-10}, sit between the two kinds of error
 * that {@code ToleranceTests} measures. Correct gradients of smooth functions (a small tanh network,
 * Rosenbrock's function, a logistic loss), checked by the central difference with its automatic step, are
 * at most 1.9e-9 off in relative terms: 500 times below the default. Typical backpropagation bugs (the
 * derivative of tanh written {@code 1 - a} instead of {@code 1 - a^2}, a sum instead of a mean over the
 * batch, a wrong sign) put every affected parameter 0.17 to 2 off: 10^5 times above it.
 *
 * <p>Where a partial derivative is zero the relative part vanishes and only the absolute floor and the
 * rounding-noise estimate remain. The central difference's truncation error is not part of that estimate,
 * so a correct gradient can fail there: at the minimum of Rosenbrock's function the truncation error is
 * 1.5e-8 ({@code GradientCheckerTests} pins it).
 *
 * @since 0.1
 */
public final class Tolerance {

    private static final Tolerance DEFAULT = new Tolerance(1e-6, 1e-10);

    private final double relative;
    private final double absolute;

    private Tolerance(double relative, double absolute) {
        this.relative = relative;
        this.absolute = absolute;
    }

    /** The default tolerance: relative 1e-6, absolute 1e-10. */
    public static Tolerance defaults() {
        return DEFAULT;
    }

    /**
     * A tolerance with both parts.
     *
     * @throws IllegalArgumentException if either is negative, NaN or infinite
     */
    public static Tolerance of(double relative, double absolute) {
        return new Tolerance(check("relative tolerance", relative), check("absolute tolerance", absolute));
    }

    /** A relative tolerance with the default absolute floor (1e-10). */
    public static Tolerance relative(double relative) {
        return of(relative, DEFAULT.absolute);
    }

    private static double check(String what, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be a finite number >= 0 but was " + value
                    + ": use for example Tolerance.of(1e-6, 1e-10)");
        }
        return value;
    }

    /** The relative part. */
    public double relativePart() {
        return relative;
    }

    /** The absolute floor. */
    public double absolutePart() {
        return absolute;
    }

    /** The largest mismatch allowed for an analytic value {@code analytic} against {@code numerical}. */
    public double allowed(double analytic, double numerical, double noise) {
        return absolute + relative * Math.max(Math.abs(analytic), Math.abs(numerical)) + noise;
    }

    /** {@code |g - n| <= 1.0e-10 + 1.0e-06 * max(|g|, |n|) + noise}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "|g - n| <= %.1e + %.1e * max(|g|, |n|) + noise", absolute, relative);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tolerance && Double.compare(((Tolerance) other).relative, relative) == 0
                && Double.compare(((Tolerance) other).absolute, absolute) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(relative) * 31 + Double.hashCode(absolute);
    }
}
