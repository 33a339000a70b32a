package org.gradcheck.exact;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * Thrown when a hand-written gradient differs from the exact one. The message is the report; the expected
 * value lists the exact gradient and the actual value the hand-written one, one parameter per line.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class ExactGradientMismatchError extends AssertionFailedError {

    private static final long serialVersionUID = 1L;

    private final transient ExactGradientReport report;

    /**
     * An error for a failed {@code report}.
     *
     * @param report the report of the failed check
     * @throws IllegalArgumentException if {@code report} is null
     */
    public ExactGradientMismatchError(ExactGradientReport report) {
        super(require(report).toString(), listing(report, true), listing(report, false));
        this.report = report;
    }

    private static ExactGradientReport require(ExactGradientReport report) {
        if (report == null) {
            throw new IllegalArgumentException("report must not be null");
        }
        return report;
    }

    /**
     * An error for a failed {@code report} with {@code message}: its text, followed for example by the lines that
     * reproduce the check.
     *
     * @param report the report of the failed check
     * @param message the message: the report's text, followed for example by the lines that reproduce the check
     * @throws IllegalArgumentException if {@code report} is null
     */
    public ExactGradientMismatchError(ExactGradientReport report, String message) {
        super(message, listing(require(report), true), listing(report, false));
        this.report = report;
    }

    /**
     * The report of the failed check; null only after deserialisation.
     *
     * @return the report of the failed check; null only after deserialisation
     */
    public ExactGradientReport report() {
        return report;
    }

    private static String listing(ExactGradientReport report, boolean exact) {
        StringBuilder text = new StringBuilder();
        Iterable<ExactParameterCheck> checks = report.size() <= 1000 ? report.parameters() : report.failures();
        for (ExactParameterCheck check : checks) {
            text.append(check.name()).append(" = ").append(exact ? check.exact() : check.handWritten()).append('\n');
        }
        return text.toString();
    }
}
