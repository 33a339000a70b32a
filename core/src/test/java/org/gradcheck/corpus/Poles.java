package org.gradcheck.corpus;

import static org.gradcheck.corpus.Categories.POLE;
import static org.gradcheck.corpus.Categories.TINY_SENSITIVE;

import org.gradcheck.layout.ParameterLayout;

/**
 * Functions that change completely within the automatic step: a pole closer to the point than the step
 * ({@code 1 / (1 + 7.29e8 b)} at {@code b = -1e-9} has its pole {@code 3.7e-10} away, and the step {@code 6e-6}
 * crosses it), and tiny parameters multiplying huge inputs ({@code exp(1e9 b)} at {@code b = 1e-9}), whose step
 * {@code 6e-6 max(|b|, 1)} is thousands of times the parameter. A step below the distance to the pole, or relative
 * to the parameter's scale, resolves every one of them.
 */
final class Poles {

    /** Inputs of the logistic regression on a feature of magnitude 1e8..1e9. */
    private static final double[] LOGISTIC_FEATURE = {2e8, 7e8, 1e9, 4.5e8};

    private static final double[] LOGISTIC_LABELS = {1, -1, 1, -1};

    private Poles() {
    }

    static void addTo(Cases cases) {
        poles(cases);
        tinyParameters(cases);
    }

    private static void poles(Cases cases) {
        // a pole 1e-12 from the point: the noise probes at 1e-10 and 1e-12 cross it and measure it, not noise, which
        // would make every small step's rounding bound huge; closer probes measure the noise
        ParameterLayout single = ParameterLayout.vector("x", 1);
        double[] zero = {0};
        cases.correct("1 / (x - 1e-12) at 0, its pole 1e-12 away", POLE, single, x -> 1 / (x[0] - 1e-12),
                x -> new double[] {-1 / ((x[0] - 1e-12) * (x[0] - 1e-12))}, zero);
        cases.bug("1 / (x - 1e-12) at 0, the derivative 1% too large", POLE, single, x -> 1 / (x[0] - 1e-12),
                x -> new double[] {-1 / ((x[0] - 1e-12) * (x[0] - 1e-12))},
                x -> new double[] {-1.01 / ((x[0] - 1e-12) * (x[0] - 1e-12))}, zero);
        ParameterLayout b = ParameterLayout.vector("b", 2);
        double[] nearPole = {-1e-9, 0.5};
        cases.correct("1 / (1 + 7.29e8 b0) + b1^2 at (-1e-9, 0.5), its pole 3.7e-10 away", POLE, b, Poles::reciprocal,
                Poles::reciprocalGradient, nearPole);
        cases.bug("1 / (1 + 7.29e8 b0) + b1^2 at (-1e-9, 0.5), the derivative in b0 with the wrong sign", POLE, b,
                Poles::reciprocal, Poles::reciprocalGradient, x -> {
                    double[] g = reciprocalGradient(x);
                    g[0] = -g[0];
                    return g;
                }, nearPole);
        ParameterLayout fit = ParameterLayout.builder().vector("b", 1).vector("a", 1).build();
        RationalFit loose = new RationalFit(1e-6);
        cases.correct("mean squared residual of a / (1 + b t), t up to 7.29e8, the pole 3.7e-10 from b, residuals 1e-6", POLE,
                fit, loose::loss, loose::gradient, RationalFit.POINT);
        RationalFit close = new RationalFit(1.188e-11);
        cases.bug("mean squared residual of a / (1 + b t) at a near-exact fit, derivative in b 1.624 where the truth is -0.05",
                POLE, fit, close::loss, close::gradient, x -> {
                    double[] g = close.gradient(x);
                    g[0] = 1.624;
                    return g;
                }, RationalFit.POINT);
        ParameterLayout two = ParameterLayout.vector("x", 2);
        double[] justBefore = {0.5, 0.3};
        cases.correct("1 / (x0 - c) + x1^2 with the pole c = x0 + 1e-7 just beyond the point", POLE, two, Poles::shiftedPole,
                Poles::shiftedPoleGradient, justBefore);
        cases.bug("1 / (x0 - c) + x1^2 with the pole c = x0 + 1e-7, the derivative -1 / (x0 - c) (the square missing)",
                POLE, two, Poles::shiftedPole, Poles::shiftedPoleGradient, x -> new double[] {-1 / (x[0] - 0.5000001), 2 * x[1]},
                justBefore);
        ParameterLayout one = ParameterLayout.vector("x", 1);
        double[] nearHalfPi = {Math.PI / 2 - 1e-7};
        cases.correct("tan(x) at pi/2 - 1e-7", POLE, one, x -> Math.tan(x[0]), x -> {
            double c = Math.cos(x[0]);
            return new double[] {1 / (c * c)};
        }, nearHalfPi);
        cases.bug("tan(x) at pi/2 - 1e-7, analytic 1 / cos(x) (the square missing)", POLE, one, x -> Math.tan(x[0]), x -> {
            double c = Math.cos(x[0]);
            return new double[] {1 / (c * c)};
        }, x -> new double[] {1 / Math.cos(x[0])}, nearHalfPi);
        double[] peak = {2e-7};
        cases.correct("Lorentzian 1 / (x^2 + 1e-14) of width 1e-7, at 2e-7", POLE, one, Poles::lorentzian,
                Poles::lorentzianGradient, peak);
        cases.bug("Lorentzian 1 / (x^2 + 1e-14) at 2e-7, the factor 2 missing", POLE, one, Poles::lorentzian,
                Poles::lorentzianGradient, x -> Magnitudes.scale(lorentzianGradient(x), 0.5), peak);
    }

