package org.gradcheck.corpus.leastsquares;

/** A rule that judges an analytic Jacobian of a corpus point's residuals. */
interface JacobianRule {

    /** The rule's name on the scoreboard. */
    String name();

    /** Judges {@code jacobian} as the derivative of {@code point}'s residuals at its point. */
    Outcome judge(CheckPoint point, double[][] jacobian);
}
