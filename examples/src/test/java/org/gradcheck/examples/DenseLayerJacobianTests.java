package org.gradcheck.examples;

import static org.gradcheck.GradientAssertions.assertJacobianMatches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.gradcheck.DerivativeMismatchError;
import org.gradcheck.GradientChecker;
import org.gradcheck.examples.layers.DenseLayer;
import org.gradcheck.function.VectorFunction;
import org.gradcheck.junit.GradientCheck;
import org.gradcheck.junit.RandomPoint;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.DerivativeForm;
import org.gradcheck.report.Entry;
import org.gradcheck.report.JacobianReport;
import org.gradcheck.report.Verdict;
import org.junit.jupiter.api.Test;

/** A dense tanh layer checked on its own, layer by layer, through its forward and backward passes. */
class DenseLayerJacobianTests {

    private static final int OUTPUTS = 3;
    private static final int INPUTS = 4;

    private static double[] gaussian(Random random, int length, double scale) {
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = scale * random.nextGaussian();
        }
        return values;
    }

    private final Random random = new Random(11);
    private final double[] theta = gaussian(random, OUTPUTS * INPUTS + OUTPUTS, 0.5);
    private final DenseLayer layer = DenseLayer.fromParameters(theta, OUTPUTS, INPUTS);
    private final double[] input = gaussian(random, INPUTS, 1.0);

    @Test
    void inputJacobianOfTheForwardAndBackwardPasses() {
        // README: begin (Jacobians)
        VectorFunction function = VectorFunction.builder(layer::forward)
                .vectorJacobianProduct(layer::backward)
                .jacobianVectorProduct(layer::tangent)
                .build();

        JacobianReport report = assertJacobianMatches(function, input);
        // README: end

        assertEquals(OUTPUTS * INPUTS, report.size());
        assertEquals(DerivativeForm.VECTOR_JACOBIAN_PRODUCT, report.entriesFrom());
        for (Entry entry : report.entries()) {
            assertTrue(entry.relativeError() < 1e-8 || entry.absoluteError() < 1e-10, entry::toString);
        }
        // the adjoint identity <u, J v> = <J^T u, v> between backward and tangent holds to rounding
        for (Entry check : report.consistencyChecks()) {
            assertTrue(check.absoluteError() <= 1e-14 * Math.max(1, Math.abs(check.analytic())), check::toString);
        }
    }

    // README: begin (Jacobians in @GradientCheck)
    @GradientCheck(trials = 3, seed = "11")
    void inputJacobianAtRandomInputs(@RandomPoint(dimension = INPUTS, min = -2, max = 2) double[] x,
            GradientChecker checker) {
        VectorFunction function = VectorFunction.builder(layer::forward)
                .vectorJacobianProduct(layer::backward)
                .jacobianVectorProduct(layer::tangent)
                .build();

        JacobianReport report = checker.assertJacobianMatches(function, x);

        assertEquals(3, report.consistencyChecks().size());
    }
    // README: end

    @Test
    void parameterJacobianNamesEveryEntryByOutputAndParameter() {
        ParameterLayout parameters = ParameterLayout.builder().matrix("W", OUTPUTS, INPUTS).vector("b", OUTPUTS).build();
        VectorFunction ofParameters = VectorFunction.builder(t -> DenseLayer.fromParameters(t, OUTPUTS, INPUTS).forward(input))
                .vectorJacobianProduct((t, dy) -> DenseLayer.fromParameters(t, OUTPUTS, INPUTS).parameterGradients(input, dy))
                .build();

        JacobianReport report = assertJacobianMatches(ofParameters, theta, parameters);

        assertEquals(OUTPUTS * (INPUTS + 1), report.inputCount());
        // y[1] depends on row 1 of W only: dy1 / dW[1,2] = (1 - y1^2) x2, and dy1 / dW[0,2] = 0
        double y1 = layer.forward(input)[1];
        assertEquals((1 - y1 * y1) * input[2], report.entry("y[1]", "W[1,2]").analytic(), 1e-15);
        assertEquals(0, report.entry("y[1]", "W[0,2]").analytic());
        assertEquals("y[2] / b[2]", report.entry(2, OUTPUTS * INPUTS + 2).name());
    }

    @Test
    void backwardPassWithoutTheActivationDerivativeFailsEntryByEntry() {
        VectorFunction buggy = VectorFunction.builder(layer::forward)
                .vectorJacobianProduct(layer::backwardWithoutActivationDerivative)
                .build();

        DerivativeMismatchError error = assertThrows(DerivativeMismatchError.class, () -> assertJacobianMatches(buggy, input));

        JacobianReport report = (JacobianReport) error.report();
        assertEquals(OUTPUTS * INPUTS, report.failureCount());
        assertTrue(error.getMessage().startsWith("Jacobian check failed: 12 of 12 entries disagree\n  worst "),
                error::getMessage);
    }

    @Test
    void aTangentWithAFlippedSignFailsTheAdjointIdentity() {
        // The backward pass is right, so every entry passes; the forward-mode pass is wrong, and only the
        // adjoint identity between the two sees it.
        VectorFunction function = VectorFunction.builder(layer::forward)
                .vectorJacobianProduct(layer::backward)
                .jacobianVectorProduct((x, dx) -> {
                    double[] dy = layer.tangent(x, dx);
                    dy[0] = -dy[0];
                    return dy;
                })
                .build();

        JacobianReport report = GradientChecker.defaults().checkJacobian(function, input);

        assertFalse(report.passed());
        assertEquals(0, report.failureCount());
        assertEquals(GradientChecker.DEFAULT_PRODUCT_TRIALS, report.consistencyFailureCount());
        assertTrue(report.consistencyChecks().stream().allMatch(c -> c.verdict() == Verdict.FAIL));
    }
}
