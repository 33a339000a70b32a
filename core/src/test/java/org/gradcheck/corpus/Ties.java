package org.gradcheck.corpus;

import static org.gradcheck.corpus.Categories.RELU_AT_ZERO;
import static org.gradcheck.corpus.Categories.TIE;

import java.util.Arrays;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.gradcheck.layout.ParameterLayout;

/**
 * Functions exactly at a tie ({@code max}, {@code min}, max-pooling, sorting, top-k) or with one ReLU unit exactly at
 * zero. A gradient there is right when it is a convex combination of the gradients on either side (a subgradient
 * judged as a vector): for {@code 2 max(x0, x1)} at a tie, {@code (2, 0)}, {@code (0, 2)} and {@code (1, 1)} are
 * right, and {@code (2, 2)}, the classic double-counting of a max-pool backward pass, is wrong in both entries
 * although each lies between its own one-sided derivatives.
 */
final class Ties {

    /** Weights of the max-pooling loss, one per 2x2 window in row-major order. */
    static final double[] POOL_WEIGHTS = {-1, -2, 0.5, 3};

    /** A 4x4 input with a two-way tie, a unique maximum, a four-way tie at 0 and a three-way tie. */
    static final double[] POOL_INPUT = {
        0.5, 0.5, 0.2, 0.9,
        0.1, -0.3, 0.4, 0.3,
        0, 0, 0.7, 0.1,
        0, 0, 0.7, 0.7};

    /** The positions of {@link #POOL_INPUT} tied for the maximum of their window. */
    static final Set<String> POOL_TIED = Set.of("A[0,0]", "A[0,1]", "A[2,0]", "A[2,1]", "A[3,0]", "A[3,1]", "A[2,2]",
            "A[3,2]", "A[3,3]");

    static final ParameterLayout POOL_LAYOUT = ParameterLayout.builder().matrix("A", 4, 4).build();

    /** Weights of the ordered weighted sum, largest value first. */
    static final double[] ORDER_WEIGHTS = {3, 1, 0.5};

    private Ties() {
    }

    static void addTo(Cases cases) {
        maxima(cases);
        pooling(cases);
        sorting(cases);
        relu(cases);
    }

    private static void maxima(Cases cases) {
        ParameterLayout three = ParameterLayout.vector("x", 3);
        ToDoubleFunction<double[]> twoMax = x -> 2 * Math.max(x[0], x[1]) + x[2] * x[2];
        double[] tie = {0.5, 0.5, 0.3};
        cases.bug("2 max(x0, x1) + x2^2 at a tie, gradient (2, 2) (double-counted)", TIE, three, twoMax,
                x -> new double[] {2, 2, 2 * x[2]}, tie, Set.of("x[0]", "x[1]"));
        for (double[] share : new double[][] {{2, 0}, {0, 2}, {1, 1}}) {
            cases.correct("2 max(x0, x1) + x2^2 at a tie, gradient (" + share[0] + ", " + share[1] + ")", TIE, three, twoMax,
                    x -> new double[] {share[0], share[1], 2 * x[2]}, tie);
        }
        ToDoubleFunction<double[]> threeMax = x -> 3 * Math.max(x[0], Math.max(x[1], x[2]));
        double[] threeWay = {0.25, 0.25, 0.25};
        Set<String> all = Set.of("x[0]", "x[1]", "x[2]");
        cases.bug("3 max(x0, x1, x2) at a three-way tie, gradient (3, 3, 3)", TIE, three, threeMax,
                x -> new double[] {3, 3, 3}, threeWay, all);
        cases.bug("3 max(x0, x1, x2) at a three-way tie, gradient (3, 3, 0)", TIE, three, threeMax,
                x -> new double[] {3, 3, 0}, threeWay, all);
        for (double[] share : new double[][] {{1, 1, 1}, {0, 0, 3}, {1.5, 0, 1.5}}) {
            cases.correct("3 max(x0, x1, x2) at a three-way tie, gradient " + Arrays.toString(share), TIE, three, threeMax,
                    x -> share.clone(), threeWay);
        }
        ToDoubleFunction<double[]> twoMin = x -> 2 * Math.min(x[0], x[1]) + x[2];
        double[] low = {-0.2, -0.2, 1.0};
        cases.bug("2 min(x0, x1) + x2 at a tie, gradient (2, 2, 1)", TIE, three, twoMin, x -> new double[] {2, 2, 1}, low,
                Set.of("x[0]", "x[1]"));
        cases.correct("2 min(x0, x1) + x2 at a tie, gradient (0, 2, 1)", TIE, three, twoMin, x -> new double[] {0, 2, 1}, low);
    }

