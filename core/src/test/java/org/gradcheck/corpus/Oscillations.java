package org.gradcheck.corpus;

import static org.gradcheck.corpus.Categories.FAST_OSCILLATION;

import org.gradcheck.layout.ParameterLayout;

/**
 * Functions that oscillate faster than the automatic step resolves: {@code sin(1e7 x)} has a period of {@code 6e-7},
 * a tenth of the step {@code 6e-6}. A step a thousand times smaller resolves them, so right gradients must pass and
 * wrong ones (zero, a missing chain-rule factor, a sign error) must fail.
 */
final class Oscillations {

    /** Frequencies of {@link #sines(double[])}, one per coordinate. */
    private static final double[] FREQUENCIES = {1e5, 3e6, 1e7, 1};

    private Oscillations() {
    }

    static void addTo(Cases cases) {
        ParameterLayout one = ParameterLayout.vector("x", 1);
        double[] point = {0.3};
        cases.correct("sin(1e7 x) at 0.3", FAST_OSCILLATION, one, x -> Math.sin(1e7 * x[0]),
                x -> new double[] {1e7 * Math.cos(1e7 * x[0])}, point);
        cases.bug("sin(1e7 x) at 0.3, analytic 0", FAST_OSCILLATION, one, x -> Math.sin(1e7 * x[0]),
                x -> new double[] {1e7 * Math.cos(1e7 * x[0])}, x -> new double[] {0}, point);
        cases.bug("sin(1e7 x) at 0.3, analytic cos(1e7 x) (the chain-rule factor 1e7 missing)", FAST_OSCILLATION, one,
                x -> Math.sin(1e7 * x[0]), x -> new double[] {1e7 * Math.cos(1e7 * x[0])},
                x -> new double[] {Math.cos(1e7 * x[0])}, point);

        // faster still: at the first steps the central differences of two neighbouring steps can agree by chance
        // (aliasing), which smaller steps then contradict; the smaller steps must decide
        double[] half = {0.5};
        cases.correct("sin(1e8 x) + x^2 at 0.5", FAST_OSCILLATION, one, x -> Math.sin(1e8 * x[0]) + x[0] * x[0],
                x -> new double[] {1e8 * Math.cos(1e8 * x[0]) + 2 * x[0]}, half);
        cases.bug("sin(1e8 x) + x^2 at 0.5, analytic 2 x (the oscillating term's derivative missing)", FAST_OSCILLATION,
                one, x -> Math.sin(1e8 * x[0]) + x[0] * x[0], x -> new double[] {1e8 * Math.cos(1e8 * x[0]) + 2 * x[0]},
                x -> new double[] {2 * x[0]}, half);
        double[] tiny = {1e-15};
        cases.correct("sin(1e15 x) at 1e-15 (a tiny input, a period far below the step)", FAST_OSCILLATION, one,
                x -> Math.sin(1e15 * x[0]), x -> new double[] {1e15 * Math.cos(1e15 * x[0])}, tiny);
        cases.bug("sin(1e15 x) at 1e-15, analytic 1% too large", FAST_OSCILLATION, one, x -> Math.sin(1e15 * x[0]),
                x -> new double[] {1e15 * Math.cos(1e15 * x[0])}, x -> new double[] {1.01e15 * Math.cos(1e15 * x[0])},
                tiny);

        ParameterLayout two = ParameterLayout.vector("x", 2);
        double[] other = {1.7, -0.4};
        cases.correct("cos(1e6 x0) + x1^2", FAST_OSCILLATION, two, Oscillations::cosine, Oscillations::cosineGradient, other);
        cases.bug("cos(1e6 x0) + x1^2, the oscillating derivative with the wrong sign", FAST_OSCILLATION, two,
                Oscillations::cosine, Oscillations::cosineGradient, x -> {
                    double[] g = cosineGradient(x);
                    g[0] = -g[0];
                    return g;
                }, other);

        ParameterLayout four = ParameterLayout.vector("x", FREQUENCIES.length);
        double[] sinesPoint = {0.11, -0.37, 0.52, 1.9};
        cases.correct("sum sin(w_i x_i) with frequencies 1e5, 3e6, 1e7 and 1", FAST_OSCILLATION, four, Oscillations::sines,
                Oscillations::sinesGradient, sinesPoint);
        cases.bug("sum sin(w_i x_i), the frequency 3e6 missing from its derivative", FAST_OSCILLATION, four,
                Oscillations::sines, Oscillations::sinesGradient, x -> {
                    double[] g = sinesGradient(x);
                    g[1] /= FREQUENCIES[1];
                    return g;
                }, sinesPoint);
        cases.correct("exp(sin(3e5 x0)) x1 (a fast oscillation inside a product)", FAST_OSCILLATION, two,
                x -> Math.exp(Math.sin(3e5 * x[0])) * x[1], x -> {
                    double e = Math.exp(Math.sin(3e5 * x[0]));
                    return new double[] {3e5 * Math.cos(3e5 * x[0]) * e * x[1], e};
                }, new double[] {0.8, 2.5});
    }

    /** {@code cos(1e6 x0) + x1^2}. */
    static double cosine(double[] x) {
        return Math.cos(1e6 * x[0]) + x[1] * x[1];
    }

    static double[] cosineGradient(double[] x) {
        return new double[] {-1e6 * Math.sin(1e6 * x[0]), 2 * x[1]};
    }

    /** {@code sum sin(w_i x_i)} with the frequencies {@link #FREQUENCIES}. */
    static double sines(double[] x) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.sin(FREQUENCIES[i] * x[i]);
        }
        return sum;
    }

    static double[] sinesGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = FREQUENCIES[i] * Math.cos(FREQUENCIES[i] * x[i]);
        }
        return g;
    }
}
