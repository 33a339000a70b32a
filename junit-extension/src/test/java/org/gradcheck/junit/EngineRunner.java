package org.gradcheck.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/** Runs fixture classes through the Jupiter engine, isolated from any junit-platform.properties. */
final class EngineRunner {

    private EngineRunner() {
    }

    static EngineExecutionResults run(Class<?> testClass, String... keyValues) {
        Map<String, String> configuration = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            configuration.put(keyValues[i], keyValues[i + 1]);
        }
        return run(testClass, configuration);
    }

    /** Runs {@code testClass}; passing trials print nothing unless {@code gradcheck.stdout} is given. */
    static EngineExecutionResults run(Class<?> testClass, Map<String, String> configuration) {
        Map<String, String> withDefaults = new LinkedHashMap<>();
        withDefaults.put(GradientCheckConstants.STDOUT_KEY, "false");
        withDefaults.putAll(configuration);
        return EngineTestKit.engine("junit-jupiter")
                .enableImplicitConfigurationParameters(false)
                .configurationParameters(withDefaults)
                .selectors(selectClass(testClass))
                .execute();
    }

    /** Display names of the tests that started, in order. */
    static List<String> startedNames(EngineExecutionResults results) {
        return results.testEvents().started().stream().map(event -> event.getTestDescriptor().getDisplayName())
                .collect(Collectors.toList());
    }

    /** The throwable of each failed test, in order. */
    static List<Throwable> failures(EngineExecutionResults results) {
        return results.testEvents().failed().stream().map(EngineRunner::throwable).collect(Collectors.toList());
    }

    static Throwable throwable(Event event) {
        return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow();
    }

    /** The report entries published by tests, in order, each as its key-value map. */
    static List<Map<String, String>> entries(EngineExecutionResults results) {
        List<Map<String, String>> entries = new ArrayList<>();
        results.testEvents().stream().filter(event -> event.getType() == EventType.REPORTING_ENTRY_PUBLISHED)
                .forEach(event -> entries.add(event.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs()));
        return entries;
    }

    /** The throwable of every failed container by its display name ({@code check(List, GradientChecker)}). */
    static Map<String, Throwable> containerFailures(EngineExecutionResults results) {
        Map<String, Throwable> failures = new LinkedHashMap<>();
        results.containerEvents().failed().stream().forEach(event -> failures.put(
                event.getTestDescriptor().getDisplayName(), throwable(event)));
        return failures;
    }
}
