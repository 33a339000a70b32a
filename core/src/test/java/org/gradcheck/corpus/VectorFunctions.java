package org.gradcheck.corpus;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.gradcheck.corpus.Ties.Sharing;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.function.VectorFunction;
import org.gradcheck.layout.ParameterLayout;

/**
 * The vector functions of the Jacobian corpus and their Jacobians, and the pieces they are made of: scalar functions
 * side by side, a function applied elementwise, a diagonal Jacobian, a Jacobian with one entry changed.
 */
final class VectorFunctions {

    private VectorFunctions() {
    }

    /** The maxima of the 2x2 windows of a 4x4 input, in row-major window order. */
    static double[] pooled(double[] a) {
        double[] y = new double[4];
        for (int window = 0; window < 4; window++) {
            y[window] = Double.NEGATIVE_INFINITY;
            for (int position : Ties.windowPositions(window)) {
                y[window] = Math.max(y[window], a[position]);
            }
        }
        return y;
    }

    static double[][] poolJacobian(double[] a, Sharing sharing) {
        double[][] jacobian = new double[4][];
        for (int window = 0; window < 4; window++) {
            jacobian[window] = Ties.addPoolGradient(new double[a.length], a, window, 1, sharing);
        }
        return jacobian;
    }

    static double[] sorted(double[] x) {
        double[] y = x.clone();
        Arrays.sort(y);
        for (int i = 0; i < y.length / 2; i++) {
            double kept = y[i];
            y[i] = y[y.length - 1 - i];
            y[y.length - 1 - i] = kept;
        }
        return y;
    }

    /** The logistic losses' feature, of magnitude 1e8..1e9, and labels. */
    static final double[] LOGISTIC_FEATURE = {2e8, 7e8, 1e9, 4.5e8};
    static final double[] LOGISTIC_LABELS = {1, -1, 1, -1};

    /** {@code log(1 + exp(-y_k (w t_k + c)))} per example, computed stably. */
    static double[] logisticLosses(double[] p) {
        double[] y = new double[LOGISTIC_FEATURE.length];
        for (int k = 0; k < y.length; k++) {
            double margin = LOGISTIC_LABELS[k] * (p[0] * LOGISTIC_FEATURE[k] + p[1]);
            y[k] = Math.max(-margin, 0) + Math.log1p(Math.exp(-Math.abs(margin)));
        }
        return y;
    }

    static double[][] logisticJacobian(double[] p) {
        double[][] jacobian = new double[LOGISTIC_FEATURE.length][];
        for (int k = 0; k < jacobian.length; k++) {
            double margin = LOGISTIC_LABELS[k] * (p[0] * LOGISTIC_FEATURE[k] + p[1]);
            double weight = -LOGISTIC_LABELS[k] / (1 + Math.exp(margin));
            jacobian[k] = new double[] {weight * LOGISTIC_FEATURE[k], weight};
        }
        return jacobian;
    }

    static double[] hinges(double[] w) {
        double[] y = new double[NearbyKinks.HINGE_EXAMPLES.length];
        for (int k = 0; k < y.length; k++) {
            y[k] = Math.max(0, 1 - NearbyKinks.HINGE_LABELS[k] * NearbyKinks.dot(w, NearbyKinks.HINGE_EXAMPLES[k]));
        }
        return y;
    }

    static double[][] hingeJacobian(double[] w) {
        double[][] jacobian = new double[NearbyKinks.HINGE_EXAMPLES.length][w.length];
        for (int k = 0; k < jacobian.length; k++) {
            if (NearbyKinks.HINGE_LABELS[k] * NearbyKinks.dot(w, NearbyKinks.HINGE_EXAMPLES[k]) < 1) {
                for (int j = 0; j < w.length; j++) {
                    jacobian[k][j] = -NearbyKinks.HINGE_LABELS[k] * NearbyKinks.HINGE_EXAMPLES[k][j];
                }
            }
        }
        return jacobian;
    }

