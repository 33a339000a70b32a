package org.gradcheck.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The verdict on one entry of a derivative: a partial derivative of a gradient, an entry of a Jacobian or a
 * Hessian, or a consistency check between two derivative forms.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Verdict {

    /**
     * The analytic value agrees with the numerical (or exact) one within the tolerance, and the numerical value
     * was resolved: its error bound is clearly smaller than the values compared, or both values are
     * indistinguishable from zero ({@link Entry#negligible()}).
     */
    PASS,

    /**
     * The function has a kink in this parameter at the point itself (the left and right derivatives differ down
     * to the smallest step that resolves them), and the analytic value lies between them, so it is accepted as a
     * subgradient; at a tie between several parameters, their analytic values were also accepted together, as a
     * generalised gradient of the function.
     */
    KINK,

    /** The analytic value is further from the numerical (or exact) one than the tolerance and its error allow. */
    FAIL,

    /**
     * The check could not tell: no step resolved the derivative (a jump, a pole or a domain edge inside every
     * step, a function that changes faster than any step can follow, or differences below the value's rounding
     * for an analytic value that is not negligible). {@link Entry#reason()} says why. By default it fails the
     * check ({@link org.gradcheck.UnresolvedPolicy}).
     */
    UNRESOLVED,

    /**
     * Not checked one by one: a sampled check left it out, or a screening check found the part of the block it
     * lies in in agreement as a whole.
     */
    NOT_CHECKED
}
