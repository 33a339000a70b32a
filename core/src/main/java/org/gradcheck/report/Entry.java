package org.gradcheck.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The check of one entry: a partial derivative of a gradient ({@code W1[2,3]}), an entry of a Jacobian or a
 * Hessian ({@code y[2] / W1[0,3]}), a parameter compared with an exact gradient, or a consistency check between
 * two derivative forms. Every report of GradCheck is made of entries of this one type.
 *
 * <p>An entry compares the analytic value (what the code under test computed) with a reference value: the
 * numerical derivative from finite differences, the exact derivative from forward-mode differentiation, or the
 * value of the same product computed through another derivative form. Its {@link #verdict()} was decided once,
 * when the check ran.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Entry {

    /** {@return the flat index of the entry: the parameter's index in a gradient, {@code i * n + j} in a Jacobian} */
    int index();

    /** {@return the readable name: {@code W1[2,3]} in a gradient, {@code y[2] / W1[0,3]} in a Jacobian} */
    String name();

    /** {@return the name of the parameter block the entry's input belongs to: {@code W1}} */
    String block();

    /** {@return the index {@code i} of the output (0 in a gradient)} */
    int outputIndex();

    /** {@return the index {@code j} of the input (the parameter's index in a gradient)} */
    int inputIndex();

    /** {@return the analytic value: what the code under test computed} */
    double analytic();

    /**
     * The reference value the analytic one is compared with: the numerical derivative from finite differences, the
     * exact derivative, or the other derivative form's value; {@code NaN} where the entry was not checked.
     *
     * @return the reference value
     */
    double numerical();

    /** {@return {@code |analytic - numerical|}: the mismatch} */
    double absoluteError();

    /** {@return {@code |analytic - numerical| / max(|analytic|, |numerical|)}; 0 when both are 0} */
    double relativeError();

    /**
     * The bound on the reference value's own error: rounding noise and, where the entry was refined, truncation
     * error (times a safety factor); for an exact reference, its rounding.
     *
     * @return the numerical error bound, at least 0; infinite where no finite bound could be established
     */
    double numericalError();

    /** {@return the largest mismatch allowed: the tolerance at the two values plus the numerical error bound} */
    double allowedError();

    /** {@return {@code absoluteError() / allowedError()}: above 1 disagrees; reports sort by it, worst first} */
    double errorRatio();

    /** {@return the verdict, decided once by the check} */
    Verdict verdict();

    /**
     * {@return whether the analytic and the reference value are both indistinguishable from zero: the check could not
     * tell them from zero, so it says little about this entry}
     */
    boolean negligible();

    /** {@return whether the function has a kink in this input at the point: left and right derivatives differ} */
    boolean kink();

    /** {@return the left one-sided derivative where {@link #kink()}; otherwise the reference value} */
    double leftDerivative();

    /** {@return the right one-sided derivative where {@link #kink()}; otherwise the reference value} */
    double rightDerivative();

    /**
     * Why the entry has its verdict when the values alone do not say it: why it could not be resolved, why a
     * subgradient was rejected, or that it was judged at a smaller step than the first; empty otherwise.
     *
     * @return the reason, never null
     */
    String reason();
}
