package org.gradcheck.corpus;

import static org.gradcheck.corpus.Categories.KINKS_NEAR;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.gradcheck.layout.ParameterLayout;

/**
 * Sums of terms with kinks (L1, hinge, max-pooling, smooth-L1, ReLU units) whose arguments lie between {@code 1e-10}
 * and {@code 1e-3} from their kinks, none exactly at one. Every term is differentiable at the point, and a step below
 * the distance to the nearest kink gives its derivative; a step of {@code 1e-3} straddles the kinks. Right gradients
 * must pass, and a wrong entry among them must fail without its right neighbours failing.
 */
final class NearbyKinks {

    /** Points of {@link #absolutes(double[])}: coordinates within 1e-10 and within about 1e-4 of their kinks. */
    static final double[] ABS_POINT = {3e-11, -7e-11, 1.2e-4, -0.9e-4, 0.6, -1.3, 2e-4, -5e-11};

    static final double[] ABS_WEIGHTS = {1, 2, 0.5, 1.5, 1, 0.7, 3, 1.2};

    /** The hinge loss's weights, examples (margins 1 + delta, |delta| from 1e-6 to 1e-3) and labels. */
    static final double[] HINGE_WEIGHTS = {0.7, -0.4, 0.25, 1.1};
    static final double[][] HINGE_EXAMPLES = new double[12][];
    static final double[] HINGE_LABELS = new double[12];
    static final double HINGE_PENALTY = 0.1;

    /** L1-regularised least squares: weights within 1e-6..1e-3 of 0 and some far from it. */
    static final double[] LASSO_WEIGHTS = {3e-6, -8e-4, 2e-5, 0.6, -4e-4, 7e-6, -0.3, 5e-4, -2e-6, 9e-5};
    static final double[][] LASSO_INPUTS = new double[6][10];
    static final double[] LASSO_TARGETS = new double[6];
    static final double LASSO_PENALTY = 0.05;

    /** A 4x4 input whose 2x2 windows have maxima 3e-6 to 2e-3 above their runners-up. */
    static final double[] POOL_INPUT = {
        0.5, 0.5 - 3e-6, 0.2, 0.9,
        0.1, -0.3, 0.9 - 4e-4, 0.3,
        2e-5, 0, 0.7, 0.7 + 8e-6,
        -1e-4, 1e-6, 0.7 - 2e-3, 0.1};

    /** Smooth-L1 with threshold 1e-3: residuals from 1e-6 to 1e-3 on either side of the threshold. */
    static final double SMOOTH_L1_THRESHOLD = 1e-3;
    static final double[] SMOOTH_L1_TARGETS = {1e-3 + 2e-6, -1e-3 + 4e-4, 1e-3 - 7e-5, -1e-3 - 1e-6, 3e-4};

    /**
     * Points of {@link #offsetRelus(double[])}: x[0] 1.1e-4 left of its kink, where its derivative is x[0] itself, far
     * below the rounding of f = 1e6 at the first step; central steps that beat the rounding reach the kink.
     */
    static final double[] OFFSET_RELU_POINT = {-1.1e-4, 0.5, -0.7, 3e-4};

    static final double[] OFFSET_RELU_WEIGHTS = {2, 1, 3, 1.5};

    private NearbyKinks() {
    }

    static {
        SplittableRandom random = new SplittableRandom(17);
        for (int k = 0; k < HINGE_EXAMPLES.length; k++) {
            double[] a = new double[HINGE_WEIGHTS.length];
            double dot;
            do {
                for (int j = 0; j < a.length; j++) {
                    a[j] = random.nextDouble(-1, 1);
                }
                dot = dot(HINGE_WEIGHTS, a);
            } while (Math.abs(dot) < 0.1);
            HINGE_LABELS[k] = k % 2 == 0 ? 1 : -1;
            double delta = (k % 3 == 0 ? -1 : 1) * Math.pow(10, -6 + 3.0 * k / (HINGE_EXAMPLES.length - 1));
            double stretch = (1 + delta) / (HINGE_LABELS[k] * dot);
            for (int j = 0; j < a.length; j++) {
                a[j] *= stretch;
            }
            HINGE_EXAMPLES[k] = a;
        }
        for (int k = 0; k < LASSO_TARGETS.length; k++) {
            for (int j = 0; j < LASSO_WEIGHTS.length; j++) {
                LASSO_INPUTS[k][j] = random.nextDouble(-1, 1);
            }
            LASSO_TARGETS[k] = random.nextDouble(-1, 1);
        }
    }

