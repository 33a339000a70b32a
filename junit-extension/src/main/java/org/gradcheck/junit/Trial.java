package org.gradcheck.junit;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.gradcheck.junit.ExampleSet;

/** One trial of a method: its {@link TrialInfo}, the settings and, with a data source, its batch (read once). */
final class Trial {

    final Class<?> testClass;
    final Method method;
    final TrialInfo info;
    final GradientCheckSettings settings;
    final GradientCheckSettings.SeedOrigin seedOrigin;
    private final ExampleSet<?> dataSet;
    private final int[] indices;
    private Object batch;

    private Trial(Class<?> testClass, Method method, TrialInfo info, GradientCheckSettings settings, ExampleSet<?> dataSet,
            int[] indices) {
        this.testClass = testClass;
        this.method = method;
        this.info = info;
        this.settings = settings;
        this.seedOrigin = settings.seedOrigin;
        this.dataSet = dataSet;
        this.indices = indices;
    }

    /** Trial {@code trial}; draws its examples from {@code dataSet} if there is one (else {@code dataSet} is null). */
    static Trial create(Class<?> testClass, Method method, GradientCheckSettings settings, int trial, ExampleSet<?> dataSet,
            int dataSetSize) {
        long trialSeed = SeedSequence.trialSeed(settings.rootSeed, trial);
        int[] indices = dataSet == null ? new int[0]
                : ExampleDrawer.draw(SeedSequence.streamSeed(trialSeed, SeedSequence.EXAMPLE_STREAM), settings.examples,
                        dataSetSize);
        List<Integer> indexList = new ArrayList<>(indices.length);
        for (int index : indices) {
            indexList.add(index);
        }
        String rerun = (settings.seedOrigin == GradientCheckSettings.SeedOrigin.ATTRIBUTE ? ""
                : "-D" + GradientCheckConstants.SEED_KEY + "=" + settings.rootSeed + " ")
                + "-D" + GradientCheckConstants.TRIAL_KEY + "=" + trial;
        TrialInfo info = new TrialInfo(trial, settings.trials, settings.rootSeed, trialSeed, indexList, rerun);
        return new Trial(testClass, method, info, settings, dataSet, indices);
    }

    boolean hasExamples() {
        return dataSet != null;
    }

    /** The batch of the drawn examples, read from the data set on first use; null without a data set. */
    synchronized Object batch() {
        if (batch == null && dataSet != null) {
            batch = dataSet.batch(indices.clone());
        }
        return batch;
    }
}
