package org.gradcheck.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.gradcheck.Precision;
import org.gradcheck.DifferenceScheme;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Makes a method a seeded, repeatable gradient-check test: it runs once per trial, each trial on examples drawn
 * at random (without replacement) from the data set named by {@link ExampleSource @ExampleSource}, with its own
 * seed derived from one root seed.
 *
 * <pre>{@code
 * @GradientCheck(trials = 3, examples = 2)
 * @ExampleSource("trainingSet")
 * void backpropagationMatchesFiniteDifferences(List<Example> batch, GradientChecker checker) {
 *     checker.assertMatches(network, parameters, batch);
 * }
 * }</pre>
 *
 * <p>The method's parameters may be, in any order: the drawn batch (typed as the data set's batches) or, when
 * one example is drawn from a list, the example itself; a {@code double[]} annotated {@link RandomPoint
 * &#64;RandomPoint}; a {@link java.util.Random} or {@link java.util.random.RandomGenerator} seeded for the trial;
 * a {@link org.gradcheck.GradientChecker} configured by this annotation and seeded for the trial, the one checker of
 * every kind of check (gradients, {@code checkJacobian}, {@code checkHessian}, ...); a {@link TrialInfo}; and
 * whatever other extensions resolve ({@code TestInfo}, {@code @TempDir}, ...). An unsupported parameter fails the test container
 * with a message that says what to change.
 *
 * <p>Every attribute left unset falls back to the JUnit configuration parameter named in its documentation (for
 * example {@code gradcheck.trials} in {@code junit-platform.properties} or as {@code -Dgradcheck.trials=5} on the
 * Maven command line), then to the built-in default; the keys are constants of {@link GradientCheckConstants}.
 *
 * <p>A failing trial's message ends with the root seed, the trial number and the properties that rerun exactly
 * that trial: {@code -Dgradcheck.seed=81273 -Dgradcheck.trial=2}. A passing trial publishes its overall
 * difference and worst parameter as a report entry.
 *
 * <p>May be used as a meta-annotation to give a project its own preset.
 *
 * @since 0.1
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(GradientCheckExtension.class)
@API(status = EXPERIMENTAL, since = "0.1")
// the extension is machinery: JUnit instantiates it reflectively, users never name it
@SuppressWarnings("exports")
public @interface GradientCheck {

    /** The value of an unset {@code int} attribute. */
    int UNSET = Integer.MIN_VALUE;

    /**
     * How many trials (invocations) to run, 1 or more. Unset: {@value GradientCheckConstants#TRIALS_KEY}, then
     * {@value GradientCheckConstants#DEFAULT_TRIALS}.
     *
     * @return how many trials (invocations) to run, 1 or more
     */
    int trials() default UNSET;

    /**
     * How many examples each trial draws, 1 or more and at most the data set's size. Unset:
     * {@value GradientCheckConstants#EXAMPLES_KEY}, then {@value GradientCheckConstants#DEFAULT_EXAMPLES}.
     *
     * @return how many examples each trial draws, 1 or more and at most the data set's size
     */
    int examples() default UNSET;

    /**
     * The root seed, a decimal {@code long} ({@code "81273"}); every trial's seed derives from it. Unset:
     * {@value GradientCheckConstants#SEED_KEY}, then a fresh random seed, which display names and failure messages
     * always show.
     *
     * @return the root seed, a decimal {@code long} ({@code "81273"}); every trial's seed derives from it
     */
    String seed() default "";

    /**
     * The finite-difference step {@code epsilon}, the same for every parameter ({@code 1e-7} in the article); a
     * finite number above 0. Unset ({@code NaN}): {@value GradientCheckConstants#EPSILON_KEY}, then the checker's
     * automatic step, scaled to each parameter.
     *
     * @return the finite-difference step, a finite number above 0
     */
    double epsilon() default Double.NaN;

    /**
     * The relative tolerance, a finite number of at least 0. Unset ({@code NaN}):
     * {@value GradientCheckConstants#TOLERANCE_KEY}, then {@code 1e-6}.
     *
     * @return the relative tolerance, a finite number of at least 0
     */
    double tolerance() default Double.NaN;

    /**
     * The absolute tolerance, a finite number of at least 0. Unset ({@code NaN}):
     * {@value GradientCheckConstants#ABSOLUTE_TOLERANCE_KEY}, then {@code 0}.
     *
     * @return the absolute tolerance, a finite number of at least 0
     */
    double absoluteTolerance() default Double.NaN;

    /**
     * The finite-difference scheme, at most one ({@code scheme = DifferenceScheme.FORWARD}). Unset:
     * {@value GradientCheckConstants#SCHEME_KEY}, then {@link DifferenceScheme#CENTRAL}.
     *
     * @return the finite-difference scheme, at most one
     */
    DifferenceScheme[] scheme() default {};

    /**
     * The precision the function is computed in, at most one ({@code precision = Precision.FLOAT}); see
     * {@link Precision}. Unset: {@value GradientCheckConstants#PRECISION_KEY}, then {@link Precision#AUTOMATIC}: the
     * checker measures the function's noise.
     *
     * @return the precision, at most one
     */
    Precision[] precision() default {};

    /**
     * Which parameters each trial's checker examines: {@code "automatic"}, {@code "full"}, {@code "screening"},
     * {@code "taylor"} or {@code "sampled:K"} (K parameters per block); see {@link org.gradcheck.Strategy}. Unset:
     * {@value GradientCheckConstants#STRATEGY_KEY}, then {@code automatic} (full when a full check is estimated at
     * most {@link org.gradcheck.Strategy#AUTOMATIC_FULL_TIME}, screening otherwise).
     *
     * @return the strategy of each trial's checker
     */
    String strategy() default "";

    /**
     * The display name of each trial, with the placeholders {@code {index}} (the trial, from 1), {@code {trials}},
     * {@code {seed}} (the root seed), {@code {trialSeed}}, {@code {examples}} (the drawn indices) and
     * {@code {displayName}} (the method's display name). Unset: {@value GradientCheckConstants#DISPLAY_NAME_KEY},
     * then {@value GradientCheckConstants#DEFAULT_DISPLAY_NAME} (without the examples when there is no
     * {@code @ExampleSource}).
     *
     * @return the display-name pattern of each trial
     */
    String name() default "";
}
