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

    ParameterCheck(int index, String name, String block, double analytic, double numerical, double numericalError,
            double allowedError) {
        this.index = index;
        this.name = name;
        this.block = block;
        this.analytic = analytic;
        this.numerical = numerical;
        this.numericalError = numericalError;
        this.allowedError = allowedError;
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

    /** {@code |analytic - numerical|}. */
    public double absoluteError() {
        return Math.abs(analytic - numerical);
    }

    /** {@code |analytic - numerical| / max(|analytic|, |numerical|)}, 0 when both are 0. */
    public double relativeError() {
        return GradientReport.relativeError(analytic, numerical);
    }

    /** The estimated rounding error of the numerical estimate ("numerical noise"). */
    public double numericalError() {
        return numericalError;
    }

    /** The largest absolute error the tolerance allows for this parameter. */
    public double allowedError() {
        return allowedError;
    }

    /** {@code absoluteError() / allowedError()}: above 1 fails; the report sorts by it, worst first. */
    public double errorRatio() {
        return GradientReport.errorRatio(analytic, numerical, allowedError);
    }

    /** The verdict. */
    public Verdict verdict() {
        return GradientReport.passes(analytic, numerical, allowedError) ? Verdict.PASS : Verdict.FAIL;
    }

    @Override
    public String toString() {
        return name + ": analytic " + NumberFormatter.format(analytic) + ", numerical " + NumberFormatter.format(numerical)
                + ", " + verdict();
    }
}
