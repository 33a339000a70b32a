package org.gradcheck.junit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradcheck.report.DerivativeReport;
import org.gradcheck.report.Entry;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Publishes a passing trial's figures as report entries, one per check run through the injected checker (or one
 * without figures if there was none), so that passing checks leave numbers in the test report too:
 * {@code gradcheck.seed}, {@code gradcheck.trial}, {@code gradcheck.examples}, {@code gradcheck.overallDifference},
 * {@code gradcheck.worstParameter} and {@code gradcheck.parameters} (how many entries were checked one by one, which
 * under screening or sampling is fewer than the report has, and how many failed). Gradient, Jacobian and Hessian
 * checks are published alike; the worst entry of a Jacobian is named {@code y[1] / x[2]}. Unless
 * {@code gradcheck.stdout=false}, it also prints each check's figures as one line to standard output, where Maven
 * Surefire, which ignores report entries, records them:
 * <pre>
 * [gradcheck] Tests#check [1] seed=7 examples=[3, 9]: passed, overall difference 2.000e-11, worst w[1] (...), 3 checked, 0 failed
 * </pre>
 * Before the trial runs, it tells the suite report which trial the checks on this thread belong to.
 */
final class TrialReportPublisher implements BeforeTestExecutionCallback, AfterTestExecutionCallback {

    static final String PREFIX = "gradcheck.";

    private final Trial trial;
    private final ReportRecorder recorder;

    TrialReportPublisher(Trial trial, ReportRecorder recorder) {
        this.trial = trial;
        this.recorder = recorder;
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        RunningTests.trialStarted(trial.info);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            return;
        }
        List<DerivativeReport> reports = recorder.reports();
        if (reports.isEmpty()) {
            context.publishReportEntry(identity());
        }
        for (DerivativeReport report : reports) {
            Map<String, String> entry = entry(report);
            context.publishReportEntry(entry);
            if (trial.settings.printFigures) {
                System.out.println(line(context.getDisplayName(), entry));
            }
        }
    }

    private Map<String, String> identity() {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put(PREFIX + "seed", Long.toString(trial.info.rootSeed()));
        entry.put(PREFIX + "trial", Integer.toString(trial.info.trial()));
        if (trial.hasExamples()) {
            entry.put(PREFIX + "examples", TrialNameFormatter.indices(trial.info.exampleIndices(),
                    ReproductionMessage.MAX_INDICES_IN_MESSAGE));
        }
        return entry;
    }

    /** The line printed for a passing check. */
    String line(String displayName, Map<String, String> entry) {
        return "[gradcheck] " + Misconfiguration.testClassName(trial.testClass) + "#"
                + trial.method.getName() + " " + displayName + ": passed, overall difference "
                + entry.get(PREFIX + "overallDifference") + ", worst " + entry.get(PREFIX + "worstParameter") + ", "
                + entry.get(PREFIX + "parameters");
    }

    /** The figures of one check; a pure function of the trial and the report. */
    Map<String, String> entry(DerivativeReport report) {
        Map<String, String> entry = identity();
        entry.put(PREFIX + "overallDifference", DerivativeReport.formatNumber(report.overallDifference()));
        List<Entry> worst = report.worst(1);
        entry.put(PREFIX + "worstParameter", worst.isEmpty() ? "- (none checked one by one)" : worst.get(0).name()
                + " (analytic " + DerivativeReport.formatNumber(worst.get(0).analytic()) + ", numerical "
                + DerivativeReport.formatNumber(worst.get(0).numerical()) + ", relative error "
                + DerivativeReport.formatNumber(worst.get(0).relativeError()) + ")");
        // checked one by one: under screening or sampling fewer than report.size()
        entry.put(PREFIX + "parameters", report.checkedCount() + " checked, " + report.failureCount() + " failed"
                + (report.unresolvedCount() == 0 ? "" : ", " + report.unresolvedCount() + " unresolved"));
        return entry;
    }
}
