package org.gradcheck.corpus;

import static org.gradcheck.corpus.Categories.HUGE_MAGNITUDE;
import static org.gradcheck.corpus.Categories.STEP_OVERFLOW;

import org.gradcheck.layout.ParameterLayout;

/**
 * Values near the end of the double range. Huge magnitudes: values near {@code 1e300}, whose differences are near
 * {@code 1e294}, so that a sum of their squares overflows. Points within a step of {@code Double.MAX_VALUE}: {@code x + h}
 * overflows, while {@code x - h} (a one-sided difference) is fine. Every derivative here is finite and can be told.
 */
final class Magnitudes {

    private Magnitudes() {
    }

    static void addTo(Cases cases) {
        huge(cases);
        overflowingStep(cases);
    }

    private static void huge(Cases cases) {
        ParameterLayout one = ParameterLayout.vector("x", 1);
        double[] at150 = {1e150};
        cases.correct("x^2 at 1e150", HUGE_MAGNITUDE, one, x -> x[0] * x[0], x -> new double[] {2 * x[0]}, at150);
        cases.bug("x^2 at 1e150, analytic 0", HUGE_MAGNITUDE, one, x -> x[0] * x[0], x -> new double[] {2 * x[0]},
                x -> new double[] {0}, at150);
        cases.bug("x^2 at 1e150, analytic 6x", HUGE_MAGNITUDE, one, x -> x[0] * x[0], x -> new double[] {2 * x[0]},
                x -> new double[] {6 * x[0]}, at150);
        double[] below = {-1e150};
        cases.correct("x^2 at -1e150", HUGE_MAGNITUDE, one, x -> x[0] * x[0], x -> new double[] {2 * x[0]}, below);
        cases.bug("x^2 at -1e150, analytic -2x", HUGE_MAGNITUDE, one, x -> x[0] * x[0], x -> new double[] {2 * x[0]},
                x -> new double[] {-2 * x[0]}, below);
        double[] at200 = {1e200};
        cases.correct("x^1.5 at 1e200 (value 1e300)", HUGE_MAGNITUDE, one, x -> Math.pow(x[0], 1.5),
                x -> new double[] {1.5 * Math.sqrt(x[0])}, at200);
        cases.bug("x^1.5 at 1e200, analytic sqrt(x) (the factor 1.5 missing)", HUGE_MAGNITUDE, one, x -> Math.pow(x[0], 1.5),
                x -> new double[] {1.5 * Math.sqrt(x[0])}, x -> new double[] {Math.sqrt(x[0])}, at200);
        ParameterLayout two = ParameterLayout.vector("x", 2);
        double[] product = {1e200, 1e100};
        cases.correct("x0 x1 at (1e200, 1e100)", HUGE_MAGNITUDE, two, x -> x[0] * x[1], x -> new double[] {x[1], x[0]}, product);
        cases.bug("x0 x1 at (1e200, 1e100), the partial derivatives swapped", HUGE_MAGNITUDE, two, x -> x[0] * x[1],
                x -> new double[] {x[1], x[0]}, x -> new double[] {x[0], x[1]}, product);
        double[] exponent = {345};
        cases.correct("exp(2x) at 345 (value 9e299)", HUGE_MAGNITUDE, one, x -> Math.exp(2 * x[0]),
                x -> new double[] {2 * Math.exp(2 * x[0])}, exponent);
        cases.bug("exp(2x) at 345, analytic exp(2x) (the factor 2 missing)", HUGE_MAGNITUDE, one, x -> Math.exp(2 * x[0]),
                x -> new double[] {2 * Math.exp(2 * x[0])}, x -> new double[] {Math.exp(2 * x[0])}, exponent);
        ParameterLayout three = ParameterLayout.vector("x", 3);
        double[] squares = {1e150, 4e149, -3e149};
        cases.correct("sum x_i^2 at (1e150, 4e149, -3e149)", HUGE_MAGNITUDE, three, Magnitudes::squares,
                Magnitudes::squaresGradient, squares);
        cases.bug("sum x_i^2 at (1e150, 4e149, -3e149), one partial derivative with the wrong sign", HUGE_MAGNITUDE, three,
                Magnitudes::squares, Magnitudes::squaresGradient, x -> {
                    double[] g = squaresGradient(x);
                    g[2] = -g[2];
                    return g;
                }, squares);
    }

