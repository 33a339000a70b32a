package org.gradcheck.examples;

import static org.gradcheck.GradientAssertions.assertGradientsMatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradcheck.DerivativeMismatchError;
import org.gradcheck.GradientChecker;
import org.gradcheck.Strategy;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.function.GradientModel;
import org.gradcheck.layout.Parameters;
import org.gradcheck.report.GradientReport;
import org.junit.jupiter.api.Test;

/** The two-minute tour of the README: every snippet there is a region of this class, compiled and run here. */
class ReadmeTourTests {

    @Test
    void aFunctionAndItsGradient() {
        // README: begin function
        DifferentiableFunction rosenbrock = DifferentiableFunction.of(
                x -> 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2),
                x -> new double[] {
                    -400 * x[0] * (x[1] - x[0] * x[0]) - 2 * (1 - x[0]),
                    200 * (x[1] - x[0] * x[0])});

        GradientReport report = assertGradientsMatch(rosenbrock, new double[] {-1.2, 1.0});
        // README: end function
        assertTrue(report.passed());
        assertTrue(report.overallDifference() < 1e-9, report::toString);
    }

    /** Logistic regression with a weight vector {@code w} and a bias {@code b}, its gradients written by hand. */
    // README: begin model
    static final class Logistic implements GradientModel<List<double[]>> {

        @Override
        public double cost(Parameters theta, List<double[]> examples) {
            double cost = 0;
            for (double[] example : examples) {
                double z = theta.get("w", 0) * example[0] + theta.get("w", 1) * example[1] + theta.get("b", 0);
                cost += Math.log1p(Math.exp(-z)) + (1 - example[2]) * z;
            }
            return cost / examples.size();
        }

        @Override
        public Map<String, ?> gradients(Parameters theta, List<double[]> examples) {
            double[] dw = new double[2];
            double[] db = new double[1];
            for (double[] example : examples) {
                double z = theta.get("w", 0) * example[0] + theta.get("w", 1) * example[1] + theta.get("b", 0);
                double error = 1 / (1 + Math.exp(-z)) - example[2];
                dw[0] += error * example[0] / examples.size();
                dw[1] += error * example[1] / examples.size();
                db[0] += error / examples.size();
            }
            return Map.of("dw", dw, "db", db);
        }
    }
    // README: end model

    @Test
    void aModelWithNamedParameters() {
        // README: begin model-check
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("w", new double[] {0.5, -0.25});
        parameters.put("b", new double[] {0.1});
        List<double[]> examples = List.of(new double[] {1, 2, 1}, new double[] {-1, 0.5, 0}, new double[] {0.3, -2, 1});

        assertGradientsMatch(new Logistic(), parameters, examples);
        // README: end model-check
    }

    @Test
    void aWrongGradientFailsWithTheParameterNamed() {
        DifferentiableFunction wrong = DifferentiableFunction.of(
                x -> x[0] * x[0] + 3 * x[1],
                x -> new double[] {2 * x[0], -3});

        DerivativeMismatchError error = assertThrows(DerivativeMismatchError.class,
                () -> assertGradientsMatch(wrong, new double[] {1, 2}));

        assertEquals("x[1]", error.report().failures().get(0).name());
        assertTrue(error.getMessage().startsWith("Gradient check failed: 1 of 2 parameters disagree\n"
                + "  worst x[1]: analytic -3.000e+00, numerical 3.000e+00, mismatch 6.000e+00, allowed "),
                error.getMessage());
    }

    @Test
    void theArticlesSettingsAndAFastCheckForCi() {
        DeepNetwork network = DeepNetwork.of(List.of(12288, 5, 5, 1), Activation.TANH);
        Map<String, double[][]> parameters = network.initialize(1);
        Batch example = TrainingData.trainingSet().select(158).scaled(1 / 255.0);
        // README: begin settings
        GradientChecker article = GradientChecker.defaults()
                .withStep(1e-7)                        // the article's fixed step
                .withStrategy(Strategy.full())         // every one of the 61,481 parameters
                .withThreads(2);                       // split across two cores, same results
        GradientChecker fast = GradientChecker.defaults()
                .withStrategy(Strategy.screening());   // about a hundred evaluations, still names a wrong parameter

        GradientReport everyParameter = article.assertMatches(network, parameters, example);
        GradientReport screened = fast.assertMatches(network, parameters, example);
        // README: end settings
        assertEquals(61_481, everyParameter.checkedCount());
        assertTrue(everyParameter.overallDifference() < 1e-7, everyParameter::toString);
        assertTrue(screened.evaluations() < 120, screened::toString);
    }
}
