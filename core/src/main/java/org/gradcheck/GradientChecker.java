package org.gradcheck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Map;
import org.apiguardian.api.API;
import org.gradcheck.DifferenceScheme;
import org.gradcheck.StepSize;
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
 *         .withTolerance(Tolerance.of(1e-5, 0));
 * GradientReport report = checker.check(function, point);
 * }</pre>
 *
 * <h2>How a check decides</h2>
 * <ol>
 * <li>The point is copied once. The function's value is computed twice and its gradient twice at the copy:
 *     if they differ beyond floating-point noise (or the stated
 *     {@linkplain #withNondeterminismTolerance(double) non-determinism tolerance}), the check stops with a
 *     {@link GradientCheckException} that says why this usually happens (dropout left on, an unseeded random
 *     generator, state carried between calls) instead of failing parameters at random.</li>
 * <li>The function's rounding noise {@code σ} is measured ({@link Precision#AUTOMATIC}, eight evaluations)
 *     or taken from the declared precision. The relative noise {@code η = σ / |f|} sets the automatic step
 *     ({@code cbrt(η) max(|x|, 1)} for the central difference), so a function computed in {@code float} gets
 *     a step and error bounds that fit {@code float}.</li>
 * <li>Each coordinate in turn is perturbed in place, the function evaluated and the exact original value
 *     restored: nothing is copied or allocated per coordinate. The numerical derivative divides by the
 *     step actually realised, {@code (x + h) - (x - h)}. Its rounding error is bounded by
 *     {@code e = 3 sqrt(2) σ / ((x + h) - (x - h))}.</li>
 * <li>A parameter passes when {@code |g - n| <= absolute + relative max(|g|, |n|) + e}
 *     ({@link Tolerance}). A parameter that does not is re-estimated by {@link Refinement#RIDDERS Ridders'
 *     method}, which also bounds the truncation error, and judged again with that bound (times
 *     {@value #SAFETY_FACTOR}). If it still disagrees and its left and right one-sided derivatives differ
 *     by a jump that does not shrink with the step, the function has a kink there: an analytic value
 *     between the one-sided derivatives is a subgradient and is accepted ({@link KinkPolicy}); any other
 *     value fails.</li>
 * <li>Parameters whose analytic and numerical gradients are both within the allowed error of zero are
 *     counted; when they are the majority of a block, the report warns that the block was barely tested
 *     ({@link UntestedPolicy}).</li>
 * <li>Finally the copy is compared with the point: a function that modified its input is reported.</li>
 * </ol>
 *
 * <h2>Which parameters, and how fast</h2>
 * The {@linkplain #withStrategy(Strategy) strategy} decides which parameters step 3 examines: every one
 * ({@link Strategy#full()}, optionally on several {@linkplain #withThreads(int) threads} with identical results),
 * a seeded sample per block ({@link Strategy#sampled(int)}), or, by directional derivatives per block and
 * bisection, only those of blocks that disagree ({@link Strategy#screening()}). The default,
 * {@link Strategy#automatic()}, is full up to {@value Strategy#AUTOMATIC_FULL_LIMIT} parameters and screening
 * above. The same decision rule judges every parameter that is checked one by one, in every strategy. A full
 * or sampled check whose estimated time exceeds the {@linkplain #withTimeBudget(java.time.Duration) time budget}
 * is refused before it starts.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class GradientChecker {

    /** The refined numerical error bound (Ridders' estimate plus rounding) is multiplied by this factor. */
    public static final double SAFETY_FACTOR = 4;

    /** The seed of random directions and samples unless {@link #withSeed(long)} sets another. */
    public static final long DEFAULT_SEED = 24301;

    /** The time budget unless {@link #withTimeBudget(Duration)} sets another: 30 minutes. */
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofMinutes(30);

    /** At most this many disagreeing parameters are refined unless some of them turn out to pass. */
    public static final int REFINEMENT_SAMPLE = 200;

    private static final GradientChecker DEFAULTS = new GradientChecker(new Settings());

    private final Settings settings;

    private GradientChecker(Settings settings) {
        this.settings = settings;
    }

    /** The checker's settings; a mutable copy is made for every change. */
    static final class Settings implements Cloneable {
        DifferenceScheme scheme = DifferenceScheme.CENTRAL;
        StepSize stepSize = StepSize.automatic();
        Tolerance tolerance = Tolerance.defaults();
        GradientNaming naming = GradientNaming.standard();
        ProgressListener progress = ProgressListener.NONE;
        Precision precision = Precision.AUTOMATIC;
        KinkPolicy kinkPolicy = KinkPolicy.ACCEPT_SUBGRADIENT;
        UntestedPolicy untestedPolicy = UntestedPolicy.WARN;
        Refinement refinement = Refinement.RIDDERS;
        double nondeterminismTolerance;
        long seed = DEFAULT_SEED;
        Strategy strategy = Strategy.automatic();
        int threads = 1;
        Duration timeBudget = DEFAULT_TIME_BUDGET;

        Settings copy() {
            try {
                return (Settings) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private interface Change {
        void apply(Settings settings);
    }

    private GradientChecker with(Change change) {
        Settings copy = settings.copy();
        change.apply(copy);
        return new GradientChecker(copy);
    }

    /**
     * The default checker: central difference, {@linkplain StepSize#automatic() automatic step},
     * {@linkplain Tolerance#defaults() default tolerance}, measured precision, Ridders refinement, kinks
     * accepted as subgradients, barely tested blocks warned about, gradients named {@code dW1} for {@code W1}.
     *
     * @return the default checker; never null
     */
    public static GradientChecker defaults() {
        return DEFAULTS;
    }

    /**
     * A copy using {@code scheme} for the first estimate of every parameter.
     *
     * @param scheme the finite-difference scheme
     * @return a new checker with this setting; this one is not changed
     */
    public GradientChecker withScheme(DifferenceScheme scheme) {
        require(scheme, "scheme", "DifferenceScheme.CENTRAL");
        return with(s -> s.scheme = scheme);
    }

    /**
     * A copy using {@code stepSize}.
     *
     * @param stepSize the step-size policy
     * @return a new checker with this setting; this one is not changed
     */
    public GradientChecker withStepSize(StepSize stepSize) {
        require(stepSize, "stepSize", "StepSize.automatic()");
        return with(s -> s.stepSize = stepSize);
    }

    /**
     * A copy using a fixed step {@code h} for every coordinate, as the article does ({@code 1e-7}).
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
     * @param tolerance the tolerance the parameters are judged by
     * @return a new checker with this setting; this one is not changed
     */
    public GradientChecker withTolerance(Tolerance tolerance) {
        require(tolerance, "tolerance", "Tolerance.defaults()");
        return with(s -> s.tolerance = tolerance);
    }

    /**
     * A copy that looks up the gradient of each block by {@code naming} (models only).
     *
     * @param naming how gradient keys are derived from block names
     * @return a new checker with this setting; this one is not changed
     */
    public GradientChecker withGradientNaming(GradientNaming naming) {
        require(naming, "naming", "GradientNaming.standard()");
        return with(s -> s.naming = naming);
    }

    /**
     * A copy that reports progress to {@code listener}.
     *
     * @param listener told of the progress and of the completed check
     * @return a new checker with this setting; this one is not changed
     */
    public GradientChecker withProgressListener(ProgressListener listener) {
        require(listener, "listener", "ProgressListener.NONE");
        return with(s -> s.progress = listener);
    }

    /**
     * A copy that assumes {@code precision} instead of measuring the function's noise.
     *
     * @param precision the precision of the function's values, or {@link Precision#AUTOMATIC} to measure its noise
     * @return a new checker with this setting; this one is not changed
     */
    public GradientChecker withPrecision(Precision precision) {
        require(precision, "precision", "Precision.AUTOMATIC");
        return with(s -> s.precision = precision);
    }

    /**
     * A copy that treats parameters at kinks by {@code policy}.
     *
     * @param policy what to do with parameters at kinks
     * @return a new checker with this setting; this one is not changed
     */
    public GradientChecker withKinkPolicy(KinkPolicy policy) {
        require(policy, "policy", "KinkPolicy.ACCEPT_SUBGRADIENT");
        return with(s -> s.kinkPolicy = policy);
    }

    /**
     * A copy that treats barely tested blocks by {@code policy}.
     *
     * @param policy what to do with barely tested blocks
     * @return a new checker with this setting; this one is not changed
     */
    public GradientChecker withUntestedPolicy(UntestedPolicy policy) {
        require(policy, "policy", "UntestedPolicy.WARN");
        return with(s -> s.untestedPolicy = policy);
    }

    /**
     * A copy that refines disagreeing parameters by {@code refinement} (or not, with {@link Refinement#NONE}).
     *
     * @param refinement how to re-estimate disagreeing parameters
     * @return a new checker with this setting; this one is not changed
     */
    public GradientChecker withRefinement(Refinement refinement) {
        require(refinement, "refinement", "Refinement.RIDDERS");
        return with(s -> s.refinement = refinement);
    }

    /**
     * A copy that accepts a function whose values at the same point differ by up to {@code relative} of its
     * value (a stated non-determinism); the difference is then treated as noise. The default, 0, accepts
     * only floating-point noise.
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
        return with(s -> s.nondeterminismTolerance = relative);
    }

    /**
     * A copy that seeds the random directions of the noise measurement and of screening, and the choice of
     * a sampled strategy's parameters, with {@code seed} (default {@value #DEFAULT_SEED}).
     *
     * @param seed the seed of random directions and samples
     * @return a new checker with this setting; this one is not changed
     */
    public GradientChecker withSeed(long seed) {
        return with(s -> s.seed = seed);
    }

    /**
     * A copy that checks by {@code strategy}: full, screening, sampled, or automatic (the default).
     *
     * @param strategy which parameters to check one by one
     * @return a new checker with this setting; this one is not changed
     */
    public GradientChecker withStrategy(Strategy strategy) {
        require(strategy, "strategy", "Strategy.automatic()");
        return with(s -> s.strategy = strategy);
    }

    /**
     * A copy that splits the parameters of a full check across {@code threads} threads, each with its own copy
     * of the point and its own evaluator from {@link DifferentiableFunction#copyForThread()} (or
     * {@link GradientModel#copyForThread()}). The results are identical, bit for bit, to a check on one thread.
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
        return with(s -> s.threads = threads);
    }

    /**
     * A copy that refuses, before it starts, a full or sampled check whose estimated time exceeds {@code budget}
     * (estimated from the first evaluations of the function), with a {@link CheckBudgetExceededException} that
     * gives the estimate and what to do instead. The default is {@link #DEFAULT_TIME_BUDGET}.
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
        return with(s -> s.timeBudget = budget);
    }

    private static void require(Object value, String name, String example) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null: use for example " + example);
        }
    }

    /** {@return the finite-difference scheme of the first estimate} */
    public DifferenceScheme scheme() {
        return settings.scheme;
    }

    /** {@return the step-size policy} */
    public StepSize stepSize() {
        return settings.stepSize;
    }

    /** {@return the tolerance} */
    public Tolerance tolerance() {
        return settings.tolerance;
    }

    /** {@return the rule that names gradients of model parameters} */
    public GradientNaming gradientNaming() {
        return settings.naming;
    }

    /** {@return the precision assumed, or {@link Precision#AUTOMATIC} when it is measured} */
    public Precision precision() {
        return settings.precision;
    }

    /** {@return what is done with parameters at kinks} */
    public KinkPolicy kinkPolicy() {
        return settings.kinkPolicy;
    }

    /** {@return what is done with barely tested blocks} */
    public UntestedPolicy untestedPolicy() {
        return settings.untestedPolicy;
    }

    /** {@return how disagreeing parameters are refined} */
    public Refinement refinement() {
        return settings.refinement;
    }

    /** {@return the strategy} */
    public Strategy strategy() {
        return settings.strategy;
    }

    /** {@return the number of threads of a full check} */
    public int threads() {
        return settings.threads;
    }

    /** {@return the longest a full or sampled check may be estimated to take} */
    public Duration timeBudget() {
        return settings.timeBudget;
    }

    /** {@return the seed of random directions and samples} */
    public long seed() {
        return settings.seed;
    }

    /** {@return the relative non-determinism accepted} */
    public double nondeterminismTolerance() {
        return settings.nondeterminismTolerance;
    }

    /**
     * Checks {@code function}'s gradient at {@code point}; coordinates are named {@code x[0]}, {@code x[1]}, ...
     *
     * @param function the function under test
     * @return the check's report; never null
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
     * @param function the function under test
     * @param layout the layout that names the parameters
     * @return the check's report; never null
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
        return new CheckRun(settings, function, point, layout).execute();
    }

    /**
     * Checks a model's gradients with respect to its parameters on {@code batch}.
     *
     * @param <B> the type of a batch of examples
     * @param model the model under test
     * @param batch the examples the model is evaluated on
     * @return the check's report; never null
     * @param parameters the parameter dictionary ({@code double[]} and {@code double[][]} values, {@code float[]}
     *     and {@code float[][]} values checked in single precision as {@link #check(GradientModel, Parameters, Object)}
     *     says, in the order of an ordered map); not modified
     * @throws IllegalArgumentException if an argument is null or the dictionary is malformed or not finite
     * @throws GradientCheckException as {@link #check(DifferentiableFunction, double[])}, or when a gradient is
     *     missing or mis-shaped
     */
    public <B> GradientReport check(GradientModel<B> model, Map<String, ?> parameters, B batch) {
        return check(model, Parameters.copyOf(parameters), batch);
    }

    /**
     * Checks a model's gradients with respect to {@code parameters} on {@code batch}. If the parameters have
     * {@linkplain org.gradcheck.layout.Block#isSinglePrecision() single-precision blocks} ({@code float[]} or
     * {@code float[][]}) and this checker's precision is {@link Precision#AUTOMATIC}, the model is checked as one
     * computed in {@code float}, with {@link Precision#FLOAT}.
     *
     * @param <B> the type of a batch of examples
     * @param model the model under test
     * @param batch the examples the model is evaluated on
     * @return the check's report; never null
     * @param parameters the parameters; not modified
     * @throws IllegalArgumentException as {@link #check(GradientModel, Map, Object)}
     * @throws GradientCheckException as {@link #check(GradientModel, Map, Object)}
     */
    public <B> GradientReport check(GradientModel<B> model, Parameters parameters, B batch) {
        if (parameters == null) {
            throw new IllegalArgumentException("parameters must not be null: pass the model's parameters");
        }
        ModelFunction<B> function = ModelFunction.of(model, parameters.layout(), batch, settings.naming);
        GradientChecker checker = settings.precision == Precision.AUTOMATIC && parameters.layout().hasSinglePrecisionBlocks()
                ? withPrecision(Precision.FLOAT) : this;
        return checker.check(function, parameters.values(), parameters.layout());
    }

    /**
     * Checks and asserts: returns the report if every parameter passed.
     *
     * @param function the function under test
     * @param point the point to check at; not modified
     * @return the check's report; never null
     * @throws GradientMismatchError if a parameter fails; its message is the report
     */
    public GradientReport assertMatches(DifferentiableFunction function, double[] point) {
        return GradientAssertions.requirePassed(check(function, point));
    }

    /**
     * Checks a model and asserts: returns the report if every parameter passed.
     *
     * @param <B> the type of a batch of examples
     * @param model the model under test
     * @param parameters the parameter values, by block name
     * @param batch the examples the model is evaluated on
     * @return the check's report; never null
     * @throws GradientMismatchError if a parameter fails; its message is the report
     */
    public <B> GradientReport assertMatches(GradientModel<B> model, Map<String, ?> parameters, B batch) {
        return GradientAssertions.requirePassed(check(model, parameters, batch));
    }

    /**
     * Checks a model and asserts: returns the report if every parameter passed.
     *
     * @param <B> the type of a batch of examples
     * @param model the model under test
     * @param parameters the parameter values, by block name
     * @param batch the examples the model is evaluated on
     * @return the check's report; never null
     * @throws GradientMismatchError if a parameter fails; its message is the report
     */
    public <B> GradientReport assertMatches(GradientModel<B> model, Parameters parameters, B batch) {
        return GradientAssertions.requirePassed(check(model, parameters, batch));
    }

    @Override
    public String toString() {
        return "GradientChecker[" + settings.scheme + ", step " + settings.stepSize.describe(settings.scheme) + ", "
                + settings.tolerance + ", precision " + settings.precision + ", refinement " + settings.refinement
                + ", strategy " + settings.strategy + ", threads " + settings.threads + "]";
    }
}
