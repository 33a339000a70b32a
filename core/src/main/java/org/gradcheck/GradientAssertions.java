package org.gradcheck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.function.GradientModel;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.layout.Parameters;
import org.gradcheck.report.GradientReport;
import org.gradcheck.report.ReportFormatter;

/**
 * Assertions that fail a test when an analytic gradient disagrees with finite differences.
 *
 * <p>A passing call returns the report, for callers that want to look at it:
 * <pre>{@code
 * GradientReport report = assertGradientsMatch(
 *         DifferentiableFunction.of(x -> x[0] * x[0], x -> new double[] {2 * x[0]}),
 *         new double[] {3});
 * }</pre>
 * A failing call throws a {@link GradientMismatchError} whose message is the per-parameter report:
 * <pre>{@code
 * assertGradientsMatch(
 *         DifferentiableFunction.of(x -> x[0] * x[0], x -> new double[] {3 * x[0]}),
 *         new double[] {3});
 * // Gradient check failed: 1 of 1 parameters disagree
 * //   worst x[0]: mismatch 3.000e+00, numerical error 1.456e-09
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class GradientAssertions {

    private GradientAssertions() {
    }

    /**
     * Asserts that {@code function}'s gradient at {@code point} matches finite differences, with the default
     * checker.
     *
     * @param function the function under test
     * @param point the point to check at; not modified
     * @return the report of the passing check
     * @throws GradientMismatchError if a parameter fails
     * @throws IllegalArgumentException if an argument is invalid
     * @throws GradientCheckException if the function makes a check impossible
     */
    public static GradientReport assertGradientsMatch(DifferentiableFunction function, double[] point) {
        return assertGradientsMatch(GradientChecker.defaults(), function, point);
    }

    /**
     * As {@link #assertGradientsMatch(DifferentiableFunction, double[])}, with {@code checker}'s settings.
     *
     * @param checker the checker to check with
     * @param function the function under test
     * @param point the point to check at; not modified
     * @return the check's report, which passed; never null
     */
    public static GradientReport assertGradientsMatch(GradientChecker checker, DifferentiableFunction function, double[] point) {
        return requirePassed(requireChecker(checker).check(function, point));
    }

    /**
     * As {@link #assertGradientsMatch(DifferentiableFunction, double[])}, naming parameters by {@code layout}.
     *
     * @param function the function under test
     * @param point the point to check at; not modified
     * @param layout the layout that names the parameters
     * @return the check's report, which passed; never null
     */
    public static GradientReport assertGradientsMatch(DifferentiableFunction function, double[] point, ParameterLayout layout) {
        return requirePassed(GradientChecker.defaults().check(function, point, layout));
    }

    /**
     * Asserts that {@code model}'s gradients with respect to {@code parameters} on {@code batch} match finite
     * differences, with the default checker.
     *
     * @param <B> the type of a batch of examples
     * @param model the model under test
     * @param parameters the parameter values, by block name
     * @param batch the examples the model is evaluated on
     * @return the check's report; never null
     */
    public static <B> GradientReport assertGradientsMatch(GradientModel<B> model, Map<String, ?> parameters, B batch) {
        return assertGradientsMatch(GradientChecker.defaults(), model, parameters, batch);
    }

    /**
     * As {@link #assertGradientsMatch(GradientModel, Map, Object)}, with {@code checker}'s settings.
     *
     * @param <B> the type of a batch of examples
     * @param checker the checker to check with
     * @param model the model under test
     * @param parameters the parameter values, by block name
     * @param batch the examples the model is evaluated on
     * @return the check's report, which passed; never null
     */
    public static <B> GradientReport assertGradientsMatch(GradientChecker checker, GradientModel<B> model,
            Map<String, ?> parameters, B batch) {
        return requirePassed(requireChecker(checker).check(model, parameters, batch));
    }

    /**
     * As {@link #assertGradientsMatch(GradientModel, Map, Object)}, with parameters as a {@link Parameters} object.
     *
     * @param <B> the type of a batch of examples
     * @param checker the checker to check with
     * @param model the model under test
     * @param parameters the parameter values, by block name
     * @param batch the examples the model is evaluated on
     * @return the check's report, which passed; never null
     */
    public static <B> GradientReport assertGradientsMatch(GradientChecker checker, GradientModel<B> model,
            Parameters parameters, B batch) {
        return requirePassed(requireChecker(checker).check(model, parameters, batch));
    }

    /**
     * Returns {@code report} if it passed, and otherwise throws a {@link GradientMismatchError} carrying it.
     *
     * @param report the check's report
     * @return the check's report; never null
     * @throws IllegalArgumentException if {@code report} is null
     */
    public static GradientReport requirePassed(GradientReport report) {
        if (report == null) {
            throw new IllegalArgumentException("report must not be null");
        }
        if (!report.passed()) {
            throw new GradientMismatchError(report, ReportFormatter.format(report, ReportFormatter.DEFAULT_MAX_ROWS));
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
