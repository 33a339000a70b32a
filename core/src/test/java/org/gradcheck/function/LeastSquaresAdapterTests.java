package org.gradcheck.function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.math3.analysis.MultivariateMatrixFunction;
import org.apache.commons.math3.analysis.MultivariateVectorFunction;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;
import org.gradcheck.GradientChecker;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.Entry;
import org.gradcheck.report.GradientReport;
import org.gradcheck.report.JacobianReport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Commons-math3's least-squares model type and problem, adapted: an exponential decay {@code a exp(-k t) + c}. */
class LeastSquaresAdapterTests {

    private static final double[] TIMES = {0, 0.5, 1, 2, 3};

    private static final double[] OBSERVED = {3.1, 2.2, 1.7, 1.1, 0.9};

    private static final double[] POINT = {2.5, 0.8, 0.6};

    private static final ParameterLayout PARAMETERS = ParameterLayout.scalars("a", "k", "c");

    private static double[] decay(double[] p) {
        double[] values = new double[TIMES.length];
        for (int i = 0; i < TIMES.length; i++) {
            values[i] = p[0] * Math.exp(-p[1] * TIMES[i]) + p[2];
        }
        return values;
    }

    /** The Jacobian of {@link #decay}; with {@code kSign = +1} the derivative with respect to k has the wrong sign. */
    private static double[][] decayJacobian(double[] p, double kSign) {
        double[][] jacobian = new double[TIMES.length][];
        for (int i = 0; i < TIMES.length; i++) {
            double e = Math.exp(-p[1] * TIMES[i]);
            jacobian[i] = new double[] {e, kSign * p[0] * TIMES[i] * e, 1};
        }
        return jacobian;
    }

    /** The decay as a {@code MultivariateJacobianFunction}, counting its calls. */
    private static MultivariateJacobianFunction model(double kSign, AtomicInteger calls) {
        return p -> {
            calls.incrementAndGet();
            double[] x = p.toArray();
            return new Pair<>(new ArrayRealVector(decay(x), false), new Array2DRowRealMatrix(decayJacobian(x, kSign), false));
        };
    }

    private static List<String> names(JacobianReport report) {
        return report.failures().stream().map(Entry::name).toList();
    }

    @Nested
    class ModelAsAVectorFunction {

        @Test
        void theModelsValuesAndJacobianAreThePairs() {
            VectorFunction function = VectorFunction.from(model(-1, new AtomicInteger()));

            assertArrayEquals(decay(POINT), function.value(POINT));
            assertArrayEquals(decayJacobian(POINT, -1)[3], function.jacobian(POINT)[3]);
        }

        @Test
        void aRightJacobianPassesWithOneModelCallPerEvaluation() {
            AtomicInteger calls = new AtomicInteger();

            JacobianReport report = GradientChecker.defaults().checkJacobian(VectorFunction.from(model(-1, calls)), POINT, PARAMETERS);

            assertTrue(report.passed(), report::toString);
            assertEquals(calls.get(), report.evaluations());
        }

        @Test
        void aWrongJacobianFailsAtTheEntriesOfTheWrongParameter() {
            JacobianReport report = GradientChecker.defaults().checkJacobian(VectorFunction.from(model(1, new AtomicInteger())), POINT,
                    PARAMETERS);

            // at t = 0 the derivative with respect to k is 0 whatever its sign
            assertEquals(List.of("y[1] / k", "y[2] / k", "y[3] / k", "y[4] / k"), names(report).stream().sorted().toList());
        }

        @Test
        void aModelThatWritesIntoItsVectorLeavesThePointAlone() {
            MultivariateJacobianFunction careless = p -> {
                Pair<RealVector, RealMatrix> pair = model(-1, new AtomicInteger()).value(p);
                p.setEntry(0, 99);
                return pair;
            };
            double[] point = POINT.clone();

            JacobianReport report = GradientChecker.defaults().checkJacobian(VectorFunction.from(careless), point, PARAMETERS);

            assertTrue(report.passed(), report::toString);
            assertArrayEquals(POINT, point);
        }

