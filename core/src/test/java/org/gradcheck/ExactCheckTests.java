package org.gradcheck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.RealFieldElement;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.function.FieldFunction;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.Entry;
import org.gradcheck.report.GradientReport;
import org.gradcheck.report.Verdict;
import org.junit.jupiter.api.Test;

class ExactCheckTests {

    private static final double[][] X = {{0.5, -1.0, 2.0}, {1.5, 0.3, -0.7}, {-0.2, 0.8, 0.1}, {1.1, -0.4, 0.9}};
    private static final double[] Y = {1, 0, 1, 0};

    /** Mean logistic loss over four examples; weights w[0..2], bias w[3]; log(p + 1e-12) for safety. */
    private static final FieldFunction LOGISTIC = new FieldFunction() {
        @Override
        public <T extends RealFieldElement<T>> T value(T[] w) {
            T sum = w[0].getField().getZero();
            for (int e = 0; e < X.length; e++) {
                T z = w[3];
                for (int j = 0; j < 3; j++) {
                    z = z.add(w[j].multiply(X[e][j]));
                }
                T p = z.negate().exp().add(1).reciprocal();
                T loss = Y[e] == 1 ? p.add(1e-12).log().negate() : p.negate().add(1 + 1e-12).log().negate();
                sum = sum.add(loss);
            }
            return sum.divide(X.length);
        }
    };

    private static double logisticValue(double[] w) {
        return LOGISTIC.valueAt(w);
    }

    /** The hand-written gradient; {@code exactEpsilon} false forgets the 1e-12 inside the logarithm. */
    private static double[] logisticGradient(double[] w, boolean exactEpsilon) {
        double[] g = new double[4];
        for (int e = 0; e < X.length; e++) {
            double z = w[3];
            for (int j = 0; j < 3; j++) {
                z += w[j] * X[e][j];
            }
            double p = 1 / (1 + Math.exp(-z));
            double epsilon = exactEpsilon ? 1e-12 : 0;
            // d loss / d p, then d p / d z = p (1 - p)
            double dp = Y[e] == 1 ? -1 / (p + epsilon) : 1 / (1 - p + epsilon);
            double dz = dp * p * (1 - p);
            for (int j = 0; j < 3; j++) {
                g[j] += dz * X[e][j] / X.length;
            }
            g[3] += dz / X.length;
        }
        return g;
    }

    private static final double[] W = {0.3, -0.8, 0.5, 0.1};

    /** The largest relative error of a report's entries. */
    private static double maxRelativeError(GradientReport report) {
        return report.parameters().stream().mapToDouble(Entry::relativeError).max().orElseThrow();
    }

    /** The error of an entry in units in the last place of the exact value: 1 means neighbouring doubles. */
    private static double ulps(Entry entry) {
        double exact = entry.numerical();
        return exact == 0 ? (entry.analytic() == 0 ? 0 : Double.POSITIVE_INFINITY) : entry.absoluteError() / Math.ulp(exact);
    }

    @Test
    void correctHandWrittenGradientAgreesToMachinePrecision() {
        DifferentiableFunction handWritten = DifferentiableFunction.of(ExactCheckTests::logisticValue,
                w -> logisticGradient(w, true));

        GradientReport report = GradientChecker.defaults().checkExact(LOGISTIC, handWritten, W,
                ParameterLayout.builder().vector("w", 3).vector("b", 1).build());

        assertTrue(report.passed(), report::toString);
        assertTrue(maxRelativeError(report) <= 1e-15, report::toString);
        assertEquals("b[0]", report.parameter(3).name());
        assertEquals("Exact gradient check passed: 4 parameters agree within the tolerance", report.headline());
        assertTrue(report.toString().contains("\n  tolerance: |g - e| <= 16 ulps * (max(|g|, |e|) + max |e|)\n"), report::toString);
    }

    @Test
    void forgottenSafetyEpsilonIsInvisibleToFiniteDifferencesButCaughtExactly() {
        DifferentiableFunction forgetful = DifferentiableFunction.of(ExactCheckTests::logisticValue,
                w -> logisticGradient(w, false));
        assertTrue(GradientChecker.defaults().check(forgetful, W).passed());

        DerivativeMismatchError error = assertThrows(DerivativeMismatchError.class,
                () -> GradientChecker.defaults().assertExact(LOGISTIC, forgetful, W));

        GradientReport report = (GradientReport) error.report();
        assertFalse(report.passed());
        // the error is of order 1e-12 relative: 1000 times the allowance, a million times below finite differences
        assertTrue(maxRelativeError(report) > 1e-13 && maxRelativeError(report) < 1e-10, report::toString);
        assertTrue(error.getMessage().startsWith("Exact gradient check failed: "), error::getMessage);
        assertTrue(error.getExpected().getStringRepresentation().startsWith("x[0] = "));
        DerivativeMismatchError again = new DerivativeMismatchError(report);
        assertEquals(error.getMessage(), again.getMessage());
        assertEquals(error.getActual().getStringRepresentation(), again.getActual().getStringRepresentation());
    }

