package org.gradcheck.corpus;

import static org.gradcheck.corpus.Categories.BELOW_ROUNDING;
import static org.gradcheck.corpus.Categories.DOMAIN_EDGE;
import static org.gradcheck.corpus.Categories.FAST_OSCILLATION;
import static org.gradcheck.corpus.Categories.HUGE_MAGNITUDE;
import static org.gradcheck.corpus.Categories.JUMP;
import static org.gradcheck.corpus.Categories.KINKS_NEAR;
import static org.gradcheck.corpus.Categories.LATE_NONDETERMINISM;
import static org.gradcheck.corpus.Categories.NO_DERIVATIVE;
import static org.gradcheck.corpus.Categories.POLE;
import static org.gradcheck.corpus.Categories.PROBE_THROWS;
import static org.gradcheck.corpus.Categories.RELU_AT_ZERO;
import static org.gradcheck.corpus.Categories.REORDERED_SUM;
import static org.gradcheck.corpus.Categories.STEP_OVERFLOW;
import static org.gradcheck.corpus.Categories.TIE;
import static org.gradcheck.corpus.Categories.TINY_SENSITIVE;

import static org.gradcheck.corpus.JacobianCases.entries;
import static org.gradcheck.corpus.VectorFunctions.changed;
import static org.gradcheck.corpus.VectorFunctions.diagonal;
import static org.gradcheck.corpus.VectorFunctions.elementwise;
import static org.gradcheck.corpus.VectorFunctions.nearTiePoolJacobian;
import static org.gradcheck.corpus.VectorFunctions.ones;
import static org.gradcheck.corpus.VectorFunctions.outputs;
import static org.gradcheck.corpus.VectorFunctions.poolJacobian;
import static org.gradcheck.corpus.VectorFunctions.withSum;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.gradcheck.corpus.Ties.Sharing;
import org.gradcheck.corpus.VectorFunctions.ReluLayer;
import org.gradcheck.layout.ParameterLayout;

/**
 * The Jacobian corpus: the later families of the gradient corpus as vector functions with hand-written Jacobians,
 * each a scalar case's function beside a smooth second output, or applied elementwise, with the same expected outcome.
 * Every case is checked with {@code GradientChecker.defaults().checkJacobian(...)}.
 */
final class JacobianCorpus {

    private final JacobianCases cases = new JacobianCases();

    private JacobianCorpus() {
    }

    /** {@return every case of the Jacobian corpus} */
    static List<JacobianCase> cases() {
        JacobianCorpus corpus = new JacobianCorpus();
        corpus.discontinuities();
        corpus.oscillations();
        corpus.magnitudes();
        corpus.ties();
        corpus.poles();
        corpus.nearbyKinks();
        corpus.statefulFunctions();
        corpus.rounding();
        corpus.domainEdges();
        return corpus.cases.list();
    }

    // ---------------------------------------------------------------- jumps and cusps

    private void discontinuities() {
        ParameterLayout x2 = ParameterLayout.vector("x", 2);
        for (double analytic : new double[] {1, -50, 1e5}) {
            cases.unresolvable("(jump(x0) + x1^2, x0 x1), x for x <= 0 and 1 + x above, at its jump 0; analytic " + analytic, JUMP,
                    x2, outputs(x -> Discontinuities.jump(x) + x[1] * x[1], x -> x[0] * x[1]),
                    x -> new double[][] {{analytic, 2 * x[1]}, {x[1], x[0]}}, new double[] {0, 0.5}, entries(x2, 0, 0));
        }
        ParameterLayout x3 = ParameterLayout.vector("x", 3);
        cases.unresolvable("sign(x_i) + x_i elementwise with x0 = 0; analytic 1", JUMP, x3, elementwise((i, v) -> Math.signum(v) + v),
                diagonal((i, v) -> 1), new double[] {0, 0.3, -0.2}, entries(x3, 0, 0));
        cases.unresolvable("(floor(x0) + x0 x1, x1^2) at the integer x0 = 2; analytic 0 for the floor", JUMP, x2,
                outputs(x -> Math.floor(x[0]) + x[0] * x[1], x -> x[1] * x[1]),
                x -> new double[][] {{x[1], x[0]}, {0, 2 * x[1]}}, new double[] {2, 1.5}, entries(x2, 0, 0));
        ParameterLayout x1 = ParameterLayout.vector("x", 1);
        cases.unresolvable("(rint(8 x)/8 + x^2, cos x) at a rounding boundary; analytic straight-through 1 + 2x", JUMP, x1,
                outputs(x -> Math.rint(8 * x[0]) / 8 + x[0] * x[0], x -> Math.cos(x[0])),
                x -> new double[][] {{1 + 2 * x[0]}, {-Math.sin(x[0])}}, new double[] {0.0625}, entries(x1, 0, 0));
        cases.unresolvable("(sqrt(|x0|) + x1, x1^2) at x0 = 0; analytic 0 for the cusp", NO_DERIVATIVE, x2,
                outputs(x -> Math.sqrt(Math.abs(x[0])) + x[1], x -> x[1] * x[1]),
                x -> new double[][] {{0, 1}, {0, 2 * x[1]}}, new double[] {0, 0.3}, entries(x2, 0, 0));
        cases.unresolvable("(cbrt(x0), 2 x0 + x1) at x0 = 0; analytic 0", NO_DERIVATIVE, x2, outputs(x -> Math.cbrt(x[0]),
                x -> 2 * x[0] + x[1]), x -> new double[][] {{0, 0}, {2, 1}}, new double[] {0, 1}, entries(x2, 0, 0));
    }

