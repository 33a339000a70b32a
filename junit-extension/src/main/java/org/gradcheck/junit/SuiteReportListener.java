package org.gradcheck.junit;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.gradcheck.report.DerivativeReport;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects every check of a test run (gradients, Jacobians, Hessians) and writes the suite report: {@code report.html}, a self-contained
 * page with a table of all checks and plots of each, and {@code report.json} with the same data, in
 * {@value GradientCheckConstants#DEFAULT_REPORT_DIRECTORY} under the working directory (the module's directory under
 * Maven Surefire) unless {@value GradientCheckConstants#REPORT_DIRECTORY_KEY} names another.
 *
 * <p>A JUnit Platform {@link TestExecutionListener} registered with {@link java.util.ServiceLoader}, which the
 * launchers of Maven Surefire, Gradle and IDEs pick up without configuration. It notes which test runs on which
 * thread; {@link SuiteReportObserver}, which every check calls on the thread that ran it, hands each report to the
 * innermost test running on that thread, whether the check ran in a {@link GradientCheck @GradientCheck} trial or in
 * a plain {@code @Test} through {@code GradientAssertions}. Checks outside any test are not collected. Each check is
 * shown with what became of its test: a failed check whose test passed is one the test expected to fail
 * ({@code assertThrows}, an example that fails by design), and is not counted among the failures. When the run made no
 * check, the files of an earlier run are deleted and none are written; when
 * {@value GradientCheckConstants#REPORT_ENABLED_KEY} is {@code false}, the files are left alone.
 *
 * <p>Not for direct use: the class is public only so that the service loader can create it.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
// a launcher's listener, in the launcher's types: only a launcher, which has them, loads it
@SuppressWarnings("exports")
public final class SuiteReportListener implements TestExecutionListener {

    private final List<CheckRecord> records = new ArrayList<>();
    /** The status of every test and container that finished, by unique id. */
    private final Map<String, TestExecutionResult.Status> results = new ConcurrentHashMap<>();
    private final RunningTests.Session session = this::record;
    private volatile boolean enabled;
    private volatile Path directory = Path.of(GradientCheckConstants.DEFAULT_REPORT_DIRECTORY);
    private volatile TestPlan testPlan;

    /** Creates a listener; called by the service loader. */
    public SuiteReportListener() {
    }

    /**
     * Reads {@value GradientCheckConstants#REPORT_ENABLED_KEY} and {@value GradientCheckConstants#REPORT_DIRECTORY_KEY}
     * from the plan's configuration parameters.
     *
     * @param plan the test plan about to run
     */
    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        Optional<String> enabledSetting = plan.getConfigurationParameters().get(GradientCheckConstants.REPORT_ENABLED_KEY);
        enabled = enabledSetting.map(value -> !value.trim().equalsIgnoreCase("false")).orElse(true);
        directory = Path.of(plan.getConfigurationParameters().get(GradientCheckConstants.REPORT_DIRECTORY_KEY)
                .map(String::trim).filter(value -> !value.isEmpty())
                .orElse(GradientCheckConstants.DEFAULT_REPORT_DIRECTORY));
        testPlan = plan;
        synchronized (records) {
            records.clear();
        }
        results.clear();
    }

    /**
     * Notes that {@code test} runs on the calling thread. Also when the report is switched off, so that the checks
     * of a nested run that is switched off are not taken for an outer run's.
     *
     * @param test the test or container that starts
     */
    @Override
    public void executionStarted(TestIdentifier test) {
        String name = testName(test);
        // checks made outside test methods, in @BeforeAll say, belong to the class
        RunningTests.started(session, test.isTest() ? name : name + " (class level)", test.getUniqueId());
    }

    /**
     * Notes that {@code test} no longer runs on the calling thread, and its result, which tells whether a failed check
     * of the test was a failure or what the test expected.
     *
     * @param test the test or container that finished
     * @param result its result
     */
    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        RunningTests.finished(session, test.getUniqueId());
        if (enabled) {
            results.put(test.getUniqueId(), result.getStatus());
        }
    }

    /**
     * Writes {@code report.html} and {@code report.json} if the run made any check, and deletes those of an earlier
     * run if it made none.
     *
     * @param plan the test plan that has run
     * @throws UncheckedIOException if the files cannot be written
     */
    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        RunningTests.forget(session);
        List<CheckRecord> collected;
        synchronized (records) {
            collected = new ArrayList<>(records);
            records.clear();
        }
        List<CheckOutcome> outcomes = new ArrayList<>(collected.size());
        for (CheckRecord check : collected) {
            outcomes.add(new CheckOutcome(check.passed,
                    CheckOutcome.TestResult.of(Optional.ofNullable(results.get(check.uniqueId)))));
        }
        results.clear();
        if (!enabled) {
            return;
        }
        Path target = directory;
        try {
            if (collected.isEmpty()) {
                // a report left by an earlier run would be taken for this run's
                Files.deleteIfExists(target.resolve(HtmlReportWriter.FILE_NAME));
                Files.deleteIfExists(target.resolve(JsonReportWriter.FILE_NAME));
                return;
            }
            Files.createDirectories(target);
            Files.writeString(target.resolve(HtmlReportWriter.FILE_NAME), HtmlReportWriter.write(collected, outcomes),
                    StandardCharsets.UTF_8);
            Files.writeString(target.resolve(JsonReportWriter.FILE_NAME), JsonReportWriter.write(collected, outcomes),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the gradient-check report to " + target.toAbsolutePath()
                    + ": set " + GradientCheckConstants.REPORT_DIRECTORY_KEY + " to a writable directory, or "
                    + GradientCheckConstants.REPORT_ENABLED_KEY + "=false", e);
        }
    }

    private void record(String testName, String uniqueId, TrialInfo trial, DerivativeReport report) {
        if (!enabled) {
            return;
        }
        if (!CheckRecord.supports(report)) {
            // a report of a kind the page cannot draw (only gradient, Jacobian and Hessian reports exist today)
            return;
        }
        synchronized (records) {
            records.add(CheckRecord.of(records.size() + 1, testName, uniqueId, trial, report));
        }
    }

    /** {@code MyTests > check(GradientChecker) > [2] seed=7}: the display names from the class down. */
    private String testName(TestIdentifier test) {
        List<String> names = new ArrayList<>();
        TestPlan plan = testPlan;
        TestIdentifier current = test;
        while (current != null && current.getParentId().isPresent()) {
            names.add(0, current.getDisplayName());
            if (current.getSource().orElse(null) instanceof ClassSource || plan == null) {
                break;
            }
            current = plan.getParent(current).orElse(null);
        }
        if (names.isEmpty()) {
            names.add(test.getDisplayName());
        }
        Optional<TestSource> source = test.getSource();
        if (names.size() == 1 && source.isPresent() && source.get() instanceof MethodSource) {
            String className = ((MethodSource) source.get()).getClassName();
            names.add(0, className.substring(className.lastIndexOf('.') + 1));
        }
        return String.join(" > ", names);
    }
}
