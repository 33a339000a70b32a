package org.gradcheck.examples;

import static org.gradcheck.GradientAssertions.assertGradientsMatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.gradcheck.GradientChecker;
import org.gradcheck.report.GradientReport;
import org.junit.jupiter.api.Test;

/**
 * Example: checking a ReLU network, and the one trap ReLU sets for a gradient check.
 *
 * <p>ReLU's derivative jumps at 0. A central difference whose step crosses the jump averages the two sides
 * and disagrees with either one-sided derivative, so a correct backpropagation fails for every parameter
 * that moves a unit sitting within a step of 0. Random weights and inputs put no unit there, almost surely;
 * zero biases can: when an example switches off every unit of a layer, the next layer's pre-activations
 * are exactly 0 and its biases sit on the kink. Give ReLU biases a small positive value (0.1), as is
 * customary for ReLU anyway, before checking.
 */
class ReluNetworkExampleTests {

    @Test
    void reluNetworkOnTwoRealImages() {
        DeepNetwork network = DeepNetwork.of(List.of(12288, 3, 2, 1), Activation.RELU);
        Map<String, double[][]> parameters = DeepNetworkTests.withBiases(network.initialize(11), 0.1);
        Batch twoImages = TrainingData.trainingSet().select(3, 150).scaled(1 / 255.0);

        GradientReport report = assertGradientsMatch(network, parameters, twoImages);

        Coverage coverage = Coverage.of(report);
        assertTrue(coverage.isInformative(), coverage::toString);
    }

    @Test
    void zeroBiasesCanPutAUnitExactlyOnTheKink() {
        DeepNetwork network = DeepNetwork.of(List.of(6, 4, 3, 1), Activation.RELU);
        Map<String, double[][]> parameters = network.initialize(5, 0.5);
        Batch batch = DeepNetworkTests.randomBatch(6, 10, 10);

        GradientReport onTheKink = GradientChecker.defaults().check(network, parameters, batch);
        GradientReport offTheKink = GradientChecker.defaults().check(network, DeepNetworkTests.withBiases(parameters, 0.1), batch);

        assertFalse(onTheKink.passed(), "a correct ReLU gradient looks wrong on the kink");
        assertEquals(java.util.Set.of("b2"), BackpropagationBugExampleTests.failingBlocks(onTheKink));
        assertTrue(offTheKink.passed(), offTheKink::toString);
    }
}
