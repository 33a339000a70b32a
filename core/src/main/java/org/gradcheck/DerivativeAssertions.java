package org.gradcheck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.gradcheck.exact.ExactGradientCheck;
import org.gradcheck.exact.ExactGradientMismatchError;
import org.gradcheck.exact.ExactGradientReport;
import org.gradcheck.function.FieldFunction;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.hessian.HessianChecker;
import org.gradcheck.function.TwiceDifferentiableFunction;
import org.gradcheck.jacobian.JacobianChecker;
import org.gradcheck.jacobian.JacobianMismatchError;
import org.gradcheck.jacobian.JacobianReport;
import org.gradcheck.function.VectorFunction;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.taylor.TaylorMismatchError;
import org.gradcheck.taylor.TaylorRemainderCheck;
import org.gradcheck.taylor.TaylorReport;

/**
 * Assertions beyond first-order gradients: Jacobians of vector-valued functions (a layer's forward and backward
 * passes), Hessians, the step-free Taylor remainder check and the exact oracle. Each uses the default settings of
 * its checker; configure the checker ({@link JacobianChecker}, {@link HessianChecker},
 * {@link TaylorRemainderCheck}, {@link ExactGradientCheck}) for other settings.
 *
 * <p>A passing call returns the report; a failing one throws an opentest4j {@code AssertionFailedError} whose
 * message is the report:
 * <pre>{@code
 * assertJacobianMatches(VectorFunction.of(x -> new double[] {x[0] * x[1]}, x -> new double[][] {{x[1], x[0]}}),
 *         new double[] {2, 3});                                     // passes
 * assertJacobianMatches(VectorFunction.of(x -> new double[] {x[0] * x[1]}, x -> new double[][] {{x[0], x[1]}}),
 *         new double[] {2, 3});
 * // Jacobian check failed: 2 of 2 entries disagree, worst y[0] / x[1] (analytic 3.000e+00, numerical 2.000e+00)
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class DerivativeAssertions {

    private DerivativeAssertions() {
    }

    /**
     * Asserts that {@code function}'s derivative forms match finite differences entry by entry and each other
     * (the adjoint identity); inputs are named {@code x[j]}, outputs {@code y[i]}.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @return the report of the passing check
     * @throws JacobianMismatchError if an entry or a consistency check fails
     * @throws IllegalArgumentException if an argument is invalid
     * @throws GradientCheckException if the function makes a check impossible
     */
    public static JacobianReport assertJacobianMatches(VectorFunction function, double[] point) {
        return JacobianChecker.defaults().assertMatches(function, point);
    }

    /**
     * As {@link #assertJacobianMatches(VectorFunction, double[])}, naming inputs by {@code inputLayout}.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @param inputLayout names the inputs
     * @return the report of the passing check
     */
    public static JacobianReport assertJacobianMatches(VectorFunction function, double[] point, ParameterLayout inputLayout) {
        return JacobianChecker.defaults().assertMatches(function, point, inputLayout);
    }

    /**
     * As {@link #assertJacobianMatches(VectorFunction, double[])}, naming inputs and outputs by layouts.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @param inputLayout names the inputs
     * @param outputLayout names the outputs; null names them {@code y[i]}
     * @return the report of the passing check
     */
    public static JacobianReport assertJacobianMatches(VectorFunction function, double[] point, ParameterLayout inputLayout,
            ParameterLayout outputLayout) {
        return JacobianChecker.defaults().assertMatches(function, point, inputLayout, outputLayout);
    }

    /**
     * Asserts that {@code function}'s Hessian (or the Hessian assembled from its Hessian-vector products) matches
     * central differences of its gradient.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @return the report of the passing check
     * @throws JacobianMismatchError if an entry fails
     */
    public static JacobianReport assertHessianMatches(TwiceDifferentiableFunction function, double[] point) {
        return HessianChecker.defaults().assertMatches(function, point);
    }

    /**
     * As {@link #assertHessianMatches(TwiceDifferentiableFunction, double[])}, naming coordinates by {@code layout}.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @param layout names the coordinates ({@code W1[0,1]})
     * @return the report of the passing check
     */
    public static JacobianReport assertHessianMatches(TwiceDifferentiableFunction function, double[] point,
            ParameterLayout layout) {
        return HessianChecker.defaults().assertMatches(function, point, layout);
    }

    /**
     * Asserts that {@code function}'s Hessian-vector products along 3 seeded random directions match central
     * differences of its gradient along them: 6 gradient evaluations, whatever the dimension.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @return the report of the passing check
     * @throws JacobianMismatchError if a component fails
     */
    public static JacobianReport assertHessianVectorProductsMatch(TwiceDifferentiableFunction function, double[] point) {
        return HessianChecker.defaults().assertProductsMatch(function, point);
    }

    /**
     * Asserts that the Taylor remainder of {@code function}'s gradient converges with order 2 (at least 1.5) along
     * 3 seeded random directions: the step-free check.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @return the report of the passing check
     * @throws TaylorMismatchError if a direction converges with a lower order or cannot be decided
     */
    public static TaylorReport assertTaylorSecondOrder(DifferentiableFunction function, double[] point) {
        return TaylorRemainderCheck.defaults().assertSecondOrder(function, point);
    }

    /**
     * As {@link #assertTaylorSecondOrder(DifferentiableFunction, double[])}, with 3 directions per block of
     * {@code layout}, each moving its block only, so that a failure names the block whose gradient is wrong.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @param layout names the coordinates ({@code W1[0,1]})
     * @return the report of the passing check
     * @throws TaylorMismatchError if a direction converges with a lower order or cannot be decided
     */
    public static TaylorReport assertTaylorSecondOrder(DifferentiableFunction function, double[] point,
            ParameterLayout layout) {
        return TaylorRemainderCheck.defaults().assertSecondOrder(function, point, layout);
    }

    /**
     * Asserts that {@code handWritten}'s gradient equals, to a few units in the last place, the exact gradient of
     * {@code function} (the same function written over {@code RealFieldElement}) by automatic differentiation.
     *
     * @param function the function written over {@code RealFieldElement}
     * @param handWritten the function with the hand-written gradient
     * @param point the point; not modified
     * @return the report of the passing check
     * @throws ExactGradientMismatchError if a partial derivative differs
     */
    public static ExactGradientReport assertGradientExact(FieldFunction function, DifferentiableFunction handWritten,
            double[] point) {
        return ExactGradientCheck.defaults().assertMatches(function, handWritten, point);
    }

    /**
     * As {@link #assertGradientExact(FieldFunction, DifferentiableFunction, double[])}, naming parameters by {@code layout}.
     *
     * @param function the function written over {@code RealFieldElement}
     * @param handWritten the function with the hand-written gradient
     * @param point the point; not modified
     * @param layout names the coordinates ({@code W1[0,1]})
     * @return the report of the passing check
     */
    public static ExactGradientReport assertGradientExact(FieldFunction function, DifferentiableFunction handWritten,
            double[] point, ParameterLayout layout) {
        return ExactGradientCheck.defaults().assertMatches(function, handWritten, point, layout);
    }
}
