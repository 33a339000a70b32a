package org.gradcheck.corpus;

import java.util.SplittableRandom;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.layout.Block;
import org.gradcheck.layout.ParameterLayout;

/**
 * A small fully connected network [4, 4, 4, 1] with a sigmoid output and binary cross-entropy averaged
 * over a batch, as a function of its flat parameters, with classic backpropagation bugs that can be
 * switched on one at a time.
 */
final class TinyNetwork implements DifferentiableFunction {

    enum Activation { TANH, RELU }

    enum Bug {
        NONE,
        WRONG_SIGN_OUTPUT_LAYER,
        TRANSPOSED_WEIGHT_GRADIENT,
        TANH_DERIVATIVE_FROM_Z,
        BIAS_GRADIENT_SUMMED,
        SWAPPED_LAYER_GRADIENTS,
        MISSING_REGULARISATION,
        SIGMOID_DERIVATIVE_WRONG,
        RELU_DERIVATIVE_HALF,
        FORGOTTEN_BIAS_GRADIENT
    }

    static final int[] SIZES = {4, 4, 4, 1};
    static final ParameterLayout LAYOUT = ParameterLayout.builder()
            .matrix("W1", 4, 4).vector("b1", 4)
            .matrix("W2", 4, 4).vector("b2", 4)
            .matrix("W3", 1, 4).vector("b3", 1)
            .build();

    private final Activation activation;
    private final Bug bug;
    private final double lambda;
    private final double[][] inputs;
    private final double[] labels;

    TinyNetwork(Activation activation, Bug bug, double lambda, int examples, long seed) {
        this.activation = activation;
        this.bug = bug;
        this.lambda = lambda;
        SplittableRandom random = new SplittableRandom(seed);
        inputs = new double[examples][4];
        labels = new double[examples];
        for (int e = 0; e < examples; e++) {
            for (int f = 0; f < 4; f++) {
                inputs[e][f] = random.nextDouble(-1, 1);
            }
            labels[e] = e % 2;
        }
    }

    static double[] initialParameters(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] theta = new double[LAYOUT.size()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = random.nextDouble(-1, 1);
        }
        return theta;
    }

    private double activate(double z) {
        return activation == Activation.TANH ? Math.tanh(z) : Math.max(0, z);
    }

    /** Forward pass for one example: activations per layer (index 0 = input), pre-activations per layer. */
    private void forward(double[] theta, double[] input, double[][] a, double[][] z) {
        a[0] = input;
        for (int layer = 1; layer <= 3; layer++) {
            Block w = LAYOUT.block("W" + layer);
            Block b = LAYOUT.block("b" + layer);
            int rows = SIZES[layer];
            int columns = SIZES[layer - 1];
            z[layer] = new double[rows];
            a[layer] = new double[rows];
            for (int r = 0; r < rows; r++) {
                double sum = theta[b.offset() + r];
                for (int c = 0; c < columns; c++) {
                    sum += theta[w.offset() + r * columns + c] * a[layer - 1][c];
                }
                z[layer][r] = sum;
                a[layer][r] = layer == 3 ? 1 / (1 + Math.exp(-sum)) : activate(sum);
            }
        }
    }

    @Override
    public double value(double[] theta) {
        double cost = 0;
        double[][] a = new double[4][];
        double[][] z = new double[4][];
        for (int e = 0; e < inputs.length; e++) {
            forward(theta, inputs[e], a, z);
            double p = a[3][0];
            cost -= labels[e] * Math.log(p) + (1 - labels[e]) * Math.log(1 - p);
        }
        cost /= inputs.length;
        double squares = 0;
        for (int layer = 1; layer <= 3; layer++) {
            Block w = LAYOUT.block("W" + layer);
            for (int i = w.offset(); i < w.offset() + w.size(); i++) {
                squares += theta[i] * theta[i];
            }
        }
        return cost + lambda / 2 * squares;
    }

    @Override
    public double[] gradient(double[] theta) {
        double[] grad = new double[theta.length];
        double[][] a = new double[4][];
        double[][] z = new double[4][];
        int m = inputs.length;
        for (int e = 0; e < m; e++) {
            forward(theta, inputs[e], a, z);
            double p = a[3][0];
            double[] delta = {bug == Bug.SIGMOID_DERIVATIVE_WRONG ? (p - labels[e]) * p * (1 - p) : p - labels[e]};
            for (int layer = 3; layer >= 1; layer--) {
                Block w = LAYOUT.block("W" + layer);
                Block b = LAYOUT.block("b" + layer);
                int rows = SIZES[layer];
                int columns = SIZES[layer - 1];
                for (int r = 0; r < rows; r++) {
                    double scale = bug == Bug.BIAS_GRADIENT_SUMMED ? 1 : 1.0 / m;
                    if (bug != Bug.FORGOTTEN_BIAS_GRADIENT || layer != 2) {
                        grad[b.offset() + r] += delta[r] * scale;
                    }
                    for (int c = 0; c < columns; c++) {
                        grad[w.offset() + r * columns + c] += delta[r] * a[layer - 1][c] / m;
                    }
                }
                if (layer > 1) {
                    double[] previous = new double[columns];
                    for (int c = 0; c < columns; c++) {
                        double sum = 0;
                        for (int r = 0; r < rows; r++) {
                            sum += theta[w.offset() + r * columns + c] * delta[r];
                        }
                        previous[c] = sum * derivative(z[layer - 1][c], a[layer - 1][c]);
                    }
                    delta = previous;
                }
            }
        }
        for (int layer = 1; layer <= 3; layer++) {
            Block w = LAYOUT.block("W" + layer);
            for (int i = w.offset(); i < w.offset() + w.size(); i++) {
                if (bug != Bug.MISSING_REGULARISATION) {
                    grad[i] += lambda * theta[i];
                }
            }
        }
        applyLayoutBugs(grad);
        return grad;
    }

    private double derivative(double z, double a) {
        if (activation == Activation.TANH) {
            return bug == Bug.TANH_DERIVATIVE_FROM_Z ? 1 - z * z : 1 - a * a;
        }
        if (z <= 0) {
            return 0;
        }
        return bug == Bug.RELU_DERIVATIVE_HALF ? 0.5 : 1;
    }

    private void applyLayoutBugs(double[] grad) {
        if (bug == Bug.WRONG_SIGN_OUTPUT_LAYER) {
            Block w = LAYOUT.block("W3");
            for (int i = w.offset(); i < w.offset() + w.size(); i++) {
                grad[i] = -grad[i];
            }
        } else if (bug == Bug.TRANSPOSED_WEIGHT_GRADIENT) {
            Block w = LAYOUT.block("W2");
            double[] copy = new double[w.size()];
            System.arraycopy(grad, w.offset(), copy, 0, copy.length);
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 4; c++) {
                    grad[w.offset() + r * 4 + c] = copy[c * 4 + r];
                }
            }
        } else if (bug == Bug.SWAPPED_LAYER_GRADIENTS) {
            Block first = LAYOUT.block("W1");
            Block second = LAYOUT.block("W2");
            for (int k = 0; k < first.size(); k++) {
                double swap = grad[first.offset() + k];
                grad[first.offset() + k] = grad[second.offset() + k];
                grad[second.offset() + k] = swap;
            }
        }
    }
}
