package org.gradcheck.examples;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.gradcheck.function.GradientModel;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.layout.Parameters;

/**
 * A multi-class classifier: scores {@code Z = W X + b}, class probabilities {@code softmax(Z)} per example,
 * cross-entropy {@code -(1/m) sum log p(label)}, and its gradients {@code dW = (1/m) (P - Y) X^T},
 * {@code db = (1/m) sum(P - Y)} with {@code Y} the one-hot labels.
 *
 * <p>Labels of a {@link Batch} are the class indices {@code 0..K-1}. Parameters {@code W} ({@code K x d}) and
 * {@code b} ({@code K}, a vector block). The softmax subtracts each column's largest score before
 * exponentiating, so large scores do not overflow.
 *
 * @since 0.1
 */
public class SoftmaxRegression implements GradientModel<Batch> {

    private final int features;
    private final int classes;

    /**
     * A classifier of {@code features} inputs into {@code classes} classes.
     *
     * @param features the number of inputs
     * @param classes the number of classes
     * @throws IllegalArgumentException if {@code features < 1} or {@code classes < 2}
     */
    public SoftmaxRegression(int features, int classes) {
        if (features < 1) {
            throw new IllegalArgumentException("features must be >= 1 but was " + features);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be >= 2 but was " + classes + ": softmax needs at least two classes");
        }
        this.features = features;
        this.classes = classes;
    }

    /** {@return the parameter layout: {@code W} ({@code classes x features}) then {@code b} ({@code classes})} */
    public ParameterLayout layout() {
        return ParameterLayout.builder().matrix("W", classes, features).vector("b", classes).build();
    }

    /**
     * Weights {@code randn * scale} from a generator seeded with {@code seed}, and random biases of the same scale.
     *
     * @param seed the seed of the generator
     * @param scale the standard deviation of weights and biases
     * @return the parameters, a new map: {@code W} a matrix, {@code b} a vector
     */
    public Map<String, Object> initialize(long seed, double scale) {
        Random random = new Random(seed);
        double[][] weights = new double[classes][features];
        double[] biases = new double[classes];
        for (int c = 0; c < classes; c++) {
            for (int k = 0; k < features; k++) {
                weights[c][k] = random.nextGaussian() * scale;
            }
            biases[c] = random.nextGaussian() * scale;
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("W", weights);
        parameters.put("b", biases);
        return parameters;
    }

    @Override
    public double cost(Parameters parameters, Batch batch) {
        double[] probabilities = probabilities(parameters, batch);
        double total = 0;
        for (int e = 0; e < batch.size(); e++) {
            total -= Math.log(probabilities[e * classes + label(batch, e)]);
        }
        return total / batch.size();
    }

    @Override
    public Map<String, Object> gradients(Parameters parameters, Batch batch) {
        double[] probabilities = probabilities(parameters, batch);
        int m = batch.size();
        double[][] dW = new double[classes][features];
        double[] db = new double[classes];
        for (int e = 0; e < m; e++) {
            int label = label(batch, e);
            for (int c = 0; c < classes; c++) {
                double dz = (probabilities[e * classes + c] - (c == label ? 1 : 0)) / m;
                db[c] += dz;
                for (int k = 0; k < features; k++) {
                    dW[c][k] += dz * batch.x(k, e);
                }
            }
        }
        Map<String, Object> gradients = new LinkedHashMap<>();
        gradients.put("dW", dW);
        gradients.put("db", db);
        return gradients;
    }

    /** Returns this model: it keeps no state between calls, so one instance serves every thread of a parallel check. */
    @Override
    public SoftmaxRegression copyForThread() {
        return this;
    }

    /**
     * Class probabilities, example by example: entry {@code e * classes + c} is {@code p(class c | example e)}.
     *
     * @param parameters the classifier's parameters
     * @param batch the examples; their labels are not used
     * @return the probabilities, a new array
     * @throws IllegalArgumentException if the batch has another number of features than the classifier
     */
    public double[] probabilities(Parameters parameters, Batch batch) {
        if (batch.features() != features) {
            throw new IllegalArgumentException("the batch has " + batch.features() + " features but this classifier has " + features);
        }
        double[] values = parameters.values();
        int weights = parameters.layout().block("W").offset();
        int biases = parameters.layout().block("b").offset();
        double[] p = new double[batch.size() * classes];
        for (int e = 0; e < batch.size(); e++) {
            double largest = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                double z = values[biases + c];
                for (int k = 0; k < features; k++) {
                    z += values[weights + c * features + k] * batch.x(k, e);
                }
                p[e * classes + c] = z;
                largest = Math.max(largest, z);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                double exponential = Math.exp(p[e * classes + c] - largest);
                p[e * classes + c] = exponential;
                sum += exponential;
            }
            for (int c = 0; c < classes; c++) {
                p[e * classes + c] /= sum;
            }
        }
        return p;
    }

    private int label(Batch batch, int example) {
        double y = batch.y(example);
        int label = (int) y;
        if (label != y || label < 0 || label >= classes) {
            throw new IllegalArgumentException("example " + example + " has label " + y + " but labels must be class indices 0 to "
                    + (classes - 1));
        }
        return label;
    }
}
