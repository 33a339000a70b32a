package org.gradcheck.junit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrialStackTraceTests {

    private static final String FIXTURE = TrialsTestCase.class.getName();

    @Test
    void gradChecksFramesAndTheReflectionItCallsThroughGoAboveTheTrialAndEverythingGoesBelowIt() throws Exception {
        StackTraceElement[] frames = {
            frame("com.acme.Layer", "backward"),
            frame("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke"),
            frame("java.lang.reflect.Method", "invoke"),
            frame("org.gradcheck.engine.Evaluator", "gradient"),
            frame("org.gradcheck.GradientChecker", "check"),
            frame("java.util.ArrayList", "forEach"),
            frame(FIXTURE, "helper"),
            frame(FIXTURE, "trial"),
            frame("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke"),
            frame("java.lang.reflect.Method", "invoke"),
            frame("java.util.Optional", "ifPresent"),
            frame("org.junit.jupiter.engine.descriptor.TemplateExecutor", "execute"),
            frame("org.gradcheck.junit.GradientCheckExtension", "provideTestTemplateInvocationContexts"),
            frame("org.apache.maven.surefire.booter.ForkedBooter", "main"),
        };
        StackTraceElement[] copy = frames.clone();

        assertEquals(List.of("com.acme.Layer.backward", "java.util.ArrayList.forEach", FIXTURE + ".helper", FIXTURE + ".trial"),
                names(TrialStackTrace.trimmed(frames, trial())),
                "the user's code and the JDK code it calls stay; GradCheck's and the reflection it used go");
        assertArrayEquals(copy, frames, "not modified");
    }

    @Test
    void withoutTheTrialsFrameOnlyGradChecksFramesGo() throws Exception {
        StackTraceElement[] frames = {
            frame("com.acme.Layer", "backward"),
            frame("java.lang.reflect.Method", "invoke"),
            frame("org.gradcheck.engine.Evaluator", "lambda$run$0"),
            frame("java.util.concurrent.ForkJoinWorkerThread", "run"),
        };

        assertEquals(List.of("com.acme.Layer.backward", "java.util.concurrent.ForkJoinWorkerThread.run"),
                names(TrialStackTrace.trimmed(frames, trial())), "a helper thread's frames, which never reach the trial");
    }

    @Test
    void framesOfNothingButGradCheckStayAsTheyAre() throws Exception {
        StackTraceElement[] frames = {frame("org.gradcheck.engine.Kernel", "decide"), frame("org.gradcheck.engine.Run", "run")};

        assertArrayEquals(frames, TrialStackTrace.trimmed(frames, trial()));
    }

    @Test
    void causesAreTrimmedAlike() throws Exception {
        IllegalStateException cause = new IllegalStateException("inner");
        cause.setStackTrace(new StackTraceElement[] {frame("com.acme.Layer", "forward"),
            frame("org.gradcheck.engine.Evaluator", "first"), frame(FIXTURE, "trial"),
            frame("java.lang.reflect.Method", "invoke")});
        RuntimeException failure = new RuntimeException("outer", cause);

        TrialStackTrace.trimCauses(failure, trial());

        assertEquals(List.of("com.acme.Layer.forward", FIXTURE + ".trial"), names(cause.getStackTrace()));
    }

    private static Method trial() throws NoSuchMethodException {
        return TrialsTestCase.class.getDeclaredMethod("trial");
    }

    private static StackTraceElement frame(String className, String method) {
        return new StackTraceElement(className, method, "Source.java", 10);
    }

    private static List<String> names(StackTraceElement[] frames) {
        List<String> names = new ArrayList<>();
        for (StackTraceElement frame : frames) {
            names.add(frame.getClassName() + "." + frame.getMethodName());
        }
        return names;
    }

    static class TrialsTestCase {

        void trial() {
        }
    }
}
