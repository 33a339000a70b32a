package org.gradcheck.corpus;

import static org.gradcheck.corpus.Categories.LATE_NONDETERMINISM;
import static org.gradcheck.corpus.Categories.REORDERED_SUM;

import java.util.Random;
import java.util.SplittableRandom;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.layout.ParameterLayout;

/**
 * Functions with state between calls. Late-onset non-determinism: values that are the same for the first 12 or 14
 * calls (the two at the point and the noise probe's eight see nothing) and then jitter or drift while the partial
 * derivatives are taken; the check must say that the function is not deterministic. Order-changing reductions: sums added in an order that changes from call to call, as parallel
 * reductions do, so that values and gradients differ by rounding (about {@code 1e-15} relative) and nothing else;
 * the check must pass. Every function is made afresh for every check, its generator seeded.
 */
final class StatefulFunctions {

    private StatefulFunctions() {
    }

    static void addTo(Cases cases) {
        lateOnset(cases);
        reordered(cases);
    }

    private static void lateOnset(Cases cases) {
        ParameterLayout x4 = ParameterLayout.vector("x", 4);
        double[] point = {0.4, -1.1, 0.7, 2.0};
        cases.nondeterministic("value jittering by 1e-10 of itself after its first 12 calls, x[1] 1e-4 off", LATE_NONDETERMINISM,
                x4, () -> new Jitter(12, 1e-10, 1 + 1e-4), point, "not deterministic");
        cases.nondeterministic("value jittering by 1e-10 of itself after its first 12 calls, right gradient",
                LATE_NONDETERMINISM, x4, () -> new Jitter(12, 1e-10, 1), point, "not deterministic");
        cases.nondeterministic("value jittering by 1e-12 of itself after its first 14 calls, right gradient",
                LATE_NONDETERMINISM, x4, () -> new Jitter(14, 1e-12, 1), point, "not deterministic");
        cases.nondeterministic("value drifting by 1e-12 per call after its first 12 calls (a call counter), right gradient",
                LATE_NONDETERMINISM, x4, () -> new Drift(12, 1e-12), point, "not deterministic");
    }

    private static void reordered(Cases cases) {
        ParameterLayout x4 = ParameterLayout.vector("x", 4);
        double[] point = {0.9, -0.35, 1.4, 0.6};
        cases.correct("sum of 2000 products, added in an order shuffled on every call", REORDERED_SUM, x4,
                () -> new ShuffledSum(2000, false), point);
        cases.correct("sum of 2000 products, reduced in 2 to 8 chunks of random sizes on every call", REORDERED_SUM, x4,
                () -> new ShuffledSum(2000, true), point);
        ParameterLayout weights = ParameterLayout.builder().vector("w", 3).vector("c", 1).build();
        cases.correct("mean squared error of a linear model over 1024 examples, summed in a shuffled order", REORDERED_SUM,
                weights, ShuffledRegression::new, new double[] {0.8, -1.3, 0.45, 0.2});
    }

    /** {@code sum sin(x_i) + x_i^2}, the value multiplied by {@code 1 + jitter N(0, 1)} after {@code quiet} calls. */
    static final class Jitter implements DifferentiableFunction {

        private final int quiet;
        private final double jitter;
        private final double factor;
        private final Random random = new Random(41);
        private int calls;

        /** {@code factor} multiplies the analytic derivative of x[1]: 1 for a right gradient. */
        Jitter(int quiet, double jitter, double factor) {
            this.quiet = quiet;
            this.jitter = jitter;
            this.factor = factor;
        }

        @Override
        public double value(double[] x) {
            double value = smooth(x);
            return ++calls <= quiet ? value : value * (1 + jitter * random.nextGaussian());
        }

        @Override
        public double[] gradient(double[] x) {
            double[] g = smoothGradient(x);
            g[1] *= factor;
            return g;
        }
    }

    /** {@code sum sin(x_i) + x_i^2}, plus {@code rate} times the number of calls beyond the first {@code quiet}. */
    static final class Drift implements DifferentiableFunction {

        private final int quiet;
        private final double rate;
        private int calls;

        Drift(int quiet, double rate) {
            this.quiet = quiet;
            this.rate = rate;
        }

        @Override
        public double value(double[] x) {
            calls++;
            return smooth(x) + rate * Math.max(0, calls - quiet);
        }

        @Override
        public double[] gradient(double[] x) {
            return smoothGradient(x);
        }
    }

