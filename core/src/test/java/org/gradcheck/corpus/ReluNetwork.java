package org.gradcheck.corpus;

import java.util.SplittableRandom;
import org.gradcheck.layout.ParameterLayout;

/**
 * A ReLU network [4, 6, 1] with a squared loss over 5 examples, at parameters where every hidden pre-activation of
 * every example lies between {@code 3e-5} and {@code 8e-4} from 0: the examples differ from one input by
 * {@code 1e-4}, and the bias of unit {@code u} cancels its response to that input up to {@code +-(u + 1) 1e-4}.
 */
final class ReluNetwork {

    static final int INPUTS = 4;
    static final int HIDDEN = 6;
    static final int EXAMPLES = 5;

    static final ParameterLayout LAYOUT = ParameterLayout.builder()
            .matrix("W1", HIDDEN, INPUTS).vector("b1", HIDDEN).matrix("W2", 1, HIDDEN).vector("b2", 1).build();

    private final double[][] inputs = new double[EXAMPLES][INPUTS];
    private final double[] targets = new double[EXAMPLES];
    private final double[] parameters = new double[LAYOUT.size()];

    ReluNetwork() {
        SplittableRandom random = new SplittableRandom(29);
        double[] base = new double[INPUTS];
        for (int f = 0; f < INPUTS; f++) {
            base[f] = random.nextDouble(-1, 1);
        }
        for (int e = 0; e < EXAMPLES; e++) {
            for (int f = 0; f < INPUTS; f++) {
                inputs[e][f] = base[f] + 1e-4 * random.nextDouble(-1, 1);
            }
            targets[e] = random.nextDouble(-1, 1);
        }
        int b1 = LAYOUT.block("b1").offset();
        for (int u = 0; u < HIDDEN; u++) {
            double response = 0;
            for (int f = 0; f < INPUTS; f++) {
                double w = random.nextDouble(-1, 1);
                parameters[u * INPUTS + f] = w;
                response += w * base[f];
            }
            parameters[b1 + u] = -response + (u % 2 == 0 ? 1 : -1) * 1e-4 * (1 + u);
        }
        int w2 = LAYOUT.block("W2").offset();
        for (int u = 0; u < HIDDEN; u++) {
            parameters[w2 + u] = random.nextDouble(-1, 1);
        }
        parameters[LAYOUT.block("b2").offset()] = 0.1;
    }

    /** {@return a copy of the parameters at which the pre-activations are near 0} */
    double[] parameters() {
        return parameters.clone();
    }

    /** {@return the hidden pre-activations of example {@code e}} */
    double[] preActivations(double[] theta, int e) {
        double[] z = new double[HIDDEN];
        int b1 = LAYOUT.block("b1").offset();
        for (int u = 0; u < HIDDEN; u++) {
            double sum = theta[b1 + u];
            for (int f = 0; f < INPUTS; f++) {
                sum += theta[u * INPUTS + f] * inputs[e][f];
            }
            z[u] = sum;
        }
        return z;
    }

    /** {@code mean (W2 relu(W1 x + b1) + b2 - y)^2 / 2}. */
    double cost(double[] theta) {
        double sum = 0;
        for (int e = 0; e < EXAMPLES; e++) {
            double error = output(theta, preActivations(theta, e)) - targets[e];
            sum += error * error / 2;
        }
        return sum / EXAMPLES;
    }

    double[] gradient(double[] theta) {
        double[] g = new double[theta.length];
        int b1 = LAYOUT.block("b1").offset();
        int w2 = LAYOUT.block("W2").offset();
        int b2 = LAYOUT.block("b2").offset();
        for (int e = 0; e < EXAMPLES; e++) {
            double[] z = preActivations(theta, e);
            double error = (output(theta, z) - targets[e]) / EXAMPLES;
            g[b2] += error;
            for (int u = 0; u < HIDDEN; u++) {
                if (z[u] > 0) {
                    g[w2 + u] += error * z[u];
                    double back = error * theta[w2 + u];
                    g[b1 + u] += back;
                    for (int f = 0; f < INPUTS; f++) {
                        g[u * INPUTS + f] += back * inputs[e][f];
                    }
                }
            }
        }
        return g;
    }

    private double output(double[] theta, double[] z) {
        int w2 = LAYOUT.block("W2").offset();
        double sum = theta[LAYOUT.block("b2").offset()];
        for (int u = 0; u < HIDDEN; u++) {
            sum += theta[w2 + u] * Math.max(0, z[u]);
        }
        return sum;
    }
}
