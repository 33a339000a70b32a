package org.gradcheck.junit;

import java.lang.reflect.Method;
import java.util.Optional;
import org.gradcheck.GradientChecker;
import org.gradcheck.Precision;
import org.gradcheck.Tolerance;
import org.gradcheck.DifferenceScheme;
import org.gradcheck.StepSize;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The settings of one {@code @GradientCheck} method: each comes from the annotation attribute, else from the
 * configuration parameter, else from the default. Invalid values fail with a message naming the attribute or key.
 */
final class GradientCheckSettings {

    /** Where the root seed came from: it decides what the rerun line has to set. */
    enum SeedOrigin { ATTRIBUTE, CONFIGURATION, FRESH }

    final int trials;
    final int examples;
    /** How many examples are drawn and which attribute or key says so: {@code 2 (attribute examples)}. */
    final String examplesSetting;
    final long rootSeed;
    final SeedOrigin seedOrigin;
    /** The only trial to run (from 1), or 0 for all. */
    final int selectedTrial;
    /** The checker of every kind of check: gradients, Jacobians, Hessians. */
    final GradientChecker checker;
    final String namePattern;
    /** Whether passing trials print their figures to standard output. */
    final boolean printFigures;

    private GradientCheckSettings(int trials, int examples, String examplesSetting, long rootSeed, SeedOrigin seedOrigin, int selectedTrial,
            GradientChecker checker, String namePattern, boolean printFigures) {
        this.trials = trials;
        this.examples = examples;
        this.examplesSetting = examplesSetting;
        this.rootSeed = rootSeed;
        this.seedOrigin = seedOrigin;
        this.selectedTrial = selectedTrial;
        this.checker = checker;
        this.namePattern = namePattern;
        this.printFigures = printFigures;
    }

    static GradientCheckSettings resolve(Method method, GradientCheck annotation, ExtensionContext context) {
        ConfigurationReader reader = new ConfigurationReader(method, context);
        int trials = reader.count("trials", annotation.trials(), GradientCheckConstants.TRIALS_KEY,
                GradientCheckConstants.DEFAULT_TRIALS, "the number of invocations");
        int examples = reader.count("examples", annotation.examples(), GradientCheckConstants.EXAMPLES_KEY,
                GradientCheckConstants.DEFAULT_EXAMPLES, "the number of examples each trial draws");
        String examplesSetting = examples + (annotation.examples() != GradientCheck.UNSET ? " (attribute examples)"
                : context.getConfigurationParameter(GradientCheckConstants.EXAMPLES_KEY).isPresent()
                        ? " (configuration parameter " + GradientCheckConstants.EXAMPLES_KEY + ")"
                        : " (the default of the attribute examples and " + GradientCheckConstants.EXAMPLES_KEY + ")");
        long seed;
        SeedOrigin origin;
        if (!annotation.seed().isEmpty()) {
            seed = reader.seedAttribute(annotation.seed());
            origin = SeedOrigin.ATTRIBUTE;
        } else {
            Optional<String> configured = context.getConfigurationParameter(GradientCheckConstants.SEED_KEY);
            if (configured.isPresent()) {
                seed = reader.seedParameter(configured.get());
                origin = SeedOrigin.CONFIGURATION;
            } else {
                seed = SeedSequence.freshSeed();
                origin = SeedOrigin.FRESH;
            }
        }
        int selected = reader.selectedTrial(trials);
        DifferenceScheme scheme = reader.scheme(annotation.scheme());
        Tolerance tolerance = Tolerance.of(
                reader.tolerance("tolerance", annotation.tolerance(), GradientCheckConstants.TOLERANCE_KEY,
                        Tolerance.defaults().relativePart()),
                reader.tolerance("absoluteTolerance", annotation.absoluteTolerance(),
                        GradientCheckConstants.ABSOLUTE_TOLERANCE_KEY, Tolerance.defaults().absolutePart()));
        StepSize step = reader.step(annotation.epsilon());
        Precision precision = reader.precision(annotation.precision());
        GradientChecker checker = GradientChecker.defaults()
                .withScheme(scheme)
                .withPrecision(precision)
                .withStrategy(reader.strategy(annotation.strategy()))
                .withTolerance(tolerance)
                .withStepSize(step);
        String pattern = !annotation.name().isBlank() ? annotation.name()
                : context.getConfigurationParameter(GradientCheckConstants.DISPLAY_NAME_KEY).filter(p -> !p.isBlank())
                        .orElse(GradientCheckConstants.DEFAULT_DISPLAY_NAME);
        return new GradientCheckSettings(trials, examples, examplesSetting, seed, origin, selected, checker, pattern,
                reader.printFigures());
    }
}
