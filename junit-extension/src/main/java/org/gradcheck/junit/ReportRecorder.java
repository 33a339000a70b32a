package org.gradcheck.junit;

import java.util.ArrayList;
import java.util.List;
import org.gradcheck.ProgressListener;
import org.gradcheck.report.DerivativeReport;

/**
 * Collects the reports of the checks a trial runs through its injected checker (gradients, Jacobians, Hessians);
 * safe to call from any thread.
 */
final class ReportRecorder implements ProgressListener {

    private final List<DerivativeReport> reports = new ArrayList<>();

    @Override
    public void progress(int done, int total) {
        // only the finished reports matter
    }

    @Override
    public synchronized void finished(DerivativeReport report) {
        reports.add(report);
    }

    synchronized List<DerivativeReport> reports() {
        return new ArrayList<>(reports);
    }
}
