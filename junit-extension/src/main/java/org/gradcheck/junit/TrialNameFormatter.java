package org.gradcheck.junit;

import java.util.List;
import java.util.StringJoiner;

/** Renders a trial's display name from the pattern: {@code [2] seed=81273 examples=[17, 140]}. */
final class TrialNameFormatter {

    /** Indices shown in a display name; the rest are counted. */
    static final int MAX_INDICES_IN_NAME = 10;

    private static final String WITHOUT_EXAMPLES = "[{index}] seed={seed}";

    private TrialNameFormatter() {
    }

    static String format(String pattern, TrialInfo info, boolean hasExamples, String methodDisplayName) {
        String effective = !hasExamples && pattern.equals(GradientCheckConstants.DEFAULT_DISPLAY_NAME) ? WITHOUT_EXAMPLES
                : pattern;
        return effective.replace(GradientCheckConstants.DISPLAY_NAME_PLACEHOLDER, methodDisplayName)
                .replace(GradientCheckConstants.INDEX_PLACEHOLDER, Integer.toString(info.trial()))
                .replace(GradientCheckConstants.TRIALS_PLACEHOLDER, Integer.toString(info.trials()))
                .replace(GradientCheckConstants.TRIAL_SEED_PLACEHOLDER, Long.toString(info.trialSeed()))
                .replace(GradientCheckConstants.SEED_PLACEHOLDER, Long.toString(info.rootSeed()))
                .replace(GradientCheckConstants.EXAMPLES_PLACEHOLDER, indices(info.exampleIndices(), MAX_INDICES_IN_NAME));
    }

    /** {@code [17, 140]}, or the first {@code limit} and {@code ... 54 more]}. */
    static String indices(List<Integer> indices, int limit) {
        StringJoiner text = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < indices.size(); i++) {
            if (i == limit) {
                text.add("... " + (indices.size() - limit) + " more");
                break;
            }
            text.add(indices.get(i).toString());
        }
        return text.toString();
    }
}
