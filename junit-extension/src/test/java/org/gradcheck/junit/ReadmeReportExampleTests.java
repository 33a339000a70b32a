package org.gradcheck.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.gradcheck.GradientChecker;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.report.CheckObserver;
import org.gradcheck.report.DerivativeReport;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The examples of the README's section on the suite report: the configuration file
 * ({@code src/test/resources/readme/suite-report.properties}) and a check observer of one's own, registered in
 * {@code src/test/resources/META-INF/services/org.gradcheck.report.CheckObserver}.
 */
class ReadmeReportExampleTests {

    // README: begin observer
    /** Counts the checks of the JVM, passed and failed; listed in META-INF/services/org.gradcheck.report.CheckObserver. */
    public static final class CountingObserver implements CheckObserver {

        static final AtomicInteger CHECKS = new AtomicInteger();
        static final AtomicInteger FAILED = new AtomicInteger();

        @Override
        public void finished(DerivativeReport report) {
            CHECKS.incrementAndGet();
            if (!report.passed()) {
                FAILED.incrementAndGet();
            }
        }
    }
    // README: end observer

    @Test
    void theObserverIsToldOfEveryCheckPassedOrFailed() {
        int checks = CountingObserver.CHECKS.get();
        int failed = CountingObserver.FAILED.get();
        DifferentiableFunction square = DifferentiableFunction.of(x -> x[0] * x[0], x -> new double[] {2 * x[0]});
        DifferentiableFunction wrong = DifferentiableFunction.of(x -> x[0] * x[0], x -> new double[] {3 * x[0]});

        GradientChecker.defaults().check(square, new double[] {1.5});
        GradientChecker.defaults().check(wrong, new double[] {1.5});

        assertEquals(checks + 2, CountingObserver.CHECKS.get());
        assertEquals(failed + 1, CountingObserver.FAILED.get());
    }

    @Test
    void theReadmeConfigurationWritesTheReportWhereItSays() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = ReadmeReportExampleTests.class.getResourceAsStream("/readme/suite-report.properties")) {
            properties.load(in);
        }
        assertEquals("target/reports/gradcheck", properties.getProperty(GradientCheckConstants.REPORT_DIRECTORY_KEY));
        Path directory = Path.of(properties.getProperty(GradientCheckConstants.REPORT_DIRECTORY_KEY));
        delete(directory);
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(SuiteReportTests.ChecksTestCase.class)).enableImplicitConfigurationParameters(false)
                .configurationParameter(GradientCheckConstants.STDOUT_KEY, "false");
        properties.stringPropertyNames().forEach(key -> request.configurationParameter(key, properties.getProperty(key)));

        LauncherFactory.create().execute(request.build());

        assertTrue(Files.isRegularFile(directory.resolve("report.html")));
        assertTrue(Files.isRegularFile(directory.resolve("report.json")));
        delete(directory);
    }

    private static void delete(Path directory) throws Exception {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toArray(Path[]::new)) {
                Files.delete(file);
            }
        }
    }
}
