package org.gradcheck;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.function.GradientModel;
import org.gradcheck.layout.Parameters;

/** Functions and models with hand-written gradients, correct and with typical bugs, for the checker's tests. */
final class TestFunctions {

    private TestFunctions() {
    }

    /** Rosenbrock's function in {@code x.length} dimensions, {@code sum 100 (x[i+1] - x[i]^2)^2 + (1 - x[i])^2}. */
    static double rosenbrock(double[] x) {
        double sum = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double valley = x[i + 1] - x[i] * x[i];
            sum += 100 * valley * valley + (1 - x[i]) * (1 - x[i]);
        }
        return sum;
    }

    /** The gradient of Rosenbrock's function; coordinate {@code wrong} forgets the term from the previous pair. */
    static double[] rosenbrockGradient(double[] x, int wrong) {
        int n = x.length;
        double[] gradient = new double[n];
        for (int i = 0; i < n; i++) {
            if (i + 1 < n) {
                gradient[i] += -400 * x[i] * (x[i + 1] - x[i] * x[i]) - 2 * (1 - x[i]);
            }
            if (i > 0 && i != wrong) {
                gradient[i] += 200 * (x[i] - x[i - 1] * x[i - 1]);
            }
        }
        return gradient;
    }

    /** Rosenbrock's function with its correct gradient. */
    static DifferentiableFunction rosenbrock() {
        return DifferentiableFunction.of(TestFunctions::rosenbrock, x -> rosenbrockGradient(x, -1));
    }

    /** Rosenbrock's function whose gradient is wrong at coordinate {@code wrong} only. */
    static DifferentiableFunction rosenbrockWrongAt(int wrong) {
        return DifferentiableFunction.of(TestFunctions::rosenbrock, x -> rosenbrockGradient(x, wrong));
    }

    /**
     * {@code f(x) = x'Ax / 2 + b'x}. With {@code assumeSymmetric} the gradient is {@code Ax + b}, right only when
     * {@code A} is symmetric; otherwise the correct {@code (A + A') x / 2 + b}.
     */
    static DifferentiableFunction quadraticForm(double[][] a, double[] b, boolean assumeSymmetric) {
        int n = b.length;
        return DifferentiableFunction.of(x -> {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double row = 0;
                for (int j = 0; j < n; j++) {
                    row += a[i][j] * x[j];
                }
                sum += x[i] * row / 2 + b[i] * x[i];
            }
            return sum;
        }, x -> {
            double[] gradient = new double[n];
            for (int i = 0; i < n; i++) {
                double sum = b[i];
                for (int j = 0; j < n; j++) {
                    sum += assumeSymmetric ? a[i][j] * x[j] : (a[i][j] + a[j][i]) * x[j] / 2;
                }
                gradient[i] = sum;
            }
            return gradient;
        });
    }

    /** A random {@code n x n} matrix with entries in [-1, 1); symmetric if asked. */
    static double[][] randomMatrix(Random random, int n, boolean symmetric) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = symmetric && j < i ? a[j][i] : 2 * random.nextDouble() - 1;
            }
        }
        return a;
    }

    /** A random vector with entries in [low, high). */
    static double[] randomVector(Random random, int n, double low, double high) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = low + (high - low) * random.nextDouble();
        }
        return v;
    }

    /** Bugs of hand-written logistic regression. */
    enum LogisticBug { NONE, WRONG_SIGN, MISSING_BATCH_MEAN }

    /**
     * Mean cross-entropy of logistic regression over {@code m} examples of {@code d} features; the parameters
     * are {@code d} weights followed by the bias.
     */
    static DifferentiableFunction logisticLoss(double[][] features, double[] labels, LogisticBug bug) {
        int m = labels.length;
        int d = features[0].length;
        return DifferentiableFunction.of(theta -> {
            double sum = 0;
            for (int e = 0; e < m; e++) {
                double z = theta[d];
                for (int i = 0; i < d; i++) {
                    z += theta[i] * features[e][i];
                }
                sum += labels[e] * softplus(-z) + (1 - labels[e]) * softplus(z);
            }
            return sum / m;
        }, theta -> {
            double[] gradient = new double[d + 1];
            for (int e = 0; e < m; e++) {
                double z = theta[d];
                for (int i = 0; i < d; i++) {
                    z += theta[i] * features[e][i];
                }
                double residual = sigmoid(z) - labels[e];
                for (int i = 0; i < d; i++) {
                    gradient[i] += residual * features[e][i];
                }
                gradient[d] += residual;
            }
            for (int i = 0; i <= d; i++) {
                gradient[i] *= bug == LogisticBug.WRONG_SIGN ? -1.0 / m : bug == LogisticBug.MISSING_BATCH_MEAN ? 1 : 1.0 / m;
            }
            return gradient;
        });
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** {@code log(1 + exp(t))} without overflow. */
    static double softplus(double t) {
        return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
    }

    /** Examples as columns: {@code x} is features x examples, {@code y} one label per example. */
    record Batch(double[][] x, double[] y) {

        int examples() {
            return y.length;
        }
    }

    /** Bugs of a hand-written backward pass. */
    enum NetworkBug {
        NONE,
        /** {@code db1} uses {@code 1 - a} for the derivative of tanh instead of {@code 1 - a^2} (dW1 is right). */
        BIAS_TANH_DERIVATIVE,
        /** {@code dW1} is summed over the batch instead of averaged. */
        MISSING_BATCH_MEAN,
        /** {@code dW2} has the wrong sign. */
        WRONG_SIGN
    }

    /**
     * A network {@code [d, h, 1]} with a tanh hidden layer, a sigmoid output and mean binary cross-entropy,
     * written from scratch as in the article, with blocks {@code W1 [h, d]}, {@code b1 [h]},
     * {@code W2 [1, h]}, {@code b2 [1]}.
     */
    static final class TanhNetwork implements GradientModel<Batch> {

        private final NetworkBug bug;

        TanhNetwork(NetworkBug bug) {
            this.bug = bug;
        }

        @Override
        public double cost(Parameters parameters, Batch batch) {
            double[][] a1 = hidden(parameters, batch);
            double sum = 0;
            for (int e = 0; e < batch.examples(); e++) {
                double z2 = output(parameters, a1, e);
                sum += batch.y()[e] * softplus(-z2) + (1 - batch.y()[e]) * softplus(z2);
            }
            return sum / batch.examples();
        }

        @Override
        public Map<String, ?> gradients(Parameters parameters, Batch batch) {
            double[][] w1 = parameters.matrix("W1");
            double[][] w2 = parameters.matrix("W2");
            int h = w1.length;
            int d = w1[0].length;
            int m = batch.examples();
            double[][] a1 = hidden(parameters, batch);
            double[][] dW1 = new double[h][d];
            double[] db1 = new double[h];
            double[][] dW2 = new double[1][h];
            double[] db2 = new double[1];
            double[][] dA1 = new double[h][m];
            for (int e = 0; e < m; e++) {
                double dz2 = (sigmoid(output(parameters, a1, e)) - batch.y()[e]) / m;
                db2[0] += dz2;
                for (int k = 0; k < h; k++) {
                    dW2[0][k] += (bug == NetworkBug.WRONG_SIGN ? -1 : 1) * dz2 * a1[k][e];
                    double da1 = w2[0][k] * dz2;
                    dA1[k][e] = da1;
                    double dz1 = da1 * (1 - a1[k][e] * a1[k][e]);
                    db1[k] += bug == NetworkBug.BIAS_TANH_DERIVATIVE ? da1 * (1 - a1[k][e]) : dz1;
                    for (int i = 0; i < d; i++) {
                        dW1[k][i] += (bug == NetworkBug.MISSING_BATCH_MEAN ? m : 1) * dz1 * batch.x()[i][e];
                    }
                }
            }
            Map<String, Object> gradients = new LinkedHashMap<>();
            gradients.put("dA1", dA1);
            gradients.put("dW2", dW2);
            gradients.put("db2", db2);
            gradients.put("dW1", dW1);
            gradients.put("db1", db1);
            return gradients;
        }

        /** The hidden activations, units x examples. */
        private static double[][] hidden(Parameters parameters, Batch batch) {
            double[][] w1 = parameters.matrix("W1");
            double[] b1 = parameters.vector("b1");
            double[][] a1 = new double[w1.length][batch.examples()];
            for (int k = 0; k < w1.length; k++) {
                for (int e = 0; e < batch.examples(); e++) {
                    double z = b1[k];
                    for (int i = 0; i < w1[k].length; i++) {
                        z += w1[k][i] * batch.x()[i][e];
                    }
                    a1[k][e] = Math.tanh(z);
                }
            }
            return a1;
        }

        private static double output(Parameters parameters, double[][] a1, int example) {
            double z = parameters.get("b2", 0);
            for (int k = 0; k < a1.length; k++) {
                z += parameters.get("W2", 0, k) * a1[k][example];
            }
            return z;
        }
    }

    /**
     * Parameters of a {@code [d, h, 1]} network: {@code W1} and {@code W2} with entries {@code scale * randn},
     * {@code b1} all {@code bias}, {@code b2} zero; in the order W1, b1, W2, b2.
     */
    static Map<String, Object> networkParameters(Random random, int d, int h, double scale, double bias) {
        double[][] w1 = new double[h][d];
        double[] b1 = new double[h];
        double[][] w2 = new double[1][h];
        for (int k = 0; k < h; k++) {
            for (int i = 0; i < d; i++) {
                w1[k][i] = scale * random.nextGaussian();
            }
            b1[k] = bias;
            w2[0][k] = random.nextGaussian();
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("W1", w1);
        parameters.put("b1", b1);
        parameters.put("W2", w2);
        parameters.put("b2", new double[] {0.1});
        return parameters;
    }

    /** {@code m} examples of {@code d} features in [0, 1) with random 0/1 labels. */
    static Batch randomBatch(Random random, int d, int m) {
        double[][] x = new double[d][m];
        double[] y = new double[m];
        for (int e = 0; e < m; e++) {
            for (int i = 0; i < d; i++) {
                x[i][e] = random.nextDouble();
            }
            y[e] = random.nextBoolean() ? 1 : 0;
        }
        return new Batch(x, y);
    }
}