    // ---------------------------------------------------------------- fast oscillations

    private void oscillations() {
        ParameterLayout x2 = ParameterLayout.vector("x", 2);
        Function<double[], double[]> sine = outputs(x -> Math.sin(1e7 * x[0]), x -> x[0] * x[0] + x[1]);
        Function<double[], double[][]> sineJacobian = x -> new double[][] {{1e7 * Math.cos(1e7 * x[0]), 0}, {2 * x[0], 1}};
        double[] point = {0.3, 0.2};
        cases.correct("(sin(1e7 x0), x0^2 + x1) at x0 = 0.3", FAST_OSCILLATION, x2, sine, sineJacobian, point);
        cases.bug("(sin(1e7 x0), x0^2 + x1) at x0 = 0.3, the oscillating entry 0", FAST_OSCILLATION, x2, sine, sineJacobian,
                changed(sineJacobian, 0, 0, (x, v) -> 0), point);
        cases.bug("(sin(1e7 x0), x0^2 + x1) at x0 = 0.3, the chain-rule factor 1e7 missing", FAST_OSCILLATION, x2, sine,
                sineJacobian, changed(sineJacobian, 0, 0, (x, v) -> v / 1e7), point);
        ParameterLayout x4 = ParameterLayout.vector("x", 4);
        double[] frequencies = {1e5, 3e6, 1e7, 1};
        double[] sinesPoint = {0.11, -0.37, 0.52, 1.9};
        Function<double[], double[][]> sinesJacobian = diagonal((i, v) -> frequencies[i] * Math.cos(frequencies[i] * v));
        cases.correct("sin(w_i x_i) elementwise with frequencies 1e5, 3e6, 1e7 and 1", FAST_OSCILLATION, x4,
                elementwise((i, v) -> Math.sin(frequencies[i] * v)), sinesJacobian, sinesPoint);
        cases.bug("sin(w_i x_i) elementwise, the frequency 3e6 missing from its derivative", FAST_OSCILLATION, x4,
                elementwise((i, v) -> Math.sin(frequencies[i] * v)), sinesJacobian,
                changed(sinesJacobian, 1, 1, (x, v) -> v / frequencies[1]), sinesPoint);
    }

    // ---------------------------------------------------------------- huge magnitudes, overflowing steps

