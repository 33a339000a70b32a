package org.gradcheck.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gradcheck.GradientChecker;
import org.gradcheck.layout.Parameters;
import org.gradcheck.report.GradientReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeepNetworkTests {

    private final DeepNetwork network = DeepNetwork.of(List.of(6, 4, 3, 1), Activation.TANH);

    static Batch randomBatch(int features, int size, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[features][size];
        double[] y = new double[size];
        for (int e = 0; e < size; e++) {
            for (int k = 0; k < features; k++) {
                x[k][e] = random.nextGaussian();
            }
            y[e] = random.nextBoolean() ? 1 : 0;
        }
        return Batch.of(x, y);
    }

    @Test
    void theArticlesNetworkHas61481ParametersInTheArticlesOrder() {
        DeepNetwork article = DeepNetwork.of(List.of(12288, 5, 5, 1), Activation.TANH);

        assertEquals(61_481, article.layout().size());
        assertEquals(List.of("W1", "b1", "W2", "b2", "W3", "b3"),
                article.layout().blocks().stream().map(b -> b.name()).collect(java.util.stream.Collectors.toList()));
        assertEquals("b1[4,0]", article.layout().nameOf(61_444));
        assertEquals(3, article.depth());
    }

    @Test
    void initialWeightsAreSeededRandnTimesOneHundredthAndBiasesZero() {
        DeepNetwork wide = DeepNetwork.of(List.of(400, 50, 1), Activation.TANH);
        Map<String, double[][]> first = wide.initialize(7);
        Map<String, double[][]> again = wide.initialize(7);

        assertArrayEquals(first.get("W1")[3], again.get("W1")[3]);
        assertNotEquals(first.get("W1")[3][0], wide.initialize(8).get("W1")[3][0]);
        double squares = 0;
        for (double[] row : first.get("W1")) {
            for (double w : row) {
                squares += w * w;
            }
        }
        double standardDeviation = Math.sqrt(squares / (400 * 50));
        assertEquals(0.01, standardDeviation, 0.0002);
        for (double[] b : first.get("b1")) {
            assertArrayEquals(new double[] {0}, b);
        }
    }

    @Test
    void aOneLayerNetworkIsLogisticRegressionWithTheLogLoss() {
        DeepNetwork logistic = DeepNetwork.of(List.of(2, 1), Activation.TANH);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("W1", new double[][] {{0.5, -1.0}});
        parameters.put("b1", new double[][] {{0.25}});
        Batch batch = Batch.of(new double[][] {{1, 2}, {3, -1}}, new double[] {1, 0});

        double z1 = 0.5 * 1 - 1.0 * 3 + 0.25;
        double z2 = 0.5 * 2 - 1.0 * -1 + 0.25;
        double expected = (-Math.log(sigmoid(z1)) - Math.log(1 - sigmoid(z2))) / 2;
        assertEquals(expected, logistic.cost(Parameters.copyOf(parameters), batch), 1e-15);

        double[][] dW = logistic.gradients(Parameters.copyOf(parameters), batch).get("dW1");
        assertEquals(((sigmoid(z1) - 1) * 1 + sigmoid(z2) * 2) / 2, dW[0][0], 1e-15);
        assertEquals(((sigmoid(z1) - 1) * 3 + sigmoid(z2) * -1) / 2, dW[0][1], 1e-15);
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void theCostStaysFiniteWhenTheOutputSaturates() {
        DeepNetwork logistic = DeepNetwork.of(List.of(1, 1), Activation.TANH);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("W1", new double[][] {{1000}});
        parameters.put("b1", new double[][] {{0}});
        Batch wrong = Batch.of(new double[][] {{1}}, new double[] {0});

        assertEquals(1000, logistic.cost(Parameters.copyOf(parameters), wrong), 1e-12);
    }

    @Test
    void batchCostAndGradientsAreTheMeansOverItsExamples() {
        Parameters parameters = Parameters.copyOf(network.initialize(3, 0.5));
        Batch batch = randomBatch(6, 5, 11);

        double meanCost = 0;
        double[] meanGradient = new double[network.layout().size()];
        for (int e = 0; e < batch.size(); e++) {
            Batch one = batch.select(e);
            meanCost += network.cost(parameters, one) / batch.size();
            double[] gradient = network.layout().rollGradients(network.gradients(parameters, one),
                    org.gradcheck.layout.GradientNaming.standard());
            for (int i = 0; i < gradient.length; i++) {
                meanGradient[i] += gradient[i] / batch.size();
            }
        }
        assertEquals(meanCost, network.cost(parameters, batch), 1e-14);
        assertArrayEquals(meanGradient, network.layout().rollGradients(network.gradients(parameters, batch),
                org.gradcheck.layout.GradientNaming.standard()), 1e-14);
    }

    @Test
    void gradientsIncludeTheActivationGradientsOfEveryLayerBelowTheOutput() {
        Map<String, double[][]> gradients = network.gradients(Parameters.copyOf(network.initialize(1)), randomBatch(6, 3, 1));

        assertEquals(List.of("dW3", "db3", "dA2", "dW2", "db2", "dA1", "dW1", "db1", "dA0"), List.copyOf(gradients.keySet()));
        assertEquals(6, gradients.get("dA0").length);
        assertEquals(3, gradients.get("dA0")[0].length);
        assertEquals(4, gradients.get("dW2")[0].length);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 10})
    void theCorrectNetworkPassesOnBatchesOfAnySize(int size) {
        Batch batch = randomBatch(6, size, size);
        for (Activation activation : Activation.values()) {
            DeepNetwork model = DeepNetwork.of(List.of(6, 4, 3, 1), activation);
            // Biases 0.1 keep ReLU units off their kink at 0 (see ReluNetworkExampleTests).
            Map<String, double[][]> parameters = withBiases(model.initialize(5, 0.5), 0.1);
            GradientReport report = GradientChecker.defaults().check(model, parameters, batch);

            assertTrue(report.passed(), () -> activation + "\n" + report);
        }
    }

    /** A copy of {@code parameters} with every bias set to {@code value}. */
    static Map<String, double[][]> withBiases(Map<String, double[][]> parameters, double value) {
        Map<String, double[][]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, double[][]> entry : parameters.entrySet()) {
            double[][] block = new double[entry.getValue().length][];
            for (int r = 0; r < block.length; r++) {
                block[r] = entry.getValue()[r].clone();
                if (entry.getKey().startsWith("b")) {
                    java.util.Arrays.fill(block[r], value);
                }
            }
            copy.put(entry.getKey(), block);
        }
        return copy;
    }

    @ParameterizedTest
    @EnumSource(value = Bug.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void everyBugLeavesTheCostAlone(Bug bug) {
        DeepNetwork deep = DeepNetwork.of(List.of(6, 4, 4, 4, 1), Activation.TANH);
        Parameters parameters = Parameters.copyOf(deep.initialize(2, 0.5));
        Batch batch = randomBatch(6, 3, 2);

        assertEquals(deep.cost(parameters, batch), deep.withBug(bug, 2).cost(parameters, batch));
    }

    @Test
    void rejectsAnOutputLayerOfMoreThanOneUnit() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DeepNetwork.of(List.of(4, 3, 2), Activation.TANH));

        assertEquals("the output layer has 2 units in [4, 3, 2]: this binary classifier has one sigmoid output unit; "
                + "end the list with 1", error.getMessage());
    }

    @Test
    void rejectsAHiddenLayerBugInTheOutputLayer() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> network.withBug(Bug.TANH_DERIVATIVE_FROM_Z, 3));

        assertEquals("TANH_DERIVATIVE_FROM_Z needs a hidden layer (1 to 2) but layer was 3", error.getMessage());
    }

    @Test
    void rejectsABatchOfAnotherWidth() {
        Parameters parameters = Parameters.copyOf(network.initialize(1));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> network.cost(parameters, randomBatch(5, 1, 1)));

        assertEquals("the batch has 5 features but the input layer has 6 units: build the network with layer sizes "
                + "starting with 5", error.getMessage());
    }

    @Test
    void rejectsParametersOfAnotherShape() {
        Parameters parameters = Parameters.copyOf(DeepNetwork.of(List.of(6, 5, 3, 1), Activation.TANH).initialize(1));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> network.cost(parameters, randomBatch(6, 1, 1)));

        assertEquals("parameter W1 has shape [5, 6] but this network needs [4, 6]", error.getMessage());
    }
}
