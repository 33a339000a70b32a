package org.gradcheck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * A requested check would take longer than the checker's time budget; thrown before the long part of the
 * check starts, with the estimate and what to do instead.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class CheckBudgetExceededException extends CheckRefusedException {

    private static final long serialVersionUID = 1L;

    /** The estimated time of the refused check. */
    private final Duration estimate;

    /**
     * An exception for a check estimated to take {@code estimate}.
     *
     * @param message the detail message
     * @param estimate the estimated time of the check
     */
    public CheckBudgetExceededException(String message, Duration estimate) {
        super(message);
        this.estimate = estimate;
    }

    /** {@return how long the check was estimated to take} */
    public Duration estimate() {
        return estimate;
    }
}
