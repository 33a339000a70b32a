package org.gradcheck.examples;

import static org.gradcheck.GradientAssertions.assertGradientExact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.RealFieldElement;
import org.gradcheck.DerivativeMismatchError;
import org.gradcheck.GradientChecker;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.function.FieldFunction;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.BlockSummary;
import org.gradcheck.report.GradientReport;
import org.junit.jupiter.api.Test;

/**
 * The negative log-likelihood of a normal distribution with mean {@code mu} and standard deviation
 * {@code exp(s)}, written once over {@code RealFieldElement}; the hand-written gradient is compared with its exact
 * gradient by automatic differentiation.
 */
class ExactOracleTests {

    private static final double[] DATA = {1.3, 0.2, 2.7, 1.9, -0.4, 1.1, 0.8, 3.2};

    private static final ParameterLayout PARAMETERS = ParameterLayout.builder().vector("mu", 1).vector("s", 1).build();

    /** sum_k (x_k - mu)^2 / (2 exp(2 s)) + s; the constant log(2 pi) / 2 is left out. */
    // README: begin (exact oracle)
    private static final FieldFunction NEGATIVE_LOG_LIKELIHOOD = new FieldFunction() {
        @Override
        public <T extends RealFieldElement<T>> T value(T[] theta) {
            T mu = theta[0];
            T s = theta[1];
            T variance = s.multiply(2).exp();
            T sum = mu.getField().getZero();
            for (double x : DATA) {
                T deviation = mu.negate().add(x);
                sum = sum.add(deviation.multiply(deviation).divide(variance.multiply(2)).add(s));
            }
            return sum;
        }
    };
    // README: end

    private static double value(double[] theta) {
        double variance = Math.exp(2 * theta[1]);
        double sum = 0;
        for (double x : DATA) {
            sum += (x - theta[0]) * (x - theta[0]) / (2 * variance) + theta[1];
        }
        return sum;
    }

    private static double[] gradient(double[] theta) {
        double variance = Math.exp(2 * theta[1]);
        double dMu = 0;
        double dS = 0;
        for (double x : DATA) {
            dMu -= (x - theta[0]) / variance;
            dS += 1 - (x - theta[0]) * (x - theta[0]) / variance;
        }
        return new double[] {dMu, dS};
    }

    /** The same gradient, accumulated in a {@code float} by accident. */
    private static double[] singlePrecisionGradient(double[] theta) {
        double variance = Math.exp(2 * theta[1]);
        float dMu = 0;
        float dS = 0;
        for (double x : DATA) {
            dMu -= (x - theta[0]) / variance;
            dS += 1 - (x - theta[0]) * (x - theta[0]) / variance;
        }
        return new double[] {dMu, dS};
    }

    private static final double[] THETA = {0.9, 0.3};

    @Test
    void handWrittenGradientEqualsTheExactOneToMachinePrecision() {
        // README: begin (exact oracle)
        GradientReport report = assertGradientExact(NEGATIVE_LOG_LIKELIHOOD,
                DifferentiableFunction.of(ExactOracleTests::value, ExactOracleTests::gradient), THETA, PARAMETERS);
        // README: end

        assertTrue(maxRelativeError(report) <= 2e-15, report::toString);
        assertEquals(value(THETA), report.value(), 1e-14);
    }

    @Test
    void aGradientComputedInSinglePrecisionPassesFiniteDifferencesButNotTheOracle() {
        DifferentiableFunction single = DifferentiableFunction.of(ExactOracleTests::value,
                ExactOracleTests::singlePrecisionGradient);
        assertTrue(GradientChecker.defaults().check(single, THETA).passed());

        DerivativeMismatchError error = assertThrows(DerivativeMismatchError.class,
                () -> assertGradientExact(NEGATIVE_LOG_LIKELIHOOD, single, THETA, PARAMETERS));

        GradientReport report = (GradientReport) error.report();
        // single precision rounds to about 6e-8 relative: far below 1e-6, far above 16 ulps of double
        assertTrue(maxRelativeError(report) > 1e-10 && maxRelativeError(report) < 1e-6, report::toString);
        assertTrue(error.getMessage().startsWith("Exact gradient check failed: "), error::getMessage);
    }

    /** The largest relative error of any parameter: the largest of the blocks'. */
    private static double maxRelativeError(GradientReport report) {
        double largest = 0;
        for (BlockSummary block : report.blocks()) {
            largest = Math.max(largest, block.maxRelativeError());
        }
        return largest;
    }
}
