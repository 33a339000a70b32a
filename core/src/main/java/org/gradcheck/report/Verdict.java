package org.gradcheck.report;

/**
 * The verdict on one parameter.
 *
 * @since 0.1
 */
public enum Verdict {

    /** The analytic partial derivative agrees with the numerical one within the tolerance. */
    PASS,

    /** The analytic partial derivative is further from the numerical one than the tolerance allows. */
    FAIL
}
