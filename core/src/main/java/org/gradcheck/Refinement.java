package org.gradcheck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Whether parameters whose first finite-difference estimate disagrees with the analytic value are
 * re-estimated with an error-aware method before they are judged.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Refinement {

    /**
     * Re-estimate each parameter its first estimate does not settle with Ridders' method (central differences on a
     * shrinking ladder of steps extrapolated to step zero, at most 20 more evaluations), which gives an estimate with
     * an error bound; where that bound does not resolve it, with differences at smaller steps (a kink, a pole or a
     * domain edge near the point) or larger ones (a derivative below the function's rounding). The default: a
     * correct gradient of a badly scaled function passes, and a wrong one fails with a mismatch far above the
     * numerical error.
     */
    RIDDERS,

    /** Judge every parameter on the first estimate alone, as the plain article's method does. */
    NONE
}
