package org.gradcheck.jacobian;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.gradcheck.report.NumberFormatter;
import org.gradcheck.report.Verdict;

/**
 * The check of one Jacobian entry {@code dy[i] / dx[j]}: its names, both values, their errors and the verdict.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class JacobianEntry {

    private final int outputIndex;
    private final int inputIndex;
    private final String outputName;
    private final String inputName;
    private final double analytic;
    private final double numerical;
    private final double numericalError;
    private final double allowedError;

    JacobianEntry(int outputIndex, int inputIndex, String outputName, String inputName, double analytic,
            double numerical, double numericalError, double allowedError) {
        this.outputIndex = outputIndex;
        this.inputIndex = inputIndex;
        this.outputName = outputName;
        this.inputName = inputName;
        this.analytic = analytic;
        this.numerical = numerical;
        this.numericalError = numericalError;
        this.allowedError = allowedError;
    }

    /**
     * Index {@code i} of the output in the flat output vector.
     *
     * @return index {@code i} of the output in the flat output vector
     */
    public int outputIndex() {
        return outputIndex;
    }

    /**
     * Index {@code j} of the input in the flat input vector.
     *
     * @return index {@code j} of the input in the flat input vector
     */
    public int inputIndex() {
        return inputIndex;
    }

    /**
     * Name of the output: {@code y[2]}.
     *
     * @return name of the output: {@code y[2]}
     */
    public String outputName() {
        return outputName;
    }

    /**
     * Name of the input: {@code W1[0,3]}.
     *
     * @return name of the input: {@code W1[0,3]}
     */
    public String inputName() {
        return inputName;
    }

    /**
     * The entry's name: {@code y[2] / W1[0,3]}.
     *
     * @return the entry's name: {@code y[2] / W1[0,3]}
     */
    public String name() {
        return outputName + " / " + inputName;
    }

    /**
     * The analytic value: what the code under test computed.
     *
     * @return the analytic value: what the code under test computed
     */
    public double analytic() {
        return analytic;
    }

    /**
     * The numerical value from finite differences.
     *
     * @return the numerical value from finite differences
     */
    public double numerical() {
        return numerical;
    }

    /**
     * {@code |analytic - numerical|}.
     *
     * @return {@code |analytic - numerical|}
     */
    public double absoluteError() {
        return Math.abs(analytic - numerical);
    }

    /**
     * {@code |analytic - numerical| / max(|analytic|, |numerical|)}; 0 when both are zero.
     *
     * @return {@code |analytic - numerical| / max(|analytic|, |numerical|)}; 0 when both are zero
     */
    public double relativeError() {
        double scale = Math.max(Math.abs(analytic), Math.abs(numerical));
        return scale == 0 ? 0 : absoluteError() / scale;
    }

    /**
     * The bound on the numerical value's own error: rounding of the first estimate, or Ridders' error estimate
     * plus rounding (times a safety factor) where the entry was refined.
     *
     * @return the bound on the numerical value's own error: rounding of the first estimate, or Ridders' error
     *     estimate plus rounding (times a safety factor) where the entry was refined
     */
    public double numericalError() {
        return numericalError;
    }

    /**
     * The largest absolute error the tolerance allows for this entry.
     *
     * @return the largest absolute error the tolerance allows for this entry
     */
    public double allowedError() {
        return allowedError;
    }

    /**
     * {@code absoluteError() / allowedError()}: above 1 fails; reports sort by it, worst first.
     *
     * @return {@code absoluteError() / allowedError()}: above 1 fails; reports sort by it, worst first
     */
    public double errorRatio() {
        return ratio(analytic, numerical, allowedError);
    }

    /**
     * The verdict.
     *
     * @return the verdict
     */
    public Verdict verdict() {
        return absoluteError() <= allowedError ? Verdict.PASS : Verdict.FAIL;
    }

    static double ratio(double analytic, double numerical, double allowed) {
        double mismatch = Math.abs(analytic - numerical);
        if (mismatch == 0) {
            return 0;
        }
        return allowed == 0 ? Double.POSITIVE_INFINITY : mismatch / allowed;
    }

    @Override
    public String toString() {
        return name() + ": analytic " + NumberFormatter.format(analytic) + ", numerical "
                + NumberFormatter.format(numerical) + ", " + verdict();
    }
}
