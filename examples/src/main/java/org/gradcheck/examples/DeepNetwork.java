package org.gradcheck.examples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gradcheck.function.GradientModel;
import org.gradcheck.layout.Block;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.layout.Parameters;

/**
 * The article's L-layer binary classifier, written from scratch on plain {@code double[]} arithmetic: hidden
 * layers with tanh or ReLU, a sigmoid output unit, binary cross-entropy averaged over the batch, and
 * backpropagation that returns {@code dW1, db1, ..., dWL, dbL} and {@code dA0, ..., dA(L-1)}.
 *
 * <p>Parameters are {@code W1} ({@code n1 x n0}), {@code b1} ({@code n1 x 1}), ..., {@code WL}, {@code bL},
 * in that order, the shapes the article uses:
 * <pre>{@code
 * DeepNetwork network = DeepNetwork.of(List.of(12288, 5, 5, 1), Activation.TANH);
 * Map<String, double[][]> parameters = network.initialize(1);       // randn * 0.01, zero biases
 * Batch one = CatImages.trainingSet(dataDirectory).select(17);
 * GradientReport report = GradientChecker.defaults().check(network, parameters, one);
 * }</pre>
 *
 * <p>The model reads its parameters straight from {@link Parameters#values()} with each block's offset and
 * allocates only a few small arrays per call, so the checker's two forward passes per parameter are cheap:
 * a forward pass of the {@code [12288, 5, 5, 1]} network on one example is about 61,000 multiply-adds.
 *
 * <p>{@link #withBug(Bug, int)} returns a copy whose backward pass has one of the classic {@link Bug}s in one
 * layer, to see what a gradient check says about it. Networks are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class DeepNetwork implements GradientModel<Batch> {

    /** The factor of the initial weights: {@code W = randn * 0.01}, as in the article. */
    public static final double WEIGHT_SCALE = 0.01;

    private final int[] sizes;
    private final Activation activation;
    private final Bug bug;
    private final int bugLayer;
    private final ParameterLayout layout;
    private final String[] weightNames;
    private final String[] biasNames;

    private DeepNetwork(int[] sizes, Activation activation, Bug bug, int bugLayer) {
        this.sizes = sizes;
        this.activation = activation;
        this.bug = bug;
        this.bugLayer = bugLayer;
        int depth = sizes.length - 1;
        this.weightNames = new String[depth + 1];
        this.biasNames = new String[depth + 1];
        ParameterLayout.Builder builder = ParameterLayout.builder();
        for (int l = 1; l <= depth; l++) {
            weightNames[l] = "W" + l;
            biasNames[l] = "b" + l;
            builder.matrix(weightNames[l], sizes[l], sizes[l - 1]).matrix(biasNames[l], sizes[l], 1);
        }
        this.layout = builder.build();
    }

    /**
     * A network with the given layer sizes, from the input features to the single output unit:
     * {@code [12288, 5, 5, 1]} is the article's.
     *
     * @param layerSizes at least two sizes, each {@code >= 1}, the last {@code 1} (one sigmoid output)
     * @param hidden the activation of the hidden layers
     * @return the network, without bugs
     * @throws IllegalArgumentException if a size is missing, not positive, or the last is not 1
     */
    public static DeepNetwork of(List<Integer> layerSizes, Activation hidden) {
        if (layerSizes == null || layerSizes.size() < 2) {
            throw new IllegalArgumentException("layerSizes must list at least the input and the output layer, e.g. "
                    + "List.of(12288, 5, 5, 1), but was " + layerSizes);
        }
        if (hidden == null) {
            throw new IllegalArgumentException("hidden must not be null: use Activation.TANH (the article's) or Activation.RELU");
        }
        int[] sizes = new int[layerSizes.size()];
        for (int l = 0; l < sizes.length; l++) {
            Integer size = layerSizes.get(l);
            if (size == null || size < 1) {
                throw new IllegalArgumentException("layer " + l + " has size " + size + " in " + layerSizes
                        + ": every layer needs at least one unit");
            }
            sizes[l] = size;
        }
        if (sizes[sizes.length - 1] != 1) {
            throw new IllegalArgumentException("the output layer has " + sizes[sizes.length - 1] + " units in " + layerSizes
                    + ": this binary classifier has one sigmoid output unit; end the list with 1");
        }
        return new DeepNetwork(sizes, hidden, Bug.NONE, 0);
    }

    /**
     * A copy whose backpropagation has {@code bug} in layer {@code layer} (1 to L); {@code Bug.NONE} gives the
     * correct network.
     *
     * @param bug the bug
     * @param layer the layer it is in, 1 to L (ignored for {@code Bug.NONE})
     * @return the network with that bug; this one is not changed
     * @throws IllegalArgumentException if the layer is outside 1..L, or the bug needs a hidden layer (or a
     *     tanh one) and {@code layer} is not
     */
    public DeepNetwork withBug(Bug bug, int layer) {
        if (bug == null) {
            throw new IllegalArgumentException("bug must not be null: use Bug.NONE for the correct network");
        }
        if (bug == Bug.NONE) {
            return new DeepNetwork(sizes, activation, Bug.NONE, 0);
        }
        int depth = depth();
        if (layer < 1 || layer > depth) {
            throw new IllegalArgumentException("layer must be between 1 and " + depth + " but was " + layer);
        }
        boolean hiddenOnly = bug == Bug.TANH_DERIVATIVE_FROM_Z || bug == Bug.MISSING_ACTIVATION_DERIVATIVE
                || bug == Bug.SWAPPED_LAYER_GRADIENTS;
        if (hiddenOnly && layer == depth) {
            throw new IllegalArgumentException(bug + " needs a hidden layer (1 to " + (depth - 1) + ") but layer was " + layer);
        }
        if (bug == Bug.TANH_DERIVATIVE_FROM_Z && activation != Activation.TANH) {
            throw new IllegalArgumentException(bug + " needs tanh hidden layers but this network uses " + activation);
        }
        return new DeepNetwork(sizes, activation, bug, layer);
    }

    /** {@return the layer sizes, input first: {@code [12288, 5, 5, 1]}; an unmodifiable list} */
    public List<Integer> layerSizes() {
        List<Integer> list = new ArrayList<>();
        for (int size : sizes) {
            list.add(size);
        }
        return Collections.unmodifiableList(list);
    }

    /** {@return the number of layers with parameters, {@code L}: 3 for {@code [12288, 5, 5, 1]}} */
    public int depth() {
        return sizes.length - 1;
    }

    /** {@return the hidden layers' activation} */
    public Activation activation() {
        return activation;
    }

    /** {@return the injected bug, {@link Bug#NONE} for the correct network} */
    public Bug bug() {
        return bug;
    }

    /** {@return the layer the bug is in, 0 for the correct network} */
    public int bugLayer() {
        return bugLayer;
    }

    /** {@return the parameter layout {@code W1, b1, ..., WL, bL}: 61,481 parameters for {@code [12288, 5, 5, 1]}} */
    public ParameterLayout layout() {
        return layout;
    }

    /**
     * The article's initial parameters: weights {@code randn * 0.01} from a generator seeded with {@code seed},
     * biases zero, in the order {@code W1, b1, ..., WL, bL}.
     *
     * @param seed the seed of the generator
     * @return the parameters, a new map from block name to a matrix ({@code nl x 1} for a bias)
     */
    public Map<String, double[][]> initialize(long seed) {
        return initialize(seed, WEIGHT_SCALE);
    }

    /**
     * Initial parameters with weights {@code randn * weightScale} (seeded) and zero biases. Small networks on
     * inputs of order 1 are better checked with weights of order 0.5 than 0.01, so that every unit is
     * exercised and a wrong derivative changes the gradient by more than rounding.
     *
     * @param seed the seed of the generator
     * @param weightScale the standard deviation of the weights
     * @return the parameters, a new map from block name to a matrix ({@code nl x 1} for a bias)
     * @throws IllegalArgumentException if {@code weightScale} is not a finite positive number
     */
    public Map<String, double[][]> initialize(long seed, double weightScale) {
        if (!(weightScale > 0) || Double.isInfinite(weightScale)) {
            throw new IllegalArgumentException("weightScale must be a finite number > 0 but was " + weightScale
                    + ": the article uses 0.01");
        }
        Random random = new Random(seed);
        Map<String, double[][]> parameters = new LinkedHashMap<>();
        for (int l = 1; l <= depth(); l++) {
            double[][] weights = new double[sizes[l]][sizes[l - 1]];
            for (double[] row : weights) {
                for (int k = 0; k < row.length; k++) {
                    row[k] = random.nextGaussian() * weightScale;
                }
            }
            parameters.put(weightNames[l], weights);
            parameters.put(biasNames[l], new double[sizes[l]][1]);
        }
        return parameters;
    }

    /**
     * The binary cross-entropy {@code -(1/m) sum(y log a + (1 - y) log(1 - a))} of the output {@code a} on the
     * batch, computed from the output's pre-activation so that it stays finite when {@code a} rounds to 0 or 1.
     *
     * @throws IllegalArgumentException if the parameters do not fit the network or the batch has another
     *     number of features than the input layer
     */
    @Override
    public double cost(Parameters parameters, Batch batch) {
        Forward forward = forward(parameters, batch);
        double[] output = forward.z[depth()];
        double total = 0;
        for (int e = 0; e < batch.size(); e++) {
            double z = output[e];
            double y = batch.y(e);
            total += y * softplus(-z) + (1 - y) * softplus(z);
        }
        return total / batch.size();
    }

    /** {@code log(1 + exp(t))} without overflow. */
    private static double softplus(double t) {
        return Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t)));
    }

    /**
     * The output probabilities {@code a = sigmoid(zL)}, one per example of the batch.
     *
     * @param parameters the network's parameters
     * @param batch the examples
     * @return the probabilities, a new array
     * @throws IllegalArgumentException as {@link #cost(Parameters, Batch)}
     */
    public double[] predict(Parameters parameters, Batch batch) {
        return forward(parameters, batch).a[depth()].clone();
    }

    /**
     * Backpropagation: {@code dWl} ({@code nl x n(l-1)}), {@code dbl} ({@code nl x 1}) for every layer and
     * {@code dA(l-1)} ({@code n(l-1) x m}, the gradient of the cost with respect to the previous layer's
     * activations), averaged over the batch.
     *
     * @throws IllegalArgumentException as {@link #cost(Parameters, Batch)}
     */
    @Override
    public Map<String, double[][]> gradients(Parameters parameters, Batch batch) {
        Forward forward = forward(parameters, batch);
        double[] values = parameters.values();
        int depth = depth();
        int m = batch.size();
        Map<String, double[][]> gradients = new LinkedHashMap<>();
        double[] dz = new double[m];
        for (int e = 0; e < m; e++) {
            dz[e] = forward.a[depth][e] - batch.y(e);
        }
        for (int l = depth; l >= 1; l--) {
            int units = sizes[l];
            int previous = sizes[l - 1];
            double[] aPrevious = l == 1 ? batch.inputs() : forward.a[l - 1];
            double[][] dW = new double[units][previous];
            double[][] db = new double[units][1];
            for (int e = 0; e < m; e++) {
                int from = e * previous;
                for (int j = 0; j < units; j++) {
                    double g = dz[e * units + j];
                    db[j][0] += g;
                    double[] row = dW[j];
                    for (int k = 0; k < previous; k++) {
                        row[k] += g * aPrevious[from + k];
                    }
                }
            }
            double inverse = 1.0 / m;
            for (int j = 0; j < units; j++) {
                for (int k = 0; k < previous; k++) {
                    dW[j][k] *= inverse;
                }
                if (!(bug == Bug.BIAS_GRADIENT_SUMMED && bugLayer == l)) {
                    db[j][0] *= inverse;
                }
            }
            if (bugLayer == l && bug == Bug.WRONG_SIGN) {
                negate(dW);
            }
            if (bugLayer == l && bug == Bug.TRANSPOSED_WEIGHT_GRADIENT) {
                dW = transposedInPlaceOf(dW);
            }
            gradients.put("d" + weightNames[l], dW);
            gradients.put("d" + biasNames[l], db);

            int wOffset = forward.weightOffsets[l];
            double[] dAPrevious = new double[m * previous];
            for (int e = 0; e < m; e++) {
                for (int j = 0; j < units; j++) {
                    double g = dz[e * units + j];
                    int row = wOffset + j * previous;
                    int to = e * previous;
                    for (int k = 0; k < previous; k++) {
                        dAPrevious[to + k] += values[row + k] * g;
                    }
                }
            }
            gradients.put("dA" + (l - 1), asMatrix(dAPrevious, previous, m));
            if (l > 1) {
                dz = hiddenDz(l - 1, dAPrevious, forward);
            }
        }
        if (bug == Bug.SWAPPED_LAYER_GRADIENTS) {
            swap(gradients, "d" + weightNames[bugLayer], "d" + weightNames[bugLayer + 1]);
            swap(gradients, "d" + biasNames[bugLayer], "d" + biasNames[bugLayer + 1]);
        }
        return gradients;
    }

    /** {@code dZ = dA * g'(Z)} for hidden layer {@code l}, with this network's bug if it is there. */
    private double[] hiddenDz(int l, double[] dA, Forward forward) {
        double[] z = forward.z[l];
        double[] a = forward.a[l];
        double[] dz = new double[dA.length];
        for (int i = 0; i < dA.length; i++) {
            double derivative;
            if (bugLayer == l && bug == Bug.TANH_DERIVATIVE_FROM_Z) {
                derivative = 1 - z[i] * z[i];
            } else if (bugLayer == l && bug == Bug.MISSING_ACTIVATION_DERIVATIVE) {
                derivative = 1;
            } else {
                derivative = activation.derivative(z[i], a[i]);
            }
            dz[i] = dA[i] * derivative;
        }
        return dz;
    }

    private static void negate(double[][] matrix) {
        for (double[] row : matrix) {
            for (int k = 0; k < row.length; k++) {
                row[k] = -row[k];
            }
        }
    }

    /** The transpose of {@code matrix}, its values read row by row into a matrix of {@code matrix}'s shape. */
    private static double[][] transposedInPlaceOf(double[][] matrix) {
        int rows = matrix.length;
        int columns = matrix[0].length;
        double[][] wrong = new double[rows][columns];
        int index = 0;
        for (int c = 0; c < columns; c++) {
            for (int r = 0; r < rows; r++) {
                wrong[index / columns][index % columns] = matrix[r][c];
                index++;
            }
        }
        return wrong;
    }

    private static void swap(Map<String, double[][]> map, String first, String second) {
        double[][] value = map.get(first);
        map.put(first, map.get(second));
        map.put(second, value);
    }

    private static double[][] asMatrix(double[] columns, int rows, int count) {
        double[][] matrix = new double[rows][count];
        for (int e = 0; e < count; e++) {
            for (int r = 0; r < rows; r++) {
                matrix[r][e] = columns[e * rows + r];
            }
        }
        return matrix;
    }

    /** Pre-activations and activations of every layer, each stored example by example. */
    private static final class Forward {
        final double[][] z;
        final double[][] a;
        final int[] weightOffsets;

        Forward(int depth) {
            z = new double[depth + 1][];
            a = new double[depth + 1][];
            weightOffsets = new int[depth + 1];
        }
    }

    private Forward forward(Parameters parameters, Batch batch) {
        if (parameters == null) {
            throw new IllegalArgumentException("parameters must not be null: use Parameters.copyOf(network.initialize(seed))");
        }
        if (batch == null) {
            throw new IllegalArgumentException("batch must not be null: pass the examples to compute the cost on");
        }
        if (batch.features() != sizes[0]) {
            throw new IllegalArgumentException("the batch has " + batch.features() + " features but the input layer has "
                    + sizes[0] + " units: build the network with layer sizes starting with " + batch.features());
        }
        int depth = depth();
        int m = batch.size();
        double[] values = parameters.values();
        ParameterLayout given = parameters.layout();
        Forward forward = new Forward(depth);
        for (int l = 1; l <= depth; l++) {
            int units = sizes[l];
            int previous = sizes[l - 1];
            int wOffset = offsetOf(given, weightNames[l], units, previous);
            int bOffset = offsetOf(given, biasNames[l], units, 1);
            forward.weightOffsets[l] = wOffset;
            double[] input = l == 1 ? batch.inputs() : forward.a[l - 1];
            double[] z = new double[m * units];
            double[] a = new double[m * units];
            boolean output = l == depth;
            for (int e = 0; e < m; e++) {
                for (int j = 0; j < units; j++) {
                    double zj = values[bOffset + j] + dot(values, wOffset + j * previous, input, e * previous, previous);
                    z[e * units + j] = zj;
                    a[e * units + j] = output ? sigmoid(zj) : activation.apply(zj);
                }
            }
            forward.z[l] = z;
            forward.a[l] = a;
        }
        return forward;
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private static int offsetOf(ParameterLayout layout, String name, int rows, int columns) {
        if (!layout.hasBlock(name)) {
            throw new IllegalArgumentException("the parameters have no block " + name + ": this network needs "
                    + "W1, b1, ..., WL, bL; create them with network.initialize(seed)");
        }
        Block block = layout.block(name);
        if (block.rows() != rows || block.columns() != columns) {
            throw new IllegalArgumentException("parameter " + name + " has shape " + block.shapeText() + " but this network needs ["
                    + rows + ", " + columns + "]");
        }
        return block.offset();
    }

    /** {@code sum_k w[wFrom + k] * x[xFrom + k]} over {@code n} terms, with four running sums for speed. */
    private static double dot(double[] w, int wFrom, double[] x, int xFrom, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            s0 += w[wFrom + k] * x[xFrom + k];
            s1 += w[wFrom + k + 1] * x[xFrom + k + 1];
            s2 += w[wFrom + k + 2] * x[xFrom + k + 2];
            s3 += w[wFrom + k + 3] * x[xFrom + k + 3];
        }
        for (; k < n; k++) {
            s0 += w[wFrom + k] * x[xFrom + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Returns this model: it keeps no state between calls, so one instance serves every thread of a parallel check. */
    @Override
    public DeepNetwork copyForThread() {
        return this;
    }

    @Override
    public String toString() {
        return "DeepNetwork" + layerSizes() + " " + activation + (bug == Bug.NONE ? "" : " with " + bug + " in layer " + bugLayer);
    }
}