        @Test
        void missingPartsOfThePairAreNamed() {
            assertEquals("the model returned null: value(point) must return a Pair of the model's values and its Jacobian",
                    assertThrows(IllegalArgumentException.class, () -> VectorFunction.from(p -> null).value(POINT)).getMessage());
            assertEquals("the model returned no values (the Pair's first element is null): return the model's values and its Jacobian",
                    assertThrows(IllegalArgumentException.class,
                            () -> VectorFunction.from(p -> new Pair<>(null, MatrixUtils.createRealIdentityMatrix(3))).value(POINT))
                            .getMessage());
            assertEquals("the model returned no Jacobian (the Pair's second element is null): return the model's values and its Jacobian",
                    assertThrows(IllegalArgumentException.class,
                            () -> VectorFunction.from(p -> new Pair<>(p, null)).jacobian(POINT)).getMessage());
        }

        @Test
        void aNullModelIsRejected() {
            assertEquals("model must not be null: pass the least-squares model whose Jacobian is checked",
                    assertThrows(IllegalArgumentException.class,
                            () -> VectorFunction.from((MultivariateJacobianFunction) null)).getMessage());
        }
    }

    @Nested
    class SumOfSquaresOfAModel {

        @Test
        void theValueIsHalfTheSumOfSquaresAndTheGradientJTransposedTimesTheDifferences() {
            DifferentiableFunction function = DifferentiableFunction.sumOfSquares(model(-1, new AtomicInteger()), OBSERVED);
            double[] values = decay(POINT);
            double[][] jacobian = decayJacobian(POINT, -1);
            double half = 0;
            double[] gradient = new double[3];
            for (int i = 0; i < TIMES.length; i++) {
                double difference = values[i] - OBSERVED[i];
                half += difference * difference / 2;
                for (int j = 0; j < 3; j++) {
                    gradient[j] += jacobian[i][j] * difference;
                }
            }

            assertEquals(half, function.value(POINT), 1e-15);
            assertArrayEquals(gradient, function.gradient(POINT), 1e-15);
        }

        @Test
        void aRightJacobianPassesWithOneModelCallPerEvaluation() {
            AtomicInteger calls = new AtomicInteger();

            GradientReport report = GradientChecker.defaults().check(DifferentiableFunction.sumOfSquares(model(-1, calls), OBSERVED),
                    POINT, PARAMETERS);

            assertTrue(report.passed(), report::toString);
            assertEquals(calls.get(), report.evaluations());
        }

        @Test
        void aWrongJacobianFailsAtTheWrongParameter() {
            GradientReport report = GradientChecker.defaults().check(
                    DifferentiableFunction.sumOfSquares(model(1, new AtomicInteger()), OBSERVED), POINT, PARAMETERS);

            assertEquals(List.of("k"), report.failures().stream().map(Entry::name).toList());
        }

        @Test
        void theTargetIsCopied() {
            double[] target = OBSERVED.clone();
            DifferentiableFunction function = DifferentiableFunction.sumOfSquares(model(-1, new AtomicInteger()), target);
            double before = function.value(POINT);

            target[0] = 100;

            assertEquals(before, function.value(POINT));
        }

        @Test
        void badArgumentsAreRejected() {
            MultivariateJacobianFunction model = model(-1, new AtomicInteger());
            assertEquals("model must not be null: pass the least-squares model whose sum of squares is checked",
                    assertThrows(IllegalArgumentException.class, () -> DifferentiableFunction.sumOfSquares(null, OBSERVED)).getMessage());
            assertEquals("target must not be null: pass the observed values the model is fitted to",
                    assertThrows(IllegalArgumentException.class, () -> DifferentiableFunction.sumOfSquares(model, null)).getMessage());
            assertEquals("target must not be empty: pass one observed value per model value",
                    assertThrows(IllegalArgumentException.class,
                            () -> DifferentiableFunction.sumOfSquares(model, new double[0])).getMessage());
            assertEquals("target[1] is NaN: observed values must be finite", assertThrows(IllegalArgumentException.class,
                    () -> DifferentiableFunction.sumOfSquares(model, new double[] {1, Double.NaN})).getMessage());
        }

        @Test
        void aTargetOfAnotherLengthIsNamed() {
            DifferentiableFunction function = DifferentiableFunction.sumOfSquares(model(-1, new AtomicInteger()), new double[] {1, 2});

            assertEquals("the model has 5 values but target has 2: give one observed value per model value",
                    assertThrows(IllegalArgumentException.class, () -> function.value(POINT)).getMessage());
            assertEquals("the model has 5 values but target has 2: give one observed value per model value",
                    assertThrows(IllegalArgumentException.class, () -> function.gradient(POINT)).getMessage());
        }

