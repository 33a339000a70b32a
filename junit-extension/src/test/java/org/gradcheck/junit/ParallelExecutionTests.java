package org.gradcheck.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.gradcheck.GradientChecker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * With JUnit's parallel execution, concurrent {@code @GradientCheck} methods and trials keep their own seeds,
 * examples and reports: the outcome of every trial is the same as in a sequential run.
 */
class ParallelExecutionTests {

    @Test
    void parallelRunGivesEveryTrialTheSameNameOutcomeAndReportsAsASequentialRun() throws Exception {
        Map<String, String> sequential = outcomes(EngineRunner.run(ParallelTestCase.class));
        Map<String, String> parallel;
        ParallelTestCase.barrier = new CyclicBarrier(2);
        try {
            parallel = outcomes(EngineRunner.run(ParallelTestCase.class, "junit.jupiter.execution.parallel.enabled", "true",
                    "junit.jupiter.execution.parallel.mode.default", "concurrent",
                    "junit.jupiter.execution.parallel.config.strategy", "fixed",
                    "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"));
        } finally {
            ParallelTestCase.barrier = null;
        }

        assertEquals(4 * 6, sequential.size());
        assertEquals(sequential, parallel);
        assertEquals(6, sequential.values().stream().filter(outcome -> outcome.contains("FAILED")).count());
        assertEquals(18, sequential.values().stream().filter(outcome -> outcome.contains("gradcheck.overallDifference")).count());
    }

    /** For each trial by unique id: its display name, status, failure message and report entries, in that order. */
    private static Map<String, String> outcomes(EngineExecutionResults results) {
        Map<String, List<String>> byTest = new LinkedHashMap<>();
        for (Event event : results.testEvents().list()) {
            List<String> outcome = byTest.computeIfAbsent(event.getTestDescriptor().getUniqueId().toString(),
                    id -> new ArrayList<>());
            if (event.getType() == EventType.STARTED) {
                outcome.add(0, event.getTestDescriptor().getDisplayName());
            } else if (event.getType() == EventType.REPORTING_ENTRY_PUBLISHED) {
                outcome.add(new TreeMap<>(event.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs()).toString());
            } else if (event.getType() == EventType.FINISHED) {
                TestExecutionResult result = event.getPayload(TestExecutionResult.class).orElseThrow();
                outcome.add(result.getStatus() + result.getThrowable().map(Throwable::getMessage).map(m -> ": " + m).orElse(""));
            }
        }
        Map<String, String> outcomes = new TreeMap<>();
        byTest.forEach((id, outcome) -> outcomes.put(id, String.join("\n", outcome)));
        return outcomes;
    }

    static class ParallelTestCase {

        static final List<double[]> SET = LinearModel.examples(100);

        /** Set by the parallel run: the first trials of two methods wait for each other, so they must overlap. */
        static volatile CyclicBarrier barrier;

        @GradientCheck(trials = 6, examples = 3, seed = "11")
        @ExampleSource("SET")
        void first(List<double[]> batch, GradientChecker checker, TrialInfo info) throws Exception {
            meet(info);
            checker.assertMatches(LinearModel.CORRECT, LinearModel.parameters(), batch);
        }

        @GradientCheck(trials = 6, examples = 2, seed = "12")
        @ExampleSource("SET")
        void second(List<double[]> batch, GradientChecker checker, TrialInfo info) throws Exception {
            meet(info);
            checker.assertMatches(LinearModel.CORRECT, LinearModel.parameters(), batch);
        }

        @GradientCheck(trials = 6, examples = 4, seed = "13")
        @ExampleSource("SET")
        void failing(List<double[]> batch, GradientChecker checker) {
            checker.assertMatches(LinearModel.BUGGY, LinearModel.parameters(), batch);
        }

        @GradientCheck(trials = 6, seed = "14")
        void randomPoint(@RandomPoint(dimension = 3) double[] point, Random random, GradientChecker checker,
                TestReporter reporter) {
            reporter.publishEntry("drawn", Arrays.toString(point) + " " + random.nextLong());
            checker.assertMatches(org.gradcheck.function.DifferentiableFunction.of(
                    x -> Math.sin(x[0]) * x[1] + x[2] * x[2],
                    x -> new double[] {Math.cos(x[0]) * x[1], Math.sin(x[0]), 2 * x[2]}), point);
        }

        private static void meet(TrialInfo info) throws Exception {
            CyclicBarrier current = barrier;
            if (current != null && info.trial() == 1) {
                current.await(30, TimeUnit.SECONDS);
            }
        }
    }
}
