package org.gradcheck.difference;

/**
 * How a partial derivative is estimated from values of the function.
 *
 * <p>Measured on {@code f(x) = exp(x) sin(x)} at {@code x = 1} (see {@code DifferenceSchemeTests}): with
 * its best step the central difference reaches a relative error of about 1e-11, the forward difference
 * about 1e-8. The article's worked example, {@code f(x) = x^2} at {@code x = 3} with step 0.01, gives
 * exactly 6 (to rounding) for the central difference and 6.01 for the forward difference.
 *
 * @since 0.1
 */
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

    /** How many evaluations of the function one coordinate costs. */
    public int evaluationsPerCoordinate() {
        return evaluationsPerCoordinate;
    }

    /** Whether the scheme's truncation error is of second order in the step. */
    public boolean isSecondOrder() {
        return this == CENTRAL;
    }

    /** A readable name: {@code central difference}. */
    @Override
    public String toString() {
        return description;
    }
}
