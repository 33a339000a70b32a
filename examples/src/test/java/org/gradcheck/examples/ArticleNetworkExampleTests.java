package org.gradcheck.examples;

import static org.gradcheck.GradientAssertions.assertGradientsMatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.gradcheck.DerivativeMismatchError;
import org.gradcheck.report.GradientReport;
import org.junit.jupiter.api.Test;

/**
 * Example: {@code assertGradientsMatch} in a plain {@code @Test}, on the article's network and one real cat
 * image drawn at random (with a fixed seed, so the test is repeatable).
 *
 * <p>This is the simplest way to use GradCheck: one static call in any test. On failure it throws an
 * {@code AssertionFailedError} whose message is the report, worst parameters first. With the default
 * settings a model whose full check would take more than a second is screened: per block, a directional
 * derivative is compared with the analytic gradient, and a block that disagrees is bisected down to the wrong
 * parameters, which are then checked one by one. That takes a fraction of a second here, where checking all 61,481
 * parameters one by one ({@code GradientChecker.defaults().withStrategy(Strategy.full())}, see
 * {@link SaturationExampleTests}) takes seconds.
 */
class ArticleNetworkExampleTests {

    private final DeepNetwork network = DeepNetwork.of(List.of(12288, 5, 5, 1), Activation.TANH);
    private final Map<String, double[][]> parameters = network.initialize(1);
    private final Batch oneImage = TrainingData.trainingSet().select(new Random(1).nextInt(209));

    @Test
    void backpropagationMatchesFiniteDifferences() {
        Batch scaled = oneImage.scaled(1 / 255.0);

        assertGradientsMatch(network, parameters, scaled);
    }

    @Test
    void aBugInLayerTwoFailsTheTestAndTheReportNamesW2() {
        DeepNetwork buggy = network.withBug(Bug.WRONG_SIGN, 2);

        DerivativeMismatchError error = assertThrows(DerivativeMismatchError.class,
                () -> assertGradientsMatch(buggy, parameters, oneImage));

        GradientReport report = (GradientReport) error.report();
        assertEquals(Set.of("W2"), BackpropagationBugExampleTests.failingBlocks(report));
        assertEquals(25, report.failureCount());
        assertEquals("W2", report.worst(1).get(0).block());
    }
}
