package org.gradcheck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.gradcheck.report.GradientReport;
import org.gradcheck.report.ParameterCheck;
import org.opentest4j.AssertionFailedError;

/**
 * Thrown when an analytic gradient disagrees with the numerical one. The message is the full report; the
 * expected value lists the numerical gradient and the actual value the analytic one, one parameter per
 * line, so IDEs offer a diff that points at the wrong parameters.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class GradientMismatchError extends AssertionFailedError {

    private static final long serialVersionUID = 1L;

    /** Above this many parameters the expected/actual listings hold only the failing parameters. */
    static final int MAX_LISTED_PARAMETERS = 1000;

    private final transient GradientReport report;

    /**
     * An error for a failed {@code report} with {@code message}, its rendered text.
     *
     * @param report the check's report
     * @param message the detail message
     */
    public GradientMismatchError(GradientReport report, String message) {
        super(message, listing(report, true), listing(report, false));
        this.report = report;
    }

    /** {@return the report of the failed check; null only after deserialisation} */
    public GradientReport report() {
        return report;
    }

    private static String listing(GradientReport report, boolean numerical) {
        if (report == null) {
            throw new IllegalArgumentException("report must not be null: a mismatch error carries the failed report");
        }
        StringBuilder text = new StringBuilder();
        Iterable<ParameterCheck> checks = report.size() <= MAX_LISTED_PARAMETERS ? report.parameters() : report.failures();
        int listed = 0;
        for (ParameterCheck check : checks) {
            if (listed++ == MAX_LISTED_PARAMETERS) {
                text.append("...\n");
                break;
            }
            text.append(check.name()).append(" = ").append(numerical ? check.numerical() : check.analytic()).append('\n');
        }
        return text.toString();
    }
}
