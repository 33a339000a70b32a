package org.gradcheck.examples;

import static org.gradcheck.GradientAssertions.assertGradientsMatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.analysis.MultivariateVectorFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;
import org.gradcheck.DerivativeMismatchError;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.report.GradientReport;
import org.junit.jupiter.api.Test;

/**
 * Example: check a commons-math3 objective's gradient before a gradient-based optimizer relies on it.
 *
 * <p>A wrong gradient does not make an optimizer crash: it converges somewhere else, or stops early, and the
 * fitted model is just worse. {@code DifferentiableFunction.from(value, gradient)} adapts the two
 * commons-math3 functions an optimizer takes, so the same objects are checked and then used.
 */
class CommonsMathExampleTests {

    private static final double LAMBDA = 1e-3;

    /** Two Gaussian clouds in the plane, centred at (-1, -1) (label 0) and (1, 1) (label 1). */
    private final LogisticRegression regression = twoClouds(200, 7);

    @Test
    void logisticRegressionGradientIsCheckedThenUsedToFit() {
        double[] start = {0.1, -0.2, 0.3};
        DifferentiableFunction objective = DifferentiableFunction.from(regression.value(), regression.gradient());

        assertGradientsMatch(objective, start);

        NonLinearConjugateGradientOptimizer optimizer = new NonLinearConjugateGradientOptimizer(
                NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE, new SimpleValueChecker(1e-15, 1e-15));
        PointValuePair fit = optimizer.optimize(new MaxEval(10_000), regression.objective(), regression.objectiveGradient(),
                GoalType.MINIMIZE, new InitialGuess(start));

        double[] weights = fit.getPoint();
        assertTrue(regression.accuracy(weights) > 0.9, "accuracy " + regression.accuracy(weights));
        assertTrue(weights[1] > 1 && weights[2] > 1, "both features point towards class 1");
        double startSlope = norm(regression.gradient().value(start));
        double finalSlope = norm(regression.gradient().value(weights));
        assertTrue(finalSlope < 1e-3 * startSlope, "the fit is nearly stationary: |gradient| " + finalSlope);
        GradientReport atTheOptimum = assertGradientsMatch(objective, weights);
        assertTrue(atTheOptimum.overallDifference() < 1e-3, "small gradients are still compared closely");
    }

    @Test
    void aGradientThatForgetsTheRegularisationIsCaught() {
        MultivariateVectorFunction forgetful = weights -> {
            double[] gradient = regression.gradient().value(weights);
            for (int k = 0; k < gradient.length; k++) {
                gradient[k] -= LAMBDA * weights[k];
            }
            return gradient;
        };

        DerivativeMismatchError error = assertThrows(DerivativeMismatchError.class,
                () -> assertGradientsMatch(DifferentiableFunction.from(regression.value(), forgetful), new double[] {0.5, 1, 2}));

        assertEquals(3, error.report().failureCount());
        assertTrue(error.getMessage().contains("x[2]"), error.getMessage());
    }

    @Test
    void labelsOtherThanZeroAndOneAreRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new LogisticRegression(new double[][] {{1}, {2}}, new double[] {0, 2}, LAMBDA));

        assertEquals("label 1 is 2.0: labels must be 0 or 1", error.getMessage());
    }

    private static LogisticRegression twoClouds(int size, long seed) {
        Random random = new Random(seed);
        double[][] features = new double[size][2];
        double[] labels = new double[size];
        for (int i = 0; i < size; i++) {
            labels[i] = i % 2;
            double centre = labels[i] == 1 ? 1 : -1;
            features[i][0] = centre + random.nextGaussian() * 0.7;
            features[i][1] = centre + random.nextGaussian() * 0.7;
        }
        return new LogisticRegression(features, labels, LAMBDA);
    }

    private static double norm(double[] vector) {
        double squares = 0;
        for (double v : vector) {
            squares += v * v;
        }
        return Math.sqrt(squares);
    }
}
