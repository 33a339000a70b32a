package org.gradcheck.examples.layers;

import java.util.Map;
import java.util.Random;
import org.gradcheck.function.GradientModel;
import org.gradcheck.layout.Parameters;

/**
 * A one-hidden-layer regression network with inverted dropout on the hidden layer:
 * {@code a = tanh(W x) * mask / keep}, {@code out = v . a}, cost {@code (out - target)^2 / 2}. Every call of
 * {@link #cost} and {@link #gradients} draws a fresh mask from the network's generator, as in training.
 * Parameters: {@code W} (hidden x inputs) and {@code v} (hidden); the batch is one example.
 */
public final class DropoutNetwork implements GradientModel<DropoutNetwork.Example> {

    /** One input with its target. */
    public static final class Example {
        final double[] input;
        final double target;

        /** An example; the input is used, not copied. */
        public Example(double[] input, double target) {
            this.input = input;
            this.target = target;
        }
    }

    private final Random masks;
    private final double keep;
    private final boolean maskInBackward;

    /**
     * A network drawing its masks from {@code masks}, keeping each hidden unit with probability {@code keep};
     * {@code maskInBackward} false reproduces the bug of forgetting the mask in backpropagation.
     */
    public DropoutNetwork(Random masks, double keep, boolean maskInBackward) {
        this.masks = masks;
        this.keep = keep;
        this.maskInBackward = maskInBackward;
    }

    private double[] mask(int hidden) {
        double[] mask = new double[hidden];
        for (int h = 0; h < hidden; h++) {
            mask[h] = masks.nextDouble() < keep ? 1 / keep : 0;
        }
        return mask;
    }

    private static double[] activations(double[][] weights, double[] input) {
        double[] a = new double[weights.length];
        for (int h = 0; h < a.length; h++) {
            double z = 0;
            for (int j = 0; j < input.length; j++) {
                z += weights[h][j] * input[j];
            }
            a[h] = Math.tanh(z);
        }
        return a;
    }

    @Override
    public double cost(Parameters parameters, Example example) {
        double[][] weights = parameters.matrix("W");
        double[] v = parameters.vector("v");
        double[] a = activations(weights, example.input);
        double[] mask = mask(a.length);
        double out = 0;
        for (int h = 0; h < a.length; h++) {
            out += v[h] * a[h] * mask[h];
        }
        return (out - example.target) * (out - example.target) / 2;
    }

    @Override
    public Map<String, ?> gradients(Parameters parameters, Example example) {
        double[][] weights = parameters.matrix("W");
        double[] v = parameters.vector("v");
        double[] a = activations(weights, example.input);
        double[] mask = mask(a.length);
        double out = 0;
        for (int h = 0; h < a.length; h++) {
            out += v[h] * a[h] * mask[h];
        }
        double dOut = out - example.target;
        double[] dv = new double[v.length];
        double[][] dW = new double[weights.length][example.input.length];
        for (int h = 0; h < a.length; h++) {
            double m = maskInBackward ? mask[h] : 1;
            dv[h] = dOut * a[h] * mask[h];
            double dz = dOut * v[h] * m * (1 - a[h] * a[h]);
            for (int j = 0; j < example.input.length; j++) {
                dW[h][j] = dz * example.input[j];
            }
        }
        return Map.of("dW", dW, "dv", dv);
    }
}
