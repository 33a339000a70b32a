package org.gradcheck.junit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradcheck.GradientChecker;
import org.gradcheck.Precision;
import org.gradcheck.DifferenceScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Every misconfiguration fails the test container, before any trial, with a message that says what to change. */
class MisconfigurationTests {

    private static final String PREFIX = "Invalid @GradientCheck on MisconfigurationTests$MisconfiguredTestCase#";

    @Test
    void misconfiguredMethodsFailTheirContainerWithAMessageNamingMethodAttributeValueAndRemedy() {
        EngineExecutionResults results = EngineRunner.run(MisconfiguredTestCase.class);

        assertEquals(0, results.testEvents().started().count(), "no trial runs");
        Map<String, Throwable> failures = EngineRunner.containerFailures(results);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("unknownSource(List)", PREFIX + "unknownSource(List): @ExampleSource(\"noSuchSet\") names no method"
                + " without parameters and no field called noSuchSet in org.gradcheck.junit.MisconfigurationTests$"
                + "MisconfiguredTestCase; add one that returns an ExampleSet or a List of examples, or correct the name"
                + " (use \"com.example.Data#trainingSet\" for another class)");
        expected.put("unknownClass(List)", PREFIX + "unknownClass(List): @ExampleSource(\"com.example.Missing#set\") names"
                + " the class com.example.Missing, which cannot be loaded (java.lang.ClassNotFoundException:"
                + " com.example.Missing); write the fully qualified class name before the '#'");
        expected.put("tooFewExamples(List)", PREFIX + "tooFewExamples(List): the data set of @ExampleSource(\"trainingSet\")"
                + " has 20 examples but each trial draws 30 (attribute examples); draw at most 20 per trial, or give the"
                + " data set more examples");
        expected.put("unsupportedWithSource(String)", PREFIX + "unsupportedWithSource(String): parameter [0] String"
                + " is of a type @GradientCheck cannot supply: the data set of @ExampleSource(\"trainingSet\") gives batches"
                + " of type java.util.List; declare the parameter as java.util.List (the batch) or [D (the one example),"
                + " or as one of GradientChecker, TrialInfo, java.util.Random, RandomGenerator, a @RandomPoint"
                + " double[]");
        expected.put("unsupportedWithoutSource(int)", PREFIX + "unsupportedWithoutSource(int): parameter [0] int is"
                + " of a type @GradientCheck cannot supply; declare one of GradientChecker, TrialInfo, java.util.Random,"
                + " RandomGenerator, a @RandomPoint double[], or name a data set with @ExampleSource to receive drawn"
                + " examples");
        expected.put("pointOfFloats(float[])", PREFIX + "pointOfFloats(float[]): @RandomPoint parameter [0] float[]"
                + " is not a double[]; declare it as @RandomPoint(dimension = ...) double[]");
        expected.put("pointWithoutDimension(double[])", PREFIX + "pointWithoutDimension(double[]): @RandomPoint parameter"
                + " [0] double[] has dimension = 0; set dimension to the number of coordinates, 1 or more");
        expected.put("pointWithEmptyRange(double[])", PREFIX + "pointWithEmptyRange(double[]): @RandomPoint parameter [0]"
                + " double[] has min = 1.0 and max = 1.0; set finite bounds with min < max, for example min = -1,"
                + " max = 1");
        expected.put("zeroTrials(GradientChecker)", PREFIX + "zeroTrials(GradientChecker): attribute trials = 0 must be 1"
                + " or more; set trials to the number of invocations, for example @GradientCheck(trials = 3)");
        expected.put("negativeTrials(GradientChecker)", PREFIX + "negativeTrials(GradientChecker): attribute trials = -2"
                + " must be 1 or more; set trials to the number of invocations, for example @GradientCheck(trials = 3)");
        expected.put("zeroExamples(List)", PREFIX + "zeroExamples(List): attribute examples = 0 must be 1 or more; set"
                + " examples to the number of examples each trial draws, for example @GradientCheck(examples = 1)");
        expected.put("seedNotANumber(GradientChecker)", PREFIX + "seedNotANumber(GradientChecker): attribute seed = \"12x\""
                + " is not a decimal long; write a whole number such as @GradientCheck(seed = \"81273\"), or remove seed"
                + " for a fresh random seed");
        expected.put("negativeTolerance(GradientChecker)", PREFIX + "negativeTolerance(GradientChecker): attribute"
                + " tolerance = -1.0E-6 is not a finite number of at least 0; set it to a tolerance such as"
                + " @GradientCheck(tolerance = 1.0E-6), or remove it for the default 1.0E-6");
        expected.put("zeroEpsilon(GradientChecker)", PREFIX + "zeroEpsilon(GradientChecker): attribute epsilon = 0.0 is not"
                + " a finite number above 0; set it to a step such as @GradientCheck(epsilon = 1e-7), or remove it for the"
                + " automatic step");
        expected.put("twoSchemes(GradientChecker)", PREFIX + "twoSchemes(GradientChecker): attribute scheme names 2"
                + " schemes; name at most one, for example @GradientCheck(scheme = DifferenceScheme.CENTRAL)");
        expected.put("twoPrecisions(GradientChecker)", PREFIX + "twoPrecisions(GradientChecker): attribute precision names"
                + " 2 precisions; name at most one, for example @GradientCheck(precision = Precision.FLOAT)");
        expected.put("unknownStrategy(GradientChecker)", PREFIX + "unknownStrategy(GradientChecker): attribute strategy ="
                + " \"sampled:0\" is not a strategy; write @GradientCheck(strategy = \"screening\"), \"full\", \"automatic\","
                + " \"taylor\" or \"sampled:20\"");
        expected.put("instanceSource(List)", PREFIX + "instanceSource(List): @ExampleSource(\"instanceSet\") names the"
                + " instance member instanceSet of org.gradcheck.junit.MisconfigurationTests$MisconfiguredTestCase, which"
                + " cannot be read before the trials are created; make it static, or annotate the test class with"
                + " @TestInstance(Lifecycle.PER_CLASS)");
        expected.put("nullSource(List)", PREFIX + "nullSource(List): @ExampleSource(\"nullSet\") returned null; return an"
                + " org.gradcheck.junit.ExampleSet or a java.util.List of examples");
        expected.put("stringSource(List)", PREFIX + "stringSource(List): @ExampleSource(\"stringSet\") returned a"
                + " java.lang.String; return an org.gradcheck.junit.ExampleSet or a java.util.List of examples");
        expected.put("throwingSource(List)", PREFIX + "throwingSource(List): @ExampleSource(\"throwingSet\") threw"
                + " java.io.UncheckedIOException: java.io.IOException: cats.h5 not found; fix the data source");
        expected.put("examplesNotReceived(GradientChecker)", PREFIX + "examplesNotReceived(GradientChecker): no parameter"
                + " receives the examples drawn from @ExampleSource(\"trainingSet\"); add a parameter of type"
                + " java.util.List (or TrialInfo for their indices), or remove @ExampleSource");
        expected.put("examplesWithoutSource(GradientChecker)", PREFIX + "examplesWithoutSource(GradientChecker): attribute"
                + " examples = 2 but there is no data set to draw them from; name one with @ExampleSource(\"...\"), or"
                + " remove examples");
        assertEquals(expected.keySet(), failures.keySet());
        List<Executable> checks = new ArrayList<>();
        expected.forEach((method, message) -> checks.add(() -> {
            Throwable failure = failures.get(method);
            assertInstanceOf(ExtensionConfigurationException.class, failure, method);
            assertEquals(message, failure.getMessage(), method);
        }));
        assertAll(checks);
    }

