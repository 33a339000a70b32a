package org.gradcheck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What to do with a parameter at a kink (ReLU at 0, {@code abs}, {@code max} near a tie), where the left
 * and right one-sided derivatives disagree and the function is not differentiable.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum KinkPolicy {

    /**
     * Accept the analytic value when it lies between the one-sided derivatives (it is then a subgradient),
     * fail it otherwise; count such parameters in the report. The default.
     */
    ACCEPT_SUBGRADIENT,

    /** Fail every parameter at a kink. */
    FAIL
}
