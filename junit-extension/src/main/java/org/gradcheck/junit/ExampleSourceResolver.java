package org.gradcheck.junit;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import org.gradcheck.junit.ExampleSet;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Finds the data set an {@link ExampleSource @ExampleSource} names and reads it: a method without parameters or a
 * field of the test class or of another class, returning an {@link ExampleSet} or a {@link List}.
 */
final class ExampleSourceResolver {

    private ExampleSourceResolver() {
    }

    /** The {@code @ExampleSource} of the method, else of its class; empty if neither has one. */
    static Optional<ExampleSource> find(Method method, Class<?> testClass) {
        Optional<ExampleSource> onMethod = AnnotationSupport.findAnnotation(method, ExampleSource.class);
        return onMethod.isPresent() ? onMethod : AnnotationSupport.findAnnotation(testClass, ExampleSource.class);
    }

    /** Reads the data set {@code source} names; never null. */
    static ExampleSet<?> read(ExampleSource source, Method method, ExtensionContext context) {
        String name = source.value().trim();
        Class<?> testClass = context.getRequiredTestClass();
        Class<?> owner = testClass;
        String memberName = name;
        int hash = name.indexOf('#');
        if (hash >= 0) {
            owner = loadClass(name.substring(0, hash), name, method, testClass);
            memberName = name.substring(hash + 1);
            if (memberName.endsWith("()")) {
                memberName = memberName.substring(0, memberName.length() - 2);
            }
        }
        if (memberName.isEmpty()) {
            throw Misconfiguration.of(method, "@ExampleSource(\"" + source.value() + "\") names no method or field",
                    "name the method or field that returns the data set, for example @ExampleSource(\"trainingSet\")");
        }
        Member member = findMember(owner, memberName);
        if (member == null) {
            throw Misconfiguration.of(method, "@ExampleSource(\"" + source.value() + "\") names no method without parameters"
                    + " and no field called " + memberName + " in " + owner.getName(), "add one that returns an ExampleSet"
                    + " or a List of examples, or correct the name (use \"com.example.Data#trainingSet\" for another class)");
        }
        Object instance = null;
        if (!Modifier.isStatic(member.getModifiers())) {
            Optional<Object> testInstance = context.getTestInstance();
            if (owner != testClass || testInstance.isEmpty() || !owner.isInstance(testInstance.get())) {
                throw Misconfiguration.of(method, "@ExampleSource(\"" + source.value() + "\") names the instance member "
                        + memberName + " of " + owner.getName() + ", which cannot be read before the trials are created",
                        "make it static, or annotate the test class with @TestInstance(Lifecycle.PER_CLASS)");
            }
            instance = testInstance.get();
        }
        Object value = readMember(member, instance, source, method);
        if (value instanceof ExampleSet) {
            return (ExampleSet<?>) value;
        }
        if (value instanceof List) {
            try {
                return ExampleSet.of((List<?>) value);
            } catch (IllegalArgumentException e) {
                throw Misconfiguration.of(method, "@ExampleSource(\"" + source.value() + "\") returned a list that "
                        + e.getMessage().replace("examples must not hold null but ", ""), "return a list without nulls");
            }
        }
        throw Misconfiguration.of(method, "@ExampleSource(\"" + source.value() + "\") returned "
                + (value == null ? "null" : "a " + value.getClass().getName()), "return an org.gradcheck.junit.ExampleSet"
                + " or a java.util.List of examples");
    }

    private static Class<?> loadClass(String className, String name, Method method, Class<?> testClass) {
        ClassLoader loader = testClass.getClassLoader();
        try {
            return Class.forName(className.trim(), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw Misconfiguration.of(method, "@ExampleSource(\"" + name + "\") names the class " + className
                    + ", which cannot be loaded (" + e + ")", "write the fully qualified class name before the '#'");
        }
    }

    private static Member findMember(Class<?> owner, String name) {
        for (Class<?> type = owner; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method candidate : type.getDeclaredMethods()) {
                if (candidate.getName().equals(name) && candidate.getParameterCount() == 0 && !candidate.isSynthetic()) {
                    return candidate;
                }
            }
            for (Field candidate : type.getDeclaredFields()) {
                if (candidate.getName().equals(name) && !candidate.isSynthetic()) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static Object readMember(Member member, Object instance, ExampleSource source, Method method) {
        try {
            if (member instanceof Method) {
                Method factory = (Method) member;
                factory.setAccessible(true);
                return factory.invoke(instance);
            }
            Field field = (Field) member;
            field.setAccessible(true);
            return field.get(instance);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new ExtensionConfigurationException("Invalid @GradientCheck on " + Misconfiguration.describe(method)
                    + ": @ExampleSource(\"" + source.value() + "\") threw " + cause + "; fix the data source", cause);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw Misconfiguration.of(method, "@ExampleSource(\"" + source.value() + "\") cannot be read (" + e + ")",
                    "make " + member.getName() + " accessible to the test");
        }
    }
}