    private void magnitudes() {
        ParameterLayout x1 = ParameterLayout.vector("x", 1);
        Function<double[], double[]> square = outputs(x -> x[0] * x[0], x -> 3 * x[0]);
        Function<double[], double[][]> squareJacobian = x -> new double[][] {{2 * x[0]}, {3}};
        double[] at150 = {1e150};
        cases.correct("(x^2, 3x) at 1e150", HUGE_MAGNITUDE, x1, square, squareJacobian, at150);
        cases.bug("(x^2, 3x) at 1e150, the entry of x^2 0", HUGE_MAGNITUDE, x1, square, squareJacobian,
                changed(squareJacobian, 0, 0, (x, v) -> 0), at150);
        cases.bug("(x^2, 3x) at 1e150, the entry of x^2 6x", HUGE_MAGNITUDE, x1, square, squareJacobian,
                changed(squareJacobian, 0, 0, (x, v) -> 3 * v), at150);
        ParameterLayout x2 = ParameterLayout.vector("x", 2);
        Function<double[], double[]> product = outputs(x -> x[0] * x[1], x -> 1e-100 * x[0] + x[1]);
        Function<double[], double[][]> productJacobian = x -> new double[][] {{x[1], x[0]}, {1e-100, 1}};
        double[] productPoint = {1e200, 1e100};
        cases.correct("(x0 x1, 1e-100 x0 + x1) at (1e200, 1e100)", HUGE_MAGNITUDE, x2, product, productJacobian, productPoint);
        cases.bug("(x0 x1, 1e-100 x0 + x1) at (1e200, 1e100), the entries of x0 x1 swapped", HUGE_MAGNITUDE, x2, product,
                productJacobian, x -> new double[][] {{x[0], x[1]}, {1e-100, 1}}, productPoint);
        Function<double[], double[]> exponential = outputs(x -> Math.exp(2 * x[0]), x -> x[0]);
        Function<double[], double[][]> exponentialJacobian = x -> new double[][] {{2 * Math.exp(2 * x[0])}, {1}};
        double[] exponent = {345};
        cases.correct("(exp(2x), x) at 345 (value 9e299)", HUGE_MAGNITUDE, x1, exponential, exponentialJacobian, exponent);
        cases.bug("(exp(2x), x) at 345, the factor 2 missing", HUGE_MAGNITUDE, x1, exponential, exponentialJacobian,
                changed(exponentialJacobian, 0, 0, (x, v) -> v / 2), exponent);
        Function<double[], double[][]> squaresJacobian = diagonal((i, v) -> 2 * v);
        double[] squaresPoint = {1e150, -4e149};
        cases.correct("x_i^2 elementwise at (1e150, -4e149)", HUGE_MAGNITUDE, x2, elementwise((i, v) -> v * v), squaresJacobian,
                squaresPoint);
        cases.bug("x_i^2 elementwise at (1e150, -4e149), one entry with the wrong sign", HUGE_MAGNITUDE, x2,
                elementwise((i, v) -> v * v), squaresJacobian, changed(squaresJacobian, 1, 1, (x, v) -> -v), squaresPoint);

        Function<double[], double[]> tanh = outputs(Magnitudes::scaledTanh, x -> x[1] * x[1]);
        Function<double[], double[][]> tanhJacobian = x -> new double[][] {{Magnitudes.scaledTanhGradient(x)[0], 0},
            {0, 2 * x[1]}};
        double[] top = {Double.MAX_VALUE, 0.5};
        cases.correct("(tanh(x0 / 1e308), x1^2) at (Double.MAX_VALUE, 0.5)", STEP_OVERFLOW, x2, tanh, tanhJacobian, top);
        cases.bug("(tanh(x0 / 1e308), x1^2) at (Double.MAX_VALUE, 0.5), the entry of the tanh 0", STEP_OVERFLOW, x2, tanh,
                tanhJacobian, changed(tanhJacobian, 0, 0, (x, v) -> 0), top);
        Function<double[], double[]> bounded = outputs(Magnitudes::scaledSigmoid, x -> Math.atan(x[0] / 1e308));
        Function<double[], double[][]> boundedJacobian = x -> {
            double u = x[0] / 1e308;
            return new double[][] {Magnitudes.scaledSigmoidGradient(x), {1 / (1 + u * u) / 1e308}};
        };
        double[] bottom = {-Double.MAX_VALUE};
        cases.correct("(sigmoid(x / 1e308), atan(x / 1e308)) at -Double.MAX_VALUE", STEP_OVERFLOW, x1, bounded, boundedJacobian,
                bottom);
        cases.bug("(sigmoid(x / 1e308), atan(x / 1e308)) at -Double.MAX_VALUE, the sigmoid's entry with the wrong sign",
                STEP_OVERFLOW, x1, bounded, boundedJacobian, changed(boundedJacobian, 0, 0, (x, v) -> -v), bottom);
        Function<double[], double[]> root = outputs(x -> Math.sqrt(x[0]), Magnitudes::scaledTanh);
        Function<double[], double[][]> rootJacobian = x -> new double[][] {{0.5 / Math.sqrt(x[0])},
            Magnitudes.scaledTanhGradient(x)};
        double[] max = {Double.MAX_VALUE};
        cases.correct("(sqrt(x), tanh(x / 1e308)) at Double.MAX_VALUE", STEP_OVERFLOW, x1, root, rootJacobian, max);
        cases.bug("(sqrt(x), tanh(x / 1e308)) at Double.MAX_VALUE, the factor 1/2 missing from the root's entry", STEP_OVERFLOW,
                x1, root, rootJacobian, changed(rootJacobian, 0, 0, (x, v) -> 2 * v), max);
    }

    // ---------------------------------------------------------------- ties, ReLU at zero

