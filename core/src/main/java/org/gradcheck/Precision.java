package org.gradcheck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The floating-point precision the function under test is computed in, which decides the step and the
 * numerical error allowed.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Precision {

    /**
     * Measured: the checker measures the function's rounding noise before checking (eight evaluations near the
     * point, and eight more for each closer spacing it probes when the first measures more than rounding) and
     * chooses step and error bounds from it. A function computed in {@code float} inside is recognised by its noise of about 1e-8 of
     * its value. The default.
     */
    AUTOMATIC(Math.ulp(1.0)),

    /** Double precision: relative rounding noise {@code 2^-52}. The noise is not measured. */
    DOUBLE(Math.ulp(1.0)),

    /** Single precision inside ({@code float} arithmetic behind a {@code double} API): relative noise {@code 2^-23}. */
    FLOAT(Math.ulp(1.0f));

    private final double relativeNoise;

    Precision(double relativeNoise) {
        this.relativeNoise = relativeNoise;
    }

    /** {@return the relative rounding noise assumed at least: {@code 2^-52} or {@code 2^-23}} */
    public double relativeNoise() {
        return relativeNoise;
    }
}
