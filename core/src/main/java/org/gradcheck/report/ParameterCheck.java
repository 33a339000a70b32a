package org.gradcheck.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The check of one scalar parameter: its name, both derivatives, their errors and the verdict.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ParameterCheck {

    private final int index;
    private final String name;
    private final String block;
    private final double analytic;
    private final double numerical;
    private final double numericalError;
    private final double allowedError;
    private final Verdict verdict;
    private final boolean kink;
    private final double leftDerivative;
    private final double rightDerivative;

    ParameterCheck(int index, String name, String block, double analytic, double numerical, double numericalError,
            double allowedError, Verdict verdict, double[] oneSided) {
        this.index = index;
        this.name = name;
        this.block = block;
        this.analytic = analytic;
        this.numerical = numerical;
        this.numericalError = numericalError;
        this.allowedError = allowedError;
        this.verdict = verdict;
        this.kink = oneSided != null;
        this.leftDerivative = oneSided == null ? numerical : oneSided[0];
        this.rightDerivative = oneSided == null ? numerical : oneSided[1];
    }

    /** {@return the index in the flat parameter vector} */
    public int index() {
        return index;
    }

    /** {@return readable name: {@code W1[2,3]}} */
    public String name() {
        return name;
    }

    /** {@return name of the block the parameter belongs to: {@code W1}} */
    public String block() {
        return block;
    }

    /** {@return the analytic partial derivative: what the code under test computed} */
    public double analytic() {
        return analytic;
    }

    /** {@return the numerical partial derivative from finite differences} */
    public double numerical() {
        return numerical;
    }

    /** {@return {@code |analytic - numerical|}: the mismatch} */
    public double absoluteError() {
        return Math.abs(analytic - numerical);
    }

    /** {@return {@code |analytic - numerical| / max(|analytic|, |numerical|)}, 0 when both are 0} */
    public double relativeError() {
        return GradientReport.relativeError(analytic, numerical);
    }

    /**
     * The bound on the numerical estimate's own error (rounding noise and, where the parameter was refined,
     * truncation error), already multiplied by the checker's safety factor.
     *
     * @return the bound on the numerical estimate's own error (rounding noise and, where the parameter was refined, truncation error), already multiplied by the checker's safety factor
     */
    public double numericalError() {
        return numericalError;
    }

    /** {@return the largest mismatch the tolerance allows for this parameter} */
    public double allowedError() {
        return allowedError;
    }

    /** {@return {@code absoluteError() / allowedError()}: above 1 fails; the report sorts by it, worst first} */
    public double errorRatio() {
        return GradientReport.errorRatio(analytic, numerical, allowedError);
    }

    /**
     * {@return whether both gradients are within the allowed error of zero, so the check could not tell them from zero}
     */
    public boolean negligible() {
        return Math.max(Math.abs(analytic), Math.abs(numerical)) <= allowedError;
    }

    /** {@return whether the function has a kink in this parameter at the point (left and right derivatives differ)} */
    public boolean kink() {
        return kink;
    }

    /** {@return the left one-sided derivative where {@link #kink()}; otherwise the numerical derivative} */
    public double leftDerivative() {
        return leftDerivative;
    }

    /** {@return the right one-sided derivative where {@link #kink()}; otherwise the numerical derivative} */
    public double rightDerivative() {
        return rightDerivative;
    }

    /** {@return the verdict} */
    public Verdict verdict() {
        return verdict;
    }

    @Override
    public String toString() {
        return name + ": analytic " + NumberFormatter.format(analytic) + ", numerical " + NumberFormatter.format(numerical)
                + ", mismatch " + NumberFormatter.format(absoluteError()) + ", numerical error "
                + NumberFormatter.format(numericalError) + ", " + verdict;
    }
}
