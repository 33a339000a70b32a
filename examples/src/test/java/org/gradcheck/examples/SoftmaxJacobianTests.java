package org.gradcheck.examples;

import static org.gradcheck.GradientAssertions.assertJacobianMatches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gradcheck.DerivativeMismatchError;
import org.gradcheck.GradientChecker;
import org.gradcheck.StepSize;
import org.gradcheck.examples.layers.Softmax;
import org.gradcheck.function.VectorFunction;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.Entry;
import org.gradcheck.report.JacobianReport;
import org.gradcheck.report.Verdict;
import org.junit.jupiter.api.Test;

/** The softmax Jacobian {@code y_i (delta_ij - y_j)}: every output depends on every input. */
class SoftmaxJacobianTests {

    private static final double[] LOGITS = {1.2, -0.3, 0.5, 2.0};

    private static final ParameterLayout LOGIT_NAMES = ParameterLayout.vector("z", 4);
    private static final ParameterLayout PROBABILITY_NAMES = ParameterLayout.vector("p", 4);

    @Test
    void fullJacobianAndBackwardPassAgreeWithFiniteDifferencesAndEachOther() {
        VectorFunction softmax = VectorFunction.builder(Softmax::value)
                .jacobian(Softmax::jacobian)
                .vectorJacobianProduct(Softmax::backward)
                .build();

        JacobianReport report = assertJacobianMatches(softmax, LOGITS, LOGIT_NAMES, PROBABILITY_NAMES);

        assertEquals(16, report.size());
        assertEquals(3, report.consistencyChecks().size());
        for (Entry entry : report.entries()) {
            assertTrue(entry.absoluteError() < 1e-10, entry::toString);
        }
        // each column sums to zero: the probabilities always sum to one
        double[][] jacobian = report.analyticJacobian();
        for (int j = 0; j < 4; j++) {
            double sum = 0;
            for (int i = 0; i < 4; i++) {
                sum += jacobian[i][j];
            }
            assertEquals(0, sum, 1e-16);
        }
    }

    @Test
    void aDiagonalOnlyJacobianFailsOnEveryOffDiagonalEntry() {
        VectorFunction wrong = VectorFunction.of(Softmax::value, Softmax::diagonalJacobian);

        DerivativeMismatchError error = assertThrows(DerivativeMismatchError.class,
                () -> assertJacobianMatches(wrong, LOGITS, LOGIT_NAMES, PROBABILITY_NAMES));

        JacobianReport report = (JacobianReport) error.report();
        assertEquals(12, report.failureCount());
        for (Entry failure : report.failures()) {
            assertTrue(failure.outputIndex() != failure.inputIndex(), failure::toString);
        }
        assertEquals(Verdict.PASS, report.entry("p[2]", "z[2]").verdict());
        // the missing off-diagonal entries are -p_i p_j: the largest, for p[3] = 0.564 and p[0] = 0.253, is -0.143
        assertEquals(0, report.entry("p[3]", "z[0]").analytic());
        assertEquals(-0.143, report.entry("p[3]", "z[0]").numerical(), 1e-3);
    }

    @Test
    void largeLogitsAreRescuedByRefinementWhenTheAutomaticStepIsTooCoarse() {
        // softmax(z + c) = softmax(z): the function varies on the scale of differences of logits, not of |z|, so the
        // automatic step, 6.055e-6 * 800 = 4.8e-3, is too coarse for a first estimate (the measured noise is 4.5e-17
        // of the size of y, so the step is the usual one); the first estimate settles no entry, and Ridders' method
        // brings every one below 5e-13 relative
        double[] large = {800, 801, 799, 800.5};
        VectorFunction softmax = VectorFunction.builder(Softmax::value).vectorJacobianProduct(Softmax::backward).build();

        JacobianReport automatic = GradientChecker.defaults().checkJacobian(softmax, large);
        JacobianReport absolute = GradientChecker.defaults().withStepSize(StepSize.absolute(1e-5)).checkJacobian(softmax, large);

        assertTrue(automatic.passed(), automatic::toString);
        assertEquals(16, automatic.refinedCount(), automatic::toString);
        for (Entry entry : automatic.entries()) {
            assertTrue(entry.relativeError() < 1e-10, entry::toString);
        }
        assertTrue(absolute.passed(), absolute::toString);
        assertEquals(0, absolute.refinedCount(), absolute::toString);
    }
}
