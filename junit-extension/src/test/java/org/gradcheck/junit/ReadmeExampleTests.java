package org.gradcheck.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gradcheck.GradientChecker;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.function.GradientModel;
import org.gradcheck.layout.Parameters;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The examples of the README's {@code @GradientCheck} section, compiled and run by the build. The root seed of the
 * build is fixed in {@code src/test/resources/junit-platform.properties}.
 */
class ReadmeExampleTests {

    // README: begin
    /** The data set: 100 examples {x0, x1, y}. */
    static List<double[]> trainingSet() {
        List<double[]> examples = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            double x0 = Math.sin(i);
            double x1 = Math.cos(3 * i);
            examples.add(new double[] {x0, x1, 2 * x0 - x1 + 0.5});
        }
        return examples;
    }

    /** Each of 3 trials draws 2 examples at random and checks backpropagation on them. */
    @GradientCheck(trials = 3, examples = 2)
    @ExampleSource("trainingSet")
    void backpropagationMatchesFiniteDifferences(List<double[]> batch, GradientChecker checker) {
        checker.assertMatches(new LeastSquares(), LeastSquares.parameters(), batch);
    }

    /** Random points, the article's step 1e-7 and a looser tolerance; the seed fixed for this method. */
    @GradientCheck(trials = 5, seed = "42", epsilon = 1e-7, tolerance = 1e-5)
    void lossGradientAtRandomPoints(@RandomPoint(dimension = 3, min = -2, max = 2) double[] point,
            GradientChecker checker) {
        checker.assertMatches(DifferentiableFunction.of(
                x -> Math.log(1 + Math.exp(x[0] * x[1])) + x[2] * x[2],
                x -> {
                    double s = 1 / (1 + Math.exp(-x[0] * x[1]));
                    return new double[] {s * x[1], s * x[0], 2 * x[2]};
                }), point);
    }

    /** Weights initialised like the article's {@code randn * 0.01}, from the trial's seeded generator. */
    @GradientCheck(trials = 2, examples = 4)
    @ExampleSource("trainingSet")
    void randomInitialisation(List<double[]> batch, Random random, GradientChecker checker) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("w", new double[] {random.nextGaussian() * 0.01, random.nextGaussian() * 0.01});
        parameters.put("b", new double[] {0});
        checker.assertMatches(new LeastSquares(), parameters, batch);
    }
    // README: end

    /** The model of the examples: least squares {@code mean((w . x + b - y)^2) / 2} with hand-written gradients. */
    static class LeastSquares implements GradientModel<List<double[]>> {

        /** A bug to show a failure: {@code dw[1]} differentiated with {@code x0} instead of {@code x1}. */
        private final boolean buggy;

        LeastSquares() {
            this(false);
        }

        LeastSquares(boolean buggy) {
            this.buggy = buggy;
        }

        static Map<String, Object> parameters() {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("w", new double[] {0.3, -0.7});
            parameters.put("b", new double[] {0.1});
            return parameters;
        }

        @Override
        public double cost(Parameters parameters, List<double[]> batch) {
            double sum = 0;
            for (double[] example : batch) {
                double residual = residual(parameters, example);
                sum += residual * residual;
            }
            return sum / (2 * batch.size());
        }

        @Override
        public Map<String, ?> gradients(Parameters parameters, List<double[]> batch) {
            double[] dw = new double[2];
            double[] db = new double[1];
            for (double[] example : batch) {
                double residual = residual(parameters, example) / batch.size();
                dw[0] += residual * example[0];
                dw[1] += residual * (buggy ? example[0] : example[1]);
                db[0] += residual;
            }
            return Map.of("dw", dw, "db", db);
        }

        private static double residual(Parameters parameters, double[] example) {
            return parameters.get("w", 0) * example[0] + parameters.get("w", 1) * example[1] + parameters.get("b", 0)
                    - example[2];
        }
    }

    /** The failure the README shows: the same check with a bug in {@code dw[1]}. */
    @Test
    void readmeFailureMessage() {
        EngineExecutionResults results = EngineRunner.run(BuggyTestCase.class, GradientCheckConstants.SEED_KEY, "81273");

        results.testEvents().assertStatistics(stats -> stats.started(3).failed(3));
        String message = EngineRunner.failures(results).get(1).getMessage();
        assertTrue(message.startsWith("Gradient check failed: 1 of 3 parameters disagree\n  worst w[1]: analytic "), message);
        assertTrue(message.contains("\nw[1] "), message);
        assertEquals(README_REPRODUCTION, message.substring(message.indexOf("\n\nTrial 2 of 3") + 2));
    }

    static class BuggyTestCase {

        static List<double[]> trainingSet() {
            return ReadmeExampleTests.trainingSet();
        }

        @GradientCheck(trials = 3, examples = 2)
        @ExampleSource("trainingSet")
        void backpropagationMatchesFiniteDifferences(List<double[]> batch, GradientChecker checker) {
            checker.assertMatches(new LeastSquares(true), LeastSquares.parameters(), batch);
        }
    }

    /** How the failure message shown in the README ends. */
    static final String README_REPRODUCTION = ""
            + "Trial 2 of 3 of ReadmeExampleTests$BuggyTestCase#backpropagationMatchesFiniteDifferences(List, GradientChecker)\n"
            + "  root seed: 81273 (configuration parameter gradcheck.seed)\n"
            + "  trial seed: -5100134843957870389\n"
            + "  examples: [3, 9]\n"
            + "Rerun this trial alone with -Dgradcheck.seed=81273 -Dgradcheck.trial=2\n"
            + "  for example: mvn test -Dtest='ReadmeExampleTests$BuggyTestCase#backpropagationMatchesFiniteDifferences'"
            + " -Dgradcheck.seed=81273 -Dgradcheck.trial=2";
}
