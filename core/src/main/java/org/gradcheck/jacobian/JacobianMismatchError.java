package org.gradcheck.jacobian;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * Thrown when an analytic Jacobian (or Hessian) disagrees with finite differences, or its derivative forms
 * disagree with each other. The message is the full report; the expected value lists the numerical entries
 * and the actual value the analytic ones, one entry per line, so IDEs offer a diff that points at the wrong
 * entries.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class JacobianMismatchError extends AssertionFailedError {

    private static final long serialVersionUID = 1L;

    /** Above this many entries the expected/actual listings hold only the failing entries. */
    static final int MAX_LISTED_ENTRIES = 1000;

    private final transient JacobianReport report;

    /**
     * An error for a failed {@code report}, with its text as message.
     *
     * @param report the report of the failed check
     * @throws IllegalArgumentException if {@code report} is null
     */
    public JacobianMismatchError(JacobianReport report) {
        super(requireReport(report).toString(), listing(report, true), listing(report, false));
        this.report = report;
    }

    private static JacobianReport requireReport(JacobianReport report) {
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
    public JacobianMismatchError(JacobianReport report, String message) {
        super(message, listing(requireReport(report), true), listing(report, false));
        this.report = report;
    }

    /**
     * The report of the failed check; null only after deserialisation.
     *
     * @return the report of the failed check; null only after deserialisation
     */
    public JacobianReport report() {
        return report;
    }

    private static String listing(JacobianReport report, boolean numerical) {
        StringBuilder text = new StringBuilder();
        Iterable<JacobianEntry> entries = report.size() <= MAX_LISTED_ENTRIES ? report.entries() : report.failures();
        int listed = 0;
        for (JacobianEntry entry : entries) {
            if (listed++ == MAX_LISTED_ENTRIES) {
                text.append("...\n");
                break;
            }
            text.append(entry.name()).append(" = ").append(numerical ? entry.numerical() : entry.analytic()).append('\n');
        }
        return text.toString();
    }
}
