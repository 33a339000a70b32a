package org.gradcheck.junit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gradcheck.DerivativeMismatchError;
import org.gradcheck.GradientChecker;
import org.gradcheck.Precision;
import org.gradcheck.Strategy;
import org.gradcheck.Tolerance;
import org.gradcheck.DifferenceScheme;
import org.gradcheck.report.DerivativeReport;
import org.gradcheck.report.GradientReport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/** {@code @GradientCheck} run through the Jupiter engine: invocations, names, injected parameters, failures, entries. */
class GradientCheckExtensionTests {

    static final List<double[]> TRAINING_SET = LinearModel.examples(20);

    @Test
    void passingTrialsRunOnceEachAndNameTrialSeedAndExamples() {
        EngineExecutionResults results = EngineRunner.run(PassingTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4).failed(0));
        List<String> names = EngineRunner.startedNames(results);
        assertEquals(List.of("[1] seed=81273 examples=[6, 8]", "[2] seed=81273 examples=[3, 18]",
                "[3] seed=81273 examples=[0, 3]", "[4] seed=81273 examples=[3, 18]"), names);
        for (int trial = 1; trial <= 4; trial++) {
            long trialSeed = SeedSequence.trialSeed(81273, trial);
            int[] drawn = ExampleDrawer.draw(SeedSequence.streamSeed(trialSeed, SeedSequence.EXAMPLE_STREAM), 2, 20);
            assertTrue(names.get(trial - 1).endsWith("examples=" + Arrays.toString(drawn)), names.get(trial - 1));
        }
    }

    @Test
    void passingTrialPublishesOverallDifferenceAndWorstParameter() {
        EngineExecutionResults results = EngineRunner.run(PassingTestCase.class);

        List<Map<String, String>> entries = EngineRunner.entries(results);
        assertEquals(4, entries.size());
        for (int trial = 1; trial <= 4; trial++) {
            Map<String, String> entry = entries.get(trial - 1);
            assertEquals(List.of("gradcheck.seed", "gradcheck.trial", "gradcheck.examples", "gradcheck.overallDifference",
                    "gradcheck.worstParameter", "gradcheck.parameters"), new ArrayList<>(entry.keySet()));
            assertEquals("81273", entry.get("gradcheck.seed"));
            assertEquals(Integer.toString(trial), entry.get("gradcheck.trial"));
            double overall = Double.parseDouble(entry.get("gradcheck.overallDifference"));
            assertTrue(overall < 1e-8, "overall difference " + overall);
            assertTrue(entry.get("gradcheck.worstParameter").matches("(w\\[[01]\\]|b\\[0\\]) \\(analytic .*, numerical .*,"
                    + " relative error .*\\)"), entry.get("gradcheck.worstParameter"));
            assertEquals("3 checked, 0 failed", entry.get("gradcheck.parameters"));
        }
        assertEquals("[6, 8]", entries.get(0).get("gradcheck.examples"));
    }

    @Test
    void passingTrialPrintsItsFiguresForSurefireUnlessSwitchedOff() {
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        EngineExecutionResults results;
        try {
            System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
            results = EngineRunner.run(PassingTestCase.class, "gradcheck.stdout", "true");
        } finally {
            System.setOut(original);
        }

        String[] lines = captured.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n");
        assertEquals(4, lines.length);
        List<Map<String, String>> entries = EngineRunner.entries(results);
        for (int trial = 1; trial <= 4; trial++) {
            Map<String, String> entry = entries.get(trial - 1);
            assertEquals("[gradcheck] GradientCheckExtensionTests$PassingTestCase#backpropagation "
                    + EngineRunner.startedNames(results).get(trial - 1) + ": passed, overall difference "
                    + entry.get("gradcheck.overallDifference") + ", worst " + entry.get("gradcheck.worstParameter")
                    + ", 3 checked, 0 failed", lines[trial - 1]);
        }
    }

    @Test
    void failingTrialNamesTheWrongParameterAndEndsWithTheRerunProperty() {
        EngineExecutionResults results = EngineRunner.run(FailingTestCase.class, "gradcheck.seed", "4242");

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(0).failed(3));
        List<Throwable> failures = EngineRunner.failures(results);
        for (int trial = 1; trial <= 3; trial++) {
            DerivativeMismatchError failure = assertInstanceOf(DerivativeMismatchError.class, failures.get(trial - 1));
            assertEquals(DerivativeMismatchError.class, failure.getClass(), "core's error itself, with the longer message");
            String message = failure.getMessage();
            assertTrue(message.startsWith("Gradient check failed: 1 of 3 parameters disagree\n  worst w[1]: analytic "), message);
            assertEquals("w[1]", failure.report().failures().get(0).name());
            assertTrue(failure.isExpectedDefined() && failure.isActualDefined());
            assertTrue(failure.getExpected().getStringRepresentation().contains("w[1] = "));
            String reproduction = "\n\nTrial " + trial + " of 3 of GradientCheckExtensionTests$FailingTestCase"
                    + "#backpropagation(List, GradientChecker)\n"
                    + "  root seed: 4242 (configuration parameter gradcheck.seed)\n"
                    + "  trial seed: " + SeedSequence.trialSeed(4242, trial) + "\n"
                    + "  examples: " + failure.getMessage().replaceAll("(?s).*\n  examples: (\\[[^\\]]*\\]).*", "$1") + "\n"
                    + "Rerun this trial alone with -Dgradcheck.seed=4242 -Dgradcheck.trial=" + trial + "\n"
                    + "  for example: mvn test -Dtest='GradientCheckExtensionTests$FailingTestCase#backpropagation'"
                    + " -Dgradcheck.seed=4242 -Dgradcheck.trial=" + trial;
            assertTrue(message.endsWith(reproduction), message);
            assertTrue(message.contains("\nw[1] "), "the report's table lists w[1]: " + message);
            assertEquals(TrialNameFormatter.indices(indicesIn(EngineRunner.startedNames(results).get(trial - 1)), 99),
                    message.replaceAll("(?s).*\n  examples: (\\[[^\\]]*\\]).*", "$1"));
        }
        assertTrue(EngineRunner.entries(results).isEmpty(), "failing trials publish no figures");
    }

    private static List<Integer> indicesIn(String displayName) {
        Matcher matcher = Pattern.compile("examples=\\[(.*)\\]").matcher(displayName);
        assertTrue(matcher.find(), displayName);
        List<Integer> indices = new ArrayList<>();
        for (String index : matcher.group(1).split(", ")) {
            indices.add(Integer.parseInt(index));
        }
        return indices;
    }

    @Test
    void freshSeedIsShownAndRerunningOneTrialWithItGivesTheSameExamplesAndReport() {
        EngineExecutionResults first = EngineRunner.run(FreshSeedTestCase.class);

        first.testEvents().assertStatistics(stats -> stats.started(3).failed(3));
        List<String> names = EngineRunner.startedNames(first);
        Matcher seed = Pattern.compile("^\\[1\\] seed=(\\d+) examples=").matcher(names.get(0));
        assertTrue(seed.find(), names.get(0));
        String rootSeed = seed.group(1);
        names.forEach(name -> assertTrue(name.contains(" seed=" + rootSeed + " "), name));
        String secondMessage = EngineRunner.failures(first).get(1).getMessage();
        assertTrue(secondMessage.contains("  root seed: " + rootSeed + " (fresh random seed)\n"), secondMessage);
        assertTrue(secondMessage.endsWith("-Dgradcheck.seed=" + rootSeed + " -Dgradcheck.trial=2"), secondMessage);

        EngineExecutionResults rerun = EngineRunner.run(FreshSeedTestCase.class, "gradcheck.seed", rootSeed,
                "gradcheck.trial", "2");

        rerun.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        assertEquals(List.of(names.get(1)), EngineRunner.startedNames(rerun));
        String rerunMessage = EngineRunner.failures(rerun).get(0).getMessage();
        assertEquals(secondMessage.replace("(fresh random seed)", "(configuration parameter gradcheck.seed)"), rerunMessage);
    }

    @Test
    void unsetAttributesFallBackToConfigurationParametersAndAttributesWin() {
        EngineExecutionResults configured = EngineRunner.run(UnsetAttributesTestCase.class, "gradcheck.trials", "2",
                "gradcheck.examples", "3", "gradcheck.seed", "-17", "gradcheck.displayname", "#{index}/{trials} {examples}");

        configured.testEvents().assertStatistics(stats -> stats.started(2 + 1).succeeded(3));
        List<String> names = EngineRunner.startedNames(configured);
        assertTrue(names.get(0).matches("attribute name 1 of 1 seed 5 \\[\\d+\\]"), names.get(0));
        assertTrue(names.get(1).matches("#1/2 \\[\\d+, \\d+, \\d+\\]"), names.get(1));
        assertTrue(names.get(2).matches("#2/2 \\[\\d+, \\d+, \\d+\\]"), names.get(2));
        assertEquals("5", EngineRunner.entries(configured).get(0).get("gradcheck.seed"));
        assertEquals("-17", EngineRunner.entries(configured).get(1).get("gradcheck.seed"));

        EngineExecutionResults defaults = EngineRunner.run(UnsetAttributesTestCase.class, "gradcheck.seed", "-17");

        List<String> defaultNames = EngineRunner.startedNames(defaults);
        assertEquals(GradientCheckConstants.DEFAULT_TRIALS + 1, defaultNames.size());
        assertTrue(defaultNames.get(1).matches("\\[1\\] seed=-17 examples=\\[\\d+\\]"), defaultNames.get(1));
    }

    @Test
    void injectedCheckerIsConfiguredByAttributesThenConfigurationParameters() {
        EngineExecutionResults results = EngineRunner.run(CheckerTestCase.class, "gradcheck.epsilon", "1e-4",
                "gradcheck.scheme", "Backward", "gradcheck.tolerance", "1e-3", "gradcheck.tolerance.absolute", "1e-7",
                "gradcheck.strategy", "Screening", "gradcheck.precision", "Float");

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        List<Map<String, String>> entries = EngineRunner.entries(results);
        assertEquals(Map.of("gradcheck.seed", "1", "gradcheck.trial", "1"), entries.get(1),
                "a passing trial without checks still publishes its seed and number");
        entries.removeIf(entry -> !entry.containsKey("checker"));
        long trialSeed = SeedSequence.trialSeed(1, 1);
        assertEquals(GradientChecker.defaults().withScheme(DifferenceScheme.FORWARD).withStep(1e-3)
                .withTolerance(Tolerance.of(1e-2, 1e-8)).withStrategy(Strategy.sampled(5)).withPrecision(Precision.DOUBLE)
                .withSeed(trialSeed).toString(), entries.get(0).get("checker"));
        assertEquals(GradientChecker.defaults().withScheme(DifferenceScheme.BACKWARD).withStep(1e-4)
                .withTolerance(Tolerance.of(1e-3, 1e-7)).withStrategy(Strategy.screening()).withPrecision(Precision.FLOAT)
                .withSeed(trialSeed).toString(),
                entries.get(1).get("checker"));
        assertEquals(Long.toString(trialSeed), entries.get(0).get("seed"),
                "the checker's random directions and samples are seeded by the trial");

        EngineExecutionResults automatic = EngineRunner.run(CheckerTestCase.class, "gradcheck.epsilon", "automatic");

        assertEquals(GradientChecker.defaults().withSeed(trialSeed).toString(),
                EngineRunner.entries(automatic).get(2).get("checker"));
    }

    @Test
    void randomGeneratorPointAndTrialInfoAreSeededPerTrial() {
        EngineExecutionResults results = EngineRunner.run(RandomParametersTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        List<Map<String, String>> entries = EngineRunner.entries(results);
        List<double[]> points = new ArrayList<>();
        for (int trial = 1; trial <= 2; trial++) {
            Map<String, String> entry = entries.get(2 * (trial - 1));
            long trialSeed = SeedSequence.trialSeed(99, trial);
            assertEquals("trial " + trial + " of 2, root seed 99, trial seed " + trialSeed + ", examples []",
                    entry.get("info"));
            assertEquals(Long.toString(new Random(trialSeed).nextLong()), entry.get("random"));
            assertEquals("true", entry.get("same generator"));
            double[] point = parse(entry.get("point"));
            assertEquals(4, point.length);
            for (double coordinate : point) {
                assertTrue(coordinate >= -3 && coordinate < 5, entry.get("point"));
            }
            points.add(point);
            assertEquals("-Dgradcheck.trial=" + trial, entry.get("rerun"), "the seed is fixed by the attribute");
        }
        assertFalse(Arrays.equals(points.get(0), points.get(1)), "each trial draws its own point");
        assertEquals(List.of("[1] seed=99", "[2] seed=99"), EngineRunner.startedNames(results));
    }

    private static double[] parse(String array) {
        return Arrays.stream(array.substring(1, array.length() - 1).split(", ")).mapToDouble(Double::parseDouble).toArray();
    }

    @Test
    void oneExampleIsInjectedAsTheExampleItself() {
        EngineExecutionResults results = EngineRunner.run(SingleExampleTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(5).succeeded(5));
        for (Map<String, String> entry : EngineRunner.entries(results)) {
            if (entry.containsKey("example")) {
                int index = Integer.parseInt(entry.get("index"));
                assertEquals(Arrays.toString(TRAINING_SET.get(index)), entry.get("example"));
            }
        }
    }

    @Test
    void metaAnnotationAndOtherKindsOfDataSourceWork() {
        EngineExecutionResults results = EngineRunner.run(SourcesTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2 + 2 + 2 + 2).succeeded(8));
        List<String> names = EngineRunner.startedNames(results);
        assertTrue(names.stream().allMatch(name -> name.matches("\\[[12]\\] seed=5 examples=\\[\\d+, \\d+\\]")), names::toString);
    }

    @Test
    void perClassLifecycleAllowsAnInstanceSource() {
        EngineExecutionResults results = EngineRunner.run(PerClassTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    void oneTrialIsRunAloneWhenSelectedAndKeepsItsNumberAndExamples() {
        List<String> all = EngineRunner.startedNames(EngineRunner.run(PassingTestCase.class));

        EngineExecutionResults selected = EngineRunner.run(PassingTestCase.class, "gradcheck.trial", "3");

        selected.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertEquals(List.of(all.get(2)), EngineRunner.startedNames(selected));
        assertEquals("3", EngineRunner.entries(selected).get(0).get("gradcheck.trial"));
    }

    @Test
    void otherFailuresAlsoCarryTheReproductionAndKeepTheirKind() {
        EngineExecutionResults results = EngineRunner.run(OtherOutcomesTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(3).failed(2).aborted(1));
        List<Throwable> failures = EngineRunner.failures(results);
        String rerun = "Rerun this trial alone with -Dgradcheck.trial=1\n  for example: mvn test "
                + "-Dtest='GradientCheckExtensionTests$OtherOutcomesTestCase#";
        AssertionFailedError assertion = assertInstanceOf(AssertionFailedError.class, failures.get(0));
        assertTrue(assertion.getMessage().startsWith("expected: <1> but was: <2>\n\nTrial 1 of 1 of "), assertion.getMessage());
        assertTrue(assertion.getMessage().contains("  root seed: 3 (@GradientCheck(seed = \"3\"))\n"), assertion.getMessage());
        assertTrue(assertion.getMessage().contains(rerun + "assertion' -Dgradcheck.trial=1"), assertion.getMessage());
        assertEquals(1, assertion.getExpected().getValue());
        assertEquals(2, assertion.getActual().getValue());
        IllegalStateException error = assertInstanceOf(IllegalStateException.class, failures.get(1));
        assertEquals("broken model", error.getMessage());
        assertEquals(1, error.getSuppressed().length);
        assertTrue(error.getSuppressed()[0].getMessage().endsWith(rerun + "error' -Dgradcheck.trial=1"),
                error.getSuppressed()[0].getMessage());
        Throwable aborted = results.testEvents().aborted().stream().map(EngineRunner::throwable).findFirst().orElseThrow();
        assertEquals("Assumption failed: skipped on purpose", aborted.getMessage());
    }

    @Test
    void rerunLineOfAnInheritedMethodNamesTheConcreteTestClass() {
        EngineExecutionResults results = EngineRunner.run(InheritingTestCase.class, "gradcheck.seed", "6");

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        String message = EngineRunner.failures(results).get(0).getMessage();
        assertTrue(message.endsWith("  for example: mvn test -Dtest='GradientCheckExtensionTests$InheritingTestCase"
                + "#backpropagation' -Dgradcheck.seed=6 -Dgradcheck.trial=1"), message);
    }

    abstract static class BaseTestCase {

        static List<double[]> trainingSet() {
            return TRAINING_SET;
        }

        @GradientCheck(trials = 1, examples = 2)
        @ExampleSource("trainingSet")
        void backpropagation(List<double[]> batch, GradientChecker checker) {
            checker.assertMatches(LinearModel.BUGGY, LinearModel.parameters(), batch);
        }
    }

    static class InheritingTestCase extends BaseTestCase {
    }

    @Test
    void customExampleSetBatchIsInjectedByItsType() {
        EngineExecutionResults results = EngineRunner.run(CustomSetTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(3 + 2).succeeded(3 + 1).failed(1));
        List<Map<String, String>> entries = EngineRunner.entries(results);
        List<String> columns = new ArrayList<>();
        entries.stream().filter(entry -> entry.containsKey("columns")).forEach(entry -> columns.add(entry.get("columns")));
        assertEquals(3, columns.size());
        List<String> names = EngineRunner.startedNames(results);
        for (int trial = 0; trial < 3; trial++) {
            assertTrue(names.get(trial).endsWith("examples=" + columns.get(trial)), names.get(trial) + " " + columns);
        }
        Throwable failure = EngineRunner.failures(results).get(0);
        assertEquals("The data set of GradientCheckExtensionTests$CustomSetTestCase#changingType(Columns) returned a"
                + " java.lang.String for trial 2, which parameter [0] Columns cannot receive: its batch method must"
                + " return the same type for every trial, never null",
                failure.getMessage().replace("[0] Columns columns", "[0] Columns"));
    }

    /** A batch type of its own, as a model reading columns of a matrix would have. */
    static final class Columns {

        final int[] indices;

        Columns(int[] indices) {
            this.indices = indices;
        }
    }

    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class CustomSetTestCase {

        static final org.gradcheck.junit.ExampleSet<Columns> MATRIX = new org.gradcheck.junit.ExampleSet<>() {
            @Override
            public int size() {
                return 12;
            }

            @Override
            public Columns batch(int[] indices) {
                return new Columns(indices);
            }
        };

        static final org.gradcheck.junit.ExampleSet<Object> CHANGING = new org.gradcheck.junit.ExampleSet<>() {
            private final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

            @Override
            public int size() {
                return 12;
            }

            @Override
            public Object batch(int[] indices) {
                return calls.getAndIncrement() == 0 ? new Columns(indices) : "not columns";
            }
        };

        @GradientCheck(trials = 3, examples = 3, seed = "2")
        @ExampleSource("MATRIX")
        void batch(Columns columns, TestReporter reporter) {
            reporter.publishEntry("columns", Arrays.toString(columns.indices));
        }

        @GradientCheck(trials = 2, seed = "2")
        @ExampleSource("CHANGING")
        void changingType(Columns columns) {
        }
    }

    @Test
    void recordedReportIsTheOneTheTestSaw() {
        EngineExecutionResults results = EngineRunner.run(ReportTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        List<Map<String, String>> entries = EngineRunner.entries(results);
        assertEquals(2, entries.size());
        assertNotNull(entries.get(0).get("seen"));
        assertEquals(entries.get(0).get("seen"), entries.get(1).get("gradcheck.overallDifference"));
        assertAll(() -> assertEquals("2 checked, 0 failed", entries.get(1).get("gradcheck.parameters")),
                () -> assertTrue(entries.get(1).get("gradcheck.worstParameter").startsWith("x[")));
    }

    @Test
    void aScreenedTrialCountsTheParametersCheckedOneByOneNotAllOfThem() {
        EngineExecutionResults results = EngineRunner.run(ScreeningTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        List<Map<String, String>> entries = EngineRunner.entries(results);
        assertEquals(2, entries.size());
        Map<String, String> seen = entries.get(0);
        int size = Integer.parseInt(seen.get("size"));
        int checked = Integer.parseInt(seen.get("checked"));
        assertEquals(60, size);
        assertEquals(0, checked, "screening of a right gradient checks no parameter one by one");
        assertEquals("0 checked, 0 failed", entries.get(1).get("gradcheck.parameters"),
                "the figures count the parameters checked one by one (report.checkedCount()), not report.size()");
        assertEquals("- (none checked one by one)", entries.get(1).get("gradcheck.worstParameter"));
    }

    static class PassingTestCase {

        static List<double[]> trainingSet() {
            return TRAINING_SET;
        }

        @GradientCheck(trials = 4, examples = 2, seed = "81273")
        @ExampleSource("trainingSet")
        void backpropagation(List<double[]> batch, GradientChecker checker) {
            checker.assertMatches(LinearModel.CORRECT, LinearModel.parameters(), batch);
        }
    }

    static class FailingTestCase {

        static List<double[]> trainingSet() {
            return TRAINING_SET;
        }

        @GradientCheck(examples = 2)
        @ExampleSource("trainingSet")
        void backpropagation(List<double[]> batch, GradientChecker checker) {
            checker.assertMatches(LinearModel.BUGGY, LinearModel.parameters(), batch);
        }
    }

    static class FreshSeedTestCase {

        static final List<double[]> SET = LinearModel.examples(200);

        @GradientCheck(examples = 3)
        @ExampleSource("SET")
        void backpropagation(List<double[]> batch, GradientChecker checker) {
            checker.assertMatches(LinearModel.BUGGY, LinearModel.parameters(), batch);
        }
    }

    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class UnsetAttributesTestCase {

        static List<double[]> trainingSet() {
            return TRAINING_SET;
        }

        @GradientCheck
        @ExampleSource("trainingSet")
        void configured(List<double[]> batch, GradientChecker checker) {
            checker.assertMatches(LinearModel.CORRECT, LinearModel.parameters(), batch);
        }

        @GradientCheck(trials = 1, examples = 1, seed = "5", name = "attribute name {index} of {trials} seed {seed} {examples}")
        @ExampleSource("trainingSet")
        void attributes(List<double[]> batch, GradientChecker checker) {
            checker.assertMatches(LinearModel.CORRECT, LinearModel.parameters(), batch);
        }
    }

    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class CheckerTestCase {

        @GradientCheck(trials = 1, seed = "1", epsilon = 1e-3, tolerance = 1e-2, absoluteTolerance = 1e-8,
                scheme = DifferenceScheme.FORWARD, strategy = "sampled:5", precision = Precision.DOUBLE)
        void attributes(GradientChecker checker, TestReporter reporter) {
            reporter.publishEntry(Map.of("checker", checker.toString(), "seed", Long.toString(checker.seed())));
        }

        @GradientCheck(trials = 2, seed = "1")
        void configuration(GradientChecker checker, TestReporter reporter) {
            reporter.publishEntry("checker", checker.toString());
        }
    }

    static class RandomParametersTestCase {

        @GradientCheck(trials = 2, seed = "99")
        void draws(Random random, RandomGenerator generator, @RandomPoint(dimension = 4, min = -3, max = 5) double[] point,
                TrialInfo info, TestReporter reporter) {
            reporter.publishEntry(Map.of("info", info.toString(), "random", Long.toString(random.nextLong()),
                    "same generator", Boolean.toString(random == generator), "point", Arrays.toString(point),
                    "rerun", info.rerunProperties()));
        }
    }

    static class SingleExampleTestCase {

        static List<double[]> trainingSet() {
            return TRAINING_SET;
        }

        @GradientCheck(trials = 5, seed = "8")
        @ExampleSource("trainingSet")
        void example(double[] example, TrialInfo info, TestReporter reporter) {
            reporter.publishEntry(Map.of("example", Arrays.toString(example), "index", info.exampleIndices().get(0).toString()));
        }
    }

    /** A preset made with {@code @GradientCheck} as a meta-annotation. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @GradientCheck(trials = 2, examples = 2, seed = "5")
    @interface QuickCheck {
    }

    /** A data set in another class. */
    static final class Data {

        static final org.gradcheck.junit.ExampleSet<List<double[]>> SET = org.gradcheck.junit.ExampleSet.of(TRAINING_SET);

        static org.gradcheck.junit.ExampleSet<List<double[]>> set() {
            return SET;
        }
    }

    @ExampleSource("trainingSet")
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class SourcesTestCase {

        static final List<double[]> FIELD = TRAINING_SET;

        static List<double[]> trainingSet() {
            return TRAINING_SET;
        }

        @QuickCheck
        void classLevelSource(List<double[]> batch, GradientChecker checker) {
            checker.assertMatches(LinearModel.CORRECT, LinearModel.parameters(), batch);
        }

        @QuickCheck
        @ExampleSource("FIELD")
        void fieldSource(List<double[]> batch, GradientChecker checker) {
            checker.assertMatches(LinearModel.CORRECT, LinearModel.parameters(), batch);
        }

        @QuickCheck
        @ExampleSource("org.gradcheck.junit.GradientCheckExtensionTests$Data#set")
        void otherClassMethod(List<double[]> batch, GradientChecker checker) {
            checker.assertMatches(LinearModel.CORRECT, LinearModel.parameters(), batch);
        }

        @QuickCheck
        @ExampleSource("org.gradcheck.junit.GradientCheckExtensionTests$Data#SET")
        void otherClassField(List<double[]> batch, GradientChecker checker) {
            checker.assertMatches(LinearModel.CORRECT, LinearModel.parameters(), batch);
        }
    }

    @org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
    static class PerClassTestCase {

        private final List<double[]> examples = LinearModel.examples(6);

        List<double[]> examples() {
            return examples;
        }

        @GradientCheck(trials = 2, examples = 2, seed = "1")
        @ExampleSource("examples")
        void instanceSource(List<double[]> batch, GradientChecker checker) {
            checker.assertMatches(LinearModel.CORRECT, LinearModel.parameters(), batch);
        }
    }

    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class OtherOutcomesTestCase {

        @GradientCheck(trials = 1, seed = "3")
        void assertion() {
            org.junit.jupiter.api.Assertions.assertEquals(1, 2);
        }

        @GradientCheck(trials = 1, seed = "3")
        void error() {
            throw new IllegalStateException("broken model");
        }

        @GradientCheck(trials = 1, seed = "3")
        void aborted() {
            Assumptions.assumeTrue(false, "skipped on purpose");
        }
    }

    static class ScreeningTestCase {

        /** sum of cos(x_i) over a 6 x 10 block, with its right gradient. */
        @GradientCheck(trials = 1, seed = "5", strategy = "screening")
        void check(@RandomPoint(dimension = 60) double[] point, GradientChecker checker, TestReporter reporter) {
            GradientReport report = checker.check(org.gradcheck.function.DifferentiableFunction.of(x -> {
                double sum = 0;
                for (double value : x) {
                    sum += Math.cos(value);
                }
                return sum;
            }, x -> {
                double[] gradient = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    gradient[i] = -Math.sin(x[i]);
                }
                return gradient;
            }), point, org.gradcheck.layout.ParameterLayout.builder().matrix("W", 6, 10).build());
            reporter.publishEntry(Map.of("size", Integer.toString(report.size()), "checked",
                    Integer.toString(report.checkedCount())));
        }
    }

    static class ReportTestCase {

        @GradientCheck(trials = 1, seed = "3")
        void check(@RandomPoint(dimension = 2) double[] point, GradientChecker checker, TestReporter reporter) {
            GradientReport report = checker.check(org.gradcheck.function.DifferentiableFunction.of(
                    x -> x[0] * x[0] * x[1], x -> new double[] {2 * x[0] * x[1], x[0] * x[0]}), point);
            reporter.publishEntry("seen", DerivativeReport.formatNumber(report.overallDifference()));
        }
    }
}
