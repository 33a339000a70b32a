package org.gradcheck.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The verdict on one parameter.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Verdict {

    /** The analytic partial derivative agrees with the numerical one within the tolerance. */
    PASS,

    /**
     * The function is not differentiable in this parameter here (a kink: the left and right derivatives
     * differ), and the analytic value lies between them, so it is accepted as a subgradient.
     */
    KINK,

    /** The analytic partial derivative is further from the numerical one than the tolerance allows. */
    FAIL,

    /**
     * Not checked one by one: a sampled check left it out, or a screening check found its block (or the part of
     * the block it lies in) in agreement as a whole.
     */
    NOT_CHECKED
}