    private void ties() {
        ParameterLayout x3 = ParameterLayout.vector("x", 3);
        Function<double[], double[]> twoMax = outputs(x -> 2 * Math.max(x[0], x[1]), x -> x[2] * x[2] + x[0] * x[2]);
        double[] tie = {0.5, 0.5, 0.3};
        cases.bug("(2 max(x0, x1), x2^2 + x0 x2) at a tie, the row of the max (2, 2, 0)", TIE, x3, twoMax,
                x -> maxRows(x, 2, 2), tie, entries(x3, 0, 0, 0, 1));
        for (double[] share : new double[][] {{2, 0}, {0, 2}, {1, 1}}) {
            cases.correct("(2 max(x0, x1), x2^2 + x0 x2) at a tie, the row of the max (" + share[0] + ", " + share[1] + ", 0)", TIE,
                    x3, twoMax, x -> maxRows(x, share[0], share[1]), tie);
        }
        Function<double[], double[]> twoMin = outputs(x -> 2 * Math.min(x[0], x[1]) + x[2], x -> x[0] - x[1]);
        double[] low = {-0.2, -0.2, 1.0};
        cases.bug("(2 min(x0, x1) + x2, x0 - x1) at a tie, the row of the min (2, 2, 1)", TIE, x3, twoMin,
                x -> new double[][] {{2, 2, 1}, {1, -1, 0}}, low, entries(x3, 0, 0, 0, 1));
        cases.correct("(2 min(x0, x1) + x2, x0 - x1) at a tie, the row of the min (0, 2, 1)", TIE, x3, twoMin,
                x -> new double[][] {{0, 2, 1}, {1, -1, 0}}, low);
        ParameterLayout pool = Ties.POOL_LAYOUT;
        Set<String> tiedEntries = new LinkedHashSet<>();
        for (int window = 0; window < 4; window++) {
            for (int position : Ties.windowPositions(window)) {
                if (Ties.POOL_TIED.contains(pool.nameOf(position))) {
                    tiedEntries.add(JacobianCase.entryName(window, position, pool));
                }
            }
        }
        cases.bug("2x2 max-pooling of a 4x4 input with tied windows, every tied position given its window's 1", TIE, pool,
                VectorFunctions::pooled, x -> poolJacobian(x, Sharing.EVERY), Ties.POOL_INPUT, tiedEntries);
        cases.correct("2x2 max-pooling of a 4x4 input with tied windows, the first maximum given its window's 1", TIE, pool,
                VectorFunctions::pooled, x -> poolJacobian(x, Sharing.FIRST), Ties.POOL_INPUT);
        cases.correct("2x2 max-pooling of a 4x4 input with tied windows, its window's 1 shared among the tied", TIE, pool,
                VectorFunctions::pooled, x -> poolJacobian(x, Sharing.EVENLY), Ties.POOL_INPUT);
        double[] sortTie = {0.4, 0.4, -0.1};
        cases.bug("sort (descending) at a tie, both of the tied outputs given the first tied input", TIE, x3,
                VectorFunctions::sorted, x -> new double[][] {{1, 0, 0}, {1, 0, 0}, {0, 0, 1}}, sortTie,
                entries(x3, 0, 0, 0, 1, 1, 0, 1, 1));
        cases.correct("sort (descending) at a tie, a stable permutation", TIE, x3, VectorFunctions::sorted,
                x -> new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, sortTie);
        cases.correct("sort (descending) at a tie, the tied outputs averaged", TIE, x3, VectorFunctions::sorted,
                x -> new double[][] {{0.5, 0.5, 0}, {0.5, 0.5, 0}, {0, 0, 1}}, sortTie);

        double[] reluPoint = {0, 0.4, -0.3};
        cases.correct("relu(x_i) elementwise with x0 = 0 exactly, derivative 0 there", RELU_AT_ZERO, x3,
                elementwise((i, v) -> Math.max(0, v)), diagonal((i, v) -> v > 0 ? 1 : 0), reluPoint);
        cases.correct("relu(x_i) elementwise with x0 = 0 exactly, derivative 1 there", RELU_AT_ZERO, x3,
                elementwise((i, v) -> Math.max(0, v)), diagonal((i, v) -> v >= 0 ? 1 : 0), reluPoint);
        ParameterLayout neuron = ParameterLayout.builder().vector("w", 2).vector("b", 1).build();
        Function<double[], double[]> unit = outputs(p -> Math.max(0, p[0] + 2 * p[1] + p[2]),
                p -> (p[0] * p[0] + p[1] * p[1]) / 2);
        double[] atZero = {0.5, 0.25, -1};
        cases.correct("(relu(w . (1, 2) + b), |w|^2 / 2) with the pre-activation exactly 0, the unit taken as inactive",
                RELU_AT_ZERO, neuron, unit, p -> new double[][] {{0, 0, 0}, {p[0], p[1], 0}}, atZero);
        cases.correct("(relu(w . (1, 2) + b), |w|^2 / 2) with the pre-activation exactly 0, the unit taken as active", RELU_AT_ZERO,
                neuron, unit, p -> new double[][] {{1, 2, 1}, {p[0], p[1], 0}}, atZero);
        cases.bug("(relu(w . (1, 2) + b), |w|^2 / 2) with the pre-activation exactly 0, active for w0 and b only", RELU_AT_ZERO,
                neuron, unit, p -> new double[][] {{1, 0, 1}, {p[0], p[1], 0}}, atZero, entries(neuron, 0, 0, 0, 1, 0, 2));
    }

    private static double[][] maxRows(double[] x, double first, double second) {
        return new double[][] {{first, second, 0}, {x[2], 0, 2 * x[2] + x[0]}};
    }

    // ---------------------------------------------------------------- poles, tiny sensitive parameters

