package org.gradcheck.examples;

import static org.gradcheck.GradientAssertions.assertGradientsMatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gradcheck.GradientChecker;
import org.gradcheck.KinkPolicy;
import org.gradcheck.report.Entry;
import org.gradcheck.report.GradientReport;
import org.junit.jupiter.api.Test;

/**
 * Example: checking a ReLU network, and the one trap ReLU sets for a gradient check.
 *
 * <p>ReLU's derivative jumps at 0. A central difference whose step crosses the jump averages the two sides
 * and disagrees with either one-sided derivative. Random weights and inputs put no unit there, almost
 * surely; zero biases can: when an example switches off every unit of a layer, the next layer's
 * pre-activations are exactly 0 and its biases sit on the kink. GradCheck notices a kink (the one-sided
 * derivatives differ) and by default accepts an analytic value between them as a subgradient, counting
 * it in the report; {@code KinkPolicy.FAIL} fails it instead. Giving ReLU biases a small positive value
 * (0.1), as is customary anyway, moves every unit off the kink.
 */
class ReluNetworkExampleTests {

    @Test
    void reluNetworkOnTwoRealImages() {
        DeepNetwork network = DeepNetwork.of(List.of(12288, 3, 2, 1), Activation.RELU);
        Map<String, double[][]> parameters = DeepNetworkTests.withBiases(network.initialize(11), 0.1);
        Batch twoImages = TrainingData.trainingSet().select(3, 150).scaled(1 / 255.0);

        GradientReport report = assertGradientsMatch(network, parameters, twoImages);

        assertEquals(0, report.barelyTestedBlocks(), report::toString);
    }

    @Test
    void zeroBiasesPutUnitsExactlyOnTheKink() {
        DeepNetwork network = DeepNetwork.of(List.of(6, 4, 3, 1), Activation.RELU);
        Map<String, double[][]> zeroBiases = network.initialize(5, 0.5);
        Batch batch = DeepNetworkTests.randomBatch(6, 10, 10);

        GradientReport onTheKink = GradientChecker.defaults().check(network, zeroBiases, batch);
        GradientReport strict = GradientChecker.defaults().withKinkPolicy(KinkPolicy.FAIL).check(network, zeroBiases, batch);
        GradientReport offTheKink = GradientChecker.defaults().check(network, DeepNetworkTests.withBiases(zeroBiases, 0.1), batch);

        assertTrue(onTheKink.passed(), "by default a value between the one-sided derivatives is accepted as a subgradient");
        assertEquals(Set.of("b2"), onTheKink.kinks().stream().map(Entry::block).collect(Collectors.toSet()));
        assertFalse(strict.passed(), "KinkPolicy.FAIL fails parameters at kinks");
        assertEquals(Set.of("b2"), BackpropagationBugExampleTests.failingBlocks(strict));
        assertTrue(offTheKink.passed(), offTheKink::toString);
        assertEquals(0, offTheKink.kinkCount(), "biases of 0.1 move every unit off its kink");
    }
}
