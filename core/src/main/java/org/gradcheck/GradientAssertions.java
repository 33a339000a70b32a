package org.gradcheck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.function.FieldFunction;
import org.gradcheck.function.GradientModel;
import org.gradcheck.function.TwiceDifferentiableFunction;
import org.gradcheck.function.VectorFunction;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.layout.Parameters;
import org.gradcheck.report.DerivativeReport;
import org.gradcheck.report.GradientReport;
import org.gradcheck.report.JacobianReport;

/**
 * Assertions that fail a test when an analytic derivative disagrees with finite differences (or with exact
 * derivatives): gradients, models, Jacobians, Hessians, the Taylor remainder. Each uses the default checker, or the
 * one passed first; each returns the report when it passes and throws a {@link DerivativeMismatchError} whose message
 * is the report when it fails.
 *
 * <pre>{@code
 * import static org.gradcheck.GradientAssertions.assertGradientsMatch;
 *
 * GradientReport report = assertGradientsMatch(
 *         DifferentiableFunction.of(x -> x[0] * x[0], x -> new double[] {2 * x[0]}),
 *         new double[] {3});
 * }</pre>
 * A failing call:
 * <pre>{@code
 * assertGradientsMatch(
 *         DifferentiableFunction.of(x -> x[0] * x[0], x -> new double[] {3 * x[0]}),
 *         new double[] {3});
 * // Gradient check failed: 1 of 1 parameters disagree
 * //   worst x[0]: analytic 9.000e+00, numerical 6.000e+00, mismatch 3.000e+00, ...
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class GradientAssertions {

    private GradientAssertions() {
    }

    /**
     * Asserts that {@code function}'s gradient at {@code point} matches finite differences, with the default checker.
     *
     * @param function the function under test
     * @param point the point to check at; not modified
     * @return the report of the passing check
     * @throws DerivativeMismatchError if the check fails
     * @throws IllegalArgumentException if an argument is invalid
     * @throws CheckRefusedException if the function makes a check impossible
     */
    public static GradientReport assertGradientsMatch(DifferentiableFunction function, double[] point) {
        return GradientChecker.defaults().assertMatches(function, point);
    }

    /**
     * As {@link #assertGradientsMatch(DifferentiableFunction, double[])}, naming parameters by {@code layout}.
     *
     * @param function the function under test
     * @param point the point to check at; not modified
     * @param layout the layout that names the parameters
     * @return the report of the passing check
     */
    public static GradientReport assertGradientsMatch(DifferentiableFunction function, double[] point, ParameterLayout layout) {
        return GradientChecker.defaults().assertMatches(function, point, layout);
    }

    /**
     * As {@link #assertGradientsMatch(DifferentiableFunction, double[])}, with {@code checker}'s settings.
     *
     * @param checker the checker to check with
     * @param function the function under test
     * @param point the point to check at; not modified
     * @return the report of the passing check
     */
    public static GradientReport assertGradientsMatch(GradientChecker checker, DifferentiableFunction function, double[] point) {
        return requireChecker(checker).assertMatches(function, point);
    }

    /**
     * As {@link #assertGradientsMatch(DifferentiableFunction, double[], ParameterLayout)}, with {@code checker}'s
     * settings.
     *
     * @param checker the checker to check with
     * @param function the function under test
     * @param point the point to check at; not modified
     * @param layout the layout that names the parameters
     * @return the report of the passing check
     */
    public static GradientReport assertGradientsMatch(GradientChecker checker, DifferentiableFunction function, double[] point,
            ParameterLayout layout) {
        return requireChecker(checker).assertMatches(function, point, layout);
    }

    /**
     * Asserts that {@code model}'s gradients with respect to {@code parameters} on {@code batch} match finite
     * differences, with the default checker.
     *
     * @param <B> the type of a batch of examples
     * @param model the model under test
     * @param parameters the parameter values, by block name
     * @param batch the examples the model is evaluated on
     * @return the report of the passing check
     */
    public static <B> GradientReport assertGradientsMatch(GradientModel<B> model, Map<String, ?> parameters, B batch) {
        return GradientChecker.defaults().assertMatches(model, parameters, batch);
    }

    /**
     * As {@link #assertGradientsMatch(GradientModel, Map, Object)}, with {@code checker}'s settings.
     *
     * @param <B> the type of a batch of examples
     * @param checker the checker to check with
     * @param model the model under test
     * @param parameters the parameter values, by block name
     * @param batch the examples the model is evaluated on
     * @return the report of the passing check
     */
    public static <B> GradientReport assertGradientsMatch(GradientChecker checker, GradientModel<B> model,
            Map<String, ?> parameters, B batch) {
        return requireChecker(checker).assertMatches(model, parameters, batch);
    }

    /**
     * As {@link #assertGradientsMatch(GradientModel, Map, Object)}, with parameters as a {@link Parameters} object.
     *
     * @param <B> the type of a batch of examples
     * @param checker the checker to check with
     * @param model the model under test
     * @param parameters the parameters
     * @param batch the examples the model is evaluated on
     * @return the report of the passing check
     */
    public static <B> GradientReport assertGradientsMatch(GradientChecker checker, GradientModel<B> model,
            Parameters parameters, B batch) {
        return requireChecker(checker).assertMatches(model, parameters, batch);
    }

    /**
     * Asserts that {@code function}'s Jacobian (and every derivative form it implements) matches finite differences.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @return the report of the passing check
     * @throws DerivativeMismatchError if an entry or a consistency check fails
     */
    public static JacobianReport assertJacobianMatches(VectorFunction function, double[] point) {
        return GradientChecker.defaults().assertJacobianMatches(function, point);
    }

    /**
     * As {@link #assertJacobianMatches(VectorFunction, double[])}, naming the inputs by {@code inputLayout}.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @param inputLayout names the inputs
     * @return the report of the passing check
     */
    public static JacobianReport assertJacobianMatches(VectorFunction function, double[] point, ParameterLayout inputLayout) {
        return GradientChecker.defaults().assertJacobianMatches(function, point, inputLayout);
    }

    /**
     * As {@link #assertJacobianMatches(VectorFunction, double[])}, naming inputs and outputs.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @param inputLayout names the inputs
     * @param outputLayout names the outputs
     * @return the report of the passing check
     */
    public static JacobianReport assertJacobianMatches(VectorFunction function, double[] point, ParameterLayout inputLayout,
            ParameterLayout outputLayout) {
        return GradientChecker.defaults().assertJacobianMatches(function, point, inputLayout, outputLayout);
    }

    /**
     * Asserts that {@code function}'s Hessian matches central differences of its gradient.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @return the report of the passing check
     */
    public static JacobianReport assertHessianMatches(TwiceDifferentiableFunction function, double[] point) {
        return GradientChecker.defaults().assertHessianMatches(function, point);
    }

    /**
     * As {@link #assertHessianMatches(TwiceDifferentiableFunction, double[])}, naming coordinates by {@code layout}.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @param layout names the coordinates
     * @return the report of the passing check
     */
    public static JacobianReport assertHessianMatches(TwiceDifferentiableFunction function, double[] point,
            ParameterLayout layout) {
        return GradientChecker.defaults().assertHessianMatches(function, point, layout);
    }

    /**
     * Asserts that {@code function}'s Hessian-vector products match central differences of its gradient along seeded
     * random directions.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @return the report of the passing check
     */
    public static JacobianReport assertHessianVectorProductsMatch(TwiceDifferentiableFunction function, double[] point) {
        return GradientChecker.defaults().assertHessianProductsMatch(function, point);
    }

    /**
     * Asserts that {@code function}'s Taylor remainder converges with order 2 along seeded random directions of every
     * block ({@link Strategy#taylor()}), and that the blocks that do not have right parameters one by one.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @param layout names the parameters; each block gets its own directions
     * @return the report of the passing check
     */
    public static GradientReport assertTaylorSecondOrder(DifferentiableFunction function, double[] point,
            ParameterLayout layout) {
        return GradientChecker.defaults().withStrategy(Strategy.taylor()).assertMatches(function, point, layout);
    }

    /**
     * As {@link #assertTaylorSecondOrder(DifferentiableFunction, double[], ParameterLayout)} for one block {@code x}.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @return the report of the passing check
     */
    public static GradientReport assertTaylorSecondOrder(DifferentiableFunction function, double[] point) {
        return GradientChecker.defaults().withStrategy(Strategy.taylor()).assertMatches(function, point);
    }

    /**
     * Asserts that {@code handWritten}'s gradient matches the exact gradient of {@code function} (the same function
     * over field elements) to {@value GradientChecker#DEFAULT_EXACT_ULPS} units of rounding.
     *
     * @param function the function written once over field elements
     * @param handWritten the function with the hand-written gradient
     * @param point the point; not modified
     * @return the report of the passing comparison
     */
    public static GradientReport assertGradientExact(FieldFunction function, DifferentiableFunction handWritten,
            double[] point) {
        return GradientChecker.defaults().assertExact(function, handWritten, point);
    }

    /**
     * As {@link #assertGradientExact(FieldFunction, DifferentiableFunction, double[])}, naming parameters by
     * {@code layout}.
     *
     * @param function the function written once over field elements
     * @param handWritten the function with the hand-written gradient
     * @param point the point; not modified
     * @param layout names the parameters
     * @return the report of the passing comparison
     */
    public static GradientReport assertGradientExact(FieldFunction function, DifferentiableFunction handWritten,
            double[] point, ParameterLayout layout) {
        return GradientChecker.defaults().assertExact(function, handWritten, point, layout);
    }

    /**
     * Returns {@code report} if it passed, and otherwise throws a {@link DerivativeMismatchError} carrying it.
     *
     * @param <R> the type of report
     * @param report the check's report
     * @return the report; never null
     * @throws IllegalArgumentException if {@code report} is null
     * @throws DerivativeMismatchError if the report did not pass
     */
    public static <R extends DerivativeReport> R requirePassed(R report) {
        if (report == null) {
            throw new IllegalArgumentException("report must not be null: pass the result of a check");
        }
        if (!report.passed()) {
            throw new DerivativeMismatchError(report);
        }
        return report;
    }

    private static GradientChecker requireChecker(GradientChecker checker) {
        if (checker == null) {
            throw new IllegalArgumentException("checker must not be null: use GradientChecker.defaults()");
        }
        return checker;
    }
}