    private void poles() {
        ParameterLayout b2 = ParameterLayout.vector("b", 2);
        Function<double[], double[]> reciprocal = outputs(b -> 1 / (1 + 7.29e8 * b[0]), b -> b[1] * b[1]);
        Function<double[], double[][]> reciprocalJacobian = b -> {
            double d = 1 + 7.29e8 * b[0];
            return new double[][] {{-7.29e8 / (d * d), 0}, {0, 2 * b[1]}};
        };
        double[] nearPole = {-1e-9, 0.5};
        cases.correct("(1 / (1 + 7.29e8 b0), b1^2) at (-1e-9, 0.5), the pole 3.7e-10 away", POLE, b2, reciprocal,
                reciprocalJacobian, nearPole);
        cases.bug("(1 / (1 + 7.29e8 b0), b1^2) at (-1e-9, 0.5), the pole's entry with the wrong sign", POLE, b2, reciprocal,
                reciprocalJacobian, changed(reciprocalJacobian, 0, 0, (b, v) -> -v), nearPole);
        ParameterLayout fit = ParameterLayout.builder().vector("b", 1).vector("a", 1).build();
        Poles.RationalFit loose = new Poles.RationalFit(1e-6);
        cases.correct("(mean squared residual of a / (1 + b t), a^2), t up to 7.29e8, residuals 1e-6", POLE, fit,
                outputs(loose::loss, p -> p[1] * p[1]), p -> new double[][] {loose.gradient(p), {0, 2 * p[1]}},
                Poles.RationalFit.POINT);
        Poles.RationalFit close = new Poles.RationalFit(1.188e-11);
        Function<double[], double[][]> closeJacobian = p -> new double[][] {close.gradient(p), {0, 2 * p[1]}};
        cases.bug("(mean squared residual of a / (1 + b t), a^2) at a near-exact fit, the loss's entry in b 1.624 (truth -0.05)",
                POLE, fit, outputs(close::loss, p -> p[1] * p[1]), closeJacobian,
                changed(closeJacobian, 0, 0, (p, v) -> 1.624), Poles.RationalFit.POINT);
        ParameterLayout x2 = ParameterLayout.vector("x", 2);
        Function<double[], double[]> shifted = outputs(Poles::shiftedPole, x -> x[0] * x[1]);
        Function<double[], double[][]> shiftedJacobian = x -> new double[][] {Poles.shiftedPoleGradient(x), {x[1], x[0]}};
        double[] justBefore = {0.5, 0.3};
        cases.correct("(1 / (x0 - c) + x1^2, x0 x1) with the pole c = x0 + 1e-7", POLE, x2, shifted, shiftedJacobian, justBefore);
        cases.bug("(1 / (x0 - c) + x1^2, x0 x1) with the pole c = x0 + 1e-7, the square missing from the pole's entry", POLE, x2,
                shifted, shiftedJacobian, changed(shiftedJacobian, 0, 0, (x, v) -> -1 / (x[0] - 0.5000001)), justBefore);
        ParameterLayout x1 = ParameterLayout.vector("x", 1);
        Function<double[], double[]> tangent = outputs(x -> Math.tan(x[0]), x -> Math.sin(x[0]));
        Function<double[], double[][]> tangentJacobian = x -> {
            double c = Math.cos(x[0]);
            return new double[][] {{1 / (c * c)}, {c}};
        };
        double[] nearHalfPi = {Math.PI / 2 - 1e-7};
        cases.correct("(tan x, sin x) at pi/2 - 1e-7", POLE, x1, tangent, tangentJacobian, nearHalfPi);
        cases.bug("(tan x, sin x) at pi/2 - 1e-7, the tangent's entry 1 / cos x (the square missing)", POLE, x1, tangent,
                tangentJacobian, changed(tangentJacobian, 0, 0, (x, v) -> 1 / Math.cos(x[0])), nearHalfPi);

        Function<double[], double[]> exponential = outputs(b -> Math.exp(1e9 * b[0]), b -> b[0] + b[1]);
        Function<double[], double[][]> exponentialJacobian = b -> new double[][] {{1e9 * Math.exp(1e9 * b[0]), 0}, {1, 1}};
        double[] tiny = {1e-9, 0.5};
        cases.correct("(exp(1e9 b0), b0 + b1) at b0 = 1e-9", TINY_SENSITIVE, b2, exponential, exponentialJacobian, tiny);
        cases.bug("(exp(1e9 b0), b0 + b1) at b0 = 1e-9, the input 1e9 missing from the exponential's entry", TINY_SENSITIVE, b2,
                exponential, exponentialJacobian, changed(exponentialJacobian, 0, 0, (b, v) -> v / 1e9), tiny);
        ParameterLayout b1 = ParameterLayout.vector("b", 1);
        Function<double[], double[]> logTanh = outputs(b -> Math.log1p(1e12 * b[0]), b -> Math.tanh(1e12 * b[0] - 0.5));
        Function<double[], double[][]> logTanhJacobian = b -> new double[][] {{1e12 / (1 + 1e12 * b[0])},
            Poles.tanhGradient(b)};
        double[] tinier = {1e-12};
        cases.correct("(log(1 + 1e12 b), tanh(1e12 b - 0.5)) at b = 1e-12", TINY_SENSITIVE, b1, logTanh, logTanhJacobian, tinier);
        cases.bug("(log(1 + 1e12 b), tanh(1e12 b - 0.5)) at b = 1e-12, the logarithm's entry with the wrong sign", TINY_SENSITIVE,
                b1, logTanh, logTanhJacobian, changed(logTanhJacobian, 0, 0, (b, v) -> -v), tinier);
        ParameterLayout model = ParameterLayout.builder().vector("w", 1).vector("c", 1).build();
        double[] weights = {1.1e-9, -0.3};
        cases.correct("per-example logistic losses of w t + c, t from 2e8 to 1e9, w = 1.1e-9", TINY_SENSITIVE, model,
                VectorFunctions::logisticLosses, VectorFunctions::logisticJacobian, weights);
        cases.bug("per-example logistic losses of w t + c, the input t missing from one example's entry in w", TINY_SENSITIVE, model,
                VectorFunctions::logisticLosses, VectorFunctions::logisticJacobian,
                changed(VectorFunctions::logisticJacobian, 2, 0, (p, v) -> v / VectorFunctions.LOGISTIC_FEATURE[2]), weights);
    }

