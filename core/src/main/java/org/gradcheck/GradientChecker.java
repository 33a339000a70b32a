package org.gradcheck;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.gradcheck.difference.DifferenceScheme;
import org.gradcheck.difference.StepSize;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.function.GradientModel;
import org.gradcheck.function.ModelFunction;
import org.gradcheck.layout.GradientNaming;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.layout.Parameters;
import org.gradcheck.report.GradientReport;

/**
 * Compares an analytic gradient with finite differences, parameter by parameter, and returns a
 * {@link GradientReport}.
 *
 * <p>Checkers are immutable and thread-safe; {@code withXxx} methods return modified copies:
 * <pre>{@code
 * GradientChecker checker = GradientChecker.defaults()
 *         .withStepSize(StepSize.absolute(1e-7))
 *         .withTolerance(Tolerance.of(1e-5, 1e-9));
 * GradientReport report = checker.check(function, point);
 * }</pre>
 *
 * <p>How a check runs: the point is copied once; the function's value and gradient are computed at the
 * copy, and the value once more to make sure the function is deterministic. Then each coordinate in turn
 * is perturbed in place, the function evaluated, and the exact original value restored: nothing is
 * copied or allocated per coordinate. The numerical partial derivative divides by the step actually
 * realised in floating point, {@code (x + h) - x}. Its rounding error is estimated as
 * {@code 8 eps (|f(x+h)| + |f(x-h)|) / ((x+h) - (x-h))} and added to the tolerance, so a function with a
 * large value is not failed for noise it cannot avoid. Finally the copy is compared with the point: a
 * function that modified its input is reported, never silently accepted.
 *
 * @since 0.1
 */
public final class GradientChecker {

    /** Machine epsilon times this factor is the assumed relative rounding error of one function value. */
    static final double ROUNDING_FACTOR = 8;

    private static final double EPSILON = Math.ulp(1.0);

    private static final GradientChecker DEFAULTS = new GradientChecker(DifferenceScheme.CENTRAL, StepSize.automatic(),
            Tolerance.defaults(), GradientNaming.standard(), ProgressListener.NONE);

    private final DifferenceScheme scheme;
    private final StepSize stepSize;
    private final Tolerance tolerance;
    private final GradientNaming naming;
    private final ProgressListener progress;

    private GradientChecker(DifferenceScheme scheme, StepSize stepSize, Tolerance tolerance, GradientNaming naming,
            ProgressListener progress) {
        this.scheme = scheme;
        this.stepSize = stepSize;
        this.tolerance = tolerance;
        this.naming = naming;
        this.progress = progress;
    }

    /**
     * The default checker: central difference, {@linkplain StepSize#automatic() automatic step},
     * {@linkplain Tolerance#defaults() default tolerance}, gradients named {@code dW1} for {@code W1}.
     */
    public static GradientChecker defaults() {
        return DEFAULTS;
    }

    /** A copy using {@code scheme}. */
    public GradientChecker withScheme(DifferenceScheme scheme) {
        return new GradientChecker(require(scheme, "scheme", "DifferenceScheme.CENTRAL"), stepSize, tolerance, naming, progress);
    }

    /** A copy using {@code stepSize}. */
    public GradientChecker withStepSize(StepSize stepSize) {
        return new GradientChecker(scheme, require(stepSize, "stepSize", "StepSize.automatic()"), tolerance, naming, progress);
    }

    /**
     * A copy using a fixed step {@code h} for every coordinate, as the article does ({@code 1e-7}).
     *
     * @throws IllegalArgumentException if {@code h} is not a finite positive number
     */
    public GradientChecker withStep(double h) {
        return withStepSize(StepSize.absolute(h));
    }

    /** A copy using {@code tolerance}. */
    public GradientChecker withTolerance(Tolerance tolerance) {
        return new GradientChecker(scheme, stepSize, require(tolerance, "tolerance", "Tolerance.defaults()"), naming, progress);
    }

