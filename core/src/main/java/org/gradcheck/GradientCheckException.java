package org.gradcheck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The function under test made a check impossible: it threw, returned a non-finite value, returned a
 * gradient of the wrong length, modified the point it was given, or gave different values for the same
 * point. The message names the parameter and the evaluation concerned, and says what to do.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class GradientCheckException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message that names what went wrong and what to do.
     *
     * @param message the detail message
     */
    public GradientCheckException(String message) {
        super(message);
    }

    /**
     * An exception caused by {@code cause}, thrown by the function under test.
     *
     * @param message the detail message
     * @param cause the exception that made the check impossible
     */
    public GradientCheckException(String message, Throwable cause) {
        super(message, cause);
    }
}