    static void addTo(Cases cases) {
        ParameterLayout x8 = ParameterLayout.vector("x", ABS_POINT.length);
        cases.correct("sum c_i |x_i| + x_i^2 / 2, three x_i within 1e-10 of 0 and three within 2e-4", KINKS_NEAR, x8,
                NearbyKinks::absolutes, NearbyKinks::absolutesGradient, ABS_POINT);
        cases.bug("sum c_i |x_i| + x_i^2 / 2, the sign of c_i |x_i| wrong at x[2], 1.2e-4 from its kink", KINKS_NEAR, x8,
                NearbyKinks::absolutes, NearbyKinks::absolutesGradient, x -> {
                    double[] g = absolutesGradient(x);
                    g[2] -= 2 * ABS_WEIGHTS[2] * Math.signum(x[2]);
                    return g;
                }, ABS_POINT);
        cases.bug("sum c_i |x_i| + x_i^2 / 2, c_i missing at x[5], far from its kink", KINKS_NEAR, x8, NearbyKinks::absolutes,
                NearbyKinks::absolutesGradient, x -> {
                    double[] g = absolutesGradient(x);
                    g[5] = x[5];
                    return g;
                }, ABS_POINT);

        ParameterLayout w4 = ParameterLayout.vector("w", HINGE_WEIGHTS.length);
        cases.correct("hinge loss of 12 examples with margins 1e-6..1e-3 from 1, L2 penalty", KINKS_NEAR, w4,
                NearbyKinks::hinge, x -> hingeGradient(x, true), HINGE_WEIGHTS);
        cases.bug("hinge loss of 12 examples with margins 1e-6..1e-3 from 1, the penalty's derivative missing at w[2]",
                KINKS_NEAR, w4, NearbyKinks::hinge, x -> hingeGradient(x, true), x -> {
                    double[] g = hingeGradient(x, true);
                    g[2] -= HINGE_PENALTY * x[2];
                    return g;
                }, HINGE_WEIGHTS);

        ParameterLayout w10 = ParameterLayout.vector("w", LASSO_WEIGHTS.length);
        cases.correct("L1-regularised least squares, 8 of 10 weights within 2e-6..8e-4 of 0", KINKS_NEAR, w10,
                NearbyKinks::lasso, NearbyKinks::lassoGradient, LASSO_WEIGHTS);
        cases.bug("L1-regularised least squares, the penalty's sign wrong at w[4], 4e-4 from 0", KINKS_NEAR, w10,
                NearbyKinks::lasso, NearbyKinks::lassoGradient, x -> {
                    double[] g = lassoGradient(x);
                    g[4] -= 2 * LASSO_PENALTY * Math.signum(x[4]);
                    return g;
                }, LASSO_WEIGHTS);

        ParameterLayout pool = Ties.POOL_LAYOUT;
        cases.correct("2x2 max-pooling of a 4x4 input, maxima 3e-6..2e-3 above their runners-up", KINKS_NEAR, pool,
                NearbyKinks::pooled, x -> poolGradient(x, false), POOL_INPUT);
        cases.bug("2x2 max-pooling with near-ties, one window's gradient given to its runner-up", KINKS_NEAR, pool,
                NearbyKinks::pooled, x -> poolGradient(x, false), x -> poolGradient(x, true), POOL_INPUT);

        ParameterLayout r5 = ParameterLayout.vector("r", SMOOTH_L1_TARGETS.length);
        double[] zero = new double[SMOOTH_L1_TARGETS.length];
        cases.correct("smooth-L1 (threshold 1e-3) of residuals 1e-6..7e-4 from the threshold", KINKS_NEAR, r5,
                NearbyKinks::smoothL1, x -> smoothL1Gradient(x, true), zero);
        cases.bug("smooth-L1 (threshold 1e-3), the derivative 0 beyond the threshold (the linear part forgotten)", KINKS_NEAR,
                r5, NearbyKinks::smoothL1, x -> smoothL1Gradient(x, true), x -> smoothL1Gradient(x, false), zero);

        ParameterLayout x4 = ParameterLayout.vector("x", OFFSET_RELU_POINT.length);
        String offsetRelus = "1e6 + sum c_i max(0, x_i) + x_i^2 / 2, x[0] 1.1e-4 left of its kink with derivative -1.1e-4";
        cases.correct(offsetRelus, KINKS_NEAR, x4, NearbyKinks::offsetRelus, x -> offsetRelusGradient(x, 1), OFFSET_RELU_POINT);
        cases.bug(offsetRelus + ", 1% too large", KINKS_NEAR, x4, NearbyKinks::offsetRelus, x -> offsetRelusGradient(x, 1),
                x -> offsetRelusGradient(x, 1.01), OFFSET_RELU_POINT);
        cases.bug(offsetRelus + ", its sign wrong", KINKS_NEAR, x4, NearbyKinks::offsetRelus, x -> offsetRelusGradient(x, 1),
                x -> offsetRelusGradient(x, -1), OFFSET_RELU_POINT);
        cases.bug(offsetRelus + ", given as 0 (the quadratic term forgotten)", KINKS_NEAR, x4, NearbyKinks::offsetRelus,
                x -> offsetRelusGradient(x, 1), x -> offsetRelusGradient(x, 0), OFFSET_RELU_POINT);

        ReluNetwork network = new ReluNetwork();
        ToDoubleFunction<double[]> cost = network::cost;
        Function<double[], double[]> gradient = network::gradient;
        cases.correct("ReLU network [4, 6, 1], every pre-activation 3e-5..8e-4 from 0", KINKS_NEAR, ReluNetwork.LAYOUT, cost,
                gradient, network.parameters());
        cases.bug("ReLU network [4, 6, 1] with pre-activations near 0, the gradient of W1[2,1] doubled", KINKS_NEAR,
                ReluNetwork.LAYOUT, cost, gradient, x -> {
                    double[] g = network.gradient(x);
                    g[ReluNetwork.LAYOUT.indexOf("W1[2,1]")] *= 2;
                    return g;
                }, network.parameters());
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** {@code 1e6 + sum c_i max(0, x_i) + x_i^2 / 2}. */
    static double offsetRelus(double[] x) {
        double sum = 1e6;
        for (int i = 0; i < x.length; i++) {
            sum += OFFSET_RELU_WEIGHTS[i] * Math.max(0, x[i]) + x[i] * x[i] / 2;
        }
        return sum;
    }

    /** The gradient of {@link #offsetRelus(double[])}, entry 0 multiplied by {@code first}. */
    static double[] offsetRelusGradient(double[] x, double first) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = (x[i] > 0 ? OFFSET_RELU_WEIGHTS[i] : 0) + x[i];
        }
        g[0] *= first;
        return g;
    }

    /** {@code sum c_i |x_i| + x_i^2 / 2}. */
    static double absolutes(double[] x) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += ABS_WEIGHTS[i] * Math.abs(x[i]) + x[i] * x[i] / 2;
        }
        return sum;
    }

    static double[] absolutesGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = ABS_WEIGHTS[i] * Math.signum(x[i]) + x[i];
        }
        return g;
    }

    /** {@code mean max(0, 1 - y_k w . a_k) + penalty |w|^2 / 2}. */
    static double hinge(double[] w) {
        double sum = 0;
        for (int k = 0; k < HINGE_EXAMPLES.length; k++) {
            sum += Math.max(0, 1 - HINGE_LABELS[k] * dot(w, HINGE_EXAMPLES[k]));
        }
        return sum / HINGE_EXAMPLES.length + HINGE_PENALTY * dot(w, w) / 2;
    }

    static double[] hingeGradient(double[] w, boolean penalty) {
        double[] g = new double[w.length];
        for (int k = 0; k < HINGE_EXAMPLES.length; k++) {
            if (HINGE_LABELS[k] * dot(w, HINGE_EXAMPLES[k]) < 1) {
                for (int j = 0; j < w.length; j++) {
                    g[j] -= HINGE_LABELS[k] * HINGE_EXAMPLES[k][j] / HINGE_EXAMPLES.length;
                }
            }
        }
        for (int j = 0; j < w.length && penalty; j++) {
            g[j] += HINGE_PENALTY * w[j];
        }
        return g;
    }

    /** {@code mean (a_k . w - y_k)^2 / 2 + penalty |w|_1}. */
    static double lasso(double[] w) {
        double sum = 0;
        for (int k = 0; k < LASSO_TARGETS.length; k++) {
            double residual = dot(LASSO_INPUTS[k], w) - LASSO_TARGETS[k];
            sum += residual * residual / 2;
        }
        double l1 = 0;
        for (double v : w) {
            l1 += Math.abs(v);
        }
        return sum / LASSO_TARGETS.length + LASSO_PENALTY * l1;
    }

    static double[] lassoGradient(double[] w) {
        double[] g = new double[w.length];
        for (int k = 0; k < LASSO_TARGETS.length; k++) {
            double residual = dot(LASSO_INPUTS[k], w) - LASSO_TARGETS[k];
            for (int j = 0; j < w.length; j++) {
                g[j] += residual * LASSO_INPUTS[k][j] / LASSO_TARGETS.length;
            }
        }
        for (int j = 0; j < w.length; j++) {
            g[j] += LASSO_PENALTY * Math.signum(w[j]);
        }
        return g;
    }

    static double pooled(double[] a) {
        return Ties.pooled(a);
    }

    /** Each window's weight on its maximum, or (the bug) on the runner-up of the last window. */
    static double[] poolGradient(double[] a, boolean runnerUpInLastWindow) {
        double[] g = new double[a.length];
        for (int window = 0; window < 4; window++) {
            int[] positions = Ties.windowPositions(window);
            int best = positions[0];
            int second = -1;
            for (int position : positions) {
                if (a[position] > a[best]) {
                    second = best;
                    best = position;
                } else if (position != best && (second < 0 || a[position] > a[second])) {
                    second = position;
                }
            }
            g[runnerUpInLastWindow && window == 3 ? second : best] += Ties.POOL_WEIGHTS[window];
        }
        return g;
    }

    /** {@code sum smoothL1(r_k - t_k)}: {@code z^2 / (2 beta)} within the threshold beta, {@code |z| - beta / 2} beyond. */
    static double smoothL1(double[] r) {
        double sum = 0;
        for (int k = 0; k < r.length; k++) {
            sum += smoothL1Term(k, r[k]);
        }
        return sum;
    }

    static double smoothL1Term(int k, double r) {
        double z = r - SMOOTH_L1_TARGETS[k];
        return Math.abs(z) < SMOOTH_L1_THRESHOLD ? z * z / (2 * SMOOTH_L1_THRESHOLD) : Math.abs(z) - SMOOTH_L1_THRESHOLD / 2;
    }

    static double[] smoothL1Gradient(double[] r, boolean linearPart) {
        double[] g = new double[r.length];
        for (int k = 0; k < r.length; k++) {
            g[k] = smoothL1Derivative(k, r[k], linearPart);
        }
        return g;
    }

    /** The derivative of term {@code k}, or (the bug) 0 beyond the threshold when {@code linearPart} is false. */
    static double smoothL1Derivative(int k, double r, boolean linearPart) {
        double z = r - SMOOTH_L1_TARGETS[k];
        return Math.abs(z) < SMOOTH_L1_THRESHOLD ? z / SMOOTH_L1_THRESHOLD : linearPart ? Math.signum(z) : 0;
    }
}