    /** A copy that looks up the gradient of each block by {@code naming} (models only). */
    public GradientChecker withGradientNaming(GradientNaming naming) {
        return new GradientChecker(scheme, stepSize, tolerance, require(naming, "naming", "GradientNaming.standard()"), progress);
    }

    /** A copy that reports progress to {@code listener}. */
    public GradientChecker withProgressListener(ProgressListener listener) {
        return new GradientChecker(scheme, stepSize, tolerance, naming, require(listener, "listener", "ProgressListener.NONE"));
    }

    private static <T> T require(T value, String name, String example) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null: use for example " + example);
        }
        return value;
    }

    /** The finite-difference scheme. */
    public DifferenceScheme scheme() {
        return scheme;
    }

    /** The step-size policy. */
    public StepSize stepSize() {
        return stepSize;
    }

    /** The tolerance. */
    public Tolerance tolerance() {
        return tolerance;
    }

    /** The rule that names gradients of model parameters. */
    public GradientNaming gradientNaming() {
        return naming;
    }

    /**
     * Checks {@code function}'s gradient at {@code point}; coordinates are named {@code x[0]}, {@code x[1]}, ...
     *
     * @param point the point; not modified
     * @throws IllegalArgumentException if an argument is null, or the point is empty or not finite
     * @throws GradientCheckException if the function throws, returns a non-finite value or a gradient of the
     *     wrong length, modifies the point, or is not deterministic
     */
    public GradientReport check(DifferentiableFunction function, double[] point) {
        if (point == null) {
            throw new IllegalArgumentException("point must not be null: pass the parameter vector at which to check the gradient");
        }
        if (point.length == 0) {
            throw new IllegalArgumentException("point must not be empty: a gradient check needs at least one parameter");
        }
        return check(function, point, ParameterLayout.vector("x", point.length));
    }

    /**
     * Checks {@code function}'s gradient at {@code point}, naming coordinates by {@code layout}.
     *
     * @param point the point; not modified
     * @throws IllegalArgumentException if an argument is null, the point's length is not the layout's size,
     *     or the point is not finite
     * @throws GradientCheckException as {@link #check(DifferentiableFunction, double[])}
     */
    public GradientReport check(DifferentiableFunction function, double[] point, ParameterLayout layout) {
        if (function == null) {
            throw new IllegalArgumentException("function must not be null: pass the function whose gradient is checked");
        }
        if (layout == null) {
            throw new IllegalArgumentException("layout must not be null: use ParameterLayout.vector(\"x\", n) for a plain vector");
        }
        if (point == null) {
            throw new IllegalArgumentException("point must not be null: pass the parameter vector at which to check the gradient");
        }
        if (point.length != layout.size()) {
            throw new IllegalArgumentException("point has length " + point.length + " but the layout " + layout + " has "
                    + layout.size() + " parameters");
        }
        for (int i = 0; i < point.length; i++) {
            if (!Double.isFinite(point[i])) {
                throw new IllegalArgumentException("point is not finite at " + layout.nameOf(i) + " (index " + i + "): "
                        + point[i] + "; check the parameters' initialisation");
            }
        }
        return new Run(function, point, layout).execute();
    }

    /**
     * Checks a model's gradients with respect to its parameters on {@code batch}.
     *
     * @param parameters the parameter dictionary ({@code double[]} and {@code double[][]} values, in the order
     *     of an ordered map); not modified
     * @throws IllegalArgumentException if an argument is null or the dictionary is malformed or not finite
     * @throws GradientCheckException as {@link #check(DifferentiableFunction, double[])}, or when a gradient is
     *     missing or mis-shaped
     */
    public <B> GradientReport check(GradientModel<B> model, Map<String, ?> parameters, B batch) {
        return check(model, Parameters.copyOf(parameters), batch);
    }

    /**
     * Checks a model's gradients with respect to {@code parameters} on {@code batch}.
     *
     * @param parameters the parameters; not modified
     * @throws IllegalArgumentException as {@link #check(GradientModel, Map, Object)}
     * @throws GradientCheckException as {@link #check(GradientModel, Map, Object)}
     */
    public <B> GradientReport check(GradientModel<B> model, Parameters parameters, B batch) {
        if (parameters == null) {
            throw new IllegalArgumentException("parameters must not be null: pass the model's parameters");
        }
        ModelFunction<B> function = ModelFunction.of(model, parameters.layout(), batch, naming);
        return check(function, parameters.values(), parameters.layout());
    }

    /**
     * Checks and asserts: returns the report if every parameter passed.
     *
     * @throws GradientMismatchError if a parameter fails; its message is the report
     */
    public GradientReport assertMatches(DifferentiableFunction function, double[] point) {
        return GradientAssertions.requirePassed(check(function, point));
    }

    /**
     * Checks a model and asserts: returns the report if every parameter passed.
     *
     * @throws GradientMismatchError if a parameter fails; its message is the report
     */
    public <B> GradientReport assertMatches(GradientModel<B> model, Map<String, ?> parameters, B batch) {
        return GradientAssertions.requirePassed(check(model, parameters, batch));
    }

    /**
     * Checks a model and asserts: returns the report if every parameter passed.
     *
     * @throws GradientMismatchError if a parameter fails; its message is the report
     */
    public <B> GradientReport assertMatches(GradientModel<B> model, Parameters parameters, B batch) {
        return GradientAssertions.requirePassed(check(model, parameters, batch));
    }

    @Override
    public String toString() {
        return "GradientChecker[" + scheme + ", step " + stepSize.describe(scheme) + ", " + tolerance + "]";
    }

    /** One check: the state of a single run of the algorithm described in the class comment. */
    private final class Run {

        private final DifferentiableFunction function;
        private final double[] original;
        private final double[] point;
        private final ParameterLayout layout;
        private long evaluations;

        Run(DifferentiableFunction function, double[] original, ParameterLayout layout) {
            this.function = function;
            this.original = original;
            this.point = original.clone();
            this.layout = layout;
        }

        GradientReport execute() {
            long start = System.nanoTime();
            double value = valueAtPoint("f(x)");
            double[] analytic = analyticGradient();
            double again = valueAtPoint("f(x) a second time");
            if (Double.doubleToLongBits(again) != Double.doubleToLongBits(value)
                    && Math.abs(again - value) > ROUNDING_FACTOR * EPSILON * Math.abs(value)) {
                throw new GradientCheckException("the function is not deterministic: f(x) was " + value + " and then "
                        + again + " at the same point. A gradient check needs the same value for the same point: switch off "
                        + "dropout and other random behaviour, seed random generators inside the function, and do not carry "
                        + "state from one call to the next.");
            }
            double[] numerical = new double[point.length];
            double[] noise = new double[point.length];
            differentiate(value, numerical, noise);
            if (!Arrays.equals(point, original)) {
                int index = firstDifference(point, original);
                throw new GradientCheckException("the function modified the point it was given: " + layout.nameOf(index)
                        + " (index " + index + ") was " + original[index] + " and became " + point[index]
                        + ". Functions must treat their input as read-only; copy it before changing it.");
            }
            GradientReport report = new GradientReport(layout, analytic, numerical, noise, tolerance, scheme,
                    stepSize.describe(scheme), value, evaluations, Duration.ofNanos(System.nanoTime() - start));
            progress.finished(report);
            return report;
        }

        private double valueAtPoint(String what) {
            double value;
            try {
                value = function.value(point);
            } catch (RuntimeException e) {
                throw new GradientCheckException("the function threw " + e + " while computing " + what
                        + " at the point being checked", e);
            }
            evaluations++;
            if (!Double.isFinite(value)) {
                throw new GradientCheckException("the function's value " + what + " is " + value
                        + " at the point being checked: a gradient check needs a finite value; check the inputs and parameters");
            }
            requireUnmodified(what);
            return value;
        }

        private double[] analyticGradient() {
            double[] gradient;
            try {
                gradient = function.gradient(point);
            } catch (GradientCheckException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new GradientCheckException("the analytic gradient could not be read: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new GradientCheckException("the function threw " + e + " while computing the analytic gradient", e);
            }
            if (gradient == null) {
                throw new GradientCheckException("the analytic gradient is null: gradient(point) must return an array of length "
                        + point.length);
            }
            if (gradient.length != point.length) {
                throw new GradientCheckException("the analytic gradient has length " + gradient.length + " but the point has "
                        + point.length + " parameters: return one partial derivative per parameter");
            }
            for (int i = 0; i < gradient.length; i++) {
                if (!Double.isFinite(gradient[i])) {
                    throw new GradientCheckException("the analytic gradient is " + gradient[i] + " at " + layout.nameOf(i)
                            + " (index " + i + "): a gradient check needs finite values; look for a division by zero or an overflow");
                }
            }
            requireUnmodified("the analytic gradient");
            return gradient.clone();
        }

        private void requireUnmodified(String what) {
            if (!Arrays.equals(point, original)) {
                int index = firstDifference(point, original);
                throw new GradientCheckException("the function modified the point it was given while computing " + what + ": "
                        + layout.nameOf(index) + " (index " + index + ") was " + original[index] + " and became " + point[index]
                        + ". Functions must treat their input as read-only; copy it before changing it.");
            }
        }

        /** The flat per-coordinate loop: perturb in place, evaluate, restore the exact value. */
        private void differentiate(double value, double[] numerical, double[] noise) {
            int n = point.length;
            int reportEvery = Math.max(1, n / 100);
            double[] x = point;
            int index = 0;
            double perturbed = 0;
            double roundoff = ROUNDING_FACTOR * EPSILON;
            try {
                for (index = 0; index < n; index++) {
                    double xi = x[index];
                    double h = stepSize.stepFor(xi, scheme);
                    double plus = value;
                    double minus = value;
                    double upper = xi;
                    double lower = xi;
                    if (scheme != DifferenceScheme.BACKWARD) {
                        upper = xi + h;
                        perturbed = upper;
                        x[index] = upper;
                        plus = function.value(x);
                        evaluations++;
                        checkFinite(plus, index, upper, xi);
                    }
                    if (scheme != DifferenceScheme.FORWARD) {
                        lower = xi - h;
                        perturbed = lower;
                        x[index] = lower;
                        minus = function.value(x);
                        evaluations++;
                        checkFinite(minus, index, lower, xi);
                    }
                    x[index] = xi;
                    double realised = upper - lower;
                    if (realised == 0) {
                        throw new GradientCheckException("the step " + h + " vanishes next to " + layout.nameOf(index) + " = " + xi
                                + ": x + h == x in double precision. Use a larger or relative step (StepSize.automatic()).");
                    }
                    numerical[index] = (plus - minus) / realised;
                    noise[index] = roundoff * (Math.abs(plus) + Math.abs(minus)) / realised;
                    if (index % reportEvery == 0) {
                        progress.progress(index, n);
                    }
                }
            } catch (GradientCheckException e) {
                x[index] = original[index];
                throw e;
            } catch (RuntimeException e) {
                throw new GradientCheckException("the function threw " + e + " while evaluating the numerical derivative of "
                        + layout.nameOf(index) + " (index " + index + ") at " + layout.nameOf(index) + " = " + perturbed
                        + " (perturbed from " + original[index] + ")", e);
            }
            progress.progress(n, n);
        }

        private void checkFinite(double value, int index, double perturbed, double original) {
            if (!Double.isFinite(value)) {
                throw new GradientCheckException("the function's value is " + value + " when " + layout.nameOf(index)
                        + " (index " + index + ") is perturbed to " + perturbed + " (from " + original
                        + "): a gradient check needs finite values near the point; use a smaller step or check the function's domain");
            }
        }
    }

    private static int firstDifference(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Double.doubleToLongBits(a[i]) != Double.doubleToLongBits(b[i])) {
                return i;
            }
        }
        return -1;
    }
}
