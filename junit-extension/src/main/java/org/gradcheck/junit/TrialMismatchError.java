package org.gradcheck.junit;

import org.gradcheck.DerivativeMismatchError;
import org.gradcheck.report.DerivativeReport;

/**
 * The {@link DerivativeMismatchError} of a failed trial: the same report, expected and actual values, with a message
 * that ends with the lines that reproduce the trial. Core's error takes its message from the report only, so the
 * longer message is supplied here.
 */
final class TrialMismatchError extends DerivativeMismatchError {

    private static final long serialVersionUID = 1L;

    private final String message;

    TrialMismatchError(DerivativeReport report, String message) {
        super(report);
        this.message = message;
    }

    @Override
    public String getMessage() {
        return message;
    }
}
