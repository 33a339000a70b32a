package org.gradcheck.function;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import org.apache.commons.math3.analysis.ParametricUnivariateFunction;
import org.apiguardian.api.API;
import org.gradcheck.layout.ParameterLayout;

/**
 * A commons-math3 {@link ParametricUnivariateFunction} (the curve-fitting model type of {@code SimpleCurveFitter},
 * {@code GaussianCurveFitter} and the {@code Parametric} classes of {@code analysis.function}) sampled at fixed
 * points {@code x_k}, as a {@link VectorFunction} of its parameters {@code p}: output {@code k} is
 * {@code value(x_k, p)} and row {@code k} of the analytic Jacobian is {@code gradient(x_k, p)}, as a curve fitter
 * uses them.
 *
 * <p>Parameters are named by a layout ({@link ParameterLayout#scalars(String...) scalars("lo", "hi")} when they are
 * given as names) and outputs by their sample point, {@code f(0.25)}, so that a Jacobian check names the entry
 * {@code f(0.25) / hi}. Pass both layouts to the checker:
 * <pre>{@code
 * ParametricCurveFunction logit = ParametricCurveFunction.of(new Logit.Parametric(), new double[] {-0.5, 0, 0.5}, "lo", "hi");
 * JacobianReport report = JacobianChecker.defaults()
 *         .check(logit, new double[] {-1, 2}, logit.parameterLayout(), logit.sampleLayout());
 * }</pre>
 *
 * <p>The parameter array the checker passes is handed to the commons-math3 function as it is, so a function that
 * modifies its parameters is reported by the checker. Instances are immutable; they are as thread-safe as the
 * function they sample.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ParametricCurveFunction implements VectorFunction {

    private final ParametricUnivariateFunction function;
    private final double[] samplePoints;
    private final ParameterLayout parameterLayout;
    private final ParameterLayout sampleLayout;

    private ParametricCurveFunction(ParametricUnivariateFunction function, double[] samplePoints,
            ParameterLayout parameterLayout) {
        this.function = function;
        this.samplePoints = samplePoints;
        this.parameterLayout = parameterLayout;
        String[] names = new String[samplePoints.length];
        for (int k = 0; k < names.length; k++) {
            names[k] = "f(" + samplePoints[k] + ")";
        }
        this.sampleLayout = ParameterLayout.scalars(names);
    }

    /**
     * {@code function} sampled at {@code samplePoints}, its parameters named {@code parameterNames} in the order of
     * its parameter array and gradient.
     *
     * @param function the parametric function under test, such as {@code new Gaussian.Parametric()}
     * @param samplePoints the points {@code x_k} at which the function is evaluated, inside its domain; distinct and
     *     finite; copied
     * @param parameterNames the names of the parameters, one per parameter the function takes, such as
     *     {@code "norm", "mean", "sigma"}
     * @return {@code function} sampled at {@code samplePoints}, its parameters named {@code parameterNames}
     * @throws IllegalArgumentException if {@code function} or {@code samplePoints} is null, {@code samplePoints} is
     *     empty, not finite or has a point twice, or {@code parameterNames} is null, empty, or has a null, blank or
     *     repeated name
     */
    public static ParametricCurveFunction of(ParametricUnivariateFunction function, double[] samplePoints,
            String... parameterNames) {
        requireFunction(function);
        double[] points = checkedSamplePoints(samplePoints);
        if (parameterNames == null || parameterNames.length == 0) {
            throw new IllegalArgumentException("parameterNames must not be " + (parameterNames == null ? "null" : "empty")
                    + ": name every parameter of the function in the order of its gradient, e.g. \"lo\", \"hi\"");
        }
        return new ParametricCurveFunction(function, points, ParameterLayout.scalars(parameterNames));
    }

    /**
     * {@code function} sampled at {@code samplePoints}, its parameter array laid out by {@code parameterLayout} (for
     * example {@code ParameterLayout.vector("c", 4)} for the coefficients of a cubic polynomial).
     *
     * @param function the parametric function under test
     * @param samplePoints the points {@code x_k} at which the function is evaluated, inside its domain; distinct and
     *     finite; copied
     * @param parameterLayout names the parameters; its size is the number of parameters the function takes
     * @return {@code function} sampled at {@code samplePoints}, its parameters named by {@code parameterLayout}
     * @throws IllegalArgumentException if an argument is null, or {@code samplePoints} is empty, not finite or has a
     *     point twice
     */
    public static ParametricCurveFunction of(ParametricUnivariateFunction function, double[] samplePoints,
            ParameterLayout parameterLayout) {
        requireFunction(function);
        double[] points = checkedSamplePoints(samplePoints);
        if (parameterLayout == null) {
            throw new IllegalArgumentException("parameterLayout must not be null: name the parameters, e.g. "
                    + "ParameterLayout.scalars(\"lo\", \"hi\")");
        }
        return new ParametricCurveFunction(function, points, parameterLayout);
    }

    private static void requireFunction(ParametricUnivariateFunction function) {
        if (function == null) {
            throw new IllegalArgumentException("function must not be null: pass the ParametricUnivariateFunction whose "
                    + "gradient is checked, e.g. new Gaussian.Parametric()");
        }
    }

    private static double[] checkedSamplePoints(double[] samplePoints) {
        if (samplePoints == null) {
            throw new IllegalArgumentException("samplePoints must not be null: give the points x at which the function is "
                    + "evaluated, e.g. {0, 0.5, 1}");
        }
        if (samplePoints.length == 0) {
            throw new IllegalArgumentException("samplePoints must not be empty: give at least one point x at which the "
                    + "function is evaluated");
        }
        for (int k = 0; k < samplePoints.length; k++) {
            if (!Double.isFinite(samplePoints[k])) {
                throw new IllegalArgumentException("samplePoints[" + k + "] is " + samplePoints[k]
                        + ": sample points must be finite");
            }
            for (int earlier = 0; earlier < k; earlier++) {
                if (samplePoints[earlier] == samplePoints[k]) {
                    throw new IllegalArgumentException("samplePoints[" + k + "] is " + samplePoints[k] + ", as samplePoints["
                            + earlier + "] is: give distinct sample points");
                }
            }
        }
        return samplePoints.clone();
    }

    /** {@return the layout that names the parameters, the checker's input layout; never null} */
    public ParameterLayout parameterLayout() {
        return parameterLayout;
    }

    /** {@return the layout that names the outputs by their sample point ({@code f(0.25)}), the checker's output layout; never null} */
    public ParameterLayout sampleLayout() {
        return sampleLayout;
    }

    /** {@return the sample points {@code x_k}, in the order of the outputs; a new array} */
    public double[] samplePoints() {
        return samplePoints.clone();
    }

    /**
     * The function's values {@code value(x_k, p)} at the sample points.
     *
     * @param point the parameters {@code p}, one value per parameter of the layout; not modified
     * @return the function's values {@code value(x_k, p)} at the sample points, a new array
     * @throws IllegalArgumentException if {@code point} is null or its length is not the number of parameters
     */
    @Override
    public double[] value(double[] point) {
        requireParameters(point);
        double[] values = new double[samplePoints.length];
        for (int k = 0; k < values.length; k++) {
            values[k] = function.value(samplePoints[k], point);
        }
        return values;
    }

    /**
     * The function's gradients {@code gradient(x_k, p)} with respect to its parameters, one row per sample point.
     *
     * @param point the parameters {@code p}, one value per parameter of the layout; not modified
     * @return the function's gradients {@code gradient(x_k, p)}, one row per sample point
     * @throws IllegalArgumentException if {@code point} is null or its length is not the number of parameters
     */
    @Override
    public double[][] jacobian(double[] point) {
        requireParameters(point);
        double[][] jacobian = new double[samplePoints.length][];
        for (int k = 0; k < jacobian.length; k++) {
            jacobian[k] = function.gradient(samplePoints[k], point);
        }
        return jacobian;
    }

    private void requireParameters(double[] point) {
        if (point == null) {
            throw new IllegalArgumentException("point must not be null: pass one value per parameter " + parameterLayout);
        }
        if (point.length != parameterLayout.size()) {
            throw new IllegalArgumentException("point has length " + point.length + " but the function has "
                    + parameterLayout.size() + " named parameters " + parameterLayout
                    + ": pass one value per parameter, or name every parameter the function takes");
        }
    }

    /** The function's class with its parameters and sample points, for messages. */
    @Override
    public String toString() {
        return "ParametricCurveFunction[" + function.getClass().getName() + ", parameters " + parameterLayout
                + ", sample points " + Arrays.toString(samplePoints) + "]";
    }
}
