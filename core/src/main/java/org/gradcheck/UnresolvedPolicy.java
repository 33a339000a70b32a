package org.gradcheck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What to do with an entry the check could not resolve ({@link org.gradcheck.report.Verdict#UNRESOLVED}): no step
 * resolved its derivative, so the check cannot say whether the analytic value is right.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum UnresolvedPolicy {

    /**
     * Fail the check, with a message that says why each entry could not be resolved and what to try. The default:
     * a check that could not tell must not pass.
     */
    FAIL,

    /**
     * Pass as the other entries decide, with a warning in the report that names the unresolved entries. For
     * functions known to be discontinuous somewhere near the checked point.
     */
    WARN
}
