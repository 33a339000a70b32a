package org.gradcheck.junit;

import java.util.List;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;

/** One trial's invocation: its display name and the extensions that supply, report and explain it. */
final class TrialInvocationContext implements TestTemplateInvocationContext {

    private final Trial trial;
    private final ParameterPlan plan;
    private final String methodDisplayName;

    TrialInvocationContext(Trial trial, ParameterPlan plan, String methodDisplayName) {
        this.trial = trial;
        this.plan = plan;
        this.methodDisplayName = methodDisplayName;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
        return TrialNameFormatter.format(trial.settings.namePattern, trial.info, trial.hasExamples(), methodDisplayName);
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
        ReportRecorder recorder = new ReportRecorder();
        return List.of(new TrialParameterResolver(trial, plan, recorder), new TrialReportPublisher(trial, recorder),
                new TrialFailureHandler(trial));
    }
}