        @Test
        void aJacobianOfTheWrongShapeIsNamed() {
            MultivariateJacobianFunction transposed = p -> new Pair<>(new ArrayRealVector(decay(p.toArray())),
                    new Array2DRowRealMatrix(decayJacobian(p.toArray(), -1)).transpose());

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DifferentiableFunction.sumOfSquares(transposed, OBSERVED).gradient(POINT));

            assertEquals("the model's Jacobian is 3 x 5 but there are 5 values and 3 parameters: return one row per value and "
                    + "one column per parameter", e.getMessage());
        }
    }

    @Nested
    class SumOfSquaresOfAProblem {

        private final RealMatrix weights = MatrixUtils.createRealDiagonalMatrix(new double[] {1, 4, 9, 0.25, 2});

        private LeastSquaresProblem problem(double kSign) {
            return new LeastSquaresBuilder().model(model(kSign, new AtomicInteger())).target(OBSERVED).weight(weights)
                    .start(POINT).build();
        }

        @Test
        void theValueIsHalfTheSquaredCostAndTheGradientMinusJTransposedTimesTheResiduals() {
            LeastSquaresProblem problem = problem(-1);
            LeastSquaresProblem.Evaluation evaluation = problem.evaluate(new ArrayRealVector(POINT));
            double[] gradient = evaluation.getJacobian().transpose().operate(evaluation.getResiduals()).mapMultiply(-1).toArray();

            DifferentiableFunction function = DifferentiableFunction.sumOfSquares(problem);

            assertEquals(evaluation.getCost() * evaluation.getCost() / 2, function.value(POINT), 1e-14);
            assertArrayEquals(gradient, function.gradient(POINT), 1e-14);
        }

        @Test
        void theWeightsCount() {
            LeastSquaresProblem unweighted = new LeastSquaresBuilder().model(model(-1, new AtomicInteger())).target(OBSERVED)
                    .start(POINT).build();
            double[] residuals = new double[TIMES.length];
            double weighted = 0;
            double[] values = decay(POINT);
            for (int i = 0; i < residuals.length; i++) {
                residuals[i] = OBSERVED[i] - values[i];
                weighted += weights.getEntry(i, i) * residuals[i] * residuals[i] / 2;
            }

            assertEquals(weighted, DifferentiableFunction.sumOfSquares(problem(-1)).value(POINT), 1e-14);
            assertEquals(DifferentiableFunction.sumOfSquares(model(-1, new AtomicInteger()), OBSERVED).value(POINT),
                    DifferentiableFunction.sumOfSquares(unweighted).value(POINT), 1e-15);
        }

        @Test
        void aRightProblemPassesAndAWrongJacobianFailsAtTheWrongParameter() {
            GradientReport right = GradientChecker.defaults().check(DifferentiableFunction.sumOfSquares(problem(-1)), POINT, PARAMETERS);
            GradientReport wrong = GradientChecker.defaults().check(DifferentiableFunction.sumOfSquares(problem(1)), POINT, PARAMETERS);

            assertTrue(right.passed(), right::toString);
            assertEquals(List.of("k"), wrong.failures().stream().map(Entry::name).toList());
        }

        @Test
        void aLazyProblemComputesNoJacobianForAValue() {
            AtomicInteger values = new AtomicInteger();
            AtomicInteger jacobians = new AtomicInteger();
            MultivariateVectorFunction value = p -> {
                values.incrementAndGet();
                return decay(p);
            };
            MultivariateMatrixFunction jacobian = p -> {
                jacobians.incrementAndGet();
                return decayJacobian(p, -1);
            };
            LeastSquaresProblem lazy = new LeastSquaresBuilder().model(value, jacobian).target(OBSERVED).start(POINT)
                    .lazyEvaluation(true).build();

            GradientReport report = GradientChecker.defaults().check(DifferentiableFunction.sumOfSquares(lazy), POINT, PARAMETERS);

            assertTrue(report.passed(), report::toString);
            assertEquals(report.evaluations(), values.get());
            assertEquals(2, jacobians.get());
        }

        @Test
        void aNullProblemIsRejected() {
            assertEquals("problem must not be null: pass the least-squares problem whose objective is checked, e.g. new "
                    + "LeastSquaresBuilder().model(model).target(observed).start(start).build()",
                    assertThrows(IllegalArgumentException.class,
                            () -> DifferentiableFunction.sumOfSquares((LeastSquaresProblem) null)).getMessage());
        }
    }
}