    private static void overflowingStep(Cases cases) {
        ParameterLayout one = ParameterLayout.vector("x", 1);
        double[] top = {Double.MAX_VALUE};
        cases.correct("tanh(x / 1e308) at Double.MAX_VALUE", STEP_OVERFLOW, one, Magnitudes::scaledTanh,
                Magnitudes::scaledTanhGradient, top);
        cases.bug("tanh(x / 1e308) at Double.MAX_VALUE, analytic 0", STEP_OVERFLOW, one, Magnitudes::scaledTanh,
                Magnitudes::scaledTanhGradient, x -> new double[] {0}, top);
        cases.bug("tanh(x / 1e308) at Double.MAX_VALUE, the chain-rule factor 1e-308 missing", STEP_OVERFLOW, one,
                Magnitudes::scaledTanh, Magnitudes::scaledTanhGradient, x -> scale(scaledTanhGradient(x), 1e308), top);
        ParameterLayout two = ParameterLayout.vector("x", 2);
        double[] topAndHalf = {Double.MAX_VALUE, 0.5};
        cases.correct("atan(x0 / 1e308) + x1^2 at (Double.MAX_VALUE, 0.5)", STEP_OVERFLOW, two, Magnitudes::scaledAtan,
                Magnitudes::scaledAtanGradient, topAndHalf);
        cases.bug("atan(x0 / 1e308) + x1^2 at (Double.MAX_VALUE, 0.5), analytic 0 for x0", STEP_OVERFLOW, two,
                Magnitudes::scaledAtan, Magnitudes::scaledAtanGradient, x -> new double[] {0, 2 * x[1]}, topAndHalf);
        double[] bottom = {-Double.MAX_VALUE};
        cases.correct("sigmoid(x / 1e308) at -Double.MAX_VALUE (x - h overflows)", STEP_OVERFLOW, one,
                Magnitudes::scaledSigmoid, Magnitudes::scaledSigmoidGradient, bottom);
        cases.bug("sigmoid(x / 1e308) at -Double.MAX_VALUE, the derivative with the wrong sign", STEP_OVERFLOW, one,
                Magnitudes::scaledSigmoid, Magnitudes::scaledSigmoidGradient, x -> scale(scaledSigmoidGradient(x), -1), bottom);
        cases.correct("sqrt(x) at Double.MAX_VALUE (infinite beyond the point)", STEP_OVERFLOW, one, x -> Math.sqrt(x[0]),
                x -> new double[] {0.5 / Math.sqrt(x[0])}, top);
        cases.bug("sqrt(x) at Double.MAX_VALUE, analytic 1 / sqrt(x) (the factor 1/2 missing)", STEP_OVERFLOW, one,
                x -> Math.sqrt(x[0]), x -> new double[] {0.5 / Math.sqrt(x[0])}, x -> new double[] {1 / Math.sqrt(x[0])}, top);
    }

    static double squares(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v * v;
        }
        return sum;
    }

    static double[] squaresGradient(double[] x) {
        return scale(x, 2);
    }

    static double scaledTanh(double[] x) {
        return Math.tanh(x[0] / 1e308);
    }

    static double[] scaledTanhGradient(double[] x) {
        double t = Math.tanh(x[0] / 1e308);
        return new double[] {(1 - t * t) / 1e308};
    }

    static double scaledAtan(double[] x) {
        return Math.atan(x[0] / 1e308) + x[1] * x[1];
    }

    static double[] scaledAtanGradient(double[] x) {
        double u = x[0] / 1e308;
        return new double[] {1 / (1 + u * u) / 1e308, 2 * x[1]};
    }

    static double scaledSigmoid(double[] x) {
        return 1 / (1 + Math.exp(-x[0] / 1e308));
    }

    static double[] scaledSigmoidGradient(double[] x) {
        double s = scaledSigmoid(x);
        return new double[] {s * (1 - s) / 1e308};
    }

    static double[] scale(double[] x, double factor) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * factor;
        }
        return y;
    }
}
