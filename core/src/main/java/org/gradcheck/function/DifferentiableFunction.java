package org.gradcheck.function;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.analysis.MultivariateVectorFunction;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.differentiation.MultivariateDifferentiableFunction;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apiguardian.api.API;

/**
 * A scalar function of a flat parameter vector together with its analytic gradient: the code under test.
 *
 * <p>The checker calls {@link #value(double[])} many times at perturbed points and {@link #gradient(double[])}
 * once. Implementations must not modify the point they are given and must return the same value for the
 * same point; the checker verifies both and reports a violation instead of a verdict.
 *
 * <pre>{@code
 * DifferentiableFunction square = DifferentiableFunction.of(
 *         x -> x[0] * x[0],
 *         x -> new double[] {2 * x[0]});
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface DifferentiableFunction {

    /**
     * The function's value at {@code point}.
     *
     * @return the function's value at {@code point}
     * @param point the point; not modified
     */
    double value(double[] point);

    /**
     * The analytic gradient at {@code point}: a new array of the point's length.
     *
     * @return the analytic gradient at {@code point}: a new array of the point's length
     * @param point the point; not modified
     */
    double[] gradient(double[] point);

    /**
     * An evaluator of this function for the use of one more thread of a parallel check
     * ({@code GradientChecker.withThreads}). Return {@code this} if the function keeps no mutable state (it
     * is thread-safe), or a new copy with buffers of its own. The default returns null: the function is
     * declared usable from one thread only, and a parallel check says so instead of racing.
     *
     * @return an evaluator for another thread, or null
     */
    default DifferentiableFunction copyForThread() {
        return null;
    }

    /**
     * A function made of two lambdas, declared thread-safe: both lambdas must keep no mutable state.
     *
     * @param value the function's value at a point; the point is not to be modified
     * @param gradient the analytic gradient at a point, a new array of the point's length
     * @return a function made of two lambdas, declared thread-safe: both lambdas must keep no mutable state
     * @throws IllegalArgumentException if either is null
     */
    static DifferentiableFunction threadSafe(ToDoubleFunction<double[]> value, Function<double[], double[]> gradient) {
        DifferentiableFunction function = of(value, gradient);
        return new DifferentiableFunction() {
            @Override
            public double value(double[] point) {
                return function.value(point);
            }

            @Override
            public double[] gradient(double[] point) {
                return function.gradient(point);
            }

            @Override
            public DifferentiableFunction copyForThread() {
                return this;
            }
        };
    }

    /**
     * A function made of two lambdas.
     *
     * @param value the function's value at a point; the point is not to be modified
     * @param gradient the analytic gradient at a point, a new array of the point's length
     * @return a function made of two lambdas
     * @throws IllegalArgumentException if either is null
     */
    static DifferentiableFunction of(ToDoubleFunction<double[]> value, Function<double[], double[]> gradient) {
        if (value == null || gradient == null) {
            throw new IllegalArgumentException((value == null ? "value" : "gradient")
                    + " must not be null: give both the function and its analytic gradient");
        }
        return new DifferentiableFunction() {
            @Override
            public double value(double[] point) {
                return value.applyAsDouble(point);
            }

            @Override
            public double[] gradient(double[] point) {
                return gradient.apply(point);
            }
        };
    }

    /**
     * Adapts a commons-math3 {@code (MultivariateFunction, MultivariateVectorFunction)} pair, as used by its
     * gradient-based optimizers ({@code ObjectiveFunction} and {@code ObjectiveFunctionGradient}).
     *
     * @param value the function's value at a point; the point is not to be modified
     * @param gradient the analytic gradient at a point, a new array of the point's length
     * @return the adapted function
     * @throws IllegalArgumentException if either is null
     */
    static DifferentiableFunction from(MultivariateFunction value, MultivariateVectorFunction gradient) {
        if (value == null || gradient == null) {
            throw new IllegalArgumentException((value == null ? "value" : "gradient")
                    + " must not be null: give both the objective and its gradient");
        }
        return of(value::value, gradient::value);
    }

    /**
     * The objective of commons-math3's least-squares optimizers ({@code LevenbergMarquardtOptimizer},
     * {@code GaussNewtonOptimizer}) for {@code problem}: half the sum of squares of its weighted residuals
     * {@code r = sqrt(W) (target - model(p))},
     * <pre>{@code f(p) = 1/2 r^T r,    gradient -J^T r,}</pre>
     * with {@code J = sqrt(W) dmodel/dp} the problem's weighted Jacobian ({@code Evaluation.getJacobian()}). So a
     * gradient check of {@code f} checks the model's Jacobian, weighted as the optimizer uses it, with one row per
     * parameter. ({@code Evaluation.getCost()} is {@code |r|}, the square root of {@code 2 f}.) Each call evaluates
     * the problem once, at a new vector copied from the point, after the problem's parameter validator if it has
     * one. Check at {@code problem.getStart().toArray()} or at any other parameters:
     * <pre>{@code
     * LeastSquaresProblem problem = new LeastSquaresBuilder().model(model).target(observed).start(start).build();
     * assertGradientsMatch(DifferentiableFunction.sumOfSquares(problem), start);
     * }</pre>
     *
     * @param problem the least-squares problem, as an optimizer takes it
     * @return half the sum of squares of the problem's residuals, with its gradient from the problem's Jacobian
     * @throws IllegalArgumentException if {@code problem} is null; when an evaluation has no residuals or a
     *     Jacobian of the wrong shape, the function's methods throw one that says so
     */
    static DifferentiableFunction sumOfSquares(LeastSquaresProblem problem) {
        return LeastSquaresFunctions.sumOfSquares(problem);
    }

    /**
     * Half the sum of squares of a commons-math3 least-squares model's differences from {@code target},
     * <pre>{@code f(p) = 1/2 sum_i (model_i(p) - target_i)^2,    gradient J^T (model(p) - target),}</pre>
     * with {@code J} the Jacobian the model returns: the unweighted objective of
     * {@link #sumOfSquares(LeastSquaresProblem)} (build a problem with {@code LeastSquaresBuilder.weight} for
     * weights). Each call evaluates the model once, at a new vector copied from the point.
     *
     * @param model the model, {@code p -> (values, Jacobian)}
     * @param target the observed values, one per model value; copied
     * @return half the sum of squares of the model's differences from {@code target}, with its gradient
     * @throws IllegalArgumentException if an argument is null, or {@code target} is empty or not finite; when
     *     the model returns a null pair, values of another length than {@code target}, or a Jacobian of the wrong
     *     shape, the function's methods throw one that says so
     */
    static DifferentiableFunction sumOfSquares(MultivariateJacobianFunction model, double[] target) {
        return LeastSquaresFunctions.sumOfSquares(model, target);
    }

    /**
     * Adapts a commons-math3 {@code MultivariateDifferentiableFunction}: the value comes from
     * {@code value(double[])}, the gradient from its {@link DerivativeStructure} evaluation with one free
     * variable per coordinate.
     *
     * @param function the function under test
     * @return the adapted function
     * @throws IllegalArgumentException if {@code function} is null
     */
    static DifferentiableFunction from(MultivariateDifferentiableFunction function) {
        if (function == null) {
            throw new IllegalArgumentException("function must not be null");
        }
        return new DifferentiableFunction() {
            @Override
            public double value(double[] point) {
                return function.value(point);
            }

            @Override
            public double[] gradient(double[] point) {
                int n = point.length;
                DerivativeStructure[] variables = new DerivativeStructure[n];
                for (int i = 0; i < n; i++) {
                    variables[i] = new DerivativeStructure(n, 1, i, point[i]);
                }
                DerivativeStructure result = function.value(variables);
                double[] gradient = new double[n];
                int[] orders = new int[n];
                for (int i = 0; i < n; i++) {
                    orders[i] = 1;
                    gradient[i] = result.getPartialDerivative(orders);
                    orders[i] = 0;
                }
                return gradient;
            }
        };
    }
}
