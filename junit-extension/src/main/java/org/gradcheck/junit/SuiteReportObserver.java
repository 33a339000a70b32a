package org.gradcheck.junit;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.gradcheck.report.CheckObserver;
import org.gradcheck.report.DerivativeReport;

/**
 * Hands every completed check to the suite report of the test running on the checking thread (see
 * {@link SuiteReportListener}). Registered with {@link java.util.ServiceLoader} as a {@link CheckObserver}; needs no
 * JUnit Platform launcher, so checks outside a test run are unaffected.
 *
 * <p>Not for direct use: the class is public only so that the service loader can create it.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class SuiteReportObserver implements CheckObserver {

    /** Creates the observer; called by the service loader. */
    public SuiteReportObserver() {
    }

    /**
     * Gives {@code report} to the suite report of the innermost test running on the calling thread, if any.
     *
     * @param report the completed check's report
     */
    @Override
    public void finished(DerivativeReport report) {
        RunningTests.checkFinished(report);
    }
}
