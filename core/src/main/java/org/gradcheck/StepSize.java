package org.gradcheck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The policy that chooses the finite-difference step for each coordinate.
 *
 * <p>The {@linkplain #automatic() automatic} policy (the default) scales the step to the coordinate's
 * magnitude: {@code h = c * max(|x|, 1)} with {@code c = cbrt(eps) ≈ 6.06e-6} for the central
 * difference and {@code c = sqrt(eps) ≈ 1.49e-8} for one-sided differences, where {@code eps = 2^-52}.
 * These balance truncation error (O(h^2) or O(h)) against rounding error (O(eps / h)). For a function
 * whose values carry more noise than {@code eps} (computed in {@code float} inside, or summing many terms),
 * the checker passes the measured relative noise {@code η} instead of {@code eps}
 * ({@link #stepFor(double, DifferenceScheme, double)}): {@code c = cbrt(η)}, 4.9e-3 for {@code float}.
 *
 * <p>Relative errors measured on {@code f(x) = exp(x) sin(x)} at {@code x = 1}, in brackets the worst over
 * the 101 points {@code x = 0.5, 0.51, ..., 1.5} ({@code StepSizeTests} pins these figures, with the
 * function computed by {@link StrictMath}):
 * <table>
 * <caption>Relative error of the numerical derivative</caption>
 * <tr><th>scheme</th><th>step</th><th>relative error</th></tr>
 * <tr><td>central</td><td>automatic, 6.1e-6</td><td>6.2e-12 (2.7e-11)</td></tr>
 * <tr><td>central</td><td>1e-3</td><td>7.3e-8, the truncation error {@code f''' h^2 / 6 f'}</td></tr>
 * <tr><td>central</td><td>1e-5</td><td>8.6e-12 (3.6e-11)</td></tr>
 * <tr><td>central</td><td>1e-7 (the article's)</td><td>9.2e-13 by a lucky cancellation of rounding errors
 *     (1.1e-9)</td></tr>
 * <tr><td>central</td><td>1e-9</td><td>2.1e-8 (1.5e-7)</td></tr>
 * <tr><td>forward</td><td>automatic, 1.5e-8</td><td>3.0e-9 (1.7e-8)</td></tr>
 * <tr><td>forward</td><td>1e-7</td><td>3.8e-8, the truncation error {@code f'' h / 2 f'}</td></tr>
 * </table>
 * A fixed step is only as good as its match with the coordinate's scale. At {@code x = 1e6} the step
 * 1e-7 is 1e-13 of x, so the rounding error of {@code f}, divided by the step, swamps the derivative: the
 * central difference of {@code x^2 / 2} is off by 2.5e-4 and that of {@code sin(x / 1e6)} by 3.4e-4, while
 * the automatic step, scaled to x, gives 2.9e-12 and 1.1e-11.
 *
 * <p>Whatever the policy, the checker divides by the step actually realised in floating point,
 * {@code (x + h) - x}, not by {@code h}.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class StepSize {

    /** {@code cbrt(2^-52)}: the step factor that balances the central difference's errors. */
    public static final double CENTRAL_FACTOR = Math.cbrt(Math.ulp(1.0));

    /** {@code sqrt(2^-52)}: the step factor that balances a one-sided difference's errors. */
    public static final double ONE_SIDED_FACTOR = Math.sqrt(Math.ulp(1.0));

    private enum Kind { AUTOMATIC, RELATIVE, PROPORTIONAL, ABSOLUTE }

    private static final StepSize AUTOMATIC = new StepSize(Kind.AUTOMATIC, Double.NaN);

    private final Kind kind;
    private final double value;

    private StepSize(Kind kind, double value) {
        this.kind = kind;
        this.value = value;
    }

    /**
     * {@return the default: {@code h = c * max(|x|, 1)} with {@code c} chosen for the scheme (see the class comment)}
     */
    public static StepSize automatic() {
        return AUTOMATIC;
    }

    /**
     * The same step {@code h} for every coordinate, as in the article ({@code 1e-7}).
     *
     * @param h the step, above 0
     * @return the same step {@code h} for every coordinate, as in the article ({@code 1e-7})
     * @throws IllegalArgumentException if {@code h} is not a finite positive number
     */
    public static StepSize absolute(double h) {
        return new StepSize(Kind.ABSOLUTE, checkPositive("step", h));
    }

    /**
     * The step {@code h = factor * max(|x|, 1)} for coordinate value {@code x}.
     *
     * @param factor the factor {@code c} of {@code h = c * max(|x|, 1)}, a finite number above 0
     * @return the step {@code h = factor * max(|x|, 1)} for coordinate value {@code x}
     * @throws IllegalArgumentException if {@code factor} is not a finite positive number
     */
    public static StepSize relative(double factor) {
        return new StepSize(Kind.RELATIVE, checkPositive("relative step factor", factor));
    }

    /**
     * The step {@code h = factor * |x|} for coordinate value {@code x} (and {@code factor} at {@code x = 0}),
     * without the floor of 1 that {@link #relative(double)} and {@link #automatic()} put under {@code |x|}: for
     * parameters far smaller than 1 whose scale you know, such as a coefficient of 1e-9 that multiplies inputs of
     * 1e8. The checker's refinement shrinks steps that are too large anyway; this policy makes the first estimate fit.
     *
     * @param factor the factor {@code c} of {@code h = c * |x|}, a finite number above 0
     * @return the step policy
     * @throws IllegalArgumentException if {@code factor} is not a finite positive number
     */
    public static StepSize proportional(double factor) {
        return new StepSize(Kind.PROPORTIONAL, checkPositive("proportional step factor", factor));
    }

    private static double checkPositive(String what, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be a finite number > 0 but was " + value
                    + ": use for example StepSize.absolute(1e-7) or StepSize.automatic()");
        }
        return value;
    }

    /**
     * The step for a coordinate whose value is {@code x}, under {@code scheme}, for a double-precision function.
     *
     * @param x the point; not modified
     * @param scheme the finite-difference scheme
     * @return the step for a coordinate whose value is {@code x}, under {@code scheme}, for a double-precision function
     */
    public double stepFor(double x, DifferenceScheme scheme) {
        return stepFor(x, scheme, Math.ulp(1.0));
    }

    /**
     * The step for a coordinate whose value is {@code x}, under {@code scheme}, for a function whose values
     * carry a relative rounding noise {@code relativeNoise} ({@code 2^-52} in double precision, about
     * {@code 1e-8} for a function computed in {@code float}). The automatic policy uses the noise's cube root
     * (central) or square root (one-sided) as its factor; the other policies ignore the noise.
     *
     * @param x the point; not modified
     * @param scheme the finite-difference scheme
     * @param relativeNoise the function's relative rounding noise
     * @return the step for a coordinate whose value is {@code x}, under {@code scheme}, for a function whose values carry a relative rounding noise {@code relativeNoise} ({@code 2^-52} in double precision, about {@code 1e-8} for a function computed in {@code float})
     */
    public double stepFor(double x, DifferenceScheme scheme, double relativeNoise) {
        return factor(scheme, relativeNoise) * scaleOf(x);
    }

    /**
     * The factor {@code c} of the step {@code h = c * scaleOf(x)}: the same for every coordinate of one check, so
     * a checker computes it once.
     *
     * @param scheme the finite-difference scheme
     * @param relativeNoise the function's relative rounding noise
     * @return the factor, above 0
     */
    public double factor(DifferenceScheme scheme, double relativeNoise) {
        requireScheme(scheme);
        return kind == Kind.AUTOMATIC ? automaticFactor(scheme, relativeNoise) : value;
    }

    /**
     * The scale the factor multiplies for a coordinate of value {@code x}: {@code max(|x|, 1)} for the automatic and
     * relative policies, {@code |x|} (1 at 0) for the proportional one, 1 for an absolute step.
     *
     * @param x the coordinate's value
     * @return the scale, above 0 for finite {@code x}
     */
    public double scaleOf(double x) {
        // tested in this order, not switched on: called once per parameter and direction, this stays a compare
        if (kind == Kind.AUTOMATIC || kind == Kind.RELATIVE) {
            // max(|x|, 1) as a compare, NaN kept: cheaper in the loops over every parameter than Math.max's blends
            double magnitude = Math.abs(x);
            return !(magnitude <= 1.0) ? magnitude : 1.0;
        }
        if (kind == Kind.ABSOLUTE) {
            return 1;
        }
        return x == 0 ? 1 : Math.abs(x);
    }

    private static double automaticFactor(DifferenceScheme scheme, double relativeNoise) {
        double noise = Math.max(relativeNoise, Math.ulp(1.0));
        return scheme.isSecondOrder() ? Math.cbrt(noise) : Math.sqrt(noise);
    }

    /**
     * Describes the policy for a scheme and a double-precision function: {@code 6.055e-06 * max(|x|, 1) (automatic)}.
     *
     * @param scheme the finite-difference scheme
     * @return the description, such as {@code 6.055e-06 * max(|x|, 1) (automatic)}
     */
    public String describe(DifferenceScheme scheme) {
        return describe(scheme, Math.ulp(1.0));
    }

    /**
     * Describes the policy for a scheme and a function of the given relative noise.
     *
     * @param scheme the finite-difference scheme
     * @param relativeNoise the function's relative rounding noise
     * @return the description of the policy for that scheme and noise
     */
    public String describe(DifferenceScheme scheme, double relativeNoise) {
        requireScheme(scheme);
        switch (kind) {
            case ABSOLUTE:
                return String.format(Locale.ROOT, "%.3e (absolute)", value);
            case RELATIVE:
                return String.format(Locale.ROOT, "%.3e * max(|x|, 1) (relative)", value);
            case PROPORTIONAL:
                return String.format(Locale.ROOT, "%.3e * |x| (proportional)", value);
            default:
                return String.format(Locale.ROOT, "%.3e * max(|x|, 1) (automatic)", automaticFactor(scheme, relativeNoise));
        }
    }

    private static void requireScheme(DifferenceScheme scheme) {
        if (scheme == null) {
            throw new IllegalArgumentException("scheme must not be null: use for example DifferenceScheme.CENTRAL");
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
