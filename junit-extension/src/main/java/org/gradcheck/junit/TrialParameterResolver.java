package org.gradcheck.junit;

import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Supplies the parameters of one trial's invocation of the test method, as its {@link ParameterPlan} says. */
final class TrialParameterResolver implements ParameterResolver {

    private final Trial trial;
    private final ParameterPlan plan;
    private final ReportRecorder recorder;
    private Random random;

    TrialParameterResolver(Trial trial, ParameterPlan plan, ReportRecorder recorder) {
        this.trial = trial;
        this.plan = plan;
        this.recorder = recorder;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getDeclaringExecutable().equals(trial.method)
                && plan.kindOf(parameterContext.getIndex()) != null;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        int index = parameterContext.getIndex();
        Parameter parameter = parameterContext.getParameter();
        switch (plan.kindOf(index)) {
            case CHECKER:
                return trial.settings.checker.withSeed(trial.info.trialSeed()).withProgressListener(recorder);
            case TRIAL_INFO:
                return trial.info;
            case RANDOM:
                return random();
            case POINT:
                return point(parameter.getAnnotation(RandomPoint.class), index);
            case BATCH:
                return checked(batch(), parameter, index);
            case EXAMPLE:
                return checked(((List<?>) batch()).get(0), parameter, index);
            default:
                throw new IllegalStateException("no kind for parameter " + index);
        }
    }

    private synchronized Random random() {
        if (random == null) {
            random = new Random(trial.info.trialSeed());
        }
        return random;
    }

    private double[] point(RandomPoint annotation, int index) {
        SplittableRandom generator = new SplittableRandom(SeedSequence.pointSeed(trial.info.trialSeed(), index));
        double[] point = new double[annotation.dimension()];
        double width = annotation.max() - annotation.min();
        for (int i = 0; i < point.length; i++) {
            point[i] = annotation.min() + width * generator.nextDouble();
        }
        return point;
    }

    private Object batch() {
        try {
            return trial.batch();
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("The data set of " + Misconfiguration.describe(trial.method)
                    + " threw " + e + " for the examples " + trial.info.exampleIndices() + " of trial " + trial.info.trial(), e);
        }
    }

    private Object checked(Object value, Parameter parameter, int index) {
        if (!parameter.getType().isInstance(value)) {
            throw new ParameterResolutionException("The data set of " + Misconfiguration.describe(trial.method)
                    + " returned " + (value == null ? "null" : "a " + value.getClass().getName()) + " for trial "
                    + trial.info.trial() + ", which parameter " + ParameterPlan.describe(parameter, index)
                    + " cannot receive: its batch method must return the same type for every trial, never null");
        }
        return value;
    }
}