    static double[][] nearTiePoolJacobian(double[] a, boolean runnerUpInLastWindow) {
        double[][] jacobian = new double[4][a.length];
        double[] gradient = NearbyKinks.poolGradient(a, runnerUpInLastWindow);
        for (int window = 0; window < 4; window++) {
            for (int position : Ties.windowPositions(window)) {
                jacobian[window][position] = gradient[position] / Ties.POOL_WEIGHTS[window];
            }
        }
        return jacobian;
    }

    /**
     * {@code relu(W x + b)} for 6 units and 4 inputs, at an input where the pre-activations are {@code 1e-6, -4e-6,
     * 2e-5, -9e-5, 3e-4, -1e-3}.
     */
    static final class ReluLayer {

        static final ParameterLayout INPUT = ParameterLayout.vector("x", 4);
        static final double[] POINT = {0.3, -0.8, 0.5, 1.1};
        private static final double[] OFFSETS = {1e-6, -4e-6, 2e-5, -9e-5, 3e-4, -1e-3};

        private final double[][] weights = new double[OFFSETS.length][POINT.length];
        private final double[] biases = new double[OFFSETS.length];

        ReluLayer() {
            SplittableRandom random = new SplittableRandom(31);
            for (int u = 0; u < OFFSETS.length; u++) {
                double response = 0;
                for (int f = 0; f < POINT.length; f++) {
                    weights[u][f] = random.nextDouble(-1, 1);
                    response += weights[u][f] * POINT[f];
                }
                biases[u] = OFFSETS[u] - response;
            }
        }

        double[] preActivations(double[] x) {
            double[] z = biases.clone();
            for (int u = 0; u < z.length; u++) {
                for (int f = 0; f < x.length; f++) {
                    z[u] += weights[u][f] * x[f];
                }
            }
            return z;
        }

        double[] value(double[] x) {
            double[] z = preActivations(x);
            for (int u = 0; u < z.length; u++) {
                z[u] = Math.max(0, z[u]);
            }
            return z;
        }

        double[][] jacobian(double[] x) {
            double[] z = preActivations(x);
            double[][] jacobian = new double[z.length][];
            for (int u = 0; u < z.length; u++) {
                jacobian[u] = z[u] > 0 ? weights[u].clone() : new double[x.length];
            }
            return jacobian;
        }
    }

    /** {@code (f(x), sum x)} with the Jacobian {@code (grad f, 1)}: the function's state is the scalar function's. */
    static VectorFunction withSum(DifferentiableFunction scalar) {
        return VectorFunction.of(x -> new double[] {scalar.value(x), sum(x)}, x -> new double[][] {scalar.gradient(x), ones(x)});
    }

    static double sum(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum;
    }

    static double[] ones(double[] x) {
        double[] ones = new double[x.length];
        Arrays.fill(ones, 1);
        return ones;
    }

    /** A function of one coordinate and its index. */
    interface Coordinatewise {
        double apply(int index, double value);
    }

    /** A change of one entry of a Jacobian, from the point and the right value. */
    interface EntryChange {
        double apply(double[] point, double value);
    }

    /** The scalar functions as the outputs of one vector function. */
    @SafeVarargs
    static Function<double[], double[]> outputs(ToDoubleFunction<double[]>... outputs) {
        return x -> {
            double[] y = new double[outputs.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = outputs[i].applyAsDouble(x);
            }
            return y;
        };
    }

    static Function<double[], double[]> elementwise(Coordinatewise f) {
        return x -> {
            double[] y = new double[x.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = f.apply(i, x[i]);
            }
            return y;
        };
    }

    static Function<double[], double[][]> diagonal(Coordinatewise derivative) {
        return x -> {
            double[][] jacobian = new double[x.length][x.length];
            for (int i = 0; i < x.length; i++) {
                jacobian[i][i] = derivative.apply(i, x[i]);
            }
            return jacobian;
        };
    }

    /** {@code jacobian} with entry {@code (i, j)} changed: a buggy Jacobian. */
    static Function<double[], double[][]> changed(Function<double[], double[][]> jacobian, int i, int j, EntryChange change) {
        return x -> {
            double[][] values = jacobian.apply(x);
            values[i][j] = change.apply(x, values[i][j]);
            return values;
        };
    }
}