    private static void tinyParameters(Cases cases) {
        ParameterLayout b = ParameterLayout.vector("b", 2);
        double[] exponent = {1e-9, 0.5};
        cases.correct("exp(1e9 b0) + b1^2 at b0 = 1e-9", TINY_SENSITIVE, b, x -> Math.exp(1e9 * x[0]) + x[1] * x[1],
                x -> new double[] {1e9 * Math.exp(1e9 * x[0]), 2 * x[1]}, exponent);
        cases.bug("exp(1e9 b0) + b1^2 at b0 = 1e-9, the input 1e9 missing from the derivative", TINY_SENSITIVE, b,
                x -> Math.exp(1e9 * x[0]) + x[1] * x[1], x -> new double[] {1e9 * Math.exp(1e9 * x[0]), 2 * x[1]},
                x -> new double[] {Math.exp(1e9 * x[0]), 2 * x[1]}, exponent);
        ParameterLayout one = ParameterLayout.vector("b", 1);
        double[] logPoint = {1e-12};
        cases.correct("log(1 + 1e12 b) at b = 1e-12", TINY_SENSITIVE, one, x -> Math.log1p(1e12 * x[0]),
                x -> new double[] {1e12 / (1 + 1e12 * x[0])}, logPoint);
        cases.bug("log(1 + 1e12 b) at b = 1e-12, the derivative with the wrong sign", TINY_SENSITIVE, one,
                x -> Math.log1p(1e12 * x[0]), x -> new double[] {1e12 / (1 + 1e12 * x[0])},
                x -> new double[] {-1e12 / (1 + 1e12 * x[0])}, logPoint);
        cases.correct("tanh(1e12 b - 0.5) at b = 1e-12", TINY_SENSITIVE, one, x -> Math.tanh(1e12 * x[0] - 0.5),
                Poles::tanhGradient, logPoint);
        cases.bug("tanh(1e12 b - 0.5) at b = 1e-12, the input 1e12 missing from the derivative", TINY_SENSITIVE, one,
                x -> Math.tanh(1e12 * x[0] - 0.5), Poles::tanhGradient, x -> Magnitudes.scale(tanhGradient(x), 1e-12),
                logPoint);
        ParameterLayout model = ParameterLayout.builder().vector("w", 1).vector("c", 1).build();
        double[] weights = {1.1e-9, -0.3};
        cases.correct("logistic loss of w t + c, t from 2e8 to 1e9, w = 1.1e-9", TINY_SENSITIVE, model, Poles::logistic,
                Poles::logisticGradient, weights);
        cases.bug("logistic loss of w t + c, t from 2e8 to 1e9, the derivative in w summed instead of averaged",
                TINY_SENSITIVE, model, Poles::logistic, Poles::logisticGradient, x -> {
                    double[] g = logisticGradient(x);
                    g[0] *= LOGISTIC_FEATURE.length;
                    return g;
                }, weights);
    }

