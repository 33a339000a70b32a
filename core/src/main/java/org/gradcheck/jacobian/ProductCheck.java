package org.gradcheck.jacobian;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.gradcheck.report.NumberFormatter;
import org.gradcheck.report.Verdict;

/**
 * One consistency check between two derivative forms of a {@link org.gradcheck.function.VectorFunction} with seeded random vectors
 * {@code u} (output length) and {@code v} (input length): both forms must give the same {@code <u, J v>}. For
 * the vector-Jacobian and Jacobian-vector products this is the adjoint identity
 * {@code <u, J v> = <J^T u, v>}, which holds exactly in exact arithmetic, so the allowed error is a small
 * multiple of the rounding error of the sums involved.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ProductCheck {

    private final int trial;
    private final DerivativeForm left;
    private final DerivativeForm right;
    private final double leftValue;
    private final double rightValue;
    private final double allowedError;

    ProductCheck(int trial, DerivativeForm left, DerivativeForm right, double leftValue, double rightValue,
            double allowedError) {
        this.trial = trial;
        this.left = left;
        this.right = right;
        this.leftValue = leftValue;
        this.rightValue = rightValue;
        this.allowedError = allowedError;
    }

    /**
     * The trial, from 1: each trial draws new random vectors from the check's seed.
     *
     * @return the trial, from 1: each trial draws new random vectors from the check's seed
     */
    public int trial() {
        return trial;
    }

    /**
     * The first form compared.
     *
     * @return the first form compared
     */
    public DerivativeForm left() {
        return left;
    }

    /**
     * The second form compared.
     *
     * @return the second form compared
     */
    public DerivativeForm right() {
        return right;
    }

    /**
     * {@code <u, J v>} computed with the first form.
     *
     * @return {@code <u, J v>} computed with the first form
     */
    public double leftValue() {
        return leftValue;
    }

    /**
     * {@code <u, J v>} computed with the second form.
     *
     * @return {@code <u, J v>} computed with the second form
     */
    public double rightValue() {
        return rightValue;
    }

    /**
     * {@code |leftValue - rightValue|}.
     *
     * @return {@code |leftValue - rightValue|}
     */
    public double absoluteError() {
        return Math.abs(leftValue - rightValue);
    }

    /**
     * The largest absolute error allowed.
     *
     * @return the largest absolute error allowed
     */
    public double allowedError() {
        return allowedError;
    }

    /**
     * The verdict.
     *
     * @return the verdict
     */
    public Verdict verdict() {
        return absoluteError() <= allowedError ? Verdict.PASS : Verdict.FAIL;
    }

    /**
     * What is compared, as a formula: {@code <u, J v> = <J^T u, v>} for the adjoint identity.
     *
     * @return what is compared, as a formula: {@code <u, J v> = <J^T u, v>} for the adjoint identity
     */
    public String description() {
        return expression(left) + " = " + expression(right);
    }

    private static String expression(DerivativeForm form) {
        switch (form) {
            case VECTOR_JACOBIAN_PRODUCT:
                return "<J^T u, v>";
            case JACOBIAN_VECTOR_PRODUCT:
                return "<u, J v>";
            default:
                return "u^T J v";
        }
    }

    @Override
    public String toString() {
        return left.description() + " vs " + right.description() + " (trial " + trial + "): "
                + NumberFormatter.format(leftValue) + " vs " + NumberFormatter.format(rightValue) + ", " + verdict();
    }
}
