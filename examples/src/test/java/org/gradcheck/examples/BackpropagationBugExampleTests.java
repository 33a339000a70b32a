package org.gradcheck.examples;

import static org.gradcheck.GradientAssertions.assertGradientsMatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gradcheck.DerivativeMismatchError;
import org.gradcheck.report.BlockSummary;
import org.gradcheck.report.DerivativeReport;
import org.gradcheck.report.GradientReport;
import org.junit.jupiter.api.Test;

/**
 * Example: what a gradient check says about classic backpropagation bugs.
 *
 * <p>Each test injects one bug into a small tanh network's backward pass and asserts that the check fails
 * and that its report names exactly the blocks the bug corrupts. The tests are green because they expect
 * the failure: that is how to keep a failing-by-design example in a test suite.
 *
 * <p>The network {@code [6, 4, 4, 4, 1]} has two hidden layers of the same shape, so that two layers'
 * gradients can be swapped; weights {@code randn * 0.5} and inputs of order 1 exercise every unit. The
 * batch has four examples, so that a bias gradient summed instead of averaged is four times too large.
 */
class BackpropagationBugExampleTests {

    private final DeepNetwork network = DeepNetwork.of(List.of(6, 4, 4, 4, 1), Activation.TANH);
    private final Map<String, double[][]> parameters = network.initialize(42, 0.5);
    private final Batch batch = DeepNetworkTests.randomBatch(6, 4, 42);

    @Test
    void theCorrectNetworkPasses() {
        assertGradientsMatch(network, parameters, batch);
    }

    @Test
    void wrongSignOfAWeightGradient() {
        GradientReport report = failingCheck(network.withBug(Bug.WRONG_SIGN, 3));

        assertEquals(Set.of("W3"), failingBlocks(report));
        assertEquals(16, report.failureCount());
    }

    @Test
    void transposedWeightGradient() {
        GradientReport report = failingCheck(network.withBug(Bug.TRANSPOSED_WEIGHT_GRADIENT, 2));

        assertEquals(Set.of("W2"), failingBlocks(report));
        GradientReport correct = assertGradientsMatch(network, parameters, batch);
        assertEquals(correct.parameter("W2[1,3]").analytic(), report.parameter("W2[3,1]").analytic());
    }

    @Test
    void tanhDerivativeComputedFromZInsteadOfA() {
        GradientReport report = failingCheck(network.withBug(Bug.TANH_DERIVATIVE_FROM_Z, 2));

        assertEquals(Set.of("W1", "b1", "W2", "b2"), failingBlocks(report), "layer 2 and everything below it");
    }

    @Test
    void missingActivationDerivative() {
        GradientReport report = failingCheck(network.withBug(Bug.MISSING_ACTIVATION_DERIVATIVE, 3));

        assertEquals(Set.of("W1", "b1", "W2", "b2", "W3", "b3"), failingBlocks(report));
    }

    @Test
    void biasGradientSummedInsteadOfAveragedOverTheBatch() {
        GradientReport report = failingCheck(network.withBug(Bug.BIAS_GRADIENT_SUMMED, 1));

        assertEquals(Set.of("b1"), failingBlocks(report));
        double analytic = report.parameter("b1[0,0]").analytic();
        double numerical = report.parameter("b1[0,0]").numerical();
        assertEquals(4, analytic / numerical, 1e-6, "four examples summed instead of averaged");
    }

    @Test
    void biasGradientSummedIsInvisibleOnASingleExample() {
        // The blind spot of checking on one example: sum and mean of one value are the same.
        assertGradientsMatch(network.withBug(Bug.BIAS_GRADIENT_SUMMED, 1), parameters, batch.select(0));
    }

    @Test
    void gradientsOfTwoLayersSwapped() {
        GradientReport report = failingCheck(network.withBug(Bug.SWAPPED_LAYER_GRADIENTS, 2));

        assertEquals(Set.of("W2", "b2", "W3", "b3"), failingBlocks(report));
    }

    @Test
    void theFailureMessageIsTheReportNamingTheWrongParameters() {
        DerivativeMismatchError error = assertThrows(DerivativeMismatchError.class,
                () -> assertGradientsMatch(network.withBug(Bug.WRONG_SIGN, 3), parameters, batch));

        String message = error.getMessage();
        assertTrue(message.startsWith("Gradient check failed: 16 of 73 parameters disagree"), message);
        assertTrue(message.contains("worst W3["), message);
        assertTrue(message.contains("\nW3 "), message);
    }

    /** Runs the check, expects it to fail, and returns its report. */
    private GradientReport failingCheck(DeepNetwork buggy) {
        DerivativeMismatchError error = assertThrows(DerivativeMismatchError.class,
                () -> assertGradientsMatch(buggy, parameters, batch), () -> buggy + " passed the check");
        return (GradientReport) error.report();
    }

    static Set<String> failingBlocks(DerivativeReport report) {
        Set<String> names = new TreeSet<>();
        for (BlockSummary block : report.blocks()) {
            if (!block.passed()) {
                names.add(block.name());
            }
        }
        return names;
    }
}