    static double reciprocal(double[] b) {
        return 1 / (1 + 7.29e8 * b[0]) + b[1] * b[1];
    }

    static double[] reciprocalGradient(double[] b) {
        double d = 1 + 7.29e8 * b[0];
        return new double[] {-7.29e8 / (d * d), 2 * b[1]};
    }

    /**
     * The mean squared residual of the rational model {@code a / (1 + b t)} over inputs {@code t} up to {@code 7.29e8},
     * parameters {@code (b, a)}, against observations that differ from the model at {@link #POINT} by
     * {@code +-residual}. With residuals {@code 1.188e-11} the derivative in {@code b} is about {@code -0.05}; it is then
     * computed only to about {@code 4e-5} relative (the model's value rounds to {@code 2e-16}), so that fit serves only
     * for a bug far larger than that.
     */
    static final class RationalFit {

        static final double[] INPUTS = {1e8, 3e8, 5e8, 7.29e8};

        /** {@code b} with its pole {@code 3.7e-10} away, and {@code a}. */
        static final double[] POINT = {-1e-9, 1.0};

        private final double[] observations = new double[INPUTS.length];

        RationalFit(double residual) {
            for (int k = 0; k < INPUTS.length; k++) {
                observations[k] = POINT[1] / (1 + POINT[0] * INPUTS[k]) + (k % 2 == 0 ? residual : -residual);
            }
        }

        double loss(double[] p) {
            double sum = 0;
            for (int k = 0; k < INPUTS.length; k++) {
                double residual = p[1] / (1 + p[0] * INPUTS[k]) - observations[k];
                sum += residual * residual;
            }
            return sum / INPUTS.length;
        }

        double[] gradient(double[] p) {
            double[] g = new double[2];
            for (int k = 0; k < INPUTS.length; k++) {
                double d = 1 + p[0] * INPUTS[k];
                double twiceResidual = 2 * (p[1] / d - observations[k]) / INPUTS.length;
                g[0] -= twiceResidual * p[1] * INPUTS[k] / (d * d);
                g[1] += twiceResidual / d;
            }
            return g;
        }
    }

    static double shiftedPole(double[] x) {
        return 1 / (x[0] - 0.5000001) + x[1] * x[1];
    }

    static double[] shiftedPoleGradient(double[] x) {
        double d = x[0] - 0.5000001;
        return new double[] {-1 / (d * d), 2 * x[1]};
    }

    static double lorentzian(double[] x) {
        return 1 / (x[0] * x[0] + 1e-14);
    }

    static double[] lorentzianGradient(double[] x) {
        double d = x[0] * x[0] + 1e-14;
        return new double[] {-2 * x[0] / (d * d)};
    }

    static double[] tanhGradient(double[] x) {
        double t = Math.tanh(1e12 * x[0] - 0.5);
        return new double[] {1e12 * (1 - t * t)};
    }

    /** {@code mean log(1 + exp(-y_k (w t_k + c)))}, computed stably. */
    static double logistic(double[] p) {
        double sum = 0;
        for (int k = 0; k < LOGISTIC_FEATURE.length; k++) {
            double margin = LOGISTIC_LABELS[k] * (p[0] * LOGISTIC_FEATURE[k] + p[1]);
            sum += Math.max(-margin, 0) + Math.log1p(Math.exp(-Math.abs(margin)));
        }
        return sum / LOGISTIC_FEATURE.length;
    }

    static double[] logisticGradient(double[] p) {
        double[] g = new double[2];
        for (int k = 0; k < LOGISTIC_FEATURE.length; k++) {
            double margin = LOGISTIC_LABELS[k] * (p[0] * LOGISTIC_FEATURE[k] + p[1]);
            double weight = -LOGISTIC_LABELS[k] / (1 + Math.exp(margin)) / LOGISTIC_FEATURE.length;
            g[0] += weight * LOGISTIC_FEATURE[k];
            g[1] += weight;
        }
        return g;
    }
}
