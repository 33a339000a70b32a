package org.gradcheck.taylor;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * Thrown when the Taylor remainder of a gradient does not converge with the required order. The message is
 * the report; the expected value is the required order per direction and the actual value the measured one.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class TaylorMismatchError extends AssertionFailedError {

    private static final long serialVersionUID = 1L;

    private final transient TaylorReport report;

    /**
     * An error for a failed {@code report}.
     *
     * @param report the report of the failed check
     * @throws IllegalArgumentException if {@code report} is null
     */
    public TaylorMismatchError(TaylorReport report) {
        super(require(report).toString(), listing(report, true), listing(report, false));
        this.report = report;
    }

    private static TaylorReport require(TaylorReport report) {
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
    public TaylorMismatchError(TaylorReport report, String message) {
        super(message, listing(require(report), true), listing(report, false));
        this.report = report;
    }

    /**
     * The report of the failed check; null only after deserialisation.
     *
     * @return the report of the failed check; null only after deserialisation
     */
    public TaylorReport report() {
        return report;
    }

    private static String listing(TaylorReport report, boolean expected) {
        StringBuilder text = new StringBuilder();
        for (DirectionResult direction : report.directions()) {
            text.append("direction ").append(direction.direction()).append(": order ");
            if (expected) {
                text.append(">= ").append(String.format(Locale.ROOT, "%.2f", report.minimumOrder()));
            } else {
                text.append(Double.isNaN(direction.order()) ? direction.verdict().name()
                        : String.format(Locale.ROOT, "%.2f", direction.order()));
            }
            text.append('\n');
        }
        return text.toString();
    }
}
