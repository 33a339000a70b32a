package org.gradcheck.examples;

import static org.gradcheck.GradientAssertions.assertGradientsMatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.gradcheck.DerivativeMismatchError;
import org.gradcheck.GradientChecker;
import org.gradcheck.layout.GradientNaming;
import org.gradcheck.layout.Parameters;
import org.gradcheck.report.GradientReport;
import org.junit.jupiter.api.Test;

/**
 * Example: a multi-class softmax model with a vector bias block, checked at its starting point and again
 * after training, where gradients are small.
 */
class SoftmaxExampleTests {

    private final SoftmaxRegression softmax = new SoftmaxRegression(4, 3);
    private final Batch batch = threeClasses(60, 5);

    @Test
    void softmaxGradientsMatchAtARandomPoint() {
        Map<String, Object> parameters = softmax.initialize(1, 0.5);

        GradientReport report = assertGradientsMatch(softmax, parameters, batch);

        assertEquals(15, report.size(), "W is 3 x 4, b has 3 entries");
        assertEquals("b[2]", report.layout().nameOf(14));
    }

    @Test
    void softmaxGradientsStillMatchAfterTraining() {
        Parameters parameters = Parameters.copyOf(softmax.initialize(1, 0.5));
        double before = softmax.cost(parameters, batch);
        double[] theta = parameters.values().clone();
        for (int step = 0; step < 300; step++) {
            double[] gradient = softmax.layout().rollGradients(
                    softmax.gradients(Parameters.view(softmax.layout(), theta), batch), GradientNaming.standard());
            for (int i = 0; i < theta.length; i++) {
                theta[i] -= 0.5 * gradient[i];
            }
        }
        Parameters trained = Parameters.view(softmax.layout(), theta);

        assertTrue(softmax.cost(trained, batch) < before / 3, "training lowered the cost");
        GradientChecker.defaults().assertMatches(softmax, trained, batch);
    }

    @Test
    void aGradientWithoutTheOneHotTermIsCaught() {
        SoftmaxRegression forgetful = new SoftmaxRegression(4, 3) {
            @Override
            public Map<String, Object> gradients(Parameters parameters, Batch examples) {
                // dZ = P instead of P - Y: the label's -1 is forgotten.
                Map<String, Object> gradients = super.gradients(parameters, examples);
                double[] db = (double[]) gradients.get("db");
                double[] counts = new double[3];
                for (int e = 0; e < examples.size(); e++) {
                    counts[(int) examples.y(e)]++;
                }
                for (int c = 0; c < 3; c++) {
                    db[c] += counts[c] / examples.size();
                }
                return gradients;
            }
        };

        DerivativeMismatchError error = assertThrows(DerivativeMismatchError.class,
                () -> assertGradientsMatch(forgetful, softmax.initialize(1, 0.5), batch));

        assertEquals(3, error.report().failureCount());
        assertEquals("b", error.report().worst(1).get(0).block());
    }

    @Test
    void aLabelOutsideTheClassesIsNamed() {
        Batch wrong = Batch.of(new double[][] {{1}, {0}, {0}, {0}}, new double[] {3});
        Parameters parameters = Parameters.copyOf(softmax.initialize(1, 0.5));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> softmax.cost(parameters, wrong));

        assertEquals("example 0 has label 3.0 but labels must be class indices 0 to 2", error.getMessage());
    }

    /** Three Gaussian clouds in four dimensions; labels 0, 1, 2. */
    private static Batch threeClasses(int size, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[4][size];
        double[] y = new double[size];
        for (int e = 0; e < size; e++) {
            int label = e % 3;
            y[e] = label;
            for (int k = 0; k < 4; k++) {
                x[k][e] = (k == label ? 2 : 0) + random.nextGaussian() * 0.5;
            }
        }
        return Batch.of(x, y);
    }
}
