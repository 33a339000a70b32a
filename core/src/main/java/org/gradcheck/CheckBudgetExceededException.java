package org.gradcheck;

import java.time.Duration;

/**
 * A requested check would take longer than the checker's time budget; thrown before the long part of the
 * check starts, with the estimate and what to do instead.
 *
 * @since 0.1
 */
public class CheckBudgetExceededException extends GradientCheckException {

    private static final long serialVersionUID = 1L;

    private final Duration estimate;

    /** An exception for a check estimated to take {@code estimate}. */
    public CheckBudgetExceededException(String message, Duration estimate) {
        super(message);
        this.estimate = estimate;
    }

    /** How long the check was estimated to take. */
    public Duration estimate() {
        return estimate;
    }
}
