package org.gradcheck.junit;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Trims the stack traces of a failed trial as AssertJ trims its assertion errors: the frames from where the failure
 * was thrown down to the trial's method stay, less GradCheck's own frames and the reflection frames through which
 * GradCheck called; the frames that invoked the trial's method go: JUnit's test template runs each trial through
 * reflection, {@code Optional} and a stream, thirteen JDK frames that JUnit's own pruning leaves in, and below them
 * are JUnit's and the build tool's. So the first frame a reader sees is the user's line that failed, and the last is
 * the trial's method. The causes are trimmed alike, so that each is printed with its own frames down to the trial's
 * method and "... 1 more".
 */
final class TrialStackTrace {

    /** GradCheck's packages, whose frames are dropped (the packages of core and of this extension). */
    static final Set<String> LIBRARY_PACKAGES = Set.of("org.gradcheck", "org.gradcheck.engine", "org.gradcheck.report",
            "org.gradcheck.layout", "org.gradcheck.function", "org.gradcheck.junit");

    /** Class name prefixes of reflection, whose frames are dropped where GradCheck calls through them. */
    private static final List<String> REFLECTION_PREFIXES = List.of("java.lang.reflect.", "jdk.internal.reflect.",
            "sun.reflect.", "java.lang.invoke.");

    private TrialStackTrace() {
    }

    /**
     * The frames of {@code frames} a reader of trial {@code method}'s failure needs; {@code frames} itself if none of
     * them would remain.
     *
     * @param frames a stack trace, innermost frame first; not modified
     * @param method the trial's method
     * @return the trimmed frames, never null
     */
    static StackTraceElement[] trimmed(StackTraceElement[] frames, Method method) {
        String testClass = method.getDeclaringClass().getName();
        String topLevelClass = testClass.contains("$") ? testClass.substring(0, testClass.indexOf('$')) : testClass;
        String nestedPrefix = topLevelClass + "$";
        int trialFrame = -1;
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getClassName().equals(testClass) && frames[i].getMethodName().equals(method.getName())) {
                trialFrame = i;
            }
        }
        // below the trial's method, only the frames that invoked it
        int end = trialFrame >= 0 ? trialFrame + 1 : frames.length;
        List<StackTraceElement> kept = new ArrayList<>(end);
        for (int i = 0; i < end; i++) {
            StackTraceElement frame = frames[i];
            // the test class and the classes nested in it, even in one of GradCheck's packages (its own tests)
            boolean user = frame.getClassName().equals(topLevelClass) || frame.getClassName().startsWith(nestedPrefix);
            if (user || !isLibrary(frame) && !(startsWithAny(frame, REFLECTION_PREFIXES) && calledByLibrary(frames, i))) {
                kept.add(frame);
            }
        }
        return kept.isEmpty() ? frames : kept.toArray(new StackTraceElement[0]);
    }

    /** Trims the stack traces of {@code throwable}'s causes in place, each as {@link #trimmed}. */
    static void trimCauses(Throwable throwable, Method method) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = throwable.getCause(); cause != null && seen.add(cause); cause = cause.getCause()) {
            cause.setStackTrace(trimmed(cause.getStackTrace(), method));
        }
    }

    /** Whether the first frame below {@code index} that is no reflection frame is GradCheck's. */
    private static boolean calledByLibrary(StackTraceElement[] frames, int index) {
        for (int i = index + 1; i < frames.length; i++) {
            if (!startsWithAny(frames[i], REFLECTION_PREFIXES)) {
                return isLibrary(frames[i]);
            }
        }
        return false;
    }

    private static boolean isLibrary(StackTraceElement frame) {
        String className = frame.getClassName();
        int dot = className.lastIndexOf('.');
        return dot > 0 && LIBRARY_PACKAGES.contains(className.substring(0, dot));
    }

    private static boolean startsWithAny(StackTraceElement frame, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (frame.getClassName().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
