package org.gradcheck.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gradcheck.DerivativeMismatchError;
import org.gradcheck.GradientChecker;
import org.gradcheck.junit.ExampleSet;
import org.gradcheck.junit.ExampleSource;
import org.gradcheck.junit.GradientCheck;
import org.gradcheck.junit.TrialInfo;

/**
 * Example: {@code @GradientCheck}, seeded and repeatable trials on examples drawn at random from the real
 * training set, as the article recommends (a few examples, not all of them).
 *
 * <p>Each trial draws two images from the 209, with its own seed derived from the root seed; the display
 * name shows the drawn indices, and a failing trial's message ends with the properties that rerun exactly
 * that trial ({@code -Dgradcheck.seed=... -Dgradcheck.trial=...}). The extension injects the drawn batch and a
 * checker configured by the annotation.
 */
class GradientCheckExampleTests {

    private static final DeepNetwork NETWORK = DeepNetwork.of(List.of(12288, 5, 5, 1), Activation.TANH);
    private static final Map<String, double[][]> PARAMETERS = NETWORK.initialize(1);

    /** The training images scaled to [0, 1], as a data set whose batches are the network's {@link Batch}. */
    static ExampleSet<Batch> trainingSet() {
        Batch training = TrainingData.trainingSet().scaled(1 / 255.0);
        return new ExampleSet<>() {
            @Override
            public int size() {
                return training.size();
            }

            @Override
            public Batch batch(int[] indices) {
                return training.select(indices);
            }
        };
    }

    @GradientCheck(trials = 3, examples = 2, seed = "2018")
    @ExampleSource("trainingSet")
    void backpropagationMatchesFiniteDifferences(Batch batch, GradientChecker checker) {
        checker.assertMatches(NETWORK, PARAMETERS, batch);
    }

    @GradientCheck(trials = 2, examples = 3, seed = "2018")
    @ExampleSource("trainingSet")
    void aBiasGradientSummedOverTheBatchIsCaughtInEveryTrial(Batch batch, GradientChecker checker, TrialInfo trial) {
        DeepNetwork buggy = NETWORK.withBug(Bug.BIAS_GRADIENT_SUMMED, 2);

        DerivativeMismatchError error = assertThrows(DerivativeMismatchError.class,
                () -> checker.assertMatches(buggy, PARAMETERS, batch));

        assertEquals(Set.of("b2"), BackpropagationBugExampleTests.failingBlocks(error.report()), () -> "trial " + trial);
    }
}
