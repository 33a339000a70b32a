package org.gradcheck.examples;

import static org.gradcheck.GradientAssertions.assertTaylorSecondOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.gradcheck.DerivativeMismatchError;
import org.gradcheck.GradientChecker;
import org.gradcheck.Tolerance;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.report.GradientReport;
import org.gradcheck.report.TaylorDirection;
import org.gradcheck.report.Verdict;
import org.junit.jupiter.api.Test;

/**
 * Ridge regression, {@code L(w) = |X w - y|^2 / 2m + lambda |w|^2 / 2}, with a small regularisation: a gradient
 * that halves the regularisation term is off by a relative 2e-4 or less, which a loose finite-difference
 * tolerance (1e-3) lets through and the step-free Taylor check does not.
 */
class TaylorRemainderTests {

    private static final int EXAMPLES = 6;
    private static final int FEATURES = 3;
    private static final double LAMBDA = 1e-4;

    private final double[][] x = new double[EXAMPLES][FEATURES];
    private final double[] y = new double[EXAMPLES];

    TaylorRemainderTests() {
        Random random = new Random(5);
        for (int e = 0; e < EXAMPLES; e++) {
            for (int j = 0; j < FEATURES; j++) {
                x[e][j] = random.nextGaussian();
            }
            y[e] = random.nextGaussian();
        }
    }

    private double loss(double[] w) {
        double sum = 0;
        for (int e = 0; e < EXAMPLES; e++) {
            double residual = -y[e];
            for (int j = 0; j < FEATURES; j++) {
                residual += x[e][j] * w[j];
            }
            sum += residual * residual;
        }
        double norm = 0;
        for (double wj : w) {
            norm += wj * wj;
        }
        return sum / (2 * EXAMPLES) + LAMBDA * norm / 2;
    }

    private double[] gradient(double[] w, double regularisationFactor) {
        double[] g = new double[FEATURES];
        for (int e = 0; e < EXAMPLES; e++) {
            double residual = -y[e];
            for (int j = 0; j < FEATURES; j++) {
                residual += x[e][j] * w[j];
            }
            for (int j = 0; j < FEATURES; j++) {
                g[j] += residual * x[e][j] / EXAMPLES;
            }
        }
        for (int j = 0; j < FEATURES; j++) {
            g[j] += regularisationFactor * LAMBDA * w[j];
        }
        return g;
    }

    private static final double[] W = {0.8, -0.5, 1.3};

    @Test
    void rightGradientConvergesWithOrderTwo() {
        // README: begin (Taylor remainder)
        DifferentiableFunction ridge = DifferentiableFunction.of(this::loss, w -> gradient(w, 1));

        GradientReport report = assertTaylorSecondOrder(ridge, W);
        // README: end

        assertEquals(3, report.taylorDirections().size());
        for (TaylorDirection direction : report.taylorDirections()) {
            assertEquals(2.0, direction.order(), 0.1);
        }
    }

    @Test
    void halvedRegularisationHidesUnderALooseToleranceButNotFromTheTaylorCheck() {
        DifferentiableFunction halved = DifferentiableFunction.of(this::loss, w -> gradient(w, 0.5));

        // 1e-3 is a tolerance seen in code that may run in single precision: the bug passes it
        assertTrue(GradientChecker.defaults().withTolerance(Tolerance.relative(1e-3)).check(halved, W).passed());

        DerivativeMismatchError error = assertThrows(DerivativeMismatchError.class, () -> assertTaylorSecondOrder(halved, W));

        GradientReport report = (GradientReport) error.report();
        assertEquals(3, report.taylorDirections().size());
        for (TaylorDirection direction : report.taylorDirections()) {
            assertEquals(Verdict.FAIL, direction.verdict());
            assertEquals(1.0, direction.order(), 0.1);
        }
        assertTrue(error.getMessage().startsWith("Gradient check failed: 3 of 3 parameters disagree\n"), error::getMessage);
        assertTrue(error.getMessage().contains("\n    x [3]: remainder orders 1.00, 1.00, 1.00 (a wrong gradient gives 1"),
                error::getMessage);
    }
}