    // ---------------------------------------------------------------- kinks near the point

    private void nearbyKinks() {
        ParameterLayout x8 = ParameterLayout.vector("x", NearbyKinks.ABS_POINT.length);
        Function<double[], double[]> absolutes = elementwise((i, v) -> NearbyKinks.ABS_WEIGHTS[i] * Math.abs(v) + v * v / 2);
        Function<double[], double[][]> absolutesJacobian = diagonal((i, v) -> NearbyKinks.ABS_WEIGHTS[i] * Math.signum(v) + v);
        cases.correct("c_i |x_i| + x_i^2 / 2 elementwise, three x_i within 1e-10 of 0 and three within 2e-4", KINKS_NEAR, x8,
                absolutes, absolutesJacobian, NearbyKinks.ABS_POINT);
        cases.bug("c_i |x_i| + x_i^2 / 2 elementwise, the sign of c_i |x_i| wrong at x[2], 1.2e-4 from its kink", KINKS_NEAR, x8,
                absolutes, absolutesJacobian, changed(absolutesJacobian, 2, 2, (x, v) -> v - 2 * NearbyKinks.ABS_WEIGHTS[2]),
                NearbyKinks.ABS_POINT);
        ParameterLayout w4 = ParameterLayout.vector("w", NearbyKinks.HINGE_WEIGHTS.length);
        cases.correct("hinge losses of 12 examples with margins 1e-6..1e-3 from 1", KINKS_NEAR, w4, VectorFunctions::hinges,
                VectorFunctions::hingeJacobian, NearbyKinks.HINGE_WEIGHTS);
        cases.bug("hinge losses of 12 examples with margins 1e-6..1e-3 from 1, one example's entry in w[1] doubled", KINKS_NEAR, w4,
                VectorFunctions::hinges, VectorFunctions::hingeJacobian,
                changed(VectorFunctions::hingeJacobian, 3, 1, (w, v) -> 2 * v), NearbyKinks.HINGE_WEIGHTS);
        ReluLayer layer = new ReluLayer();
        cases.correct("ReLU layer of 6 units, every pre-activation 1e-6..1e-3 from 0, as a function of its input", KINKS_NEAR,
                ReluLayer.INPUT, layer::value, layer::jacobian, ReluLayer.POINT);
        cases.bug("ReLU layer of 6 units with pre-activations near 0, the entry of unit 4 in x[1] doubled", KINKS_NEAR,
                ReluLayer.INPUT, layer::value, layer::jacobian, changed(layer::jacobian, 4, 1, (x, v) -> 2 * v), ReluLayer.POINT);
        ParameterLayout pool = Ties.POOL_LAYOUT;
        cases.correct("2x2 max-pooling of a 4x4 input, maxima 3e-6..2e-3 above their runners-up", KINKS_NEAR, pool,
                VectorFunctions::pooled, x -> nearTiePoolJacobian(x, false), NearbyKinks.POOL_INPUT);
        cases.bug("2x2 max-pooling with near-ties, one window's 1 given to its runner-up", KINKS_NEAR, pool, VectorFunctions::pooled,
                x -> nearTiePoolJacobian(x, false), x -> nearTiePoolJacobian(x, true), NearbyKinks.POOL_INPUT);
        ParameterLayout r5 = ParameterLayout.vector("r", NearbyKinks.SMOOTH_L1_TARGETS.length);
        double[] zero = new double[NearbyKinks.SMOOTH_L1_TARGETS.length];
        Function<double[], double[]> smoothL1 = elementwise(NearbyKinks::smoothL1Term);
        Function<double[], double[][]> smoothL1Jacobian = diagonal((k, v) -> NearbyKinks.smoothL1Derivative(k, v, true));
        cases.correct("smooth-L1 (threshold 1e-3) elementwise, residuals 1e-6..7e-4 from the threshold", KINKS_NEAR, r5, smoothL1,
                smoothL1Jacobian, zero);
        cases.bug("smooth-L1 (threshold 1e-3) elementwise, the derivative 0 beyond the threshold", KINKS_NEAR, r5, smoothL1,
                smoothL1Jacobian, diagonal((k, v) -> NearbyKinks.smoothL1Derivative(k, v, false)), zero);
    }

