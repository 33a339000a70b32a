package org.gradcheck.taylor;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The verdict on one direction of a Taylor remainder check.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ConvergenceVerdict {

    /** The remainder converges with order at least the required one (about 2): the gradient is right along the direction. */
    PASS,

    /** The remainder converges with a lower order (about 1): the gradient is wrong along the direction. */
    FAIL,

    /**
     * The remainder stays at rounding level for every step: the function is affine along the direction at this
     * scale and the gradient matches its slope to rounding. Counts as a pass.
     */
    EXACT,

    /**
     * No range of steps shows a steady order (a kink, noise above rounding, or too few steps above the rounding
     * floor): the check cannot decide. Counts as a failure, so that nothing passes unexamined.
     */
    INCONCLUSIVE;

    /**
     * Whether the verdict lets the check pass.
     *
     * @return whether the verdict lets the check pass
     */
    public boolean passes() {
        return this == PASS || this == EXACT;
    }
}
