package org.gradcheck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The function under test made a check impossible: it threw, returned a non-finite value at the point, returned
 * a derivative of the wrong shape, modified the point it was given, gave different values for the same point, was
 * not finite anywhere near the point along a coordinate, or the check was interrupted. The message names the
 * entry and the evaluation concerned, and says what to do.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class CheckRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message that names what went wrong and what to do.
     *
     * @param message the detail message
     */
    public CheckRefusedException(String message) {
        super(message);
    }

    /**
     * An exception caused by {@code cause}, usually thrown by the function under test.
     *
     * @param message the detail message
     * @param cause the exception that made the check impossible
     */
    public CheckRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
