package org.gradcheck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What to do when most parameters of a block have analytic and numerical gradients indistinguishable from
 * zero (saturated or dead units), so that the check says little about that block.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum UntestedPolicy {

    /** Pass as the parameters decide, with a warning in the report naming the block. The default. */
    WARN,

    /** Fail the check when any block is barely tested. */
    FAIL
}
