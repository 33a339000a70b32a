package org.gradcheck.corpus;

import static org.gradcheck.corpus.Categories.DOMAIN_EDGE;
import static org.gradcheck.corpus.Categories.PROBE_THROWS;

import java.util.Map;
import org.gradcheck.layout.ParameterLayout;

/**
 * Points near the edge of the function's domain, and functions that refuse some inputs. Domain edges: {@code log},
 * {@code sqrt}, {@code x log x}, {@code acos}, {@code x^x} and fractional powers at coordinates {@code 1e-9..1e-6}
 * from the edge, where the automatic step (and the noise probe, which moves every coordinate by up to {@code 8e-6})
 * leaves the domain; a smaller step does not, so right gradients must pass. Refused inputs: a function that throws
 * whenever one coordinate moves at all; no finite difference in that coordinate exists, and the check's error must
 * name it.
 */
final class DomainEdges {

    /** A value table keyed by the exact level; any other level has no entry. */
    private static final Map<Double, Double> LEVELS = Map.of(0.75, 2.5);

    private DomainEdges() {
    }

    static void addTo(Cases cases) {
        edges(cases);
        refusals(cases);
    }

    private static void edges(Cases cases) {
        ParameterLayout x4 = ParameterLayout.vector("x", 4);
        double[] logPoint = {3e-9, 0.5, 2e-7, 1.3};
        cases.correct("sum log(x_i) with x_0 = 3e-9 and x_2 = 2e-7", DOMAIN_EDGE, x4, DomainEdges::logs, DomainEdges::logsGradient,
                logPoint);
        cases.bug("sum log(x_i) with x_0 = 3e-9 and x_2 = 2e-7, the derivative at x[2] with the wrong sign", DOMAIN_EDGE, x4,
                DomainEdges::logs, DomainEdges::logsGradient, x -> {
                    double[] g = logsGradient(x);
                    g[2] = -g[2];
                    return g;
                }, logPoint);
        double[] sqrtPoint = {1e-9, 4e-7, 0.25, 1e-6};
        cases.correct("sum sqrt(x_i) with three x_i from 1e-9 to 1e-6", DOMAIN_EDGE, x4, DomainEdges::roots,
                DomainEdges::rootsGradient, sqrtPoint);
        ParameterLayout x3 = ParameterLayout.vector("x", 3);
        double[] entropyPoint = {5e-9, 0.3, 1e-6};
        cases.correct("sum x_i log(x_i) with x_0 = 5e-9 and x_2 = 1e-6", DOMAIN_EDGE, x3, DomainEdges::entropy,
                x -> entropyGradient(x, 1), entropyPoint);
        cases.bug("sum x_i log(x_i) with x_0 = 5e-9, the derivative log(x) (the + 1 missing)", DOMAIN_EDGE, x3,
                DomainEdges::entropy, x -> entropyGradient(x, 1), x -> entropyGradient(x, 0), entropyPoint);
        ParameterLayout x2 = ParameterLayout.vector("x", 2);
        cases.correct("acos(x0) + asin(x1) at (1 - 1e-9, -1 + 4e-9)", DOMAIN_EDGE, x2, x -> Math.acos(x[0]) + Math.asin(x[1]),
                x -> new double[] {-1 / Math.sqrt((1 - x[0]) * (1 + x[0])), 1 / Math.sqrt((1 - x[1]) * (1 + x[1]))},
                new double[] {1 - 1e-9, -1 + 4e-9});
        ParameterLayout x1 = ParameterLayout.vector("x", 1);
        cases.correct("x^x at 1e-7", DOMAIN_EDGE, x1, x -> Math.pow(x[0], x[0]),
                x -> new double[] {Math.pow(x[0], x[0]) * (Math.log(x[0]) + 1)}, new double[] {1e-7});
        double[] powerPoint = {2e-8};
        cases.correct("x^1.5 + x^0.3 at 2e-8", DOMAIN_EDGE, x1, DomainEdges::powers, x -> powersGradient(x, -0.7),
                powerPoint);
        cases.bug("x^1.5 + x^0.3 at 2e-8, the derivative of x^0.3 taken as 0.3 x^0.3", DOMAIN_EDGE, x1, DomainEdges::powers,
                x -> powersGradient(x, -0.7), x -> powersGradient(x, 0.3), powerPoint);
        ParameterLayout rates = ParameterLayout.vector("rate", 3);
        cases.correct("Poisson negative log-likelihood sum (rate_k - y_k log rate_k) at rates 2e-8, 5e-7 and 0.4", DOMAIN_EDGE,
                rates, DomainEdges::poisson, DomainEdges::poissonGradient, new double[] {2e-8, 5e-7, 0.4});
    }