    private static void pooling(Cases cases) {
        cases.bug("2x2 max-pooling of a 4x4 input with tied windows, every tied position given the window's gradient", TIE,
                POOL_LAYOUT, Ties::pooled, x -> poolGradient(x, Sharing.EVERY), POOL_INPUT, POOL_TIED);
        cases.correct("2x2 max-pooling of a 4x4 input with tied windows, the first maximum given the window's gradient", TIE,
                POOL_LAYOUT, Ties::pooled, x -> poolGradient(x, Sharing.FIRST), POOL_INPUT);
        cases.correct("2x2 max-pooling of a 4x4 input with tied windows, the gradient shared among the tied", TIE,
                POOL_LAYOUT, Ties::pooled, x -> poolGradient(x, Sharing.EVENLY), POOL_INPUT);
    }

    private static void sorting(Cases cases) {
        ParameterLayout three = ParameterLayout.vector("x", 3);
        double[] tie = {0.4, 0.4, -0.1};
        cases.bug("ordered weighted sum 3 x(1) + x(2) + 0.5 x(3) at a tie, both tied values given the first rank's weight",
                TIE, three, Ties::ordered, x -> orderedGradient(x, false), tie, Set.of("x[0]", "x[1]"));
        cases.correct("ordered weighted sum 3 x(1) + x(2) + 0.5 x(3) at a tie, ranks from a stable sort", TIE, three,
                Ties::ordered, x -> orderedGradient(x, true), tie);
        cases.correct("ordered weighted sum 3 x(1) + x(2) + 0.5 x(3) at a tie, the tied ranks' weights averaged", TIE, three,
                Ties::ordered, x -> new double[] {2, 2, 0.5}, tie);
        ParameterLayout four = ParameterLayout.vector("x", 4);
        double[] boundary = {0.9, 0.3, 0.3, -0.5};
        cases.bug("sum of the 2 largest of 4 values, tied at the boundary, every value >= the 2nd largest selected", TIE, four,
                Ties::topTwo, x -> topTwoGradient(x, false), boundary, Set.of("x[1]", "x[2]"));
        cases.correct("sum of the 2 largest of 4 values, tied at the boundary, the first of the tied selected", TIE, four,
                Ties::topTwo, x -> topTwoGradient(x, true), boundary);
        cases.correct("sum of the 2 largest of 4 values, tied at the boundary, the tied selected half each", TIE, four,
                Ties::topTwo, x -> new double[] {1, 0.5, 0.5, 0}, boundary);
    }

    private static void relu(Cases cases) {
        ParameterLayout two = ParameterLayout.vector("x", 2);
        ToDoubleFunction<double[]> unit = x -> Math.max(0, x[0]) + x[1] * x[1];
        double[] zero = {0, 0.3};
        cases.correct("relu(x0) + x1^2 at x0 = 0 exactly, derivative 0 (the left one)", RELU_AT_ZERO, two, unit,
                x -> new double[] {0, 2 * x[1]}, zero);
        cases.correct("relu(x0) + x1^2 at x0 = 0 exactly, derivative 1 (the right one)", RELU_AT_ZERO, two, unit,
                x -> new double[] {1, 2 * x[1]}, zero);
        cases.correct("leaky relu(x0) (slope 0.01) + x1^2 at x0 = 0 exactly, derivative 0.01", RELU_AT_ZERO, two,
                x -> (x[0] > 0 ? x[0] : 0.01 * x[0]) + x[1] * x[1], x -> new double[] {0.01, 2 * x[1]}, zero);
        ParameterLayout neuron = ParameterLayout.builder().vector("w", 2).vector("b", 1).build();
        double[] atZero = {0.5, 0.25, -1};
        cases.correct("relu(w . (1, 2) + b) + |w|^2 / 2 with the pre-activation exactly 0, the unit taken as inactive",
                RELU_AT_ZERO, neuron, Ties::neuron, x -> neuronGradient(x, new double[] {0, 0, 0}), atZero);
        cases.correct("relu(w . (1, 2) + b) + |w|^2 / 2 with the pre-activation exactly 0, the unit taken as active",
                RELU_AT_ZERO, neuron, Ties::neuron, x -> neuronGradient(x, new double[] {1, 2, 1}), atZero);
        cases.bug("relu(w . (1, 2) + b) + |w|^2 / 2 with the pre-activation exactly 0, active for w0 and b only",
                RELU_AT_ZERO, neuron, Ties::neuron, x -> neuronGradient(x, new double[] {1, 0, 1}), atZero,
                Set.of("w[0]", "w[1]", "b[0]"));
    }