    @Test
    void invalidConfigurationParametersFailTheContainerNamingKeyAndValue() {
        String prefix = "Invalid @GradientCheck on MisconfigurationTests$ValidTestCase#check(List, GradientChecker): ";
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertConfigurationFails(prefix + "configuration parameter gradcheck.trials = '0' is not a whole"
                + " number of 1 or more; set gradcheck.trials to the number of invocations, for example gradcheck.trials=3,"
                + " or remove it for the default 3", "gradcheck.trials", "0"));
        checks.add(() -> assertConfigurationFails(prefix + "configuration parameter gradcheck.trials = 'many' is not a"
                + " whole number of 1 or more; set gradcheck.trials to the number of invocations, for example"
                + " gradcheck.trials=3, or remove it for the default 3", "gradcheck.trials", "many"));
        checks.add(() -> assertConfigurationFails(prefix + "configuration parameter gradcheck.examples = '-1' is not a"
                + " whole number of 1 or more; set gradcheck.examples to the number of examples each trial draws, for"
                + " example gradcheck.examples=1, or remove it for the default 1", "gradcheck.examples", "-1"));
        checks.add(() -> assertConfigurationFails(prefix + "configuration parameter gradcheck.seed = '81273L' is not a"
                + " decimal long; set it to a whole number such as gradcheck.seed=81273, or remove it for a fresh random"
                + " seed", "gradcheck.seed", "81273L"));
        checks.add(() -> assertConfigurationFails(prefix + "configuration parameter gradcheck.tolerance = '-1e-6' is not a"
                + " finite number of at least 0; set it to a tolerance such as gradcheck.tolerance=1.0E-6, or remove it"
                + " for the default 1.0E-6", "gradcheck.tolerance", "-1e-6"));
        checks.add(() -> assertConfigurationFails(prefix + "configuration parameter gradcheck.tolerance.absolute = 'tiny'"
                + " is not a finite number of at least 0; set it to a tolerance such as gradcheck.tolerance.absolute=0.0,"
                + " or remove it for the default 0.0", "gradcheck.tolerance.absolute", "tiny"));
        checks.add(() -> assertConfigurationFails(prefix + "configuration parameter gradcheck.epsilon = '0' is not a finite"
                + " number above 0; set it to a step such as gradcheck.epsilon=1e-7, or to automatic", "gradcheck.epsilon",
                "0"));
        checks.add(() -> assertConfigurationFails(prefix + "configuration parameter gradcheck.scheme = 'midpoint' is not a"
                + " difference scheme; set it to central, forward or backward", "gradcheck.scheme", "midpoint"));
        checks.add(() -> assertConfigurationFails(prefix + "configuration parameter gradcheck.precision = 'half' is not a"
                + " precision; set it to automatic, double or float", "gradcheck.precision", "half"));
        checks.add(() -> assertConfigurationFails(prefix + "configuration parameter gradcheck.strategy = 'quick' is not a"
                + " strategy; set it to automatic, full, screening, taylor or sampled:K with K >= 1, for example"
                + " gradcheck.strategy=sampled:20", "gradcheck.strategy", "quick"));
        checks.add(() -> assertConfigurationFails(prefix + "configuration parameter gradcheck.trial = '4' is not a trial of"
                + " this method, which runs trials 1 to 3; set it to one of them, or remove it to run every trial",
                "gradcheck.trial", "4"));
        checks.add(() -> assertConfigurationFails(prefix + "configuration parameter gradcheck.stdout = 'yes' is neither"
                + " true nor false; set it to true to print the figures of passing trials, or to false", "gradcheck.stdout",
                "yes"));
        assertAll(checks);
    }

    private static void assertConfigurationFails(String message, String key, String value) {
        EngineExecutionResults results = EngineRunner.run(ValidTestCase.class, key, value);
        assertEquals(0, results.testEvents().started().count(), key);
        Throwable failure = EngineRunner.containerFailures(results).get("check(List, GradientChecker)");
        assertInstanceOf(ExtensionConfigurationException.class, failure, key);
        assertEquals(message, failure.getMessage());
    }

    static class ValidTestCase {

        static List<double[]> trainingSet() {
            return LinearModel.examples(20);
        }

        @GradientCheck
        @ExampleSource("trainingSet")
        void check(List<double[]> batch, GradientChecker checker) {
            checker.assertMatches(LinearModel.CORRECT, LinearModel.parameters(), batch);
        }
    }

    @SuppressWarnings("unused")
    static class MisconfiguredTestCase {

        static List<double[]> trainingSet() {
            return LinearModel.examples(20);
        }

        List<double[]> instanceSet() {
            return LinearModel.examples(20);
        }

        static List<double[]> nullSet() {
            return null;
        }

        static String stringSet() {
            return "cats";
        }

        static List<double[]> throwingSet() {
            throw new java.io.UncheckedIOException(new java.io.IOException("cats.h5 not found"));
        }

        @GradientCheck
        @ExampleSource("noSuchSet")
        void unknownSource(List<double[]> batch) {
        }

        @GradientCheck
        @ExampleSource("com.example.Missing#set")
        void unknownClass(List<double[]> batch) {
        }

        @GradientCheck(examples = 30)
        @ExampleSource("trainingSet")
        void tooFewExamples(List<double[]> batch) {
        }

        @GradientCheck
        @ExampleSource("trainingSet")
        void unsupportedWithSource(String batch) {
        }

        @GradientCheck
        void unsupportedWithoutSource(int count) {
        }

        @GradientCheck
        void pointOfFloats(@RandomPoint(dimension = 2) float[] point) {
        }

        @GradientCheck
        void pointWithoutDimension(@RandomPoint(dimension = 0) double[] point) {
        }

        @GradientCheck
        void pointWithEmptyRange(@RandomPoint(dimension = 2, min = 1, max = 1) double[] point) {
        }

        @GradientCheck(trials = 0)
        void zeroTrials(GradientChecker checker) {
        }

        @GradientCheck(trials = -2)
        void negativeTrials(GradientChecker checker) {
        }

        @GradientCheck(examples = 0)
        @ExampleSource("trainingSet")
        void zeroExamples(List<double[]> batch) {
        }

        @GradientCheck(seed = "12x")
        void seedNotANumber(GradientChecker checker) {
        }

        @GradientCheck(tolerance = -1e-6)
        void negativeTolerance(GradientChecker checker) {
        }

        @GradientCheck(epsilon = 0)
        void zeroEpsilon(GradientChecker checker) {
        }

        @GradientCheck(scheme = {DifferenceScheme.FORWARD, DifferenceScheme.BACKWARD})
        void twoSchemes(GradientChecker checker) {
        }

        @GradientCheck(strategy = "sampled:0")
        void unknownStrategy(GradientChecker checker) {
        }

        @GradientCheck(precision = {Precision.FLOAT, Precision.DOUBLE})
        void twoPrecisions(GradientChecker checker) {
        }

        @GradientCheck
        @ExampleSource("instanceSet")
        void instanceSource(List<double[]> batch) {
        }

        @GradientCheck
        @ExampleSource("nullSet")
        void nullSource(List<double[]> batch) {
        }

        @GradientCheck
        @ExampleSource("stringSet")
        void stringSource(List<double[]> batch) {
        }

        @GradientCheck
        @ExampleSource("throwingSet")
        void throwingSource(List<double[]> batch) {
        }

        @GradientCheck
        @ExampleSource("trainingSet")
        void examplesNotReceived(GradientChecker checker) {
        }

        @GradientCheck(examples = 2)
        void examplesWithoutSource(GradientChecker checker) {
        }
    }
}