    private static void refusals(Cases cases) {
        ParameterLayout counted = ParameterLayout.builder().vector("w", 3).vector("count", 1).build();
        cases.bad("a count parameter that must be a whole number, the function throws whenever it moves", PROBE_THROWS,
                counted, DomainEdges::counted, x -> new double[] {2 * x[0] * x[3], 2 * x[1] * x[3], 2 * x[2] * x[3],
                    x[0] * x[0] + x[1] * x[1] + x[2] * x[2]}, new double[] {0.5, -1.2, 0.8, 3}, "count[0]");
        ParameterLayout levelled = ParameterLayout.builder().vector("rate", 2).vector("level", 1).build();
        cases.bad("a value table keyed by the exact level, no entry once the level moves", PROBE_THROWS, levelled,
                DomainEdges::levelled, x -> new double[] {2 * x[0], 2 * x[1], 0}, new double[] {0.3, -0.6, 0.75}, "level[0]");
    }

    static double logs(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += Math.log(v);
        }
        return sum;
    }

    static double[] logsGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = 1 / x[i];
        }
        return g;
    }

    static double roots(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += Math.sqrt(v);
        }
        return sum;
    }

    static double[] rootsGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = 0.5 / Math.sqrt(x[i]);
        }
        return g;
    }

    static double entropy(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v * Math.log(v);
        }
        return sum;
    }

    /** {@code log(x_i) + one}: one is 1 for the right derivative. */
    static double[] entropyGradient(double[] x, double one) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = Math.log(x[i]) + one;
        }
        return g;
    }

    static double powers(double[] x) {
        return Math.pow(x[0], 1.5) + Math.pow(x[0], 0.3);
    }

    /** {@code 1.5 x^0.5 + 0.3 x^exponent}: the exponent is -0.7 for the right derivative. */
    static double[] powersGradient(double[] x, double exponent) {
        return new double[] {1.5 * Math.sqrt(x[0]) + 0.3 * Math.pow(x[0], exponent)};
    }

    private static final double[] COUNTS = {0, 1, 2};

    static double poisson(double[] rate) {
        double sum = 0;
        for (int k = 0; k < rate.length; k++) {
            sum += rate[k] - (COUNTS[k] == 0 ? 0 : COUNTS[k] * Math.log(rate[k]));
        }
        return sum;
    }

    static double[] poissonGradient(double[] rate) {
        double[] g = new double[rate.length];
        for (int k = 0; k < rate.length; k++) {
            g[k] = 1 - COUNTS[k] / rate[k];
        }
        return g;
    }

    /** {@code count |w|^2}; a count that is not a whole number is refused. */
    static double counted(double[] x) {
        if (x[3] != Math.rint(x[3])) {
            throw new IllegalArgumentException("counts must be whole numbers");
        }
        return x[3] * (x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
    }

    /** {@code |rate|^2 + table(level)}; the table has entries at exact levels only. */
    static double levelled(double[] x) {
        double entry = LEVELS.get(x[2]);
        return x[0] * x[0] + x[1] * x[1] + entry;
    }
}
