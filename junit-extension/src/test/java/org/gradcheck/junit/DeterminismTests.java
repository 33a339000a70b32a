package org.gradcheck.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gradcheck.GradientChecker;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The same root seed draws the same examples and gives the same reports; trials draw different examples. */
class DeterminismTests {

    private static final Pattern EXAMPLES = Pattern.compile("examples=\\[(.*)\\]");

    @Test
    void sameRootSeedDrawsTheSameExamplesAndGivesTheSameReports() {
        EngineExecutionResults first = EngineRunner.run(DeterminismTestCase.class, "gradcheck.seed", "123");
        EngineExecutionResults second = EngineRunner.run(DeterminismTestCase.class, "gradcheck.seed", "123");

        first.testEvents().assertStatistics(stats -> stats.started(20).succeeded(10).failed(10));
        assertEquals(EngineRunner.startedNames(first), EngineRunner.startedNames(second));
        assertEquals(messages(first), messages(second));
        assertEquals(EngineRunner.entries(first), EngineRunner.entries(second));
        assertEquals(10, EngineRunner.entries(first).stream().filter(entry -> entry.containsKey("point")).count());
    }

    @Test
    void differentTrialsAndDifferentRootSeedsDrawDifferentExamples() {
        List<String> names = EngineRunner.startedNames(EngineRunner.run(DeterminismTestCase.class, "gradcheck.seed", "123"));
        List<String> others = EngineRunner.startedNames(EngineRunner.run(DeterminismTestCase.class, "gradcheck.seed", "124"));

        Set<List<Integer>> drawn = new HashSet<>();
        for (String name : names.subList(0, 10)) {
            List<Integer> indices = indices(name);
            assertEquals(3, new HashSet<>(indices).size(), "examples within a trial are distinct: " + name);
            assertTrue(drawn.add(indices), "each trial draws other examples: " + names);
        }
        assertNotEquals(names.subList(0, 10).stream().map(DeterminismTests::indices).collect(Collectors.toList()),
                others.subList(0, 10).stream().map(DeterminismTests::indices).collect(Collectors.toList()));
    }

    private static List<String> messages(EngineExecutionResults results) {
        return EngineRunner.failures(results).stream().map(Throwable::getMessage).collect(Collectors.toList());
    }

    private static List<Integer> indices(String displayName) {
        Matcher matcher = EXAMPLES.matcher(displayName);
        assertTrue(matcher.find(), displayName);
        return Arrays.stream(matcher.group(1).split(", ")).map(Integer::valueOf).collect(Collectors.toList());
    }

    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class DeterminismTestCase {

        static final List<double[]> SET = LinearModel.examples(200);

        @GradientCheck(trials = 10, examples = 3)
        @ExampleSource("SET")
        void buggy(List<double[]> batch, GradientChecker checker) {
            checker.assertMatches(LinearModel.BUGGY, LinearModel.parameters(), batch);
        }

        @GradientCheck(trials = 10, examples = 3)
        @ExampleSource("SET")
        void correct(List<double[]> batch, GradientChecker checker, java.util.Random random,
                @RandomPoint(dimension = 3) double[] point, TestReporter reporter) {
            reporter.publishEntry(Map.of("point", Arrays.toString(point), "random", Double.toString(random.nextGaussian())));
            checker.assertMatches(LinearModel.CORRECT, LinearModel.parameters(), batch);
        }
    }
}
