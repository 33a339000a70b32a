package org.gradcheck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * How a partial derivative is estimated from values of the function.
 *
 * <p>Measured on {@code f(x) = exp(x) sin(x)} at {@code x = 1} (see {@code DifferenceSchemeTests} and
 * {@code StepSizeTests}): with the automatic step the central difference has a relative error of 6.2e-12,
 * the forward difference 3.0e-9 and the backward difference 4.9e-9; with a common step of 1e-3 the central
 * difference is off by 7.3e-8 and the one-sided ones by 3.9e-4. Halving a step that is large enough for
 * truncation to dominate divides the central error by 4 and the one-sided errors by 2. The article's worked
 * example, {@code f(x) = x^2} at {@code x = 3} with step 0.01, gives 6 (to within 1e-9) for the central
 * difference, 6.01 for the forward difference and 5.99 for the backward difference.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum DifferenceScheme {

    /**
     * Two-sided {@code (f(x + h) - f(x - h)) / 2h}: truncation error O(h^2), two evaluations per
     * coordinate. The default.
     */
    CENTRAL("central difference", 2),

    /** One-sided {@code (f(x + h) - f(x)) / h}: truncation error O(h), one evaluation per coordinate. */
    FORWARD("forward difference", 1),

    /** One-sided {@code (f(x) - f(x - h)) / h}: truncation error O(h), one evaluation per coordinate. */
    BACKWARD("backward difference", 1);

    private final String description;
    private final int evaluationsPerCoordinate;

    DifferenceScheme(String description, int evaluationsPerCoordinate) {
        this.description = description;
        this.evaluationsPerCoordinate = evaluationsPerCoordinate;
    }

    /** {@return how many evaluations of the function one coordinate costs} */
    public int evaluationsPerCoordinate() {
        return evaluationsPerCoordinate;
    }

    /** {@return whether the scheme's truncation error is of second order in the step} */
    public boolean isSecondOrder() {
        return this == CENTRAL;
    }

    /** A readable name: {@code central difference}. */
    @Override
    public String toString() {
        return description;
    }
}