    /** How a max-pool backward pass hands a window's gradient to the positions tied for its maximum. */
    enum Sharing { FIRST, EVERY, EVENLY }

    /** {@code sum_w c_w max(window w)} over the 2x2 windows of a 4x4 input. */
    static double pooled(double[] a) {
        double sum = 0;
        for (int window = 0; window < 4; window++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int position : windowPositions(window)) {
                max = Math.max(max, a[position]);
            }
            sum += POOL_WEIGHTS[window] * max;
        }
        return sum;
    }

    static double[] poolGradient(double[] a, Sharing sharing) {
        double[] g = new double[a.length];
        for (int window = 0; window < 4; window++) {
            g = addPoolGradient(g, a, window, POOL_WEIGHTS[window], sharing);
        }
        return g;
    }

    /** Adds weight times the chosen subgradient of window {@code window}'s maximum to {@code g}; returns {@code g}. */
    static double[] addPoolGradient(double[] g, double[] a, int window, double weight, Sharing sharing) {
        int[] positions = windowPositions(window);
        double max = Double.NEGATIVE_INFINITY;
        for (int position : positions) {
            max = Math.max(max, a[position]);
        }
        int tied = 0;
        for (int position : positions) {
            tied += a[position] == max ? 1 : 0;
        }
        boolean first = true;
        for (int position : positions) {
            if (a[position] == max) {
                if (sharing == Sharing.EVERY || (sharing == Sharing.FIRST && first)) {
                    g[position] += weight;
                } else if (sharing == Sharing.EVENLY) {
                    g[position] += weight / tied;
                }
                first = false;
            }
        }
        return g;
    }

    /** Flat row-major indices of 2x2 window {@code window} (row-major) of a 4x4 matrix. */
    static int[] windowPositions(int window) {
        int row = 2 * (window / 2);
        int column = 2 * (window % 2);
        return new int[] {row * 4 + column, row * 4 + column + 1, (row + 1) * 4 + column, (row + 1) * 4 + column + 1};
    }

    /** {@code sum_k w_k x_(k)}, the values sorted from the largest. */
    static double ordered(double[] x) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (int k = 0; k < sorted.length; k++) {
            sum += ORDER_WEIGHTS[k] * sorted[sorted.length - 1 - k];
        }
        return sum;
    }

    /** Ranks from a stable sort, or (the bug) each value's rank counted as the number of strictly larger values. */
    static double[] orderedGradient(double[] x, boolean stable) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int rank = 0;
            for (int j = 0; j < x.length; j++) {
                rank += x[j] > x[i] || (stable && x[j] == x[i] && j < i) ? 1 : 0;
            }
            g[i] = ORDER_WEIGHTS[rank];
        }
        return g;
    }

    static double topTwo(double[] x) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length - 1] + sorted[sorted.length - 2];
    }

    /** The first two in a stable order, or (the bug) every value at least the second largest. */
    static double[] topTwoGradient(double[] x, boolean stable) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double threshold = sorted[sorted.length - 2];
        double[] g = new double[x.length];
        int selected = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > threshold) {
                g[i] = 1;
                selected++;
            }
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] == threshold && (!stable || selected < 2)) {
                g[i] = 1;
                selected++;
            }
        }
        return g;
    }

    /** {@code relu(w0 + 2 w1 + b) + (w0^2 + w1^2) / 2}. */
    static double neuron(double[] p) {
        return Math.max(0, p[0] + 2 * p[1] + p[2]) + (p[0] * p[0] + p[1] * p[1]) / 2;
    }

    /** The regularisation's gradient plus the unit's, with the given mask per parameter. */
    static double[] neuronGradient(double[] p, double[] unit) {
        return new double[] {unit[0] + p[0], unit[1] + p[1], unit[2]};
    }
}
