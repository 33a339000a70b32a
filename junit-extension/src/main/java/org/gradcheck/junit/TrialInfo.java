package org.gradcheck.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * What identifies one trial of a {@link GradientCheck @GradientCheck} method: its number, its seeds and the
 * examples it drew. Declare a parameter of this type to receive it. Immutable.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TrialInfo {

    private final int trial;
    private final int trials;
    private final long rootSeed;
    private final long trialSeed;
    private final List<Integer> exampleIndices;
    private final String rerunProperties;

    TrialInfo(int trial, int trials, long rootSeed, long trialSeed, List<Integer> exampleIndices, String rerunProperties) {
        this.trial = trial;
        this.trials = trials;
        this.rootSeed = rootSeed;
        this.trialSeed = trialSeed;
        this.exampleIndices = List.copyOf(exampleIndices);
        this.rerunProperties = rerunProperties;
    }

    /** {@return the trial's number, from 1 to {@link #trials()}} */
    public int trial() {
        return trial;
    }

    /** {@return the number of trials of the method} */
    public int trials() {
        return trials;
    }

    /** {@return the root seed every trial's seed derives from} */
    public long rootSeed() {
        return rootSeed;
    }

    /** {@return this trial's seed; {@code Random} parameters are {@code new Random(trialSeed())}} */
    public long trialSeed() {
        return trialSeed;
    }

    /**
     * {@return the indices of the drawn examples in ascending order} The list is empty without {@code @ExampleSource}
     * and unmodifiable.
     */
    public List<Integer> exampleIndices() {
        return exampleIndices;
    }

    /**
     * {@return the system properties that rerun exactly this trial: {@code -Dgradcheck.seed=81273 -Dgradcheck.trial=2}}
     */
    public String rerunProperties() {
        return rerunProperties;
    }

    /** {@code trial 2 of 3, root seed 81273, trial seed -4512..., examples [17, 140]}. */
    @Override
    public String toString() {
        return "trial " + trial + " of " + trials + ", root seed " + rootSeed + ", trial seed " + trialSeed + ", examples "
                + exampleIndices;
    }
}
