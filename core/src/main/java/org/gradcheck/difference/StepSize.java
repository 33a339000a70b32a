package org.gradcheck.difference;

import java.util.Locale;

/**
 * The policy that chooses the finite-difference step for each coordinate.
 *
 * <p>The {@linkplain #automatic() automatic} policy (the default) scales the step to the coordinate's
 * magnitude: {@code h = c * max(|x|, 1)} with {@code c = cbrt(eps) ≈ 6.06e-6} for the central
 * difference and {@code c = sqrt(eps) ≈ 1.49e-8} for one-sided differences, where {@code eps = 2^-52}.
 * These balance truncation error (O(h^2) or O(h)) against rounding error (O(eps / h)). Measured on
 * {@code f(x) = exp(x) sin(x)} at {@code x = 1} ({@code StepSizeTests} pins the figures): the central
 * difference with the automatic step has a relative error of 3e-11; with the article's fixed step 1e-7 it
 * is 7e-10 and with 1e-9 it is 5e-8. At {@code x = 1e6}, where a fixed step of 1e-7 is below the spacing of
 * representable numbers near x, the fixed step loses all accuracy while the scaled step stays accurate.
 *
 * <p>Whatever the policy, the checker divides by the step actually realised in floating point,
 * {@code (x + h) - x}, not by {@code h}.
 *
 * @since 0.1
 */
public final class StepSize {

    /** {@code cbrt(2^-52)}: the step factor that balances the central difference's errors. */
    public static final double CENTRAL_FACTOR = Math.cbrt(Math.ulp(1.0));

    /** {@code sqrt(2^-52)}: the step factor that balances a one-sided difference's errors. */
    public static final double ONE_SIDED_FACTOR = Math.sqrt(Math.ulp(1.0));

    private enum Kind { AUTOMATIC, RELATIVE, ABSOLUTE }

    private static final StepSize AUTOMATIC = new StepSize(Kind.AUTOMATIC, Double.NaN);

    private final Kind kind;
    private final double value;

    private StepSize(Kind kind, double value) {
        this.kind = kind;
        this.value = value;
    }

    /** The default: {@code h = c * max(|x|, 1)} with {@code c} chosen for the scheme (see the class comment). */
    public static StepSize automatic() {
        return AUTOMATIC;
    }

    /**
     * The same step {@code h} for every coordinate, as in the article ({@code 1e-7}).
     *
     * @throws IllegalArgumentException if {@code h} is not a finite positive number
     */
    public static StepSize absolute(double h) {
        return new StepSize(Kind.ABSOLUTE, checkPositive("step", h));
    }

    /**
     * The step {@code h = factor * max(|x|, 1)} for coordinate value {@code x}.
     *
     * @throws IllegalArgumentException if {@code factor} is not a finite positive number
     */
    public static StepSize relative(double factor) {
        return new StepSize(Kind.RELATIVE, checkPositive("relative step factor", factor));
    }

    private static double checkPositive(String what, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be a finite number > 0 but was " + value
                    + ": use for example StepSize.absolute(1e-7) or StepSize.automatic()");
        }
        return value;
    }

    /** The step for a coordinate whose value is {@code x}, under {@code scheme}, for a double-precision function. */
    public double stepFor(double x, DifferenceScheme scheme) {
        return stepFor(x, scheme, Math.ulp(1.0));
    }

    /**
     * The step for a coordinate whose value is {@code x}, under {@code scheme}, for a function whose values
     * carry a relative rounding noise {@code relativeNoise} ({@code 2^-52} in double precision, about
     * {@code 1e-8} for a function computed in {@code float}). The automatic policy uses the noise's cube root
     * (central) or square root (one-sided) as its factor; the other policies ignore the noise.
     */
    public double stepFor(double x, DifferenceScheme scheme, double relativeNoise) {
        switch (kind) {
            case ABSOLUTE:
                return value;
            case RELATIVE:
                return value * Math.max(Math.abs(x), 1.0);
            default:
                return automaticFactor(scheme, relativeNoise) * Math.max(Math.abs(x), 1.0);
        }
    }

    private static double automaticFactor(DifferenceScheme scheme, double relativeNoise) {
        double noise = Math.max(relativeNoise, Math.ulp(1.0));
        return scheme.isSecondOrder() ? Math.cbrt(noise) : Math.sqrt(noise);
    }

    /** Describes the policy for a scheme and a double-precision function: {@code 6.055e-06 * max(|x|, 1) (automatic)}. */
    public String describe(DifferenceScheme scheme) {
        return describe(scheme, Math.ulp(1.0));
    }

    /** Describes the policy for a scheme and a function of the given relative noise. */
    public String describe(DifferenceScheme scheme, double relativeNoise) {
        switch (kind) {
            case ABSOLUTE:
                return String.format(Locale.ROOT, "%.3e (absolute)", value);
            case RELATIVE:
                return String.format(Locale.ROOT, "%.3e * max(|x|, 1) (relative)", value);
            default:
                return String.format(Locale.ROOT, "%.3e * max(|x|, 1) (automatic)", automaticFactor(scheme, relativeNoise));
        }
    }

    @Override
    public String toString() {
        return kind == Kind.AUTOMATIC ? "automatic" : describe(DifferenceScheme.CENTRAL);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StepSize && ((StepSize) other).kind == kind
                && Double.compare(((StepSize) other).value, value) == 0;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Double.hashCode(value);
    }
}
