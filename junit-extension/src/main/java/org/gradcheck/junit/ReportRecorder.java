package org.gradcheck.junit;

import java.util.ArrayList;
import java.util.List;
import org.gradcheck.ProgressListener;
import org.gradcheck.report.GradientReport;

/** Collects the reports of the checks a trial runs through its injected checker; safe to call from any thread. */
final class ReportRecorder implements ProgressListener {

    private final List<GradientReport> reports = new ArrayList<>();

    @Override
    public void progress(int done, int total) {
        // only the finished reports matter
    }

    @Override
    public synchronized void finished(GradientReport report) {
        reports.add(report);
    }

    synchronized List<GradientReport> reports() {
        return new ArrayList<>(reports);
    }
}