    // ---------------------------------------------------------------- state between calls

    private void statefulFunctions() {
        ParameterLayout x4 = ParameterLayout.vector("x", 4);
        double[] point = {0.4, -1.1, 0.7, 2.0};
        cases.nondeterministic("(value jittering by 1e-10 after its first 12 calls, sum x), the entry of x[1] 1e-4 off",
                LATE_NONDETERMINISM, x4, () -> withSum(new StatefulFunctions.Jitter(12, 1e-10, 1 + 1e-4)), point,
                "not deterministic");
        cases.nondeterministic("(value jittering by 1e-10 after its first 12 calls, sum x), right Jacobian", LATE_NONDETERMINISM, x4,
                () -> withSum(new StatefulFunctions.Jitter(12, 1e-10, 1)), point, "not deterministic");
        cases.nondeterministic("(value jittering by 1e-12 after its first 14 calls, sum x), right Jacobian", LATE_NONDETERMINISM, x4,
                () -> withSum(new StatefulFunctions.Jitter(14, 1e-12, 1)), point, "not deterministic");
        cases.nondeterministic("(value drifting by 1e-12 per call after its first 12 calls, sum x), right Jacobian",
                LATE_NONDETERMINISM, x4, () -> withSum(new StatefulFunctions.Drift(12, 1e-12)), point, "not deterministic");
        double[] sumPoint = {0.9, -0.35, 1.4, 0.6};
        cases.correct("(sum of 2000 products added in an order shuffled on every call, sum x)", REORDERED_SUM, x4,
                () -> withSum(new StatefulFunctions.ShuffledSum(2000, false)), sumPoint);
        cases.correct("(sum of 2000 products reduced in 2 to 8 chunks of random sizes, sum x)", REORDERED_SUM, x4,
                () -> withSum(new StatefulFunctions.ShuffledSum(2000, true)), sumPoint);
        ParameterLayout weights = ParameterLayout.builder().vector("w", 3).vector("c", 1).build();
        cases.correct("(mean squared error over 1024 examples summed in a shuffled order, sum of the parameters)", REORDERED_SUM,
                weights, () -> withSum(new StatefulFunctions.ShuffledRegression()), new double[] {0.8, -1.3, 0.45, 0.2});
    }

    // ---------------------------------------------------------------- below the value's rounding

    private void rounding() {
        ParameterLayout layout = Rounding.LAYOUT;
        double[] point = Rounding.POINT;
        Function<double[], double[]> sines = outputs(Rounding::offsetSines, VectorFunctions::sum);
        Function<double[], double[][]> sinesJacobian = x -> new double[][] {Rounding.offsetSinesGradient(x), ones(x)};
        cases.correct("(1e7 + sum (w_i - 1)^2 + 1e-4 sum sin(v_j), sum x): entries 1e-4 in v next to a value of 1e7",
                BELOW_ROUNDING, layout, sines, sinesJacobian, point);
        cases.bug("(1e7 + sum (w_i - 1)^2 + 1e-4 sum sin(v_j), sum x), the v block of the first row with the wrong sign",
                BELOW_ROUNDING, layout, sines, sinesJacobian,
                x -> new double[][] {Rounding.negateSmallBlock(Rounding.offsetSinesGradient(x)), ones(x)}, point);
        Function<double[], double[]> energy = outputs(Rounding::energy, VectorFunctions::sum);
        Function<double[], double[][]> energyJacobian = x -> new double[][] {Rounding.energyGradient(x), ones(x)};
        cases.correct("(1e12 (1 + 0.1 |w|^2) + 1e-2 sum v_j^3 / 3, sum x): entries 1e-2 in v next to a value of 1e12",
                BELOW_ROUNDING, layout, energy, energyJacobian, point);
        cases.bug("(1e12 (1 + 0.1 |w|^2) + 1e-2 sum v_j^3 / 3, sum x), the v block of the first row with the wrong sign",
                BELOW_ROUNDING, layout, energy, energyJacobian,
                x -> new double[][] {Rounding.negateSmallBlock(Rounding.energyGradient(x)), ones(x)}, point);
    }

