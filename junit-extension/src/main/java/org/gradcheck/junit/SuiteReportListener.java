package org.gradcheck.junit;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.gradcheck.report.CheckObserver;
import org.gradcheck.report.GradientReport;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects every gradient check of a test run and writes the suite report: {@code report.html}, a self-contained
 * page with a table of all checks and plots of each, and {@code report.json} with the same data, in
 * {@value GradientCheckConstants#DEFAULT_REPORT_DIRECTORY} under the working directory (the module's directory under
 * Maven Surefire) unless {@value GradientCheckConstants#REPORT_DIRECTORY_KEY} names another.
 *
 * <p>Registered with {@link java.util.ServiceLoader} twice, needing no configuration: as a JUnit Platform
 * {@link TestExecutionListener}, which the launcher of Maven Surefire, Gradle and IDEs picks up, it tracks which test
 * runs on which thread and writes the files when the test plan has run; as a {@link CheckObserver}, which every check
 * calls on the thread that ran it, it attributes each report to the innermost test running on that thread, whether
 * the check ran in a {@link GradientCheck @GradientCheck} trial or in a plain {@code @Test} through
 * {@code GradientAssertions}. Checks outside any test (in a {@code main} method, say) are not collected. Nothing is
 * written when the run made no check, or when {@value GradientCheckConstants#REPORT_ENABLED_KEY} is {@code false}.
 *
 * <p>Not for direct use: the class is public only so that the service loader can create it.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class SuiteReportListener implements TestExecutionListener, CheckObserver {

    /** The tests running on each thread, innermost last, of every listener whose test plan is running. */
    private static final Map<Thread, Deque<Running>> RUNNING = new ConcurrentHashMap<>();

    /** A test (or container) of a listener's plan that is running on some thread. */
    private static final class Running {

        final SuiteReportListener listener;
        final TestIdentifier test;
        volatile TrialInfo trial;

        Running(SuiteReportListener listener, TestIdentifier test) {
            this.listener = listener;
            this.test = test;
        }
    }

    private final List<CheckRecord> records = new ArrayList<>();
    private volatile boolean enabled;
    private Path directory;
    private TestPlan testPlan;

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
    }

    /**
     * Notes that {@code test} runs on the calling thread.
     *
     * @param test the test or container that starts
     */
    @Override
    public void executionStarted(TestIdentifier test) {
        if (enabled) {
            RUNNING.computeIfAbsent(Thread.currentThread(), thread -> new ArrayDeque<>()).addLast(new Running(this, test));
        }
    }

    /**
     * Notes that {@code test} no longer runs on the calling thread.
     *
     * @param test the test or container that finished
     * @param result its result
     */
    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Thread thread = Thread.currentThread();
        Deque<Running> running = RUNNING.get(thread);
        if (running == null) {
            return;
        }
        running.removeIf(entry -> entry.listener == this && entry.test.equals(test));
        if (running.isEmpty()) {
            RUNNING.remove(thread, running);
        }
    }

    /**
     * Writes {@code report.html} and {@code report.json} if the run made any check.
     *
     * @param plan the test plan that has run
     * @throws UncheckedIOException if the files cannot be written
     */
    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        RUNNING.values().forEach(running -> running.removeIf(entry -> entry.listener == this));
        List<CheckRecord> collected;
        synchronized (records) {
            collected = new ArrayList<>(records);
            records.clear();
        }
        if (!enabled || collected.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(HtmlReportWriter.FILE_NAME), HtmlReportWriter.write(collected),
                    StandardCharsets.UTF_8);
            Files.writeString(directory.resolve(JsonReportWriter.FILE_NAME), JsonReportWriter.write(collected),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the gradient-check report to " + directory.toAbsolutePath()
                    + ": set " + GradientCheckConstants.REPORT_DIRECTORY_KEY + " to a writable directory, or "
                    + GradientCheckConstants.REPORT_ENABLED_KEY + "=false", e);
        }
    }

    /**
     * Records {@code report} for the innermost test running on the calling thread, if any.
     *
     * @param report the completed check's report
     */
    @Override
    public void finished(GradientReport report) {
        Deque<Running> running = RUNNING.get(Thread.currentThread());
        Running innermost = running == null ? null : running.peekLast();
        if (innermost != null) {
            innermost.listener.record(innermost, report);
        }
    }

    /** Tells the listeners that the test running on the calling thread is {@code trial}. */
    static void trialStarted(TrialInfo trial) {
        Deque<Running> running = RUNNING.get(Thread.currentThread());
        Running innermost = running == null ? null : running.peekLast();
        if (innermost != null) {
            innermost.trial = trial;
        }
    }

    private void record(Running running, GradientReport report) {
        String name = testName(running.test);
        synchronized (records) {
            records.add(CheckRecord.of(records.size() + 1, name, running.test.getUniqueId(), running.trial, report));
        }
    }

    /** {@code MyTests > check(GradientChecker) > [2] seed=7}: the display names from the class down. */
    private String testName(TestIdentifier test) {
        List<String> names = new ArrayList<>();
        TestIdentifier current = test;
        while (current != null) {
            names.add(0, current.getDisplayName());
            if (isClass(current.getSource().orElse(null))) {
                break;
            }
            current = testPlan == null ? null : testPlan.getParent(current).orElse(null);
            if (current != null && current.getParentId().isEmpty()) {
                break;
            }
        }
        Optional<TestSource> source = test.getSource();
        if (source.isPresent() && source.get() instanceof MethodSource && names.size() == 1) {
            MethodSource method = (MethodSource) source.get();
            names.add(0, simpleName(method.getClassName()));
        }
        return String.join(" > ", names);
    }

    private static boolean isClass(TestSource source) {
        return source instanceof ClassSource;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
