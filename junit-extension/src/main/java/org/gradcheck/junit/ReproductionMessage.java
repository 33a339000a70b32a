package org.gradcheck.junit;

/**
 * The lines a failing trial's message ends with: which trial, its seeds and examples, and how to rerun exactly it.
 *
 * <pre>
 * Trial 2 of 3 of GradientTests#backprop(List, GradientChecker)
 *   root seed: 81273 (fresh random seed)
 *   trial seed: -5204478153357914624
 *   examples: [17, 140]
 * Rerun this trial alone with -Dgradcheck.seed=81273 -Dgradcheck.trial=2
 *   for example: mvn test -Dtest='GradientTests#backprop' -Dgradcheck.seed=81273 -Dgradcheck.trial=2
 * </pre>
 */
final class ReproductionMessage {

    /** Indices listed in a failure message; the rest are counted. */
    static final int MAX_INDICES_IN_MESSAGE = 50;

    private ReproductionMessage() {
    }

    static String of(Trial trial) {
        TrialInfo info = trial.info;
        StringBuilder text = new StringBuilder();
        text.append("Trial ").append(info.trial()).append(" of ").append(info.trials()).append(" of ")
                .append(Misconfiguration.describe(trial.method)).append('\n');
        text.append("  root seed: ").append(info.rootSeed()).append(" (").append(origin(trial)).append(")\n");
        text.append("  trial seed: ").append(info.trialSeed()).append('\n');
        if (trial.hasExamples()) {
            text.append("  examples: ").append(TrialNameFormatter.indices(info.exampleIndices(), MAX_INDICES_IN_MESSAGE))
                    .append('\n');
        }
        text.append("Rerun this trial alone with ").append(info.rerunProperties()).append('\n');
        text.append("  for example: mvn test -Dtest='").append(Misconfiguration.testClassName(trial.testClass))
                .append('#').append(trial.method.getName()).append("' ").append(info.rerunProperties());
        return text.toString();
    }

    private static String origin(Trial trial) {
        switch (trial.seedOrigin) {
            case ATTRIBUTE:
                return "@GradientCheck(seed = \"" + trial.info.rootSeed() + "\")";
            case CONFIGURATION:
                return "configuration parameter " + GradientCheckConstants.SEED_KEY;
            default:
                return "fresh random seed";
        }
    }
}
