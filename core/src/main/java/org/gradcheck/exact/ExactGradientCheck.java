package org.gradcheck.exact;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.gradcheck.function.FieldFunction;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Function;
import org.apache.commons.math3.analysis.differentiation.SparseGradient;
import org.apiguardian.api.API;
import org.gradcheck.GradientCheckException;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.layout.ParameterLayout;

/**
 * Compares a hand-written gradient with the exact gradient of the same function written once over
 * {@link org.apache.commons.math3.RealFieldElement} ({@link FieldFunction}), computed by forward-mode automatic
 * differentiation: no step, no truncation error, no cancellation in a difference quotient.
 *
 * <p>The exact gradient comes from one evaluation with commons-math3's {@link SparseGradient}, one variable per
 * coordinate; each intermediate value carries only the partial derivatives that are not zero, so memory grows
 * with the number of coordinates an intermediate actually depends on rather than with {@code n} per value (a
 * {@code DerivativeStructure} with {@code n} variables would hold {@code n + 1} numbers in every intermediate).
 * The cost is that of the sparse maps: a value that depends on {@code k} coordinates costs {@code O(k)} per
 * operation, so a sum over all {@code n} coordinates accumulated term by term costs {@code O(n^2)}; that suits
 * functions and layers of up to a few thousand parameters, and a large model is better checked on a small
 * instance of the same code.
 * Both gradients are then computed to rounding, so they must agree to a few units in the last place: a partial
 * derivative passes when {@code |g - e| <= ulps * eps * (max(|g|, |e|) + max_j |e_j|)} with {@code eps = 2^-52}
 * and {@link #withUlps(int) ulps} 16 by default. The {@code max_j |e_j|} term allows for the rounding of a partial
 * derivative that is a small difference of large terms; it is {@code 3.6e-15} of the largest partial derivative
 * by default, about a billion times below what a finite-difference check can resolve. Measured on a logistic
 * loss and on a two-layer network ({@code ExactGradientCheckTests}), a correct hand-written gradient agrees to a
 * relative {@code 1e-15} or better.
 *
 * <pre>{@code
 * ExactGradientReport report = ExactGradientCheck.defaults().check(fieldFunction, handWritten, point);
 * }</pre>
 *
 * <p>Checks are immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ExactGradientCheck {

    /** The allowance in units of machine epsilon unless {@link #withUlps(int)} sets another. */
    public static final int DEFAULT_ULPS = 16;

    private static final double EPSILON = Math.ulp(1.0);

    private static final ExactGradientCheck DEFAULTS = new ExactGradientCheck(DEFAULT_ULPS);

    private final int ulps;

    private ExactGradientCheck(int ulps) {
        this.ulps = ulps;
    }

    /**
     * The default check: an allowance of {@value #DEFAULT_ULPS} units of machine epsilon.
     *
     * @return the default check: an allowance of {@value #DEFAULT_ULPS} units of machine epsilon
     */
    public static ExactGradientCheck defaults() {
        return DEFAULTS;
    }

    /**
     * A copy allowing {@code ulps} units of machine epsilon, relative to the magnitudes (see the class comment).
     *
     * @param ulps the allowance in units of machine epsilon, 1 or more
     * @return a copy allowing {@code ulps} units of machine epsilon, relative to the magnitudes (see the class
     *     comment)
     * @throws IllegalArgumentException if {@code ulps < 1}
     */
    public ExactGradientCheck withUlps(int ulps) {
        if (ulps < 1) {
            throw new IllegalArgumentException("ulps must be >= 1 but was " + ulps
                    + ": use for example 16, or more for gradients with heavy cancellation");
        }
        return new ExactGradientCheck(ulps);
    }

    /**
     * The allowance in units of machine epsilon.
     *
     * @return the allowance in units of machine epsilon
     */
    public int ulps() {
        return ulps;
    }

    /**
     * The exact gradient of {@code function} at {@code point} by forward-mode automatic differentiation.
     *
     * @param point the point; not modified
     * @param function the function written over {@code RealFieldElement}
     * @return the exact gradient of {@code function} at {@code point} by forward-mode automatic differentiation
     * @throws IllegalArgumentException if an argument is null or the point is empty or not finite
     * @throws GradientCheckException if the function throws or its value or gradient is not finite
     */
    public static double[] exactGradient(FieldFunction function, double[] point) {
        requireArguments(function, point, ParameterLayout.vector("x", requirePoint(point).length));
        return evaluate(function, point, ParameterLayout.vector("x", point.length)).gradient;
    }

    /**
     * Compares the gradient of {@code handWritten} with the exact gradient of {@code function} at {@code point};
     * the hand-written value must equal the field function's value, so that both describe the same function.
     *
     * @param point the point; not modified
     * @param function the function written over {@code RealFieldElement}
     * @param handWritten the function with the hand-written gradient
     * @return the report, never null
     * @throws IllegalArgumentException if an argument is null or the point is empty or not finite
     * @throws GradientCheckException if a function throws, returns non-finite values or a gradient of the wrong
     *     length, or the two values differ
     */
    public ExactGradientReport check(FieldFunction function, DifferentiableFunction handWritten, double[] point) {
        return check(function, handWritten, point, ParameterLayout.vector("x", requirePoint(point).length));
    }

    /**
     * As {@link #check(FieldFunction, DifferentiableFunction, double[])}, naming parameters by {@code layout}.
     *
     * @param function the function written over {@code RealFieldElement}
     * @param handWritten the function with the hand-written gradient
     * @param point the point; not modified
     * @param layout names the coordinates ({@code W1[0,1]})
     * @return the report, never null
     */
    public ExactGradientReport check(FieldFunction function, DifferentiableFunction handWritten, double[] point,
            ParameterLayout layout) {
        if (handWritten == null) {
            throw new IllegalArgumentException("handWritten must not be null: pass the function with the gradient to check");
        }
        requireArguments(function, point, layout);
        double value;
        try {
            value = handWritten.value(point.clone());
        } catch (RuntimeException e) {
            throw new GradientCheckException("the hand-written function threw " + e + " while computing f(x)", e);
        }
        Exact exact = evaluate(function, point, layout);
        if (Math.abs(value - exact.value) > ulps * EPSILON * Math.max(Math.abs(value), Math.abs(exact.value))) {
            throw new GradientCheckException("the hand-written function's value " + value + " differs from the field "
                    + "function's value " + exact.value + " at the point: they do not compute the same function, so their "
                    + "gradients cannot be compared. Check that both implement the same formula.");
        }
        return compare(handWritten::gradient, point, layout, exact);
    }

    /**
     * Compares a hand-written {@code gradient} with the exact gradient of {@code function} at {@code point}.
     *
     * @param point the point; not modified
     * @param function the function written over {@code RealFieldElement}
     * @param gradient the analytic gradient, {@code x -> g(x)}
     * @return the report, never null
     * @throws IllegalArgumentException if an argument is null or the point is empty or not finite
     * @throws GradientCheckException if a function throws or returns non-finite values or a gradient of the wrong length
     */
    public ExactGradientReport check(FieldFunction function, Function<double[], double[]> gradient, double[] point) {
        ParameterLayout layout = ParameterLayout.vector("x", requirePoint(point).length);
        if (gradient == null) {
            throw new IllegalArgumentException("gradient must not be null: pass the hand-written gradient to check");
        }
        requireArguments(function, point, layout);
        return compare(gradient, point, layout, evaluate(function, point, layout));
    }

    /**
     * Checks and asserts: returns the report if every partial derivative agrees with the exact one.
     *
     * @param function the function written over {@code RealFieldElement}
     * @param handWritten the function with the hand-written gradient
     * @param point the point; not modified
     * @return the report of the passing check
     * @throws ExactGradientMismatchError if one differs; its message is the report
     */
    public ExactGradientReport assertMatches(FieldFunction function, DifferentiableFunction handWritten, double[] point) {
        return requirePassed(check(function, handWritten, point));
    }

    /**
     * As {@link #assertMatches(FieldFunction, DifferentiableFunction, double[])}, naming parameters by {@code layout}.
     *
     * @param function the function written over {@code RealFieldElement}
     * @param handWritten the function with the hand-written gradient
     * @param point the point; not modified
     * @param layout names the coordinates ({@code W1[0,1]})
     * @return the report of the passing check
     */
    public ExactGradientReport assertMatches(FieldFunction function, DifferentiableFunction handWritten, double[] point,
            ParameterLayout layout) {
        return requirePassed(check(function, handWritten, point, layout));
    }

    private static ExactGradientReport requirePassed(ExactGradientReport report) {
        if (!report.passed()) {
            throw new ExactGradientMismatchError(report);
        }
        return report;
    }

    private ExactGradientReport compare(Function<double[], double[]> gradient, double[] point, ParameterLayout layout,
            Exact exact) {
        long start = System.nanoTime();
        double[] copy = point.clone();
        double[] handWritten;
        try {
            handWritten = gradient.apply(copy);
        } catch (RuntimeException e) {
            throw new GradientCheckException("the hand-written gradient threw " + e, e);
        }
        if (handWritten == null || handWritten.length != point.length) {
            throw new GradientCheckException("the hand-written gradient has " + (handWritten == null ? "no values"
                    : "length " + handWritten.length) + " but the point has " + point.length
                    + " parameters: return one partial derivative per parameter");
        }
        if (!Arrays.equals(copy, point)) {
            int index = Arrays.mismatch(copy, point);
            throw new GradientCheckException("the hand-written gradient modified the point: " + layout.nameOf(index)
                    + " was " + point[index] + " and became " + copy[index] + ". Functions must treat their input as read-only.");
        }
        double largest = 0;
        for (double e : exact.gradient) {
            largest = Math.max(largest, Math.abs(e));
        }
        double[] allowed = new double[point.length];
        for (int i = 0; i < point.length; i++) {
            if (!Double.isFinite(handWritten[i])) {
                throw new GradientCheckException("the hand-written gradient is " + handWritten[i] + " at " + layout.nameOf(i)
                        + ": a gradient check needs finite values");
            }
            allowed[i] = ulps * EPSILON * (Math.max(Math.abs(handWritten[i]), Math.abs(exact.gradient[i])) + largest);
        }
        return new ExactGradientReport(layout, handWritten.clone(), exact.gradient, allowed, exact.value, ulps,
                Duration.ofNanos(System.nanoTime() - start).plus(exact.elapsed));
    }

    /** The value and gradient from one evaluation with sparse forward-mode derivatives. */
    private static final class Exact {
        final double value;
        final double[] gradient;
        final Duration elapsed;

        Exact(double value, double[] gradient, Duration elapsed) {
            this.value = value;
            this.gradient = gradient;
            this.elapsed = elapsed;
        }
    }

    private static Exact evaluate(FieldFunction function, double[] point, ParameterLayout layout) {
        long start = System.nanoTime();
        int n = point.length;
        SparseGradient[] variables = new SparseGradient[n];
        for (int i = 0; i < n; i++) {
            variables[i] = SparseGradient.createVariable(i, point[i]);
        }
        SparseGradient result;
        try {
            result = function.value(variables);
        } catch (RuntimeException e) {
            throw new GradientCheckException("the field function threw " + e + " while computing the exact gradient", e);
        }
        if (result == null) {
            throw new GradientCheckException("the field function returned null: return the value computed from the point");
        }
        if (!Double.isFinite(result.getValue())) {
            throw new GradientCheckException("the field function's value is " + result.getValue()
                    + " at the point: an exact gradient check needs a finite value");
        }
        double[] gradient = new double[n];
        for (int i = 0; i < n; i++) {
            gradient[i] = result.getDerivative(i);
            if (!Double.isFinite(gradient[i])) {
                throw new GradientCheckException("the exact gradient is " + gradient[i] + " at " + layout.nameOf(i)
                        + ": the function is not differentiable there (or overflows)");
            }
        }
        return new Exact(result.getValue(), gradient, Duration.ofNanos(System.nanoTime() - start));
    }

    private static double[] requirePoint(double[] point) {
        if (point == null) {
            throw new IllegalArgumentException("point must not be null: pass the point at which to compare the gradients");
        }
        if (point.length == 0) {
            throw new IllegalArgumentException("point must not be empty: a gradient check needs at least one parameter");
        }
        return point;
    }

    private static void requireArguments(FieldFunction function, double[] point, ParameterLayout layout) {
        if (function == null) {
            throw new IllegalArgumentException("function must not be null: pass the function written over RealFieldElement");
        }
        if (layout == null) {
            throw new IllegalArgumentException("layout must not be null: use ParameterLayout.vector(\"x\", n) for a plain vector");
        }
        requirePoint(point);
        if (point.length != layout.size()) {
            throw new IllegalArgumentException("point has length " + point.length + " but the layout has " + layout.size()
                    + " parameters: give a layout of the point");
        }
        for (int i = 0; i < point.length; i++) {
            if (!Double.isFinite(point[i])) {
                throw new IllegalArgumentException("point is not finite at " + layout.nameOf(i) + " (index " + i + "): "
                        + point[i] + "; check the parameters' initialisation");
            }
        }
    }

    @Override
    public String toString() {
        return "ExactGradientCheck[" + ulps + " ulps]";
    }
}
