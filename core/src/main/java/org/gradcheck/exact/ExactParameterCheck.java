package org.gradcheck.exact;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.gradcheck.report.NumberFormatter;
import org.gradcheck.report.Verdict;

/**
 * The comparison of one hand-written partial derivative with the exact one.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ExactParameterCheck {

    private final int index;
    private final String name;
    private final double handWritten;
    private final double exact;
    private final double allowedError;

    ExactParameterCheck(int index, String name, double handWritten, double exact, double allowedError) {
        this.index = index;
        this.name = name;
        this.handWritten = handWritten;
        this.exact = exact;
        this.allowedError = allowedError;
    }

    /**
     * Index in the flat parameter vector.
     *
     * @return index in the flat parameter vector
     */
    public int index() {
        return index;
    }

    /**
     * Readable name: {@code W1[2,3]}.
     *
     * @return readable name: {@code W1[2,3]}
     */
    public String name() {
        return name;
    }

    /**
     * The hand-written partial derivative.
     *
     * @return the hand-written partial derivative
     */
    public double handWritten() {
        return handWritten;
    }

    /**
     * The exact partial derivative from automatic differentiation.
     *
     * @return the exact partial derivative from automatic differentiation
     */
    public double exact() {
        return exact;
    }

    /**
     * {@code |handWritten - exact|}.
     *
     * @return {@code |handWritten - exact|}
     */
    public double absoluteError() {
        return Math.abs(handWritten - exact);
    }

    /**
     * {@code |handWritten - exact| / max(|handWritten|, |exact|)}; 0 when both are zero.
     *
     * @return {@code |handWritten - exact| / max(|handWritten|, |exact|)}; 0 when both are zero
     */
    public double relativeError() {
        double scale = Math.max(Math.abs(handWritten), Math.abs(exact));
        return scale == 0 ? 0 : absoluteError() / scale;
    }

    /**
     * The error in units in the last place of the exact value: 1 means neighbouring doubles.
     *
     * @return the error in units in the last place of the exact value: 1 means neighbouring doubles
     */
    public double ulps() {
        return exact == 0 ? (handWritten == 0 ? 0 : Double.POSITIVE_INFINITY) : absoluteError() / Math.ulp(exact);
    }

    /**
     * The largest error allowed.
     *
     * @return the largest error allowed
     */
    public double allowedError() {
        return allowedError;
    }

    /**
     * {@code absoluteError() / allowedError()}; above 1 fails.
     *
     * @return {@code absoluteError() / allowedError()}; above 1 fails
     */
    public double errorRatio() {
        double error = absoluteError();
        if (error == 0) {
            return 0;
        }
        return allowedError == 0 ? Double.POSITIVE_INFINITY : error / allowedError;
    }

    /**
     * The verdict.
     *
     * @return the verdict
     */
    public Verdict verdict() {
        return absoluteError() <= allowedError ? Verdict.PASS : Verdict.FAIL;
    }

    @Override
    public String toString() {
        return name + ": hand-written " + NumberFormatter.format(handWritten) + ", exact " + NumberFormatter.format(exact)
                + ", " + verdict();
    }
}
