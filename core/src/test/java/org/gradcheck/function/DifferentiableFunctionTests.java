package org.gradcheck.function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.analysis.MultivariateVectorFunction;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.differentiation.MultivariateDifferentiableFunction;
import org.gradcheck.GradientChecker;
import org.gradcheck.report.GradientReport;
import org.gradcheck.report.Entry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DifferentiableFunctionTests {

    @Nested
    class FromLambdas {

        @Test
        void valueAndGradientDelegate() {
            DifferentiableFunction function = DifferentiableFunction.of(x -> x[0] * x[1], x -> new double[] {x[1], x[0]});

            assertEquals(6, function.value(new double[] {2, 3}));
            assertArrayEquals(new double[] {3, 2}, function.gradient(new double[] {2, 3}));
        }

        @Test
        void nullLambdasAreRejected() {
            assertEquals("value must not be null: give both the function and its analytic gradient",
                    assertThrows(IllegalArgumentException.class, () -> DifferentiableFunction.of(null, x -> x)).getMessage());
            assertEquals("gradient must not be null: give both the function and its analytic gradient",
                    assertThrows(IllegalArgumentException.class, () -> DifferentiableFunction.of(x -> 0, null)).getMessage());
        }
    }

    /** Commons-math3's optimizers take an objective and its gradient as two functions, like this sum of squares. */
    @Nested
    class FromAnObjectiveAndItsGradient {

        private final double[] target = {1, -2, 0.5};

        private final MultivariateFunction sumOfSquares = x -> {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += (x[i] - target[i]) * (x[i] - target[i]);
            }
            return sum;
        };

        private MultivariateVectorFunction gradient(double factor) {
            return x -> {
                double[] gradient = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    gradient[i] = factor * (x[i] - target[i]);
                }
                return gradient;
            };
        }

        @Test
        void aCorrectGradientPasses() {
            DifferentiableFunction function = DifferentiableFunction.from(sumOfSquares, gradient(2));

            GradientReport report = GradientChecker.defaults().check(function, new double[] {0.3, 0.7, -1.1});

            assertTrue(report.passed(), report::toString);
            assertEquals(sumOfSquares.value(new double[] {0.3, 0.7, -1.1}), report.value());
        }

        @Test
        void aGradientMissingTheFactorTwoFails() {
            GradientReport report = GradientChecker.defaults().check(DifferentiableFunction.from(sumOfSquares, gradient(1)),
                    new double[] {0.3, 0.7, -1.1});

            assertEquals(3, report.failureCount());
            assertEquals(0.5, report.parameter(0).relativeError(), 1e-9);
        }

        @Test
        void nullFunctionsAreRejected() {
            assertEquals("value must not be null: give both the objective and its gradient",
                    assertThrows(IllegalArgumentException.class, () -> DifferentiableFunction.from(null, gradient(2))).getMessage());
            assertEquals("gradient must not be null: give both the objective and its gradient",
                    assertThrows(IllegalArgumentException.class, () -> DifferentiableFunction.from(sumOfSquares, null)).getMessage());
        }
    }

    /** {@code f(x) = x0^2 x1 + exp(x0) sin(x2)} written once for doubles and once for derivative structures. */
    static final class Automatic implements MultivariateDifferentiableFunction {

        private final boolean consistent;

        /** With {@code consistent == false} the derivative-structure version uses {@code cos} where the value uses {@code sin}. */
        Automatic(boolean consistent) {
            this.consistent = consistent;
        }

        @Override
        public double value(double[] x) {
            return x[0] * x[0] * x[1] + Math.exp(x[0]) * Math.sin(x[2]);
        }

        @Override
        public DerivativeStructure value(DerivativeStructure[] x) {
            DerivativeStructure trigonometric = consistent ? x[2].sin() : x[2].cos();
            return x[0].multiply(x[0]).multiply(x[1]).add(x[0].exp().multiply(trigonometric));
        }
    }

    @Nested
    class FromAMultivariateDifferentiableFunction {

        @Test
        void theGradientComesFromTheDerivativeStructures() {
            double[] x = {0.5, -1.5, 2};
            DifferentiableFunction function = DifferentiableFunction.from(new Automatic(true));

            double[] gradient = function.gradient(x);

            assertEquals(new Automatic(true).value(x), function.value(x));
            assertArrayEquals(new double[] {
                2 * x[0] * x[1] + Math.exp(x[0]) * Math.sin(x[2]),
                x[0] * x[0],
                Math.exp(x[0]) * Math.cos(x[2])}, gradient, 1e-15);
            assertTrue(GradientChecker.defaults().check(function, x).passed());
        }

        @Test
        void aDerivativeStructureVersionThatDisagreesWithTheValueFails() {
            GradientReport report = GradientChecker.defaults().check(DifferentiableFunction.from(new Automatic(false)),
                    new double[] {0.5, -1.5, 2});

            // x0 and x2 meet the trigonometric term; x1 does not
            assertFalse(report.passed());
            assertEquals(List.of("x[0]", "x[2]"), report.failures().stream().map(Entry::name).sorted().toList());
        }

        @Test
        void aNullFunctionIsRejected() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DifferentiableFunction.from((MultivariateDifferentiableFunction) null));

            assertEquals("function must not be null", e.getMessage());
        }
    }
}
