package org.gradcheck.junit;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.gradcheck.junit.ExampleSet;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Turns a {@link GradientCheck @GradientCheck} method into its trials: reads the settings and the data set, draws
 * each trial's examples, checks the parameters, and provides one invocation per trial. Everything that can be
 * misconfigured is checked here, so that it fails the test container before any trial runs.
 */
final class GradientCheckExtension implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(method -> AnnotationSupport.isAnnotated(method, GradientCheck.class))
                .orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        GradientCheck annotation = AnnotationSupport.findAnnotation(method, GradientCheck.class).orElseThrow();
        GradientCheckSettings settings = GradientCheckSettings.resolve(method, annotation, context);
        Optional<ExampleSource> source = ExampleSourceResolver.find(method, context.getRequiredTestClass());
        if (source.isEmpty() && annotation.examples() != GradientCheck.UNSET) {
            throw Misconfiguration.of(method, "attribute examples = " + annotation.examples() + " but there is no data set"
                    + " to draw them from", "name one with @ExampleSource(\"...\"), or remove examples");
        }
        ExampleSet<?> dataSet = source.map(s -> ExampleSourceResolver.read(s, method, context)).orElse(null);
        int size = dataSet == null ? 0 : dataSetSize(dataSet, source.get(), method, settings);
        List<Trial> trials = new ArrayList<>();
        for (int trial = 1; trial <= settings.trials; trial++) {
            if (settings.selectedTrial == 0 || settings.selectedTrial == trial) {
                trials.add(Trial.create(context.getRequiredTestClass(), method, settings, trial, dataSet, size));
            }
        }
        Object sampleBatch = dataSet == null ? null : sampleBatch(trials.get(0), source.get(), method);
        ParameterPlan plan = ParameterPlan.of(method, source, sampleBatch, settings.examples);
        String displayName = context.getDisplayName();
        return trials.stream().map(trial -> new TrialInvocationContext(trial, plan, displayName));
    }

    private static int dataSetSize(ExampleSet<?> dataSet, ExampleSource source, Method method,
            GradientCheckSettings settings) {
        int size = dataSet.size();
        if (size < settings.examples) {
            throw Misconfiguration.of(method, "the data set of @ExampleSource(\"" + source.value() + "\") has " + size
                    + (size == 1 ? " example" : " examples") + " but each trial draws " + settings.examplesSetting,
                    "draw at most " + size + " per trial, or give the data set more examples");
        }
        return size;
    }

    private static Object sampleBatch(Trial first, ExampleSource source, Method method) {
        Object batch;
        try {
            batch = first.batch();
        } catch (RuntimeException e) {
            throw Misconfiguration.of(method, "the data set of @ExampleSource(\"" + source.value() + "\") threw " + e
                    + " for the examples " + first.info.exampleIndices(), "fix its batch method");
        }
        if (batch == null) {
            throw Misconfiguration.of(method, "the data set of @ExampleSource(\"" + source.value()
                    + "\") returned a null batch for the examples " + first.info.exampleIndices(),
                    "make its batch method return the examples");
        }
        return batch;
    }
}
