package org.gradcheck.report;

/**
 * The check of one scalar parameter: its name, both derivatives, their errors and the verdict.
 *
 * @since 0.1
 */
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

    /** Index in the flat parameter vector. */
    public int index() {
        return index;
    }

    /** Readable name: {@code W1[2,3]}. */
    public String name() {
        return name;
    }

    /** Name of the block the parameter belongs to: {@code W1}. */
    public String block() {
        return block;
    }

    /** The analytic partial derivative: what the code under test computed. */
    public double analytic() {
        return analytic;
    }

    /** The numerical partial derivative from finite differences. */
    public double numerical() {
        return numerical;
    }

    /** {@code |analytic - numerical|}: the mismatch. */
    public double absoluteError() {
        return Math.abs(analytic - numerical);
    }

    /** {@code |analytic - numerical| / max(|analytic|, |numerical|)}, 0 when both are 0. */
    public double relativeError() {
        return GradientReport.relativeError(analytic, numerical);
    }

    /**
     * The bound on the numerical estimate's own error (rounding noise and, where the parameter was refined,
     * truncation error), already multiplied by the checker's safety factor.
     */
    public double numericalError() {
        return numericalError;
    }

    /** The largest mismatch the tolerance allows for this parameter. */
    public double allowedError() {
        return allowedError;
    }

    /** {@code absoluteError() / allowedError()}: above 1 fails; the report sorts by it, worst first. */
    public double errorRatio() {
        return GradientReport.errorRatio(analytic, numerical, allowedError);
    }

    /** Whether both gradients are within the allowed error of zero, so the check could not tell them from zero. */
    public boolean negligible() {
        return Math.max(Math.abs(analytic), Math.abs(numerical)) <= allowedError;
    }

    /** Whether the function has a kink in this parameter at the point (left and right derivatives differ). */
    public boolean kink() {
        return kink;
    }

    /** The left one-sided derivative where {@link #kink()}; otherwise the numerical derivative. */
    public double leftDerivative() {
        return leftDerivative;
    }

    /** The right one-sided derivative where {@link #kink()}; otherwise the numerical derivative. */
    public double rightDerivative() {
        return rightDerivative;
    }

    /** The verdict. */
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
