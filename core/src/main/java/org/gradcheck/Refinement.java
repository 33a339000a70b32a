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
     * Re-estimate each disagreeing parameter with {@linkplain org.gradcheck.difference.RiddersDifferentiator
     * Ridders' method} (at most 20 more evaluations), which gives an estimate with an error bound; then look
     * for a kink (four more evaluations) if it still disagrees. The default: a correct gradient of a badly
     * scaled function passes, and a wrong one fails with a mismatch far above the numerical error.
     */
    RIDDERS,

    /** Judge every parameter on the first estimate alone, as the plain article's method does. */
    NONE
}
