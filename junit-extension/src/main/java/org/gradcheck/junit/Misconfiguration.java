package org.gradcheck.junit;

import java.lang.reflect.Method;
import java.util.StringJoiner;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Builds the messages of misconfigured {@code @GradientCheck} methods: the method, what is wrong, what to change. */
final class Misconfiguration {

    private Misconfiguration() {
    }

    /** {@code Invalid @GradientCheck on Tests#check(List, GradientChecker): <problem>; <remedy>}. */
    static ExtensionConfigurationException of(Method method, String problem, String remedy) {
        return new ExtensionConfigurationException("Invalid @GradientCheck on " + describe(method) + ": " + problem + "; "
                + remedy);
    }

    /** {@code Tests#check(List, GradientChecker)}, as written in the source. */
    static String describe(Method method) {
        StringJoiner parameters = new StringJoiner(", ", "(", ")");
        for (Class<?> type : method.getParameterTypes()) {
            parameters.add(type.getSimpleName());
        }
        return testClassName(method.getDeclaringClass()) + "#" + method.getName() + parameters;
    }

    /** The class's name without its package: {@code Outer$Inner} for a nested class, as Surefire's filter wants it. */
    static String testClassName(Class<?> type) {
        String name = type.getName();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