    // ---------------------------------------------------------------- domain edges, refused inputs

    private void domainEdges() {
        ParameterLayout x4 = ParameterLayout.vector("x", 4);
        double[] logPoint = {3e-9, 0.5, 2e-7, 1.3};
        Function<double[], double[][]> logJacobian = diagonal((i, v) -> 1 / v);
        cases.correct("log(x_i) elementwise with x_0 = 3e-9 and x_2 = 2e-7", DOMAIN_EDGE, x4, elementwise((i, v) -> Math.log(v)),
                logJacobian, logPoint);
        cases.bug("log(x_i) elementwise with x_0 = 3e-9 and x_2 = 2e-7, the entry of x[2] with the wrong sign", DOMAIN_EDGE, x4,
                elementwise((i, v) -> Math.log(v)), logJacobian, changed(logJacobian, 2, 2, (x, v) -> -v), logPoint);
        cases.correct("sqrt(x_i) elementwise with three x_i from 1e-9 to 1e-6", DOMAIN_EDGE, x4, elementwise((i, v) -> Math.sqrt(v)),
                diagonal((i, v) -> 0.5 / Math.sqrt(v)), new double[] {1e-9, 4e-7, 0.25, 1e-6});
        ParameterLayout x3 = ParameterLayout.vector("x", 3);
        double[] entropyPoint = {5e-9, 0.3, 1e-6};
        Function<double[], double[][]> entropyJacobian = diagonal((i, v) -> Math.log(v) + 1);
        cases.correct("x_i log(x_i) elementwise with x_0 = 5e-9 and x_2 = 1e-6", DOMAIN_EDGE, x3,
                elementwise((i, v) -> v * Math.log(v)), entropyJacobian, entropyPoint);
        cases.bug("x_i log(x_i) elementwise, the derivative log(x) (the + 1 missing)", DOMAIN_EDGE, x3,
                elementwise((i, v) -> v * Math.log(v)), entropyJacobian, diagonal((i, v) -> Math.log(v)), entropyPoint);
        ParameterLayout x2 = ParameterLayout.vector("x", 2);
        cases.correct("(acos(x0), asin(x1)) at (1 - 1e-9, -1 + 4e-9)", DOMAIN_EDGE, x2,
                outputs(x -> Math.acos(x[0]), x -> Math.asin(x[1])),
                x -> new double[][] {{-1 / Math.sqrt((1 - x[0]) * (1 + x[0])), 0}, {0, 1 / Math.sqrt((1 - x[1]) * (1 + x[1]))}},
                new double[] {1 - 1e-9, -1 + 4e-9});
        ParameterLayout x1 = ParameterLayout.vector("x", 1);
        cases.correct("(x^x, x) at 1e-7", DOMAIN_EDGE, x1, outputs(x -> Math.pow(x[0], x[0]), x -> x[0]),
                x -> new double[][] {{Math.pow(x[0], x[0]) * (Math.log(x[0]) + 1)}, {1}}, new double[] {1e-7});
        Function<double[], double[]> powers = outputs(x -> Math.pow(x[0], 1.5), x -> Math.pow(x[0], 0.3));
        Function<double[], double[][]> powersJacobian = x -> new double[][] {{1.5 * Math.sqrt(x[0])},
            {0.3 * Math.pow(x[0], -0.7)}};
        double[] powerPoint = {2e-8};
        cases.correct("(x^1.5, x^0.3) at 2e-8", DOMAIN_EDGE, x1, powers, powersJacobian, powerPoint);
        cases.bug("(x^1.5, x^0.3) at 2e-8, the entry of x^0.3 taken as 0.3 x^0.3", DOMAIN_EDGE, x1, powers, powersJacobian,
                changed(powersJacobian, 1, 0, (x, v) -> 0.3 * Math.pow(x[0], 0.3)), powerPoint);

        ParameterLayout counted = ParameterLayout.builder().vector("w", 3).vector("count", 1).build();
        cases.bad("(count |w|^2, w0) with a count that must be a whole number, throwing whenever it moves", PROBE_THROWS, counted,
                outputs(DomainEdges::counted, x -> x[0]), x -> new double[][] {{2 * x[0] * x[3], 2 * x[1] * x[3],
                    2 * x[2] * x[3], x[0] * x[0] + x[1] * x[1] + x[2] * x[2]}, {1, 0, 0, 0}},
                new double[] {0.5, -1.2, 0.8, 3}, "count[0]");
        ParameterLayout levelled = ParameterLayout.builder().vector("rate", 2).vector("level", 1).build();
        cases.bad("(|rate|^2 + table(level), rate0) with a table keyed by the exact level", PROBE_THROWS, levelled,
                outputs(DomainEdges::levelled, x -> x[0]), x -> new double[][] {{2 * x[0], 2 * x[1], 0}, {1, 0, 0}},
                new double[] {0.3, -0.6, 0.75}, "level[0]");
    }
}
