package org.gradcheck.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.gradcheck.GradientChecker;
import org.gradcheck.Strategy;
import org.gradcheck.UntestedPolicy;
import org.gradcheck.report.DerivativeReport;
import org.gradcheck.report.GradientReport;
import org.junit.jupiter.api.Test;

/**
 * Example: the article's own setup, and what its check really tested.
 *
 * <p>The article checks {@code [12288, 5, 5, 1]} with tanh hidden layers on one raw image (pixels 0..255)
 * with step {@code 1e-7} and reports a difference of 3.0e-9. With raw pixels the first layer's
 * pre-activations are in the hundreds, tanh saturates, and every gradient of {@code W1} and {@code b1} is
 * zero, analytic and numerical alike: the check passes whatever those gradients are. The report counts
 * such parameters and warns about the blocks they make up ({@link Coverage} counts them with a fixed
 * threshold of 1e-12); {@code UntestedPolicy.FAIL} makes such a check fail. On pixels scaled to [0, 1] the
 * first layer is exercised and the same check tests it.
 */
class SaturationExampleTests {

    private final DeepNetwork network = DeepNetwork.of(List.of(12288, 5, 5, 1), Activation.TANH);
    private final Map<String, double[][]> parameters = network.initialize(Demo.SEED);
    private final Batch rawImage = TrainingData.trainingSet().select(new Random(Demo.SEED).nextInt(209));
    private final Batch scaledImage = rawImage.scaled(1 / 255.0);
    /** The article's check: every parameter, step 1e-7; on two threads, which gives the same figures as one. */
    private final GradientChecker article = GradientChecker.defaults().withStep(Demo.ARTICLE_STEP).withStrategy(Strategy.full())
            .withThreads(2);

    @Test
    void theArticlesCheckPassesButTestsOnlyTheLastTwoLayers() {
        GradientReport report = article.check(network, parameters, rawImage);

        assertTrue(report.passed(), report::toString);
        assertEquals(1.59e-9, report.overallDifference(), 0.1e-9, "the article reports 3.0e-9 for its own draw");
        Coverage coverage = Coverage.of(report);
        assertEquals(61_440, coverage.untested("W1"), "all of W1");
        assertEquals(5, coverage.untested("b1"));
        assertEquals(0, coverage.untested("W2") + coverage.untested("b2") + coverage.untested("W3") + coverage.untested("b3"));
        assertTrue(coverage.untestedFraction() > 0.999);
        assertEquals(List.of("W1", "b1"), coverage.mostlyUntestedBlocks());

        // The report says so itself: its own count of negligible gradients, and a warning per block.
        assertEquals(61_440, report.blocks().get(0).negligible());
        assertEquals(2, report.barelyTestedBlocks());
        assertTrue(report.warnings().get(0).startsWith("block W1 was barely tested: 61440 of 61440 entries (100.0%)"),
                report.warnings()::toString);
        // the warning names the size of the cost, whose rounding could hide small derivatives: here the cost itself
        assertTrue(report.warnings().get(0).contains("(|f| = " + DerivativeReport.formatBrief(report.value()) + ")"),
                () -> "value " + report.value() + ": " + report.warnings().get(0));
    }

    @Test
    void untestedPolicyFailTurnsTheArticlesCheckIntoAFailure() {
        GradientReport report = article.withUntestedPolicy(UntestedPolicy.FAIL).check(network, parameters, rawImage);

        assertFalse(report.passed(), "W1 and b1 were barely tested");
        assertEquals(0, report.failureCount(), "no parameter disagrees: the blocks were just not tested");
    }

    @Test
    void onScaledPixelsTheSameCheckTestsEveryLayer() {
        GradientReport report = article.check(network, parameters, scaledImage);

        assertTrue(report.passed(), report::toString);
        Coverage coverage = Coverage.of(report);
        assertEquals(0, coverage.untested());
        assertTrue(coverage.isInformative());
    }

    @Test
    void aFirstLayerBugPassesOnRawPixelsAndFailsOnScaledOnes() {
        DeepNetwork buggy = network.withBug(Bug.TRANSPOSED_WEIGHT_GRADIENT, 1);

        GradientReport raw = article.check(buggy, parameters, rawImage);
        GradientReport scaled = article.check(buggy, parameters, scaledImage);

        assertTrue(raw.passed(), "invisible: every W1 gradient is zero on raw pixels");
        assertFalse(scaled.passed());
        assertEquals(Set.of("W1"), BackpropagationBugExampleTests.failingBlocks(scaled));
        assertTrue(scaled.failureCount() > 61_000, "nearly all of W1: " + scaled.failureCount());
    }
}