    static double smooth(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += Math.sin(v) + v * v;
        }
        return sum;
    }

    static double[] smoothGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = Math.cos(x[i]) + 2 * x[i];
        }
        return g;
    }

    /**
     * {@code sum_k c_k x_(k mod 4) x_((k + 1) mod 4) + d_k x_(k mod 4)} with random coefficients, its terms (and those of
     * every partial derivative) added in a new order on every call: shuffled, or cut into 2 to 8 chunks of random sizes
     * that are summed separately and then together.
     */
    static final class ShuffledSum implements DifferentiableFunction {

        private final double[] products;
        private final double[] linear;
        private final boolean chunked;
        private final SplittableRandom random = new SplittableRandom(43);
        private final int[] order;

        ShuffledSum(int terms, boolean chunked) {
            this.chunked = chunked;
            SplittableRandom coefficients = new SplittableRandom(terms);
            products = new double[terms];
            linear = new double[terms];
            order = new int[terms];
            for (int k = 0; k < terms; k++) {
                products[k] = coefficients.nextDouble(-1, 1);
                linear[k] = coefficients.nextDouble(-1, 1);
                order[k] = k;
            }
        }

        @Override
        public double value(double[] x) {
            double[] terms = new double[products.length];
            for (int k = 0; k < terms.length; k++) {
                int i = k % x.length;
                terms[k] = products[k] * x[i] * x[(i + 1) % x.length] + linear[k] * x[i];
            }
            return reduce(terms);
        }

        @Override
        public double[] gradient(double[] x) {
            double[] g = new double[x.length];
            double[] terms = new double[products.length];
            for (int j = 0; j < x.length; j++) {
                for (int k = 0; k < terms.length; k++) {
                    int i = k % x.length;
                    int next = (i + 1) % x.length;
                    terms[k] = (i == j ? products[k] * x[next] + linear[k] : 0) + (next == j ? products[k] * x[i] : 0);
                }
                g[j] = reduce(terms);
            }
            return g;
        }

        private double reduce(double[] terms) {
            if (chunked) {
                int chunks = 2 + random.nextInt(7);
                double total = 0;
                int from = 0;
                for (int c = 0; c < chunks; c++) {
                    int to = c == chunks - 1 ? terms.length : from + random.nextInt(terms.length - from + 1);
                    double partial = 0;
                    for (int k = from; k < to; k++) {
                        partial += terms[k];
                    }
                    total += partial;
                    from = to;
                }
                return total;
            }
            for (int k = order.length - 1; k > 0; k--) {
                int swap = random.nextInt(k + 1);
                int kept = order[k];
                order[k] = order[swap];
                order[swap] = kept;
            }
            double sum = 0;
            for (int k : order) {
                sum += terms[k];
            }
            return sum;
        }
    }

    /** {@code mean (w . a_k + c - y_k)^2 / 2} over 1024 examples, summed in an order shuffled on every call. */
    static final class ShuffledRegression implements DifferentiableFunction {

        private static final int EXAMPLES = 1024;

        private final double[][] inputs = new double[EXAMPLES][3];
        private final double[] targets = new double[EXAMPLES];
        private final int[] order = new int[EXAMPLES];
        private final SplittableRandom random = new SplittableRandom(47);

        ShuffledRegression() {
            SplittableRandom data = new SplittableRandom(53);
            for (int k = 0; k < EXAMPLES; k++) {
                for (int f = 0; f < 3; f++) {
                    inputs[k][f] = data.nextDouble(-2, 2);
                }
                targets[k] = data.nextDouble(-3, 3);
                order[k] = k;
            }
        }

        @Override
        public double value(double[] p) {
            shuffle();
            double sum = 0;
            for (int k : order) {
                double residual = residual(p, k);
                sum += residual * residual / 2;
            }
            return sum / EXAMPLES;
        }

        @Override
        public double[] gradient(double[] p) {
            shuffle();
            double[] g = new double[4];
            for (int k : order) {
                double residual = residual(p, k) / EXAMPLES;
                for (int f = 0; f < 3; f++) {
                    g[f] += residual * inputs[k][f];
                }
                g[3] += residual;
            }
            return g;
        }

        private double residual(double[] p, int k) {
            return p[0] * inputs[k][0] + p[1] * inputs[k][1] + p[2] * inputs[k][2] + p[3] - targets[k];
        }

        private void shuffle() {
            for (int k = EXAMPLES - 1; k > 0; k--) {
                int swap = random.nextInt(k + 1);
                int kept = order[k];
                order[k] = order[swap];
                order[swap] = kept;
            }
        }
    }
}
