package org.gradcheck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * How far an analytic partial derivative may be from its numerical estimate, beyond the estimate's own
 * error.
 *
 * <p>A parameter passes when {@code |g - n| <= absolute + relative * max(|g|, |n|) + e}, where {@code e}
 * is the checker's bound on the numerical estimate's own error (rounding noise measured from the function,
 * and truncation error where the parameter was refined), so a function whose value is large, noisy or
 * computed in {@code float} widens the bound by what it really costs, not by a guess. The relative part is
 * per parameter: it catches a wrong gradient in a block whose values are tiny next to the others', which a
 * single global norm, as in the article's overall difference, would hide.
 *
 * <p>The defaults, {@code relative = 1e-6} and {@code absolute = 0}, sit between the two kinds of error
 * that {@code ToleranceTests} measures. Correct gradients of smooth functions (a small tanh network,
 * Rosenbrock's function, a logistic loss), checked by the central difference with its automatic step, are
 * at most 1.9e-9 off in relative terms: 500 times below the default. Typical backpropagation bugs (the
 * derivative of tanh written {@code 1 - a} instead of {@code 1 - a^2}, a sum instead of a mean over the
 * batch, a wrong sign) put every affected parameter 0.17 to 2 off: 10^5 times above it. No absolute floor
 * is needed by default: where a partial derivative is zero the relative part vanishes, and the numerical
 * error bound, which scales with the function's value, decides. Where the first estimate's truncation error
 * exceeds that bound (at the minimum of Rosenbrock's function it is 1.5e-8 while the gradient is 0), the
 * parameter is re-estimated by Ridders' method, whose error bound includes truncation
 * ({@code GradientCheckerTests} pins both).
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Tolerance {

    private static final Tolerance DEFAULT = new Tolerance(1e-6, 0);

    private final double relative;
    private final double absolute;

    private Tolerance(double relative, double absolute) {
        this.relative = relative;
        this.absolute = absolute;
    }

    /** {@return the default tolerance: relative 1e-6, absolute 0} */
    public static Tolerance defaults() {
        return DEFAULT;
    }

    /**
     * A tolerance with both parts.
     *
     * @param relative the relative part, a finite number of at least 0
     * @param absolute the absolute floor, a finite number of at least 0
     * @return a tolerance with both parts
     * @throws IllegalArgumentException if either is negative, NaN or infinite
     */
    public static Tolerance of(double relative, double absolute) {
        return new Tolerance(check("relative tolerance", relative), check("absolute tolerance", absolute));
    }

    /**
     * A relative tolerance with the default absolute part (0).
     *
     * @param relative the relative part, a finite number of at least 0
     * @return a relative tolerance with the default absolute part (0)
     */
    public static Tolerance relative(double relative) {
        return of(relative, DEFAULT.absolute);
    }

    private static double check(String what, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be a finite number >= 0 but was " + value
                    + ": use for example Tolerance.of(1e-6, 0)");
        }
        return value;
    }

    /** {@return the relative part} */
    public double relativePart() {
        return relative;
    }

    /** {@return the absolute floor} */
    public double absolutePart() {
        return absolute;
    }

    /**
     * The largest mismatch allowed for an analytic value {@code analytic} against {@code numerical}.
     *
     * @param analytic the analytic gradient
     * @param numerical the numerical gradient
     * @param numericalError the bound on each numerical value's own error
     * @return the largest mismatch allowed for an analytic value {@code analytic} against {@code numerical}
     */
    public double allowed(double analytic, double numerical, double numericalError) {
        return absolute + relative * Math.max(Math.abs(analytic), Math.abs(numerical)) + numericalError;
    }

    /** {@code |g - n| <= 0 + 1.0e-06 * max(|g|, |n|) + numerical error}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "|g - n| <= %s + %s * max(|g|, |n|) + numerical error", brief(absolute),
                brief(relative));
    }

    private static String brief(double value) {
        return value == 0 ? "0" : String.format(Locale.ROOT, "%.1e", value);
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