    /** A 2-3-1 network with tanh hidden units and a squared error, parameters W1 (3x2), b1 (3), W2 (1x3), b2 (1). */
    private static final ParameterLayout NETWORK = ParameterLayout.builder().matrix("W1", 3, 2).vector("b1", 3)
            .matrix("W2", 1, 3).vector("b2", 1).build();

    private static final double[] INPUT = {0.7, -1.3};

    private static final double TARGET = 0.25;

    private static final FieldFunction NETWORK_LOSS = new FieldFunction() {
        @Override
        public <T extends RealFieldElement<T>> T value(T[] theta) {
            T output = theta[12];
            for (int h = 0; h < 3; h++) {
                T z = theta[6 + h].add(theta[2 * h].multiply(INPUT[0])).add(theta[2 * h + 1].multiply(INPUT[1]));
                output = output.add(theta[9 + h].multiply(z.tanh()));
            }
            T error = output.subtract(TARGET);
            return error.multiply(error).multiply(0.5);
        }
    };

    private static double[] backpropagation(double[] theta) {
        double[] a = new double[3];
        double output = theta[12];
        for (int h = 0; h < 3; h++) {
            a[h] = Math.tanh(theta[6 + h] + theta[2 * h] * INPUT[0] + theta[2 * h + 1] * INPUT[1]);
            output += theta[9 + h] * a[h];
        }
        double dOutput = output - TARGET;
        double[] g = new double[13];
        g[12] = dOutput;
        for (int h = 0; h < 3; h++) {
            g[9 + h] = dOutput * a[h];
            double dz = dOutput * theta[9 + h] * (1 - a[h] * a[h]);
            g[6 + h] = dz;
            g[2 * h] = dz * INPUT[0];
            g[2 * h + 1] = dz * INPUT[1];
        }
        return g;
    }

    private static final double[] THETA = {0.1, -0.2, 0.4, 0.3, -0.5, 0.2, 0.05, -0.1, 0.0, 0.7, -0.6, 0.9, 0.1};

    @Test
    void backpropagationOfASmallNetworkAgreesToMachinePrecision() {
        DifferentiableFunction network = DifferentiableFunction.of(NETWORK_LOSS::valueAt, ExactCheckTests::backpropagation);

        GradientReport report = GradientChecker.defaults().assertExact(NETWORK_LOSS, network, THETA, NETWORK);

        assertTrue(maxRelativeError(report) <= 1e-15, report::toString);
        assertEquals("W1[2,1]", report.parameter(5).name());
        for (int i = 0; i < THETA.length; i++) {
            assertTrue(ulps(report.parameter(i)) <= 4, report.parameter(i)::toString);
        }
    }

    @Test
    void aWrongDerivativeOfTanhIsNamed() {
        GradientReport report = GradientChecker.defaults().checkExact(NETWORK_LOSS,
                DifferentiableFunction.of(NETWORK_LOSS::valueAt, theta -> {
                    double[] g = backpropagation(theta);
                    g[7] *= 1.01;
                    return g;
                }), THETA);

        assertEquals(1, report.failureCount());
        assertEquals("x[7]", report.failures().get(0).name());
        assertEquals(Verdict.FAIL, report.parameter(7).verdict());
    }

    @Test
    void exactGradientMatchesTheAnalyticOne() {
        double[] exact = NETWORK_LOSS.gradientAt(THETA);

        assertArrayEquals(backpropagation(THETA), exact, 1e-16);
    }

    @Test
    void aHandWrittenFunctionThatIsNotTheFieldFunctionIsRejected() {
        DifferentiableFunction other = DifferentiableFunction.of(w -> logisticValue(w) + 1e-3, w -> logisticGradient(w, true));

        CheckRefusedException error = assertThrows(CheckRefusedException.class,
                () -> GradientChecker.defaults().checkExact(LOGISTIC, other, W));

        assertTrue(error.getMessage().endsWith(" at the point: they do not compute the same function, so their gradients "
                + "cannot be compared. Check that both implement the same formula."), error::getMessage);
    }

    @Test
    void argumentsAreValidatedWithMessages() {
        assertEquals("ulps must be >= 1 but was 0: use for example 16, or more for gradients with heavy cancellation",
                assertThrows(IllegalArgumentException.class, () -> GradientChecker.defaults().withExactTolerance(0)).getMessage());
        assertEquals("function must not be null: use for example a FieldFunction written over RealFieldElement",
                assertThrows(IllegalArgumentException.class,
                        () -> GradientChecker.defaults().checkExact(null, DifferentiableFunction.of(w -> 0, w -> w), W)).getMessage());
        assertEquals("point has length 4 but the layout [x[2]] has 2 coordinates: give a layout of the point, or the point the"
                + " layout describes",
                assertThrows(IllegalArgumentException.class, () -> GradientChecker.defaults().checkExact(LOGISTIC,
                        DifferentiableFunction.of(w -> 0, w -> w), W, ParameterLayout.vector("x", 2))).getMessage());
        assertEquals("the hand-written gradient has length 2 but the point has 4 parameters: return one partial derivative "
                + "per parameter",
                assertThrows(CheckRefusedException.class,
                        () -> GradientChecker.defaults().checkExact(LOGISTIC,
                                DifferentiableFunction.of(ExactCheckTests::logisticValue, w -> new double[2]), W)).getMessage());
    }
}
