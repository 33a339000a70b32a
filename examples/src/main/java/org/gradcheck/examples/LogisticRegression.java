package org.gradcheck.examples;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.analysis.MultivariateVectorFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunctionGradient;

/**
 * L2-regularised logistic regression as a commons-math3 optimisation objective: the mean log-loss
 * {@code (1/m) sum(log(1 + exp(z)) - y z) + (lambda/2) |w|^2} with {@code z = w0 + w1 x1 + ... + wd xd}, and
 * its gradient {@code (1/m) sum((sigmoid(z) - y) (1, x)) + lambda w} (the intercept {@code w0} is regularised
 * too, which keeps the objective strictly convex).
 *
 * <p>Hand it to a gradient-based optimizer, after checking the gradient:
 * <pre>{@code
 * LogisticRegression regression = new LogisticRegression(features, labels, 1e-3);
 * GradientAssertions.assertGradientsMatch(
 *         DifferentiableFunction.from(regression.value(), regression.gradient()), start);
 * optimizer.optimize(regression.objective(), regression.objectiveGradient(), GoalType.MINIMIZE, ...);
 * }</pre>
 *
 * @since 0.1
 */
public final class LogisticRegression {

    private final double[][] features;
    private final double[] labels;
    private final double lambda;

    /**
     * The objective on {@code features} (one row per example) and 0/1 {@code labels}. The arrays are copied.
     *
     * @param features the inputs, one row per example
     * @param labels one label per example, 0 or 1
     * @param lambda the weight of the L2 penalty {@code lambda / 2 ||w||^2}, 0 for none
     * @throws IllegalArgumentException if the data are empty, ragged, their counts differ, a label is not 0 or 1,
     *     or {@code lambda} is negative or not finite
     */
    public LogisticRegression(double[][] features, double[] labels, double lambda) {
        if (features == null || labels == null || features.length == 0) {
            throw new IllegalArgumentException("features and labels must hold at least one example");
        }
        if (features.length != labels.length) {
            throw new IllegalArgumentException("there are " + features.length + " examples but " + labels.length
                    + " labels: give one label per row of features");
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a finite number >= 0 but was " + lambda);
        }
        int dimension = features[0].length;
        this.features = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            if (features[i] == null || features[i].length != dimension) {
                throw new IllegalArgumentException("features is ragged: row 0 has " + dimension + " values, row " + i
                        + " has " + (features[i] == null ? "none" : Integer.toString(features[i].length)));
            }
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("label " + i + " is " + labels[i] + ": labels must be 0 or 1");
            }
            this.features[i] = features[i].clone();
        }
        this.labels = labels.clone();
        this.lambda = lambda;
    }

    /** {@return the number of weights: the intercept plus one per feature} */
    public int dimension() {
        return features[0].length + 1;
    }

    /** {@return the objective's value as a commons-math3 function of the weights {@code (w0, w1, ..., wd)}} */
    public MultivariateFunction value() {
        return weights -> {
            checkLength(weights);
            double total = 0;
            for (int i = 0; i < features.length; i++) {
                double z = linear(weights, features[i]);
                total += softplus(z) - labels[i] * z;
            }
            return total / features.length + lambda / 2 * squaredNorm(weights);
        };
    }

    /** {@return the objective's gradient as a commons-math3 vector function of the weights} */
    public MultivariateVectorFunction gradient() {
        return weights -> {
            checkLength(weights);
            double[] gradient = new double[weights.length];
            for (int i = 0; i < features.length; i++) {
                double residual = sigmoid(linear(weights, features[i])) - labels[i];
                gradient[0] += residual;
                for (int k = 0; k < features[i].length; k++) {
                    gradient[k + 1] += residual * features[i][k];
                }
            }
            for (int k = 0; k < gradient.length; k++) {
                gradient[k] = gradient[k] / features.length + lambda * weights[k];
            }
            return gradient;
        };
    }

    /** {@return {@link #value()} wrapped for a commons-math3 optimizer} */
    public ObjectiveFunction objective() {
        return new ObjectiveFunction(value());
    }

    /** {@return {@link #gradient()} wrapped for a commons-math3 gradient-based optimizer} */
    public ObjectiveFunctionGradient objectiveGradient() {
        return new ObjectiveFunctionGradient(gradient());
    }

    /**
     * The fraction of examples whose predicted class ({@code sigmoid(z) >= 0.5}) is their label.
     *
     * @param weights the weights {@code (w0, w1, ..., wd)}
     * @return the accuracy, in [0, 1]
     * @throws IllegalArgumentException if there is not one weight per {@link #dimension()}
     */
    public double accuracy(double[] weights) {
        checkLength(weights);
        int correct = 0;
        for (int i = 0; i < features.length; i++) {
            int predicted = linear(weights, features[i]) >= 0 ? 1 : 0;
            if (predicted == labels[i]) {
                correct++;
            }
        }
        return (double) correct / features.length;
    }

    private void checkLength(double[] weights) {
        if (weights.length != dimension()) {
            throw new IllegalArgumentException("weights has length " + weights.length + " but this objective has "
                    + dimension() + " weights (intercept and " + (dimension() - 1) + " features)");
        }
    }

    private static double linear(double[] weights, double[] x) {
        double z = weights[0];
        for (int k = 0; k < x.length; k++) {
            z += weights[k + 1] * x[k];
        }
        return z;
    }

    private static double squaredNorm(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w * w;
        }
        return total;
    }

    private static double softplus(double t) {
        return Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t)));
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
