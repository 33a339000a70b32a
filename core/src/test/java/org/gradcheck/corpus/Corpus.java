package org.gradcheck.corpus;

import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.gradcheck.corpus.TinyNetwork.Activation;
import org.gradcheck.corpus.TinyNetwork.Bug;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.layout.ParameterLayout;

/**
 * The verdict corpus: buggy gradients of many kinds, correct gradients of hard functions,
 * non-deterministic functions and bad inputs; then, in classes of their own, the families where finite
 * differences are hardest to read (jumps, fast oscillations, huge magnitudes, ties, poles, kinks near the point,
 * state between calls, values that round away a block's differences, domain edges). Every case is checked with the
 * same default settings.
 */
final class Corpus {

    private final Cases cases;

    private Corpus(Cases cases) {
        this.cases = cases;
    }

    /** {@return every case of the gradient corpus: the first families, then the families of their own classes} */
    static List<CorpusCase> cases() {
        Cases cases = new Cases();
        Corpus corpus = new Corpus(cases);
        corpus.bugs();
        corpus.correct();
        corpus.nondeterministic();
        corpus.badInputs();
        Discontinuities.addTo(cases);
        Oscillations.addTo(cases);
        Magnitudes.addTo(cases);
        Ties.addTo(cases);
        Poles.addTo(cases);
        NearbyKinks.addTo(cases);
        StatefulFunctions.addTo(cases);
        Rounding.addTo(cases);
        DomainEdges.addTo(cases);
        corpus.amongThousands();
        return cases.list();
    }

    /**
     * Bugs in one or two entries of a softmax over thousands of logits: the entries are about 1/3000 each, and a
     * screening check must see one of them, or two swapped neighbours, among all.
     */
    private void amongThousands() {
        double[] logits = sequence(3000, 2.0);
        bug("log-sum-exp of 3000 logits, one softmax entry (x[1234]) 3e-4 off", "one wrong among thousands", logSumExp(),
                Corpus::logSumExpGradient, x -> {
                    double[] g = logSumExpGradient(x);
                    g[1234] *= 1 + 3e-4;
                    return g;
                }, logits);
        bug("log-sum-exp of 3000 logits, two neighbouring softmax entries swapped", "one wrong among thousands",
                logSumExp(), Corpus::logSumExpGradient, x -> {
                    double[] g = logSumExpGradient(x);
                    double first = g[2000];
                    g[2000] = g[2001];
                    g[2001] = first;
                    return g;
                }, logits);
        // a value of exactly 0 at the point, every term vanishing there: the rounding of the moved inputs, not of the
        // value, bounds a directional difference, and moves capped by the value's alone see nothing
        double[] roots = sequence(3000, 1.0);
        correct("sum (x_i - a_i)(x_i + a_i) at x = a, 3000 parameters: a value of exactly 0", "one wrong among thousands",
                vanishingAt(roots), x -> vanishingGradient(x, -1, 1), roots);
        bug("sum (x_i - a_i)(x_i + a_i) at x = a, 3000 parameters, x[1850]'s derivative 0.1% off",
                "one wrong among thousands", vanishingAt(roots), x -> vanishingGradient(x, -1, 1),
                x -> vanishingGradient(x, 1850, 1.001), roots);
    }

