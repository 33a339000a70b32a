package org.gradcheck.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The JUnit configuration parameters that {@link GradientCheck @GradientCheck} reads, their defaults and the
 * display-name placeholders.
 *
 * <p>Configuration parameters come from {@code src/test/resources/junit-platform.properties}, from Surefire's
 * {@code <configurationParameters>}, or from JVM system properties: {@code mvn test -Dgradcheck.trials=10} works
 * because Surefire hands properties given on the Maven command line to the forked test JVM. An annotation
 * attribute wins over its configuration parameter. An invalid value fails the test container with a message
 * that names the key and the value; it is never replaced by a default.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class GradientCheckConstants {

    /** Trials per method when neither {@code trials} nor {@value #TRIALS_KEY} is set. */
    public static final int DEFAULT_TRIALS = 3;

    /** Examples per trial when neither {@code examples} nor {@value #EXAMPLES_KEY} is set. */
    public static final int DEFAULT_EXAMPLES = 1;

    /** {@code gradcheck.trials}: trials per method, for example {@code gradcheck.trials=10}. */
    public static final String TRIALS_KEY = "gradcheck.trials";

    /** {@code gradcheck.examples}: examples drawn per trial, for example {@code gradcheck.examples=2}. */
    public static final String EXAMPLES_KEY = "gradcheck.examples";

    /**
     * {@code gradcheck.seed}: the root seed, a decimal {@code long}, for example {@code gradcheck.seed=81273}; with
     * {@value #TRIAL_KEY} it reruns one trial of a failure.
     */
    public static final String SEED_KEY = "gradcheck.seed";

    /**
     * {@code gradcheck.trial}: runs only this trial (from 1) of every {@code @GradientCheck} method, for example
     * {@code gradcheck.trial=2}; the trial keeps its number, seed and examples.
     */
    public static final String TRIAL_KEY = "gradcheck.trial";

    /**
     * {@code gradcheck.epsilon}: the finite-difference step, a number above 0 such as {@code gradcheck.epsilon=1e-7},
     * or {@code automatic} for the step scaled to each parameter.
     */
    public static final String EPSILON_KEY = "gradcheck.epsilon";

    /** {@code gradcheck.tolerance}: the relative tolerance, for example {@code gradcheck.tolerance=1e-5}. */
    public static final String TOLERANCE_KEY = "gradcheck.tolerance";

    /** {@code gradcheck.tolerance.absolute}: the absolute tolerance, for example {@code gradcheck.tolerance.absolute=1e-9}. */
    public static final String ABSOLUTE_TOLERANCE_KEY = "gradcheck.tolerance.absolute";

    /** {@code gradcheck.scheme}: {@code central}, {@code forward} or {@code backward} (any case). */
    public static final String SCHEME_KEY = "gradcheck.scheme";

    /**
     * {@code gradcheck.precision}: {@code automatic} (the default: the function's noise is measured), {@code double}
     * or {@code float} (any case), for example {@code gradcheck.precision=float} for models computed in {@code float}.
     */
    public static final String PRECISION_KEY = "gradcheck.precision";

    /**
     * {@code gradcheck.strategy}: which parameters each trial's checker examines: {@code automatic} (the default:
     * every parameter when a full check is estimated at most 1 s, directional screening otherwise), {@code full},
     * {@code screening}, {@code taylor}, or {@code sampled:K} for K parameters per block.
     * {@code -Dgradcheck.strategy=screening} makes the checks of a large model fast in CI while still naming a wrong
     * parameter.
     */
    public static final String STRATEGY_KEY = "gradcheck.strategy";

    /** {@code gradcheck.displayname}: the display-name pattern of every trial, for example {@code gradcheck.displayname=#{index} {examples}}. */
    public static final String DISPLAY_NAME_KEY = "gradcheck.displayname";

    /**
     * {@code gradcheck.stdout}: whether a passing trial also prints its figures as one line to standard output,
     * {@code true} (the default) or {@code false}. Maven Surefire ignores JUnit report entries but records each
     * test's standard output in {@code target/surefire-reports}, so this line is how passing checks leave figures
     * there.
     */
    public static final String STDOUT_KEY = "gradcheck.stdout";

    /**
     * {@code gradcheck.report.enabled}: whether the run writes the suite report ({@code report.html} and
     * {@code report.json}), {@code true} (the default) or {@code false}.
     */
    public static final String REPORT_ENABLED_KEY = "gradcheck.report.enabled";

    /**
     * {@code gradcheck.report.dir}: the directory the suite report is written to, relative to the working directory
     * unless absolute, for example {@code gradcheck.report.dir=target/reports/gradcheck}.
     */
    public static final String REPORT_DIRECTORY_KEY = "gradcheck.report.dir";

    /**
     * The suite report's directory when {@value #REPORT_DIRECTORY_KEY} is not set: {@code target/gradcheck} under the
     * working directory, which Maven Surefire sets to the module's directory.
     */
    public static final String DEFAULT_REPORT_DIRECTORY = "target/gradcheck";

    /** Placeholder for the trial's number, from 1. */
    public static final String INDEX_PLACEHOLDER = "{index}";

    /** Placeholder for the number of trials. */
    public static final String TRIALS_PLACEHOLDER = "{trials}";

    /** Placeholder for the root seed. */
    public static final String SEED_PLACEHOLDER = "{seed}";

    /** Placeholder for the trial's own seed. */
    public static final String TRIAL_SEED_PLACEHOLDER = "{trialSeed}";

    /** Placeholder for the drawn examples' indices, {@code [17, 140]}. */
    public static final String EXAMPLES_PLACEHOLDER = "{examples}";

    /** Placeholder for the method's display name. */
    public static final String DISPLAY_NAME_PLACEHOLDER = "{displayName}";

    /** The default display name: {@code [2] seed=81273 examples=[17, 140]}. */
    public static final String DEFAULT_DISPLAY_NAME = "[{index}] seed={seed} examples={examples}";

    private GradientCheckConstants() {
    }
}
