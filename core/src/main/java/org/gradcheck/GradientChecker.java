package org.gradcheck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;
import org.gradcheck.engine.Checks;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.function.FieldFunction;
import org.gradcheck.function.GradientModel;
import org.gradcheck.function.TwiceDifferentiableFunction;
import org.gradcheck.function.VectorFunction;
import org.gradcheck.layout.GradientNaming;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.layout.Parameters;
import org.gradcheck.report.GradientReport;
import org.gradcheck.report.JacobianReport;

/**
 * Checks analytic derivatives against finite differences, entry by entry: gradients
 * ({@link #check(DifferentiableFunction, double[])}, {@link #check(GradientModel, Map, Object)}), Jacobians
 * ({@link #checkJacobian(VectorFunction, double[])}), Hessians ({@link #checkHessian}) and Hessian-vector products
 * ({@link #checkHessianProducts}), or against exact forward-mode derivatives ({@link #checkExact}). One checker, one
 * set of options for every kind of check.
 *
 * <p>Checkers are immutable and thread-safe; {@code withXxx} methods return modified copies:
 * <pre>{@code
 * GradientChecker checker = GradientChecker.defaults()
 *         .withStepSize(StepSize.absolute(1e-7))
 *         .withTolerance(Tolerance.of(1e-5, 0));
 * GradientReport report = checker.check(function, point);
 * }</pre>
 *
 * <h2>How a check decides</h2>
 * <ol>
 * <li>The point is copied once. The function's value and its derivative are computed twice at the copy: if they
 *     differ by more than rounding (a reduction summed in another order is rounding; dropout left on is not) or the
 *     stated {@linkplain #withNondeterminismTolerance(double) non-determinism tolerance}, the check is refused with a
 *     {@link CheckRefusedException} that says why this usually happens.</li>
 * <li>The function's rounding noise is measured ({@link Precision#AUTOMATIC}: eight evaluations along a seeded
 *     random direction, more when kinks inflate the first estimate) or taken from the declared precision. It sets
 *     the automatic step and the rounding part of every error bound, so a function computed in {@code float} is
 *     judged as one.</li>
 * <li>Each input in turn is perturbed in place, the function evaluated and the exact original value restored,
 *     whatever the function does; the derivative divides by the step actually realised. An entry passes when the
 *     analytic value agrees with the estimate within the {@link Tolerance} plus the estimate's error bound, and that
 *     bound is clearly smaller than the values. An entry this first estimate does not settle is refined: by
 *     Ridders' method; by steps down to the smallest the noise allows, where a pole, a kink or a domain edge inside
 *     the first step is stepped under; by larger steps where the derivative is below the function's rounding.</li>
 * <li>A kink the point itself sits on accepts an analytic value between the left and right derivatives
 *     ({@link KinkPolicy}); inputs tied at kinks must be a subgradient together. An entry no step resolves is
 *     UNRESOLVED and fails the check ({@link UnresolvedPolicy}): a check that could not tell never passes.</li>
 * <li>Entries whose analytic and numerical values are both indistinguishable from zero are counted; when they are
 *     the majority of a block, the report warns that the block was barely tested ({@link UntestedPolicy}).</li>
 * <li>The value at the point is computed once more at the end: a function whose values change during the check is
 *     refused. Finally the copy is compared with the point: a function that modified its input is reported.</li>
 * </ol>
 *
 * <h2>Which parameters, and how fast</h2>
 * For gradients, the {@linkplain #withStrategy(Strategy) strategy} decides which parameters are checked one by
 * one: every one ({@link Strategy#full()}, optionally on several {@linkplain #withThreads(int) threads} with
 * identical results), a seeded sample per block ({@link Strategy#sampled(int)}), those that directional screening
 * points at ({@link Strategy#screening()}), or those of blocks whose Taylor remainder converges too slowly
 * ({@link Strategy#taylor()}). The default, {@link Strategy#automatic()}, is full when a full check is quick and
 * screening otherwise; both see the same wrong entries. A full or sampled check whose estimated time exceeds the
 * {@linkplain #withTimeBudget(Duration) time budget} is refused before it starts. Jacobian and Hessian checks check
 * every entry.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class GradientChecker {

    /** The seed of random directions, vectors and samples unless {@link #withSeed(long)} sets another. */
    public static final long DEFAULT_SEED = 24301;

    /** The time budget unless {@link #withTimeBudget(Duration)} sets another: 30 minutes. */
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofMinutes(30);

    /** The number of seeded random vectors of product checks unless {@link #withProductTrials(int)} sets another. */
    public static final int DEFAULT_PRODUCT_TRIALS = 3;

    /** The relative tolerance of consistency checks unless {@link #withProductTolerance(double)} sets another. */
    public static final double DEFAULT_PRODUCT_TOLERANCE = 1e-10;

    /** The units of rounding an exact comparison allows unless {@link #withExactTolerance(int)} sets another. */
    public static final int DEFAULT_EXACT_ULPS = 16;

    private static final GradientChecker DEFAULTS = new GradientChecker(new Options());

    private final Options options;

    private GradientChecker(Options options) {
        this.options = options;
    }

    /** The options of one checker; every change makes a changed copy. */
    private static final class Options {
        DifferenceScheme scheme = DifferenceScheme.CENTRAL;
        StepSize stepSize = StepSize.automatic();
        Tolerance tolerance = Tolerance.defaults();
        GradientNaming naming = GradientNaming.standard();
        ProgressListener progress = ProgressListener.NONE;
        Precision precision = Precision.AUTOMATIC;
        KinkPolicy kinkPolicy = KinkPolicy.ACCEPT_SUBGRADIENT;
        UntestedPolicy untestedPolicy = UntestedPolicy.WARN;
        UnresolvedPolicy unresolvedPolicy = UnresolvedPolicy.FAIL;
        Refinement refinement = Refinement.RIDDERS;
        double nondeterminismTolerance;
        long seed = DEFAULT_SEED;
        Strategy strategy = Strategy.automatic();
        int threads = 1;
        Duration timeBudget = DEFAULT_TIME_BUDGET;
        int productTrials = DEFAULT_PRODUCT_TRIALS;
        double productTolerance = DEFAULT_PRODUCT_TOLERANCE;
        int exactUlps = DEFAULT_EXACT_ULPS;

        Options() {
        }

        Options(Options other) {
            scheme = other.scheme;
            stepSize = other.stepSize;
            tolerance = other.tolerance;
            naming = other.naming;
            progress = other.progress;
            precision = other.precision;
            kinkPolicy = other.kinkPolicy;
            untestedPolicy = other.untestedPolicy;
            unresolvedPolicy = other.unresolvedPolicy;
            refinement = other.refinement;
            nondeterminismTolerance = other.nondeterminismTolerance;
            seed = other.seed;
            strategy = other.strategy;
            threads = other.threads;
            timeBudget = other.timeBudget;
            productTrials = other.productTrials;
            productTolerance = other.productTolerance;
            exactUlps = other.exactUlps;
        }
    }

    private interface Change {
        void apply(Options options);
    }

    private GradientChecker with(Change change) {
        Options copy = new Options(options);
        change.apply(copy);
        return new GradientChecker(copy);
    }

    /**
     * The default checker: central difference, {@linkplain StepSize#automatic() automatic step},
     * {@linkplain Tolerance#defaults() default tolerance}, measured precision, refinement, kinks accepted as
     * subgradients, unresolved entries failed, barely tested blocks warned about, gradients named {@code dW1} for
     * {@code W1}, the automatic strategy on one thread, seed {@value #DEFAULT_SEED}.
     *
     * @return the default checker; never null
     */
    public static GradientChecker defaults() {
        return DEFAULTS;
    }

    /**
     * A copy using {@code scheme} for the first estimate of every entry.
     *
     * @param scheme the finite-difference scheme
     * @return a new checker with this setting; this one is not changed
     * @throws IllegalArgumentException if {@code scheme} is null
     */
    public GradientChecker withScheme(DifferenceScheme scheme) {
        require(scheme, "scheme", "DifferenceScheme.CENTRAL");
        return with(o -> o.scheme = scheme);
    }

    /**
     * A copy using {@code stepSize} for the first estimate of every entry.
     *
     * @param stepSize the step-size policy
     * @return a new checker with this setting; this one is not changed
     * @throws IllegalArgumentException if {@code stepSize} is null
     */
    public GradientChecker withStepSize(StepSize stepSize) {
        require(stepSize, "stepSize", "StepSize.automatic()");
        return with(o -> o.stepSize = stepSize);
    }

    /**
     * A copy using a fixed step {@code h} for every coordinate's first estimate, as the article does ({@code 1e-7}).
     *
     * @param h the step, above 0
     * @return a new checker with this setting; this one is not changed
     * @throws IllegalArgumentException if {@code h} is not a finite positive number
     */
    public GradientChecker withStep(double h) {
        return withStepSize(StepSize.absolute(h));
    }

    /**
     * A copy using {@code tolerance}.
     *
     * @param tolerance the tolerance the entries are judged by
     * @return a new checker with this setting; this one is not changed
     * @throws IllegalArgumentException if {@code tolerance} is null
     */
    public GradientChecker withTolerance(Tolerance tolerance) {
        require(tolerance, "tolerance", "Tolerance.defaults()");
        return with(o -> o.tolerance = tolerance);
    }

    /**
     * A copy that looks up the gradient of each block by {@code naming} (models; the names of a Hessian's rows).
     *
     * @param naming how gradient keys are derived from block names
     * @return a new checker with this setting; this one is not changed
     * @throws IllegalArgumentException if {@code naming} is null
     */
    public GradientChecker withGradientNaming(GradientNaming naming) {
        require(naming, "naming", "GradientNaming.standard()");
        return with(o -> o.naming = naming);
    }

    /**
     * A copy that reports progress to {@code listener}.
     *
     * @param listener told of the progress and of the completed check
     * @return a new checker with this setting; this one is not changed
     * @throws IllegalArgumentException if {@code listener} is null
     */
    public GradientChecker withProgressListener(ProgressListener listener) {
        require(listener, "listener", "ProgressListener.NONE");
        return with(o -> o.progress = listener);
    }

    /**
     * A copy that assumes {@code precision} instead of measuring the function's noise. Parameter blocks held in
     * {@code float} ({@link ParameterLayout#hasSinglePrecisionBlocks()}) are checked at {@link Precision#FLOAT} while
     * the precision is {@link Precision#AUTOMATIC}.
     *
     * @param precision the precision of the function's values, or {@link Precision#AUTOMATIC} to measure its noise
     * @return a new checker with this setting; this one is not changed
     * @throws IllegalArgumentException if {@code precision} is null
     */
    public GradientChecker withPrecision(Precision precision) {
        require(precision, "precision", "Precision.AUTOMATIC");
        return with(o -> o.precision = precision);
    }

    /**
     * A copy that treats entries at kinks by {@code policy}.
     *
     * @param policy what to do with entries at kinks
     * @return a new checker with this setting; this one is not changed
     * @throws IllegalArgumentException if {@code policy} is null
     */
    public GradientChecker withKinkPolicy(KinkPolicy policy) {
        require(policy, "policy", "KinkPolicy.ACCEPT_SUBGRADIENT");
        return with(o -> o.kinkPolicy = policy);
    }

    /**
     * A copy that treats barely tested blocks by {@code policy}.
     *
     * @param policy what to do with barely tested blocks
     * @return a new checker with this setting; this one is not changed
     * @throws IllegalArgumentException if {@code policy} is null
     */
    public GradientChecker withUntestedPolicy(UntestedPolicy policy) {
        require(policy, "policy", "UntestedPolicy.WARN");
        return with(o -> o.untestedPolicy = policy);
    }

    /**
     * A copy that treats entries the check could not resolve by {@code policy}.
     *
     * @param policy what to do with unresolved entries
     * @return a new checker with this setting; this one is not changed
     * @throws IllegalArgumentException if {@code policy} is null
     */
    public GradientChecker withUnresolvedPolicy(UnresolvedPolicy policy) {
        require(policy, "policy", "UnresolvedPolicy.FAIL");
        return with(o -> o.unresolvedPolicy = policy);
    }

    /**
     * A copy that refines entries the first estimate does not settle by {@code refinement} (or not, with
     * {@link Refinement#NONE}).
     *
     * @param refinement how to re-estimate entries
     * @return a new checker with this setting; this one is not changed
     * @throws IllegalArgumentException if {@code refinement} is null
     */
    public GradientChecker withRefinement(Refinement refinement) {
        require(refinement, "refinement", "Refinement.RIDDERS");
        return with(o -> o.refinement = refinement);
    }

    /**
     * A copy that accepts a function whose values at the same point differ by up to {@code relative} of their size
     * (a stated non-determinism); the difference is then treated as noise. The default, 0, accepts only rounding.
     *
     * @param relative the relative difference accepted between two values at the same point, at least 0 and below 1
     * @return a new checker with this setting; this one is not changed
     * @throws IllegalArgumentException if {@code relative} is negative, NaN or not below 1
     */
    public GradientChecker withNondeterminismTolerance(double relative) {
        if (!(relative >= 0 && relative < 1)) {
            throw new IllegalArgumentException("non-determinism tolerance must be in [0, 1) but was " + relative
                    + ": it is the relative difference allowed between two values of the function at the same point, e.g. 1e-6");
        }
        return with(o -> o.nondeterminismTolerance = relative);
    }

    /**
     * A copy that seeds every random choice of a check with {@code seed}: the noise measurement's direction,
     * screening's and Taylor's directions, a sampled strategy's parameters, the vectors of product checks.
     *
     * @param seed the seed
     * @return a new checker with this setting; this one is not changed
     */
    public GradientChecker withSeed(long seed) {
        return with(o -> o.seed = seed);
    }

    /**
     * A copy that checks gradients by {@code strategy}: full, screening, sampled, Taylor, or automatic (the default).
     *
     * @param strategy which parameters to check one by one
     * @return a new checker with this setting; this one is not changed
     * @throws IllegalArgumentException if {@code strategy} is null
     */
    public GradientChecker withStrategy(Strategy strategy) {
        require(strategy, "strategy", "Strategy.automatic()");
        return with(o -> o.strategy = strategy);
    }

    /**
     * A copy that splits the first estimates of a full check across {@code threads} threads, each with its own copy
     * of the point and its own evaluator from {@link DifferentiableFunction#copyForThread()} (or
     * {@link GradientModel#copyForThread()}). The results are identical, bit for bit, to a check on one thread. With
     * more than one thread, a check of a function whose {@code copyForThread()} returns null is refused with an
     * {@link IllegalArgumentException} before the function is evaluated, whatever the strategy and the number of
     * parameters.
     *
     * @param threads the number of threads, 1 or more
     * @return a new checker with this setting; this one is not changed
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public GradientChecker withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 but was " + threads
                    + ": use 1 for a check on the calling thread, or the number of cores");
        }
        return with(o -> o.threads = threads);
    }

    /**
     * A copy that refuses, before it starts, a full or sampled check whose estimated time exceeds {@code budget}
     * (estimated from the first evaluations of the function), with a {@link CheckBudgetExceededException} that gives
     * the estimate and what to do instead. The default is {@link #DEFAULT_TIME_BUDGET}.
     *
     * @param budget the longest time allowed
     * @return a new checker with this setting; this one is not changed
     * @throws IllegalArgumentException if the budget is null, zero or negative
     */
    public GradientChecker withTimeBudget(Duration budget) {
        if (budget == null || budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("time budget must be a positive duration but was " + budget
                    + ": use for example Duration.ofMinutes(10)");
        }
        return with(o -> o.timeBudget = budget);
    }

    /**
     * A copy that draws {@code trials} seeded random vectors for product checks: the consistency checks between a
     * Jacobian's derivative forms (0 switches them off) and the directions of {@link #checkHessianProducts}.
     *
     * @param trials the number of random vectors, 0 or more
     * @return a new checker with this setting; this one is not changed
     * @throws IllegalArgumentException if {@code trials} is negative
     */
    public GradientChecker withProductTrials(int trials) {
        if (trials < 0) {
            throw new IllegalArgumentException("product trials must be >= 0 but was " + trials
                    + ": use 0 to switch the consistency checks off, or for example 3");
        }
        return with(o -> o.productTrials = trials);
    }

    /**
     * A copy allowing consistency checks an error of {@code relative * sum |u_i| |J_ij| |v_j|}.
     *
     * @param relative the relative tolerance
     * @return a new checker with this setting; this one is not changed
     * @throws IllegalArgumentException if {@code relative} is negative, NaN or infinite
     */
    public GradientChecker withProductTolerance(double relative) {
        if (!(relative >= 0) || Double.isInfinite(relative)) {
            throw new IllegalArgumentException("product tolerance must be a finite number >= 0 but was " + relative
                    + ": use for example 1e-10 (products in single precision need about 1e-5)");
        }
        return with(o -> o.productTolerance = relative);
    }

    /**
     * A copy whose exact comparisons ({@link #checkExact}) allow each entry {@code ulps} units of rounding of its own
     * size plus the exact gradient's largest entry.
     *
     * @param ulps the units of rounding, 1 or more
     * @return a new checker with this setting; this one is not changed
     * @throws IllegalArgumentException if {@code ulps < 1}
     */
    public GradientChecker withExactTolerance(int ulps) {
        if (ulps < 1) {
            throw new IllegalArgumentException("ulps must be >= 1 but was " + ulps
                    + ": use for example 16, or more for gradients with heavy cancellation");
        }
        return with(o -> o.exactUlps = ulps);
    }

    private static void require(Object value, String name, String example) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null: use for example " + example);
        }
    }

    /** {@return the finite-difference scheme of the first estimate} */
    public DifferenceScheme scheme() {
        return options.scheme;
    }

    /** {@return the step-size policy} */
    public StepSize stepSize() {
        return options.stepSize;
    }

    /** {@return the tolerance} */
    public Tolerance tolerance() {
        return options.tolerance;
    }

    /** {@return the rule that names gradients of model parameters} */
    public GradientNaming gradientNaming() {
        return options.naming;
    }

    /** {@return the progress listener} */
    public ProgressListener progressListener() {
        return options.progress;
    }

    /** {@return the precision assumed, or {@link Precision#AUTOMATIC} when it is measured} */
    public Precision precision() {
        return options.precision;
    }

    /** {@return what is done with entries at kinks} */
    public KinkPolicy kinkPolicy() {
        return options.kinkPolicy;
    }

    /** {@return what is done with barely tested blocks} */
    public UntestedPolicy untestedPolicy() {
        return options.untestedPolicy;
    }

    /** {@return what is done with entries the check could not resolve} */
    public UnresolvedPolicy unresolvedPolicy() {
        return options.unresolvedPolicy;
    }

    /** {@return how entries are refined} */
    public Refinement refinement() {
        return options.refinement;
    }

    /** {@return the strategy of gradient checks} */
    public Strategy strategy() {
        return options.strategy;
    }

    /** {@return the number of threads of a full check's first estimates} */
    public int threads() {
        return options.threads;
    }

    /** {@return the longest a full or sampled check may be estimated to take} */
    public Duration timeBudget() {
        return options.timeBudget;
    }

    /** {@return the seed of every random choice} */
    public long seed() {
        return options.seed;
    }

    /** {@return the relative non-determinism accepted} */
    public double nondeterminismTolerance() {
        return options.nondeterminismTolerance;
    }

    /** {@return the number of seeded random vectors of product checks} */
    public int productTrials() {
        return options.productTrials;
    }

    /** {@return the relative tolerance of consistency checks} */
    public double productTolerance() {
        return options.productTolerance;
    }

    /** {@return the units of rounding an exact comparison allows} */
    public int exactUlps() {
        return options.exactUlps;
    }

    // ------------------------------------------------------------------ gradients

    /**
     * Checks {@code function}'s gradient at {@code point}; coordinates are named {@code x[0]}, {@code x[1]}, ...
     *
     * @param function the function under test
     * @param point the point; not modified
     * @return the check's report; never null
     * @throws IllegalArgumentException if an argument is null, or the point is empty or not finite
     * @throws CheckRefusedException if the function makes a check impossible (it throws, returns a non-finite value
     *     or a gradient of the wrong length at the point, modifies the point, or is not deterministic)
     */
    public GradientReport check(DifferentiableFunction function, double[] point) {
        return check(function, point,
                vectorLayout(point, "the gradient", "a gradient check needs at least one parameter"));
    }

    /**
     * Checks {@code function}'s gradient at {@code point}, naming coordinates by {@code layout}.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @param layout the layout that names the parameters
     * @return the check's report; never null
     * @throws IllegalArgumentException if an argument is null, the point's length is not the layout's size, or the
     *     point is not finite
     * @throws CheckRefusedException as {@link #check(DifferentiableFunction, double[])}
     */
    public GradientReport check(DifferentiableFunction function, double[] point, ParameterLayout layout) {
        require(function, "function", "DifferentiableFunction.of(value, gradient)");
        requirePoint(point, layout, "the gradient");
        return Checks.gradient(this, function, point, layout);
    }

    /**
     * Checks a model's gradients with respect to its parameters on {@code batch}.
     *
     * @param <B> the type of a batch of examples
     * @param model the model under test
     * @param parameters the parameter dictionary ({@code double[]}, {@code double[][]}, {@code float[]},
     *     {@code float[][]} values, in the order of an ordered map); not modified
     * @param batch the examples the model is evaluated on
     * @return the check's report; never null
     * @throws IllegalArgumentException if an argument is null or the dictionary is malformed or not finite
     * @throws CheckRefusedException as {@link #check(DifferentiableFunction, double[])}, or when a gradient is
     *     missing or mis-shaped
     */
    public <B> GradientReport check(GradientModel<B> model, Map<String, ?> parameters, B batch) {
        return check(model, Parameters.copyOf(parameters), batch);
    }

    /**
     * Checks a model's gradients with respect to {@code parameters} on {@code batch}.
     *
     * @param <B> the type of a batch of examples
     * @param model the model under test
     * @param parameters the parameters; not modified
     * @param batch the examples the model is evaluated on
     * @return the check's report; never null
     * @throws IllegalArgumentException as {@link #check(GradientModel, Map, Object)}
     * @throws CheckRefusedException as {@link #check(GradientModel, Map, Object)}
     */
    public <B> GradientReport check(GradientModel<B> model, Parameters parameters, B batch) {
        require(model, "model", "a GradientModel with cost(...) and gradients(...)");
        require(parameters, "parameters", "Parameters.copyOf(map)");
        requirePoint(parameters.values(), parameters.layout(), "the gradient");
        return Checks.model(this, model, parameters, batch);
    }

    /**
     * Checks and asserts: returns the report if every parameter passed.
     *
     * @param function the function under test
     * @param point the point to check at; not modified
     * @return the check's report; never null
     * @throws DerivativeMismatchError if the check fails; its message is the report
     */
    public GradientReport assertMatches(DifferentiableFunction function, double[] point) {
        return GradientAssertions.requirePassed(check(function, point));
    }

    /**
     * Checks and asserts, naming coordinates by {@code layout}: returns the report if every parameter passed.
     *
     * @param function the function under test
     * @param point the point to check at; not modified
     * @param layout the layout that names the parameters
     * @return the check's report; never null
     * @throws DerivativeMismatchError if the check fails; its message is the report
     */
    public GradientReport assertMatches(DifferentiableFunction function, double[] point, ParameterLayout layout) {
        return GradientAssertions.requirePassed(check(function, point, layout));
    }

    /**
     * Checks a model and asserts: returns the report if every parameter passed.
     *
     * @param <B> the type of a batch of examples
     * @param model the model under test
     * @param parameters the parameter values, by block name
     * @param batch the examples the model is evaluated on
     * @return the check's report; never null
     * @throws DerivativeMismatchError if the check fails; its message is the report
     */
    public <B> GradientReport assertMatches(GradientModel<B> model, Map<String, ?> parameters, B batch) {
        return GradientAssertions.requirePassed(check(model, parameters, batch));
    }

    /**
     * Checks a model and asserts: returns the report if every parameter passed.
     *
     * @param <B> the type of a batch of examples
     * @param model the model under test
     * @param parameters the parameters
     * @param batch the examples the model is evaluated on
     * @return the check's report; never null
     * @throws DerivativeMismatchError if the check fails; its message is the report
     */
    public <B> GradientReport assertMatches(GradientModel<B> model, Parameters parameters, B batch) {
        return GradientAssertions.requirePassed(check(model, parameters, batch));
    }

    // ------------------------------------------------------------------ Jacobians and Hessians

    /**
     * Checks {@code function}'s Jacobian at {@code point}, entry by entry, and its derivative forms against each
     * other; inputs are named {@code x[j]} and outputs {@code y[i]}.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @return the report, never null
     * @throws IllegalArgumentException if an argument is null, or the point is empty or not finite
     * @throws CheckRefusedException if the function throws, returns arrays of inconsistent shape or non-finite values
     *     at the point, modifies its arguments, is not deterministic, or implements no derivative
     */
    public JacobianReport checkJacobian(VectorFunction function, double[] point) {
        return checkJacobian(function, point,
                vectorLayout(point, "the Jacobian", "a Jacobian check needs at least one input"), null);
    }

    /**
     * As {@link #checkJacobian(VectorFunction, double[])}, naming inputs by {@code inputLayout}.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @param inputLayout names the inputs
     * @return the report, never null
     */
    public JacobianReport checkJacobian(VectorFunction function, double[] point, ParameterLayout inputLayout) {
        return checkJacobian(function, point, inputLayout, null);
    }

    /**
     * As {@link #checkJacobian(VectorFunction, double[])}, naming inputs by {@code inputLayout} and outputs by
     * {@code outputLayout} (null names them {@code y[i]}).
     *
     * @param function the function under test
     * @param point the point; not modified
     * @param inputLayout names the inputs
     * @param outputLayout names the outputs; null names them {@code y[i]}
     * @return the report, never null
     * @throws IllegalArgumentException also if the point's length is not the input layout's size
     * @throws CheckRefusedException also if the number of outputs is not the output layout's size
     */
    public JacobianReport checkJacobian(VectorFunction function, double[] point, ParameterLayout inputLayout,
            ParameterLayout outputLayout) {
        require(function, "function", "VectorFunction.of(value, jacobian)");
        requirePoint(point, inputLayout, "the Jacobian");
        return Checks.jacobian(this, function, point, inputLayout, outputLayout);
    }

    /**
     * Checks {@code function}'s Hessian at {@code point} against central differences of its gradient, entry by
     * entry, and its Hessian-vector product (if implemented) against the Hessian.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @return the report (rows named after the gradient: {@code dx[i]}), never null
     * @throws IllegalArgumentException if an argument is null, or the point is empty or not finite
     * @throws CheckRefusedException as {@link #checkJacobian(VectorFunction, double[])}
     */
    public JacobianReport checkHessian(TwiceDifferentiableFunction function, double[] point) {
        return checkHessian(function, point,
                vectorLayout(point, "the Hessian", "a Hessian check needs at least one coordinate"));
    }

    /**
     * As {@link #checkHessian(TwiceDifferentiableFunction, double[])}, naming coordinates by {@code layout}.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @param layout names the coordinates
     * @return the report, never null
     */
    public JacobianReport checkHessian(TwiceDifferentiableFunction function, double[] point, ParameterLayout layout) {
        require(function, "function", "TwiceDifferentiableFunction.of(value, gradient, hessian)");
        requirePoint(point, layout, "the Hessian");
        return Checks.hessian(this, function, point, layout);
    }

    /**
     * Checks {@code function}'s Hessian-vector products along {@link #productTrials()} seeded random directions
     * against central differences of its gradient along them: for large models whose Hessian is never formed.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @return the report (inputs named {@code v[k]} after the directions), never null
     */
    public JacobianReport checkHessianProducts(TwiceDifferentiableFunction function, double[] point) {
        return checkHessianProducts(function, point,
                vectorLayout(point, "the Hessian", "a Hessian check needs at least one coordinate"));
    }

    /**
     * As {@link #checkHessianProducts(TwiceDifferentiableFunction, double[])}, naming coordinates by {@code layout}.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @param layout names the coordinates
     * @return the report, never null
     * @throws IllegalArgumentException also if {@link #productTrials()} is 0
     */
    public JacobianReport checkHessianProducts(TwiceDifferentiableFunction function, double[] point,
            ParameterLayout layout) {
        require(function, "function", "TwiceDifferentiableFunction.withProduct(value, gradient, product)");
        requirePoint(point, layout, "the Hessian");
        if (options.productTrials == 0) {
            throw new IllegalArgumentException("product trials must be >= 1 to check Hessian-vector products but is 0: use"
                    + " withProductTrials(3)");
        }
        return Checks.hessianProducts(this, function, point, layout);
    }

    /**
     * Checks and asserts a Jacobian: returns the report if every entry and consistency check passed.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @return the report, never null
     * @throws DerivativeMismatchError if the check fails; its message is the report
     */
    public JacobianReport assertJacobianMatches(VectorFunction function, double[] point) {
        return GradientAssertions.requirePassed(checkJacobian(function, point));
    }

    /**
     * As {@link #assertJacobianMatches(VectorFunction, double[])}, naming inputs by {@code inputLayout}.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @param inputLayout names the inputs
     * @return the report, never null
     * @throws DerivativeMismatchError if the check fails
     */
    public JacobianReport assertJacobianMatches(VectorFunction function, double[] point, ParameterLayout inputLayout) {
        return GradientAssertions.requirePassed(checkJacobian(function, point, inputLayout));
    }

    /**
     * As {@link #assertJacobianMatches(VectorFunction, double[])}, naming inputs and outputs.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @param inputLayout names the inputs
     * @param outputLayout names the outputs; null names them {@code y[i]}
     * @return the report, never null
     * @throws DerivativeMismatchError if the check fails
     */
    public JacobianReport assertJacobianMatches(VectorFunction function, double[] point, ParameterLayout inputLayout,
            ParameterLayout outputLayout) {
        return GradientAssertions.requirePassed(checkJacobian(function, point, inputLayout, outputLayout));
    }

    /**
     * Checks and asserts a Hessian.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @return the report, never null
     * @throws DerivativeMismatchError if the check fails
     */
    public JacobianReport assertHessianMatches(TwiceDifferentiableFunction function, double[] point) {
        return GradientAssertions.requirePassed(checkHessian(function, point));
    }

    /**
     * Checks and asserts a Hessian, naming coordinates by {@code layout}.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @param layout names the coordinates
     * @return the report, never null
     * @throws DerivativeMismatchError if the check fails
     */
    public JacobianReport assertHessianMatches(TwiceDifferentiableFunction function, double[] point, ParameterLayout layout) {
        return GradientAssertions.requirePassed(checkHessian(function, point, layout));
    }

    /**
     * Checks and asserts Hessian-vector products.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @return the report, never null
     * @throws DerivativeMismatchError if the check fails
     */
    public JacobianReport assertHessianProductsMatch(TwiceDifferentiableFunction function, double[] point) {
        return GradientAssertions.requirePassed(checkHessianProducts(function, point));
    }

    // ------------------------------------------------------------------ exact

    /**
     * Compares {@code handWritten}'s gradient with the exact gradient of {@code function}, the same function written
     * over commons-math3's {@code RealFieldElement}, by forward-mode automatic differentiation: no finite
     * differences, so even tiny errors show. Each entry is allowed {@link #exactUlps()} units of rounding.
     *
     * @param function the function written once over field elements
     * @param handWritten the function with the hand-written gradient
     * @param point the point; not modified
     * @return the report, never null
     * @throws IllegalArgumentException if an argument is null, or the point is empty or not finite
     * @throws CheckRefusedException if the two functions' values differ, or either throws or is not finite
     */
    public GradientReport checkExact(FieldFunction function, DifferentiableFunction handWritten, double[] point) {
        return checkExact(function, handWritten, point,
                vectorLayout(point, "the gradient", "a gradient check needs at least one parameter"));
    }

    /**
     * As {@link #checkExact(FieldFunction, DifferentiableFunction, double[])}, naming parameters by {@code layout}.
     *
     * @param function the function written once over field elements
     * @param handWritten the function with the hand-written gradient
     * @param point the point; not modified
     * @param layout names the parameters
     * @return the report, never null
     */
    public GradientReport checkExact(FieldFunction function, DifferentiableFunction handWritten, double[] point,
            ParameterLayout layout) {
        require(function, "function", "a FieldFunction written over RealFieldElement");
        require(handWritten, "handWritten", "DifferentiableFunction.of(value, gradient)");
        requirePoint(point, layout, "the gradient");
        return Checks.exact(this, function, handWritten, point, layout);
    }

    /**
     * Compares and asserts: returns the report if every entry agrees with the exact gradient.
     *
     * @param function the function written once over field elements
     * @param handWritten the function with the hand-written gradient
     * @param point the point; not modified
     * @return the report, never null
     * @throws DerivativeMismatchError if the comparison fails
     */
    public GradientReport assertExact(FieldFunction function, DifferentiableFunction handWritten, double[] point) {
        return GradientAssertions.requirePassed(checkExact(function, handWritten, point));
    }

    /**
     * Compares and asserts, naming parameters by {@code layout}.
     *
     * @param function the function written once over field elements
     * @param handWritten the function with the hand-written gradient
     * @param point the point; not modified
     * @param layout names the parameters
     * @return the report, never null
     * @throws DerivativeMismatchError if the comparison fails
     */
    public GradientReport assertExact(FieldFunction function, DifferentiableFunction handWritten, double[] point,
            ParameterLayout layout) {
        return GradientAssertions.requirePassed(checkExact(function, handWritten, point, layout));
    }

    // ------------------------------------------------------------------ validation

    /** The layout {@code x[0], x[1], ...} of a point at which to check {@code what}. */
    private static ParameterLayout vectorLayout(double[] point, String what, String whyNotEmpty) {
        requireNotNull(point, what);
        if (point.length == 0) {
            throw new IllegalArgumentException("point must not be empty: " + whyNotEmpty);
        }
        return ParameterLayout.vector("x", point.length);
    }

    private static void requireNotNull(double[] point, String what) {
        if (point == null) {
            throw new IllegalArgumentException("point must not be null: pass the vector at which to check " + what);
        }
    }

    private static void requirePoint(double[] point, ParameterLayout layout, String what) {
        if (layout == null) {
            throw new IllegalArgumentException("layout must not be null: use ParameterLayout.vector(\"x\", n) for a plain vector");
        }
        requireNotNull(point, what);
        if (point.length != layout.size()) {
            throw new IllegalArgumentException("point has length " + point.length + " but the layout " + layout + " has "
                    + layout.size() + " coordinates: give a layout of the point, or the point the layout describes");
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
        return "GradientChecker[" + options.scheme + ", step " + options.stepSize.describe(options.scheme) + ", "
                + options.tolerance + ", precision " + options.precision.name().toLowerCase(Locale.ROOT) + ", refinement "
                + options.refinement + ", strategy " + options.strategy + ", threads " + options.threads + ", seed "
                + options.seed + "]";
    }
}
