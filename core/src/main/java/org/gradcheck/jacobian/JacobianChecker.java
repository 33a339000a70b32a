package org.gradcheck.jacobian;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.gradcheck.function.VectorFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.gradcheck.GradientCheckException;
import org.gradcheck.GradientChecker;
import org.gradcheck.Precision;
import org.gradcheck.Tolerance;
import org.gradcheck.DifferenceScheme;
import org.gradcheck.difference.FunctionNoise;
import org.gradcheck.difference.RiddersDifferentiator;
import org.gradcheck.StepSize;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.NumberFormatter;

/**
 * Checks the derivative of a {@link VectorFunction} against finite differences, entry by entry, and checks
 * its derivative forms against each other with seeded random vectors.
 *
 * <p>How a check runs: the point is copied once and the function's value computed twice (it must be
 * deterministic). The analytic Jacobian is taken from {@link VectorFunction#jacobian(double[])} if the
 * function implements it, otherwise assembled row by row from {@code m} vector-Jacobian products with unit
 * vectors (as a backward pass would be called), otherwise column by column from {@code n} Jacobian-vector
 * products. The numerical Jacobian perturbs one input at a time in place, evaluates the function, and
 * restores the exact original value; each column divides by the step realised in floating point, and each
 * entry's rounding error is estimated as {@code 8 eps (|y+_i| + |y-_i|) / realised step} and added to the
 * tolerance. An entry that disagrees on this first estimate is re-estimated with Ridders' method
 * ({@link RiddersDifferentiator}) from a step {@value #RIDDERS_START} times larger, and judged with Ridders' own
 * error estimate plus rounding, times the safety factor {@link GradientChecker#SAFETY_FACTOR}: the decision rule
 * of {@link GradientChecker} for gradients, so a right derivative is not failed for the truncation error of one
 * step. Borderline entries are refined first; after {@value #REFINEMENT_SAMPLE} refinements that all still
 * fail, the rest are judged on their first estimate (a wrong derivative fails either way).
 *
 * <p>The rounding noise of the outputs is {@linkplain #withPrecision(Precision) measured} first, as the gradient
 * checker does ({@link FunctionNoise} on a random signed sum of the outputs, eight evaluations), so that a layer
 * computed in {@code float} gets a step and error bounds fit for its precision instead of failing for noise.
 * With relative noise {@code eta} ({@code 2^-52} in double precision) the automatic step is
 * {@code cbrt(eta) max(|x|, 1)} and the first estimate's rounding error {@code 8 eta (|y+_i| + |y-_i|) / step}.
 *
 * <p>Then, for each of {@link #withProductTrials(int) a few} trials, random Gaussian vectors {@code u} and
 * {@code v} are drawn from {@link #withSeed(long) the seed} and {@code <u, J v>} is computed with every
 * implemented form: the adjoint identity {@code <u, J v> = <J^T u, v>} between the forward and the backward
 * implementation, and each product against the full Jacobian. These identities hold exactly in exact
 * arithmetic, so the allowed error is tiny ({@link #withProductTolerance(double) 1e-10} times
 * {@code sum |u_i| |J_ij| |v_j|}); any mistake in one form shows, even one that finite differences would
 * let pass.
 *
 * <pre>{@code
 * JacobianReport report = JacobianChecker.defaults().check(layer, input, ParameterLayout.vector("x", 4));
 * }</pre>
 *
 * <p>Checkers are immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class JacobianChecker {

    /** The seed of the random vectors unless {@link #withSeed(long)} sets another. */
    public static final long DEFAULT_SEED = 20261127L;

    /** The number of consistency trials unless {@link #withProductTrials(int)} sets another. */
    public static final int DEFAULT_PRODUCT_TRIALS = 3;

    /** The relative tolerance of consistency checks unless {@link #withProductTolerance(double)} sets another. */
    public static final double DEFAULT_PRODUCT_TOLERANCE = 1e-10;

    /** Ridders' ladder starts this many times above the first estimate's step. */
    public static final double RIDDERS_START = 8;

    /** After this many refined entries that all still fail, the rest keep their first estimate. */
    public static final int REFINEMENT_SAMPLE = 20;

    private static final double EPSILON = Math.ulp(1.0);

    private static final double ROUNDING_FACTOR = 8;

    private static final JacobianChecker DEFAULTS = new JacobianChecker(DifferenceScheme.CENTRAL, StepSize.automatic(),
            Tolerance.defaults(), DEFAULT_SEED, DEFAULT_PRODUCT_TRIALS, DEFAULT_PRODUCT_TOLERANCE, "Jacobian",
            Precision.AUTOMATIC);

    /** Measured relative noise above this is taken as this: a function that noisy cannot be differentiated numerically. */
    private static final double LARGEST_RELATIVE_NOISE = 1e-4;

    /** Measured relative noise above this means the function is not computed in double precision. */
    private static final double DOUBLE_NOISE_LIMIT = 1e-13;

    private final DifferenceScheme scheme;
    private final StepSize stepSize;
    private final Tolerance tolerance;
    private final long seed;
    private final int trials;
    private final double productTolerance;
    private final String title;
    private final Precision precision;

    private JacobianChecker(DifferenceScheme scheme, StepSize stepSize, Tolerance tolerance, long seed, int trials,
            double productTolerance, String title, Precision precision) {
        this.scheme = scheme;
        this.stepSize = stepSize;
        this.tolerance = tolerance;
        this.seed = seed;
        this.trials = trials;
        this.productTolerance = productTolerance;
        this.title = title;
        this.precision = precision;
    }

    /**
     * The default checker: central difference, automatic step, measured precision, default tolerance,
     * {@value #DEFAULT_PRODUCT_TRIALS} consistency trials with seed {@value #DEFAULT_SEED} and relative tolerance 1e-10.
     *
     * @return the default checker: central difference, automatic step, measured precision, default tolerance,
     *     {@value #DEFAULT_PRODUCT_TRIALS} consistency trials with seed {@value #DEFAULT_SEED} and relative tolerance
     *     1e-10
     */
    public static JacobianChecker defaults() {
        return DEFAULTS;
    }

    /**
     * A copy using {@code scheme}.
     *
     * @param scheme the finite-difference scheme
     * @return a copy using {@code scheme}
     */
    public JacobianChecker withScheme(DifferenceScheme scheme) {
        return new JacobianChecker(require(scheme, "scheme", "DifferenceScheme.CENTRAL"), stepSize, tolerance, seed, trials,
                productTolerance, title, precision);
    }

    /**
     * A copy using {@code stepSize}.
     *
     * @param stepSize the step-size policy
     * @return a copy using {@code stepSize}
     */
    public JacobianChecker withStepSize(StepSize stepSize) {
        return new JacobianChecker(scheme, require(stepSize, "stepSize", "StepSize.automatic()"), tolerance, seed, trials,
                productTolerance, title, precision);
    }

    /**
     * A copy using {@code tolerance} for the entries.
     *
     * @param tolerance the tolerance of the entries
     * @return a copy using {@code tolerance} for the entries
     */
    public JacobianChecker withTolerance(Tolerance tolerance) {
        return new JacobianChecker(scheme, stepSize, require(tolerance, "tolerance", "Tolerance.defaults()"), seed, trials,
                productTolerance, title, precision);
    }

    /**
     * A copy drawing the random vectors of the consistency checks from {@code seed}.
     *
     * @param seed the seed
     * @return a copy drawing the random vectors of the consistency checks from {@code seed}
     */
    public JacobianChecker withSeed(long seed) {
        return new JacobianChecker(scheme, stepSize, tolerance, seed, trials, productTolerance, title, precision);
    }

    /**
     * A copy making {@code trials} consistency trials (0 switches the consistency checks off).
     *
     * @param trials the number of trials, 0 or more
     * @return a copy making {@code trials} consistency trials (0 switches the consistency checks off)
     * @throws IllegalArgumentException if {@code trials} is negative
     */
    public JacobianChecker withProductTrials(int trials) {
        if (trials < 0) {
            throw new IllegalArgumentException("product trials must be >= 0 but was " + trials
                    + ": use 0 to switch the consistency checks off, or for example 3");
        }
        return new JacobianChecker(scheme, stepSize, tolerance, seed, trials, productTolerance, title, precision);
    }

    /**
     * A copy allowing consistency checks an error of {@code relative * sum |u_i| |J_ij| |v_j|}.
     *
     * @param relative the relative tolerance
     * @return a copy allowing consistency checks an error of {@code relative * sum |u_i| |J_ij| |v_j|}
     * @throws IllegalArgumentException if {@code relative} is negative, NaN or infinite
     */
    public JacobianChecker withProductTolerance(double relative) {
        if (!(relative >= 0) || Double.isInfinite(relative)) {
            throw new IllegalArgumentException("product tolerance must be a finite number >= 0 but was " + relative
                    + ": use for example 1e-10 (products in single precision need about 1e-5)");
        }
        return new JacobianChecker(scheme, stepSize, tolerance, seed, trials, relative, title, precision);
    }

    /**
     * A copy whose reports name what they check {@code title} ({@code "Hessian"}) in their headline.
     *
     * @param title what the reports call the checked derivative
     * @return a copy whose reports name what they check {@code title} ({@code "Hessian"}) in their headline
     * @throws IllegalArgumentException if {@code title} is null or blank
     */
    public JacobianChecker withTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title must not be blank: use for example \"Jacobian\"");
        }
        return new JacobianChecker(scheme, stepSize, tolerance, seed, trials, productTolerance, title, precision);
    }

    /**
     * A copy that assumes {@code precision} instead of measuring the outputs' noise ({@link Precision#AUTOMATIC},
     * the default, measures it).
     *
     * @param precision the precision assumed
     * @return a copy that assumes {@code precision} instead of measuring the outputs' noise ({@link
     *     Precision#AUTOMATIC}, the default, measures it)
     */
    public JacobianChecker withPrecision(Precision precision) {
        return new JacobianChecker(scheme, stepSize, tolerance, seed, trials, productTolerance, title,
                require(precision, "precision", "Precision.AUTOMATIC"));
    }

    private static <T> T require(T value, String name, String example) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null: use for example " + example);
        }
        return value;
    }

    /**
     * The finite-difference scheme.
     *
     * @return the finite-difference scheme
     */
    public DifferenceScheme scheme() {
        return scheme;
    }

    /**
     * The step-size policy.
     *
     * @return the step-size policy
     */
    public StepSize stepSize() {
        return stepSize;
    }

    /**
     * The tolerance of the entries.
     *
     * @return the tolerance of the entries
     */
    public Tolerance tolerance() {
        return tolerance;
    }

    /**
     * The seed of the consistency checks' random vectors.
     *
     * @return the seed of the consistency checks' random vectors
     */
    public long seed() {
        return seed;
    }

    /**
     * The precision assumed, or {@link Precision#AUTOMATIC} for measured.
     *
     * @return the precision assumed, or {@link Precision#AUTOMATIC} for measured
     */
    public Precision precision() {
        return precision;
    }

    /**
     * The number of consistency trials.
     *
     * @return the number of consistency trials
     */
    public int productTrials() {
        return trials;
    }

    /**
     * The relative tolerance of the consistency checks.
     *
     * @return the relative tolerance of the consistency checks
     */
    public double productTolerance() {
        return productTolerance;
    }

    /**
     * Checks {@code function} at {@code point}; inputs are named {@code x[j]} and outputs {@code y[i]}.
     *
     * @param point the point; not modified
     * @param function the function under test
     * @return the report, never null
     * @throws IllegalArgumentException if an argument is null, or the point is empty or not finite
     * @throws GradientCheckException if the function throws, returns arrays of inconsistent shape or non-finite
     *     values, modifies its arguments, is not deterministic, or implements no derivative
     */
    public JacobianReport check(VectorFunction function, double[] point) {
        requirePoint(point);
        return check(function, point, ParameterLayout.vector("x", point.length), null);
    }

    /**
     * As {@link #check(VectorFunction, double[])}, naming inputs by {@code inputLayout}.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @param inputLayout names the inputs
     * @return the report, never null
     */
    public JacobianReport check(VectorFunction function, double[] point, ParameterLayout inputLayout) {
        return check(function, point, inputLayout, null);
    }

    /**
     * As {@link #check(VectorFunction, double[])}, naming inputs by {@code inputLayout} and outputs by
     * {@code outputLayout} (null names them {@code y[i]}).
     *
     * @param function the function under test
     * @param point the point; not modified
     * @param inputLayout names the inputs
     * @param outputLayout names the outputs; null names them {@code y[i]}
     * @return the report, never null
     * @throws IllegalArgumentException also if the point's length is not the input layout's size
     * @throws GradientCheckException also if the number of outputs is not the output layout's size
     */
    public JacobianReport check(VectorFunction function, double[] point, ParameterLayout inputLayout,
            ParameterLayout outputLayout) {
        if (function == null) {
            throw new IllegalArgumentException("function must not be null: pass the function whose Jacobian is checked");
        }
        if (inputLayout == null) {
            throw new IllegalArgumentException("inputLayout must not be null: use ParameterLayout.vector(\"x\", n) for a plain vector");
        }
        requirePoint(point);
        if (point.length != inputLayout.size()) {
            throw new IllegalArgumentException("point has length " + point.length + " but the input layout has "
                    + inputLayout.size() + " inputs: give a layout of the point, or the point the layout describes");
        }
        for (int j = 0; j < point.length; j++) {
            if (!Double.isFinite(point[j])) {
                throw new IllegalArgumentException("point is not finite at " + inputLayout.nameOf(j) + " (index " + j + "): "
                        + point[j] + "; check the inputs");
            }
        }
        return new Run(function, point, inputLayout, outputLayout).execute();
    }

    /**
     * Checks and asserts: returns the report if every entry and consistency check passed.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @return the report of the passing check
     * @throws JacobianMismatchError if one failed; its message is the report
     */
    public JacobianReport assertMatches(VectorFunction function, double[] point) {
        return requirePassed(check(function, point));
    }

    /**
     * As {@link #assertMatches(VectorFunction, double[])}, naming inputs by {@code inputLayout}.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @param inputLayout names the inputs
     * @return the report of the passing check
     */
    public JacobianReport assertMatches(VectorFunction function, double[] point, ParameterLayout inputLayout) {
        return requirePassed(check(function, point, inputLayout));
    }

    /**
     * As {@link #assertMatches(VectorFunction, double[])}, naming inputs and outputs by layouts.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @param inputLayout names the inputs
     * @param outputLayout names the outputs; null names them {@code y[i]}
     * @return the report of the passing check
     */
    public JacobianReport assertMatches(VectorFunction function, double[] point, ParameterLayout inputLayout,
            ParameterLayout outputLayout) {
        return requirePassed(check(function, point, inputLayout, outputLayout));
    }

    /**
     * Returns {@code report} if it passed, otherwise throws a {@link JacobianMismatchError} carrying it.
     *
     * @param report the report of the failed check
     * @return {@code report}
     * @throws IllegalArgumentException if {@code report} is null
     */
    public static JacobianReport requirePassed(JacobianReport report) {
        if (report == null) {
            throw new IllegalArgumentException("report must not be null");
        }
        if (!report.passed()) {
            throw new JacobianMismatchError(report);
        }
        return report;
    }

    private static void requirePoint(double[] point) {
        if (point == null) {
            throw new IllegalArgumentException("point must not be null: pass the input at which to check the Jacobian");
        }
        if (point.length == 0) {
            throw new IllegalArgumentException("point must not be empty: a Jacobian check needs at least one input");
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "JacobianChecker[%s, step %s, %s, precision %s, %d consistency trials, seed %d]",
                scheme, stepSize, tolerance, precision.name().toLowerCase(Locale.ROOT), trials, seed);
    }

    /** One check: the state of a single run of the algorithm described in the class comment. */
    private final class Run {

        private final VectorFunction function;
        private final double[] original;
        private final double[] x;
        private final ParameterLayout inputs;
        private ParameterLayout outputs;
        private final Set<DerivativeForm> implemented = EnumSet.noneOf(DerivativeForm.class);
        private int m;
        private long evaluations;
        /** The outputs' relative rounding noise: declared, or measured and at least the precision's unit. */
        private double relativeNoise;

        Run(VectorFunction function, double[] original, ParameterLayout inputs, ParameterLayout outputs) {
            this.function = function;
            this.original = original;
            this.x = original.clone();
            this.inputs = inputs;
            this.outputs = outputs;
        }

        JacobianReport execute() {
            long start = System.nanoTime();
            double[] value = value("f(x)");
            m = value.length;
            if (m == 0) {
                throw new GradientCheckException("the function returned no outputs: value(point) must return at least one value");
            }
            if (outputs == null) {
                outputs = ParameterLayout.vector("y", m);
            } else if (outputs.size() != m) {
                throw new GradientCheckException("the function has " + m + " outputs but the output layout has "
                        + outputs.size() + ": give a layout of the function's output");
            }
            double[] again = value("f(x) a second time");
            requireDeterministic(value, again);
            String precisionText = measurePrecision(value);
            int n = x.length;
            double[] analytic = new double[m * n];
            DerivativeForm from = analytic(analytic);
            double[] numerical = new double[m * n];
            double[] noise = new double[m * n];
            differentiate(value, numerical, noise);
            int refined = refine(value, analytic, numerical, noise);
            List<ProductCheck> products = products(analytic);
            requireUnmodified(x, original, "the point", inputs);
            return new JacobianReport(title, outputs, inputs, analytic, numerical, noise, tolerance, scheme,
                    stepSize.describe(scheme, relativeNoise), precisionText, implemented, from, products, seed,
                    productTolerance, refined, evaluations,
                    Duration.ofNanos(System.nanoTime() - start));
        }

        private double[] value(String what) {
            double[] y = call(() -> function.value(x), "computing " + what);
            evaluations++;
            if (y == null) {
                throw new GradientCheckException("the function returned null while computing " + what
                        + ": value(point) must return a new array");
            }
            if (m > 0 && y.length != m) {
                throw new GradientCheckException("the function returned " + y.length + " outputs while computing " + what
                        + " but " + m + " at the point: the number of outputs must not change");
            }
            for (int i = 0; i < y.length; i++) {
                if (!Double.isFinite(y[i])) {
                    throw new GradientCheckException("output " + (outputs == null ? "y[" + i + "]" : outputs.nameOf(i))
                            + " is " + y[i] + " while computing " + what + ": a Jacobian check needs finite values");
                }
            }
            requireUnmodified(x, original, "the point", inputs);
            return y.clone();
        }

        private void requireDeterministic(double[] first, double[] second) {
            for (int i = 0; i < first.length; i++) {
                if (Double.doubleToLongBits(first[i]) != Double.doubleToLongBits(second[i])
                        && Math.abs(first[i] - second[i]) > ROUNDING_FACTOR * EPSILON * Math.abs(first[i])) {
                    throw new GradientCheckException("the function is not deterministic: " + outputs.nameOf(i) + " was "
                            + first[i] + " and then " + second[i] + " at the same point. Switch off dropout and other "
                            + "random behaviour, or reset the random generator before every evaluation with "
                            + "Stochastic.withReset(function, reset).");
                }
            }
        }

        /** Sets {@link #relativeNoise} as the precision says; returns the precision as the report states it. */
        private String measurePrecision(double[] value) {
            double unit = precision.relativeNoise();
            relativeNoise = unit;
            if (precision != Precision.AUTOMATIC) {
                return precision.name().toLowerCase(Locale.ROOT) + " (declared)";
            }
            double[] signs = new double[m];
            Random random = new Random(seed);
            double magnitude = 0;
            double combined = 0;
            for (int i = 0; i < m; i++) {
                signs[i] = random.nextBoolean() ? 1 : -1;
                magnitude += Math.abs(value[i]);
                combined += signs[i] * value[i];
            }
            double measured;
            try {
                measured = FunctionNoise.measure(near -> {
                    double[] y = call(() -> function.value(near), "measuring the noise of the outputs near the point");
                    evaluations++;
                    if (y == null || y.length != m) {
                        throw new GradientCheckException("the function returned " + (y == null ? "null" : y.length + " outputs")
                                + " near the point but " + m + " at the point: the number of outputs must not change");
                    }
                    double sum = 0;
                    for (int i = 0; i < m; i++) {
                        sum += signs[i] * y[i];
                    }
                    return sum;
                }, x.clone(), combined, seed);
            } catch (IllegalStateException e) {
                throw new GradientCheckException("the outputs are not finite near the point while their noise is measured ("
                        + e.getMessage() + "): a Jacobian check needs finite values near the point", e);
            }
            double relative = magnitude == 0 ? 0 : measured / magnitude;
            relativeNoise = Math.min(Math.max(relative, unit), LARGEST_RELATIVE_NOISE);
            return (relative > DOUBLE_NOISE_LIMIT ? "single or lower" : "double") + " (measured noise "
                    + NumberFormatter.brief(relative) + " of |y|)";
        }

        /** Fills {@code analytic} (row-major) from the first implemented form and returns that form. */
        private DerivativeForm analytic(double[] analytic) {
            int n = x.length;
            double[][] jacobian = optional(() -> function.jacobian(x), "computing the Jacobian");
            if (jacobian != null) {
                evaluations++;
                implemented.add(DerivativeForm.JACOBIAN);
                if (jacobian.length != m) {
                    throw new GradientCheckException("the Jacobian has " + jacobian.length + " rows but the function has " + m
                            + " outputs: return one row per output");
                }
                for (int i = 0; i < m; i++) {
                    double[] row = jacobian[i];
                    if (row == null || row.length != n) {
                        throw new GradientCheckException("row " + i + " (" + outputs.nameOf(i) + ") of the Jacobian has "
                                + (row == null ? "no values" : row.length + " columns") + " but the function has " + n
                                + " inputs: return one column per input");
                    }
                    for (int j = 0; j < n; j++) {
                        requireFinite(row[j], "the Jacobian", i, j);
                    }
                    System.arraycopy(row, 0, analytic, i * n, n);
                }
                requireUnmodified(x, original, "the point", inputs);
                return DerivativeForm.JACOBIAN;
            }
            double[] unit = new double[m];
            for (int i = 0; i < m; i++) {
                unit[i] = 1;
                double[] row = backward(unit);
                unit[i] = 0;
                if (row == null) {
                    break;
                }
                for (int j = 0; j < n; j++) {
                    requireFinite(row[j], "the vector-Jacobian product", i, j);
                }
                System.arraycopy(row, 0, analytic, i * n, n);
            }
            if (implemented.contains(DerivativeForm.VECTOR_JACOBIAN_PRODUCT)) {
                return DerivativeForm.VECTOR_JACOBIAN_PRODUCT;
            }
            double[] direction = new double[n];
            for (int j = 0; j < n; j++) {
                direction[j] = 1;
                double[] column = forward(direction);
                direction[j] = 0;
                if (column == null) {
                    throw new GradientCheckException("the function implements no derivative: override jacobian(point), "
                            + "vectorJacobianProduct(point, u) or jacobianVectorProduct(point, v) of VectorFunction");
                }
                for (int i = 0; i < m; i++) {
                    requireFinite(column[i], "the Jacobian-vector product", i, j);
                    analytic[i * n + j] = column[i];
                }
            }
            return DerivativeForm.JACOBIAN_VECTOR_PRODUCT;
        }

        /** {@code J^T u}, or null if not implemented; checks its shape and that its arguments are unchanged. */
        private double[] backward(double[] u) {
            if (!implemented.contains(DerivativeForm.VECTOR_JACOBIAN_PRODUCT) && evaluatedBackward) {
                return null;
            }
            double[] copy = u.clone();
            double[] product = optional(() -> function.vectorJacobianProduct(x, u), "computing a vector-Jacobian product");
            evaluatedBackward = true;
            if (product == null) {
                return null;
            }
            evaluations++;
            implemented.add(DerivativeForm.VECTOR_JACOBIAN_PRODUCT);
            if (product.length != x.length) {
                throw new GradientCheckException("the vector-Jacobian product has length " + product.length + " but the function has "
                        + x.length + " inputs: J^T u has one value per input");
            }
            requireUnmodified(u, copy, "the output direction u of vectorJacobianProduct", outputs);
            requireUnmodified(x, original, "the point", inputs);
            return product;
        }

        private boolean evaluatedBackward;
        private boolean evaluatedForward;

        /** {@code J v}, or null if not implemented; checks its shape and that its arguments are unchanged. */
        private double[] forward(double[] v) {
            if (!implemented.contains(DerivativeForm.JACOBIAN_VECTOR_PRODUCT) && evaluatedForward) {
                return null;
            }
            double[] copy = v.clone();
            double[] product = optional(() -> function.jacobianVectorProduct(x, v), "computing a Jacobian-vector product");
            evaluatedForward = true;
            if (product == null) {
                return null;
            }
            evaluations++;
            implemented.add(DerivativeForm.JACOBIAN_VECTOR_PRODUCT);
            if (product.length != m) {
                throw new GradientCheckException("the Jacobian-vector product has length " + product.length + " but the function has "
                        + m + " outputs: J v has one value per output");
            }
            requireUnmodified(v, copy, "the input direction v of jacobianVectorProduct", inputs);
            requireUnmodified(x, original, "the point", inputs);
            return product;
        }

        private void requireFinite(double value, String what, int i, int j) {
            if (!Double.isFinite(value)) {
                throw new GradientCheckException(what + " is " + value + " at " + outputs.nameOf(i) + " / " + inputs.nameOf(j)
                        + ": a Jacobian check needs finite values; look for a division by zero or an overflow");
            }
        }

        /** The flat loop over inputs: perturb one in place, evaluate, restore the exact value. */
        private void differentiate(double[] value, double[] numerical, double[] noise) {
            int n = x.length;
            double roundoff = ROUNDING_FACTOR * relativeNoise;
            for (int j = 0; j < n; j++) {
                double xj = x[j];
                double h = stepSize.stepFor(xj, scheme, relativeNoise);
                double[] plus = value;
                double[] minus = value;
                double upper = xj;
                double lower = xj;
                try {
                    if (scheme != DifferenceScheme.BACKWARD) {
                        upper = xj + h;
                        x[j] = upper;
                        plus = perturbed(j, upper);
                    }
                    if (scheme != DifferenceScheme.FORWARD) {
                        lower = xj - h;
                        x[j] = lower;
                        minus = perturbed(j, lower);
                    }
                } finally {
                    x[j] = xj;
                }
                double realised = upper - lower;
                if (realised == 0) {
                    throw new GradientCheckException("the step " + h + " vanishes next to " + inputs.nameOf(j) + " = " + xj
                            + ": x + h == x in double precision. Use a larger or relative step (StepSize.automatic()).");
                }
                for (int i = 0, k = j; i < m; i++, k += n) {
                    numerical[k] = (plus[i] - minus[i]) / realised;
                    noise[k] = roundoff * (Math.abs(plus[i]) + Math.abs(minus[i])) / realised;
                }
            }
        }

        /** Re-estimates the disagreeing entries with Ridders' method, borderline first; returns how many were refined. */
        private int refine(double[] value, double[] analytic, double[] numerical, double[] noise) {
            int n = x.length;
            List<double[]> suspects = new ArrayList<>();
            for (int k = 0; k < analytic.length; k++) {
                double mismatch = Math.abs(analytic[k] - numerical[k]);
                double allowed = tolerance.allowed(analytic[k], numerical[k], noise[k]);
                if (mismatch > allowed) {
                    suspects.add(new double[] {k, allowed == 0 ? Double.POSITIVE_INFINITY : mismatch / allowed});
                }
            }
            suspects.sort((a, b) -> Double.compare(a[1], b[1]));
            int refined = 0;
            boolean anyPassed = false;
            for (double[] suspect : suspects) {
                if (refined >= REFINEMENT_SAMPLE && !anyPassed) {
                    break;
                }
                int k = (int) suspect[0];
                int i = k / n;
                int j = k % n;
                double xj = x[j];
                double h = stepSize.stepFor(xj, DifferenceScheme.CENTRAL, relativeNoise);
                RiddersDifferentiator.Estimate estimate;
                try {
                    estimate = RiddersDifferentiator.derivative(t -> {
                        x[j] = t;
                        try {
                            return perturbed(j, t)[i];
                        } finally {
                            x[j] = xj;
                        }
                    }, xj, RIDDERS_START * h);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                double rounding = ROUNDING_FACTOR * relativeNoise * Math.abs(value[i]) / estimate.finestStep();
                double error = GradientChecker.SAFETY_FACTOR * (estimate.error() + rounding);
                numerical[k] = estimate.value();
                noise[k] = error;
                anyPassed |= Math.abs(analytic[k] - numerical[k]) <= tolerance.allowed(analytic[k], numerical[k], error);
                refined++;
            }
            return refined;
        }

        private double[] perturbed(int j, double perturbedValue) {
            double[] y = call(() -> function.value(x), "evaluating the function with " + inputs.nameOf(j) + " perturbed to "
                    + perturbedValue + " (from " + original[j] + ")");
            evaluations++;
            if (y == null || y.length != m) {
                throw new GradientCheckException("the function returned " + (y == null ? "null" : y.length + " outputs")
                        + " with " + inputs.nameOf(j) + " perturbed to " + perturbedValue + " but " + m
                        + " outputs at the point: the number of outputs must not change");
            }
            for (int i = 0; i < m; i++) {
                if (!Double.isFinite(y[i])) {
                    throw new GradientCheckException("output " + outputs.nameOf(i) + " is " + y[i] + " when " + inputs.nameOf(j)
                            + " is perturbed to " + perturbedValue + " (from " + original[j]
                            + "): a Jacobian check needs finite values near the point; use a smaller step");
                }
            }
            return y;
        }

        private List<ProductCheck> products(double[] analytic) {
            List<ProductCheck> checks = new ArrayList<>();
            if (trials == 0) {
                return checks;
            }
            int n = x.length;
            Random random = new Random(seed);
            double[] u = new double[m];
            double[] v = new double[n];
            for (int trial = 1; trial <= trials; trial++) {
                for (int i = 0; i < m; i++) {
                    u[i] = random.nextGaussian();
                }
                for (int j = 0; j < n; j++) {
                    v[j] = random.nextGaussian();
                }
                double scale = 0;
                double viaJacobian = 0;
                for (int i = 0; i < m; i++) {
                    double row = 0;
                    double magnitude = 0;
                    for (int j = 0, k = i * n; j < n; j++, k++) {
                        row += analytic[k] * v[j];
                        magnitude += Math.abs(analytic[k] * v[j]);
                    }
                    viaJacobian += u[i] * row;
                    scale += Math.abs(u[i]) * magnitude;
                }
                double allowed = productTolerance * scale;
                double[] backward = backward(u);
                double[] forward = forward(v);
                double viaBackward = backward == null ? Double.NaN : dot(backward, v, "the vector-Jacobian product", inputs);
                double viaForward = forward == null ? Double.NaN : dot(u, forward, "the Jacobian-vector product", outputs);
                if (backward != null && forward != null) {
                    checks.add(new ProductCheck(trial, DerivativeForm.VECTOR_JACOBIAN_PRODUCT,
                            DerivativeForm.JACOBIAN_VECTOR_PRODUCT, viaBackward, viaForward, allowed));
                }
                if (implemented.contains(DerivativeForm.JACOBIAN)) {
                    if (backward != null) {
                        checks.add(new ProductCheck(trial, DerivativeForm.JACOBIAN, DerivativeForm.VECTOR_JACOBIAN_PRODUCT,
                                viaJacobian, viaBackward, allowed));
                    }
                    if (forward != null) {
                        checks.add(new ProductCheck(trial, DerivativeForm.JACOBIAN, DerivativeForm.JACOBIAN_VECTOR_PRODUCT,
                                viaJacobian, viaForward, allowed));
                    }
                }
            }
            return checks;
        }

        private double dot(double[] a, double[] b, String what, ParameterLayout layout) {
            double sum = 0;
            for (int k = 0; k < a.length; k++) {
                double term = a[k] * b[k];
                if (!Double.isFinite(a[k]) || !Double.isFinite(b[k])) {
                    throw new GradientCheckException(what + " is not finite at " + layout.nameOf(k)
                            + " for a random direction: a Jacobian check needs finite values");
                }
                sum += term;
            }
            return sum;
        }

        private <T> T optional(Supplier<T> computation, String what) {
            try {
                T result = computation.get();
                if (result == null) {
                    throw new GradientCheckException("the function returned null while " + what
                            + ": return an array, or leave the method unimplemented (it then throws UnsupportedOperationException)");
                }
                return result;
            } catch (UnsupportedOperationException e) {
                return null;
            } catch (GradientCheckException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new GradientCheckException("the function threw " + e + " while " + what, e);
            }
        }

        private <T> T call(Supplier<T> computation, String what) {
            try {
                return computation.get();
            } catch (GradientCheckException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new GradientCheckException("the function threw " + e + " while " + what, e);
            }
        }
    }

    private static void requireUnmodified(double[] actual, double[] expected, String what, ParameterLayout layout) {
        if (!Arrays.equals(actual, expected)) {
            int index = Arrays.mismatch(actual, expected);
            throw new GradientCheckException("the function modified " + what + ": " + layout.nameOf(index) + " (index " + index
                    + ") was " + expected[index] + " and became " + actual[index]
                    + ". Functions must treat their arguments as read-only; copy them before changing them.");
        }
    }
}