    /** {@code sum (x_i - a_i)(x_i + a_i)}: 0 at {@code x = a}, each term too. */
    private static ToDoubleFunction<double[]> vanishingAt(double[] a) {
        double[] roots = a.clone();
        return x -> {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += (x[i] - roots[i]) * (x[i] + roots[i]);
            }
            return sum;
        };
    }

    /** {@code 2 x}, entry {@code wrong} times {@code factor} (none when {@code wrong < 0}). */
    private static double[] vanishingGradient(double[] x, int wrong, double factor) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = 2 * x[i];
        }
        if (wrong >= 0) {
            g[wrong] *= factor;
        }
        return g;
    }

    // ---------------------------------------------------------------- bugs

    private void bugs() {
        double[] theta = TinyNetwork.initialParameters(11);
        for (Bug bug : new Bug[] {Bug.WRONG_SIGN_OUTPUT_LAYER, Bug.TRANSPOSED_WEIGHT_GRADIENT, Bug.TANH_DERIVATIVE_FROM_Z,
                Bug.BIAS_GRADIENT_SUMMED, Bug.SWAPPED_LAYER_GRADIENTS, Bug.SIGMOID_DERIVATIVE_WRONG,
                Bug.FORGOTTEN_BIAS_GRADIENT}) {
            network("tanh network [4,4,4,1], " + bug, category(bug), Activation.TANH, bug, 0, theta);
        }
        network("tanh network with L2 regularisation, its gradient term missing", "missing regularisation",
                Activation.TANH, Bug.MISSING_REGULARISATION, 0.1, theta);
        network("ReLU network, ReLU derivative 0.5 instead of 1", "wrong activation derivative", Activation.RELU,
                Bug.RELU_DERIVATIVE_HALF, 0, theta);

        double[] center = sequence(20, 1.0);
        bug("quadratic, whole gradient with the wrong sign", "wrong sign", quadratic(center, 1.0),
                quadraticGradient(center, 1.0), x -> scale(quadraticGradient(center, 1.0).apply(x), -1), shifted(center, 0.5));
        bug("quadratic, gradient missing the factor 2", "wrong factor", quadratic(center, 1.0),
                quadraticGradient(center, 1.0), x -> scale(quadraticGradient(center, 1.0).apply(x), 0.5), shifted(center, 0.5));
        bug("relative error of 1e-3 in every partial derivative", "small relative error", quadratic(center, 1.0),
                quadraticGradient(center, 1.0), x -> scale(quadraticGradient(center, 1.0).apply(x), 1 + 1e-3), shifted(center, 0.5));
        bug("relative error of 1e-3 in every partial derivative of exponentials", "small relative error",
                exponentials(), Corpus::exponentialsGradient, x -> scale(exponentialsGradient(x), 1 + 1e-3), sequence(12, 0.1));
        bug("gradient shifted by one index", "off by one", quadratic(center, 1.0), quadraticGradient(center, 1.0), x -> {
            double[] g = quadraticGradient(center, 1.0).apply(x);
            double[] shifted = new double[g.length];
            System.arraycopy(g, 0, shifted, 1, g.length - 1);
            shifted[0] = g[g.length - 1];
            return shifted;
        }, sequence(20, 0.3));

        int large = 5000;
        double[] weights = sequence(large, 0.001);
        bug("one wrong coordinate (x[3137], 1% off) among 5000", "one wrong among thousands",
                separable(weights), separableGradient(weights), x -> {
                    double[] g = separableGradient(weights).apply(x);
                    g[3137] *= 1.01;
                    return g;
                }, sequence(large, 0.0007));

        ParameterLayout tinyBlock = ParameterLayout.builder().vector("big", 6).vector("tiny", 4).build();
        double[] tinyPoint = sequence(10, 0.4);
        bug("bug confined to a block whose gradients are 1e-6 of the others'", "bug in a tiny block", tinyBlock,
                twoScales(1e-6), twoScalesGradient(1e-6), x -> {
                    double[] g = twoScalesGradient(1e-6).apply(x);
                    for (int i = 6; i < 10; i++) {
                        g[i] *= 2;
                    }
                    return g;
                }, tinyPoint);

        double[] large6 = sequence(8, 1e6);
        bug("parameters of magnitude 1e6, one partial derivative wrong", "large parameters",
                quadratic(new double[8], 1.0), quadraticGradient(new double[8], 1.0), x -> {
                    double[] g = quadraticGradient(new double[8], 1.0).apply(x);
                    g[5] += 1e3;
                    return g;
                }, large6);
        bug("function scaled by 1e-8 with a wrong sign in one coordinate", "scale", quadratic(center, 1e-8), quadraticGradient(center, 1e-8), x -> {
            double[] g = quadraticGradient(center, 1e-8).apply(x);
            g[7] = -g[7];
            return g;
        }, shifted(center, 0.5));
        bug("function scaled by 1e8 with a 1% error in one coordinate", "scale", quadratic(center, 1e8), quadraticGradient(center, 1e8), x -> {
            double[] g = quadraticGradient(center, 1e8).apply(x);
            g[11] *= 1.01;
            return g;
        }, shifted(center, 0.5));
        bug("softmax cross-entropy gradient missing the -y term", "wrong formula", softmaxCrossEntropy(),
                x -> softmaxCrossEntropyGradient(x, true), x -> softmaxCrossEntropyGradient(x, false), sequence(5, 0.7));
        bug("log-sum-exp gradient not normalised (exp(x) instead of softmax)", "wrong formula", logSumExp(),
                Corpus::logSumExpGradient, x -> {
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        g[i] = Math.exp(x[i] - 3);
                    }
                    return g;
                }, sequence(6, 0.5));
        bug("function computed in float, one partial derivative 1% off", "float precision", floatSines(), Corpus::floatSinesGradient, x -> {
            double[] g = floatSinesGradient(x);
            g[2] *= 1.01;
            return g;
        }, sequence(6, 0.37));
        bug("abs(x) gradient with the wrong sign away from the kink", "wrong sign", absolutes(), Corpus::absolutesGradient, x -> {
            double[] g = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                g[i] = -Math.signum(x[i]);
            }
            return g;
        }, new double[] {0.5, -1.5, 2.0});
    }

    private static String category(Bug bug) {
        switch (bug) {
            case WRONG_SIGN_OUTPUT_LAYER:
                return "wrong sign";
            case TRANSPOSED_WEIGHT_GRADIENT:
                return "transposed";
            case TANH_DERIVATIVE_FROM_Z:
            case SIGMOID_DERIVATIVE_WRONG:
                return "wrong activation derivative";
            case BIAS_GRADIENT_SUMMED:
                return "missing batch mean";
            case SWAPPED_LAYER_GRADIENTS:
                return "swapped blocks";
            default:
                return "missing term";
        }
    }

    private void network(String name, String category, Activation activation, Bug bug, double lambda, double[] theta) {
        TinyNetwork right = new TinyNetwork(activation, Bug.NONE, lambda, 6, 5);
        TinyNetwork wrong = new TinyNetwork(activation, bug, lambda, 6, 5);
        bug(name, category, TinyNetwork.LAYOUT, right::value, right::gradient, wrong::gradient, theta);
    }

    private void bug(String name, String category, ToDoubleFunction<double[]> value,
            Function<double[], double[]> rightGradient, Function<double[], double[]> wrongGradient, double[] point) {
        cases.bug(name, category, value, rightGradient, wrongGradient, point);
    }

    private void bug(String name, String category, ParameterLayout layout, ToDoubleFunction<double[]> value,
            Function<double[], double[]> rightGradient, Function<double[], double[]> wrongGradient, double[] point) {
        cases.bug(name, category, layout, value, rightGradient, wrongGradient, point);
    }

    // ---------------------------------------------------------------- correct but hard

    private void correct() {
        double[] center = sequence(20, 1.0);
        for (double scale : new double[] {1e-8, 1e-4, 1e4, 1e8}) {
            correct("quadratic scaled by " + scale, "scale", quadratic(center, scale), quadraticGradient(center, scale),
                    shifted(center, 0.5));
        }
        correct("parameters of magnitude 1e6", "large parameters", quadratic(new double[8], 1.0),
                quadraticGradient(new double[8], 1.0), sequence(8, 1e6));
        correct("parameters of magnitude 1e-8", "small parameters", quadratic(new double[8], 1.0),
                quadraticGradient(new double[8], 1.0), sequence(8, 1e-8));
        correct("gradients near 1e-10 at a minimum", "near a minimum", quadratic(center, 1.0),
                quadraticGradient(center, 1.0), shifted(center, 5e-11));
        correct("huge constant plus a small quadratic (1e10 + |x|^2)", "cancellation",
                x -> 1e10 + quadratic(center, 1.0).applyAsDouble(x), quadraticGradient(center, 1.0), shifted(center, 0.5));
        correct("exponentials exp(a x) with a up to 12", "exponentials", exponentials(), Corpus::exponentialsGradient,
                sequence(12, 0.1));
        correct("log-sum-exp of values near 1000", "log-sum-exp", logSumExp(), Corpus::logSumExpGradient,
                shifted(sequence(6, 3.0), 1000));
        correct("softmax cross-entropy", "softmax", softmaxCrossEntropy(), x -> softmaxCrossEntropyGradient(x, true),
                sequence(5, 0.7));
        correct("Rosenbrock in 10 dimensions", "classic", Corpus::rosenbrock, Corpus::rosenbrockGradient,
                sequence(10, 0.3));
        correct("abs(x) with one coordinate 1e-10 from its kink", "kink", absolutes(), Corpus::absolutesGradient,
                new double[] {1e-10, -0.5, 2.0});
        correct("abs(x) exactly at its kink, subgradient 0", "kink", absolutes(), x -> {
            double[] g = absolutesGradient(x);
            g[0] = 0;
            return g;
        }, new double[] {0.0, -0.5, 2.0});
        correct("ReLU sum with one input 1e-9 from 0", "kink", relus(), Corpus::relusGradient,
                new double[] {-1e-9, 0.3, -0.7, 1.5});
        correct("max of two values 1e-12 apart", "kink", x -> Math.max(x[0], x[1]) + x[2] * x[2],
                x -> x[0] >= x[1] ? new double[] {1, 0, 2 * x[2]} : new double[] {0, 1, 2 * x[2]},
                new double[] {0.3 + 1e-12, 0.3, 0.4});
        correct("long noisy sum of 100000 terms", "noisy", noisySum(100_000), noisySumGradient(100_000), sequence(4, 0.9));
        correct("saturated tanh (gradients underflow to 0)", "saturated", saturated(), Corpus::saturatedGradient,
                sequence(5, 30));
        correct("function constant in half of its coordinates (exactly zero gradients)", "zero gradients",
                x -> x[0] * x[0] + Math.sin(x[1]), x -> new double[] {2 * x[0], Math.cos(x[1]), 0, 0},
                new double[] {0.5, 1.1, 3.0, -2.0});
        correct("function computed in float", "float precision", floatSines(), Corpus::floatSinesGradient,
                sequence(6, 0.37));
        correct("float quadratic with large values", "float precision", x -> {
            float sum = 0;
            for (double v : x) {
                sum += (float) v * (float) v;
            }
            return sum;
        }, x -> scale(x, 2), sequence(6, 10.0));
        correct("two scales in one function (1e-6 and 1)", "scale", twoScales(1e-6), twoScalesGradient(1e-6),
                sequence(10, 0.4));
        correct("logistic loss at extreme logits (+-40)", "exponentials", Corpus::extremeLogistic,
                Corpus::extremeLogisticGradient, new double[] {40, -40, 35.5});
        TinyNetwork tanh = new TinyNetwork(Activation.TANH, Bug.NONE, 0.05, 6, 5);
        correct("tanh network [4,4,4,1] with L2 regularisation", "network", TinyNetwork.LAYOUT, tanh::value,
                tanh::gradient, TinyNetwork.initialParameters(11));
        TinyNetwork relu = new TinyNetwork(Activation.RELU, Bug.NONE, 0, 6, 5);
        correct("ReLU network [4,4,4,1]", "network", TinyNetwork.LAYOUT, relu::value, relu::gradient,
                TinyNetwork.initialParameters(11));
        correct("oscillating product sin(5x) cos(3y)", "classic", x -> Math.sin(5 * x[0]) * Math.cos(3 * x[1]),
                x -> new double[] {5 * Math.cos(5 * x[0]) * Math.cos(3 * x[1]), -3 * Math.sin(5 * x[0]) * Math.sin(3 * x[1])},
                new double[] {0.3, 0.8});
        // The point lies on the edge of the domain: the value is NaN for any x[2] above 3, so only differences from
        // the left exist there, and the analytic value is the left derivative.
        correct("cost NaN just above the point (a domain boundary)", Categories.DOMAIN_EDGE,
                x -> x[2] > 3 ? Double.NaN : quadratic(new double[3], 1.0).applyAsDouble(x),
                quadraticGradient(new double[3], 1.0), new double[] {1, 2, 3});
    }

    private void correct(String name, String category, ToDoubleFunction<double[]> value, Function<double[], double[]> gradient,
            double[] point) {
        cases.correct(name, category, value, gradient, point);
    }

    private void correct(String name, String category, ParameterLayout layout, ToDoubleFunction<double[]> value,
            Function<double[], double[]> gradient, double[] point) {
        cases.correct(name, category, layout, value, gradient, point);
    }

    // ---------------------------------------------------------------- non-deterministic

    private void nondeterministic() {
        double[] point = sequence(6, 0.5);
        // generators that are never reset between evaluations: each evaluation draws new numbers (seeded here, so
        // that the corpus is the same in every run; an unseeded generator behaves the same way for the checker)
        Random masks = new Random(20180401);
        nondeterministic("dropout whose mask generator is never reset", x -> {
            double sum = 0;
            for (double v : x) {
                sum += masks.nextDouble() < 0.5 ? 0 : 2 * v * v;
            }
            return sum;
        }, x -> scale(x, 2), point, "not deterministic");
        Random noise = new Random(7);
        long[] calls = {0};
        nondeterministic("state carried between calls (a call counter in the cost)", x -> {
            calls[0]++;
            return quadratic(new double[6], 1.0).applyAsDouble(x) + 1e-6 * calls[0];
        }, x -> scale(x, 2), point, "not deterministic");
        nondeterministic("tiny random noise of 1e-9 in the cost", x -> quadratic(new double[6], 1.0).applyAsDouble(x)
                + 1e-9 * noise.nextGaussian(), x -> scale(x, 2), point, "not deterministic");
        double[] buffer = new double[6];
        nondeterministic("gradient accumulated into a buffer that is never cleared",
                quadratic(new double[6], 1.0), x -> {
                    for (int i = 0; i < x.length; i++) {
                        buffer[i] += 2 * x[i];
                    }
                    return buffer.clone();
                }, point, "analytic gradient is not deterministic");
    }

    private void nondeterministic(String name, ToDoubleFunction<double[]> value, Function<double[], double[]> gradient,
            double[] point, String message) {
        DifferentiableFunction function = DifferentiableFunction.of(value, gradient);
        cases.nondeterministic(name, "non-deterministic", ParameterLayout.vector("x", point.length), () -> function, point,
                message);
    }

    // ---------------------------------------------------------------- bad inputs

    private void badInputs() {
        ToDoubleFunction<double[]> square = quadratic(new double[3], 1.0);
        Function<double[], double[]> squareGradient = quadraticGradient(new double[3], 1.0);
        bad("NaN in the point", square, squareGradient, new double[] {1, Double.NaN, 3}, "point is not finite at x[1]");
        bad("infinite cost", x -> Double.POSITIVE_INFINITY, squareGradient, sequence(3, 1), "is Infinity");
        bad("gradient of the wrong length", square, x -> new double[2], sequence(3, 1), "has length 2");
        bad("null gradient", square, x -> null, sequence(3, 1), "is null");
        bad("NaN in the gradient", square, x -> new double[] {0, Double.NaN, 0}, sequence(3, 1), "is NaN at x[1]");
        bad("function modifies its point", x -> {
            x[0] += 1;
            return square.applyAsDouble(x);
        }, squareGradient, sequence(3, 1), "modified the point");
        bad("function throws", x -> {
            throw new IllegalStateException("boom");
        }, squareGradient, sequence(3, 1), "threw java.lang.IllegalStateException: boom");
    }

    private void bad(String name, ToDoubleFunction<double[]> value, Function<double[], double[]> gradient, double[] point,
            String message) {
        cases.bad(name, "bad input", ParameterLayout.vector("x", point.length), value, gradient, point, message);
    }

    // ---------------------------------------------------------------- functions

    static double[] sequence(int n, double magnitude) {
        double[] x = new double[n];
        SplittableRandom random = new SplittableRandom(n * 31L + Double.hashCode(magnitude));
        for (int i = 0; i < n; i++) {
            x[i] = magnitude * (0.5 + random.nextDouble()) * (i % 3 == 1 ? -1 : 1);
        }
        return x;
    }

    static double[] shifted(double[] x, double by) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += i % 2 == 0 ? by : -by;
        }
        return y;
    }

    static double[] scale(double[] x, double factor) {
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = x[i] * factor;
        }
        return y;
    }

    /** {@code scale * sum (i + 1) (x_i - c_i)^2}. */
    static ToDoubleFunction<double[]> quadratic(double[] center, double scale) {
        return x -> {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                double d = x[i] - center[i];
                sum += (i + 1) * d * d;
            }
            return scale * sum;
        };
    }

    static Function<double[], double[]> quadraticGradient(double[] center, double scale) {
        return x -> {
            double[] g = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                g[i] = scale * 2 * (i + 1) * (x[i] - center[i]);
            }
            return g;
        };
    }

    /** {@code sum w_i x_i^2 + sin(x_i)}: separable, for large dimensions. */
    static ToDoubleFunction<double[]> separable(double[] weights) {
        return x -> {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += weights[i] * x[i] * x[i] + Math.sin(x[i]);
            }
            return sum;
        };
    }

    static Function<double[], double[]> separableGradient(double[] weights) {
        return x -> {
            double[] g = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                g[i] = 2 * weights[i] * x[i] + Math.cos(x[i]);
            }
            return g;
        };
    }

    /** {@code sum exp(a_i x_i)} with {@code a_i = i + 1}. */
    static ToDoubleFunction<double[]> exponentials() {
        return x -> {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += Math.exp((i + 1) * x[i]);
            }
            return sum;
        };
    }

    static double[] exponentialsGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = (i + 1) * Math.exp((i + 1) * x[i]);
        }
        return g;
    }

    /** Stable log-sum-exp. */
    static ToDoubleFunction<double[]> logSumExp() {
        return x -> {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : x) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (double v : x) {
                sum += Math.exp(v - max);
            }
            return max + Math.log(sum);
        };
    }

    static double[] logSumExpGradient(double[] x) {
        double lse = logSumExp().applyAsDouble(x);
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = Math.exp(x[i] - lse);
        }
        return g;
    }

    /** Cross-entropy of softmax(x) against the one-hot label 2. */
    static ToDoubleFunction<double[]> softmaxCrossEntropy() {
        return x -> logSumExp().applyAsDouble(x) - x[2];
    }

    static double[] softmaxCrossEntropyGradient(double[] x, boolean withLabel) {
        double[] g = logSumExpGradient(x);
        if (withLabel) {
            g[2] -= 1;
        }
        return g;
    }

    static double rosenbrock(double[] x) {
        double sum = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            sum += 100 * Math.pow(x[i + 1] - x[i] * x[i], 2) + Math.pow(1 - x[i], 2);
        }
        return sum;
    }

    static double[] rosenbrockGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i + 1 < x.length; i++) {
            g[i] += -400 * x[i] * (x[i + 1] - x[i] * x[i]) - 2 * (1 - x[i]);
            g[i + 1] += 200 * (x[i + 1] - x[i] * x[i]);
        }
        return g;
    }

    static ToDoubleFunction<double[]> absolutes() {
        return x -> {
            double sum = 0;
            for (double v : x) {
                sum += Math.abs(v);
            }
            return sum;
        };
    }

    static double[] absolutesGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = Math.signum(x[i]);
        }
        return g;
    }

    static ToDoubleFunction<double[]> relus() {
        return x -> {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += (i + 1) * Math.max(0, x[i]);
            }
            return sum;
        };
    }

    static double[] relusGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = x[i] > 0 ? i + 1 : 0;
        }
        return g;
    }

    /** {@code sum_k c_k (x . v_k)} summed naively over many terms: accumulated rounding noise. */
    static ToDoubleFunction<double[]> noisySum(int terms) {
        return x -> {
            double sum = 0;
            for (int k = 0; k < terms; k++) {
                double c = 1 + (k % 7) * 0.1;
                sum += c * x[k % x.length] * x[k % x.length] + 1e3 * Math.sin(k);
            }
            return sum;
        };
    }

    static Function<double[], double[]> noisySumGradient(int terms) {
        return x -> {
            double[] g = new double[x.length];
            for (int k = 0; k < terms; k++) {
                double c = 1 + (k % 7) * 0.1;
                g[k % x.length] += 2 * c * x[k % x.length];
            }
            return g;
        };
    }

    static ToDoubleFunction<double[]> saturated() {
        return x -> {
            double sum = 0;
            for (double v : x) {
                sum += Math.tanh(v);
            }
            return sum;
        };
    }

    static double[] saturatedGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double t = Math.tanh(x[i]);
            g[i] = 1 - t * t;
        }
        return g;
    }

    /** {@code sum sin(x_i) (i + 1)} computed in float. */
    static ToDoubleFunction<double[]> floatSines() {
        return x -> {
            float sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += (float) Math.sin((float) x[i]) * (i + 1);
            }
            return sum;
        };
    }

    static double[] floatSinesGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = Math.cos(x[i]) * (i + 1);
        }
        return g;
    }

    /** A function with two blocks of parameters whose gradients differ by {@code ratio}: 6 big, the rest tiny. */
    static ToDoubleFunction<double[]> twoScales(double ratio) {
        return x -> {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                double weight = i < 6 ? 1 : ratio;
                sum += weight * (Math.sin(x[i]) + x[i] * x[i]);
            }
            return sum;
        };
    }

    static Function<double[], double[]> twoScalesGradient(double ratio) {
        return x -> {
            double[] g = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double weight = i < 6 ? 1 : ratio;
                g[i] = weight * (Math.cos(x[i]) + 2 * x[i]);
            }
            return g;
        };
    }

    /** {@code sum log(1 + exp(-z_i))}, computed stably. */
    static double extremeLogistic(double[] z) {
        double sum = 0;
        for (double v : z) {
            sum += Math.max(-v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
        }
        return sum;
    }

    static double[] extremeLogisticGradient(double[] z) {
        double[] g = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            g[i] = -1 / (1 + Math.exp(z[i]));
        }
        return g;
    }
}
