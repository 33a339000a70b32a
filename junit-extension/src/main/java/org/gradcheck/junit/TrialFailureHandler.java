package org.gradcheck.junit;

import org.gradcheck.DerivativeMismatchError;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Ends a failing trial's message with the lines that reproduce it. A {@link DerivativeMismatchError} stays one (with
 * the same report, expected and actual values), another {@link AssertionError} becomes an {@link AssertionFailedError}
 * with the same expected and actual values. Other exceptions are rethrown, with the reproduction lines attached as a
 * suppressed exception, so that errors stay errors. The stack trace is the original one trimmed to the user's frames
 * down to the trial's method ({@link TrialStackTrace}), unless {@value #PRUNING_KEY} is {@code false}, JUnit's own
 * switch for a whole stack trace. Aborted trials and {@link VirtualMachineError}s pass through untouched.
 */
final class TrialFailureHandler implements TestExecutionExceptionHandler {

    /** JUnit Platform's configuration parameter that switches its pruning of stack traces off when {@code false}. */
    static final String PRUNING_KEY = "junit.platform.stacktrace.pruning.enabled";

    private final Trial trial;

    TrialFailureHandler(Trial trial) {
        this.trial = trial;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        if (throwable instanceof TestAbortedException || throwable instanceof VirtualMachineError) {
            throw throwable;
        }
        String reproduction = ReproductionMessage.of(trial);
        boolean trim = context.getConfigurationParameter(PRUNING_KEY).map(value -> !value.trim().equalsIgnoreCase("false"))
                .orElse(true);
        StackTraceElement[] frames = throwable.getStackTrace();
        if (trim) {
            frames = TrialStackTrace.trimmed(frames, trial.method);
            TrialStackTrace.trimCauses(throwable, trial.method);
        }
        if (!(throwable instanceof AssertionError)) {
            throwable.setStackTrace(frames);
            throwable.addSuppressed(new TrialReproduction(reproduction));
            throw throwable;
        }
        String original = throwable.getMessage();
        String message = (original == null || original.isEmpty() ? "" : original.endsWith("\n") ? original : original + "\n")
                + "\n" + reproduction;
        AssertionError replacement;
        if (throwable instanceof DerivativeMismatchError && ((DerivativeMismatchError) throwable).report() != null) {
            replacement = new DerivativeMismatchError(((DerivativeMismatchError) throwable).report(), message);
        } else if (throwable instanceof AssertionFailedError && ((AssertionFailedError) throwable).isExpectedDefined()) {
            AssertionFailedError failure = (AssertionFailedError) throwable;
            replacement = new AssertionFailedError(message, failure.getExpected().getValue(),
                    failure.isActualDefined() ? failure.getActual().getValue() : null, failure.getCause());
        } else {
            replacement = new AssertionFailedError(message, throwable.getCause());
        }
        replacement.setStackTrace(frames);
        for (Throwable suppressed : throwable.getSuppressed()) {
            replacement.addSuppressed(suppressed);
        }
        throw replacement;
    }

    /** Carries the reproduction lines of a trial that failed with an exception other than an assertion. */
    static final class TrialReproduction extends RuntimeException {

        private static final long serialVersionUID = 1L;

        TrialReproduction(String message) {
            super(message, null, false, false);
        }
    }
}
