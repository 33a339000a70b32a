package org.gradcheck.junit;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.gradcheck.GradientChecker;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestReporter;

/**
 * Decides, once per method, what each parameter of a {@code @GradientCheck} method receives, and rejects the
 * parameters nothing can supply. Parameters of JUnit's own types and annotated parameters are left to other
 * resolvers.
 */
final class ParameterPlan {

    enum Kind { BATCH, EXAMPLE, POINT, RANDOM, CHECKER, TRIAL_INFO }

    private static final String SUPPORTED = "GradientChecker, TrialInfo, java.util.Random, RandomGenerator,"
            + " a @RandomPoint double[]";

    /**
     * The checkers GradCheck used to inject, which {@link GradientChecker} replaced, with the calls that replace
     * theirs. A method can only ask for one when an older gradcheck-core is on the class path.
     */
    private static final Map<String, String> REMOVED_CHECKERS = Map.of(
            "org.gradcheck.jacobian.JacobianChecker", "checker.assertJacobianMatches(function, x) or checker.checkJacobian(function, x)",
            "org.gradcheck.hessian.HessianChecker", "checker.assertHessianMatches(function, x) or checker.checkHessian(function, x)"
                    + " (checkHessianProducts for Hessian-vector products)");

    private final Kind[] kinds;

    private ParameterPlan(Kind[] kinds) {
        this.kinds = kinds;
    }

    /** What the parameter at {@code index} receives, or null if it is left to other resolvers. */
    Kind kindOf(int index) {
        return index < kinds.length ? kinds[index] : null;
    }

    /**
     * The plan for {@code method}; {@code sampleBatch} is the first trial's batch, or null without a data source.
     *
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException if a parameter cannot be supplied
     */
    static ParameterPlan of(Method method, Optional<ExampleSource> source, Object sampleBatch, int examples) {
        Parameter[] parameters = method.getParameters();
        Kind[] kinds = new Kind[parameters.length];
        boolean examplesReceived = false;
        boolean infoReceived = false;
        for (int i = 0; i < parameters.length; i++) {
            Parameter parameter = parameters[i];
            Class<?> type = parameter.getType();
            RandomPoint point = parameter.getAnnotation(RandomPoint.class);
            String replacement = REMOVED_CHECKERS.get(type.getName());
            if (replacement != null) {
                throw Misconfiguration.of(method, "parameter " + describe(parameter, i) + " asks for " + type.getName()
                        + ", which GradCheck no longer has: one GradientChecker makes every kind of check (an older"
                        + " gradcheck-core is on the class path)", "declare the parameter as GradientChecker and call "
                        + replacement + ", and remove the older gradcheck-core from the class path");
            } else if (point != null) {
                checkPoint(method, parameter, i, point);
                kinds[i] = Kind.POINT;
            } else if (type == GradientChecker.class) {
                kinds[i] = Kind.CHECKER;
            } else if (type == TrialInfo.class) {
                kinds[i] = Kind.TRIAL_INFO;
                infoReceived = true;
            } else if (type == Random.class || type == RandomGenerator.class) {
                kinds[i] = Kind.RANDOM;
            } else if (sampleBatch != null && !examplesReceived && type.isInstance(sampleBatch)) {
                kinds[i] = Kind.BATCH;
                examplesReceived = true;
            } else if (sampleBatch != null && !examplesReceived && examples == 1 && sampleBatch instanceof List
                    && ((List<?>) sampleBatch).size() == 1 && type.isInstance(((List<?>) sampleBatch).get(0))) {
                kinds[i] = Kind.EXAMPLE;
                examplesReceived = true;
            } else if (!leftToOthers(parameter)) {
                throw unsupported(method, parameter, i, source, sampleBatch, examples);
            }
        }
        if (sampleBatch != null && !examplesReceived && !infoReceived) {
            throw Misconfiguration.of(method, "no parameter receives the examples drawn from @ExampleSource(\""
                    + source.get().value() + "\")", "add a parameter of type " + batchType(sampleBatch)
                    + " (or TrialInfo for their indices), or remove @ExampleSource");
        }
        return new ParameterPlan(kinds);
    }

    private static boolean leftToOthers(Parameter parameter) {
        Class<?> type = parameter.getType();
        return type == TestInfo.class || type == TestReporter.class || type == RepetitionInfo.class
                || parameter.getAnnotations().length > 0;
    }

    private static void checkPoint(Method method, Parameter parameter, int index, RandomPoint point) {
        String name = describe(parameter, index);
        if (parameter.getType() != double[].class) {
            throw Misconfiguration.of(method, "@RandomPoint parameter " + name + " is not a double[]",
                    "declare it as @RandomPoint(dimension = ...) double[]");
        }
        if (point.dimension() < 1) {
            throw Misconfiguration.of(method, "@RandomPoint parameter " + name + " has dimension = " + point.dimension(),
                    "set dimension to the number of coordinates, 1 or more");
        }
        if (!Double.isFinite(point.min()) || !Double.isFinite(point.max()) || !(point.min() < point.max())) {
            throw Misconfiguration.of(method, "@RandomPoint parameter " + name + " has min = " + point.min() + " and max = "
                    + point.max(), "set finite bounds with min < max, for example min = -1, max = 1");
        }
    }

    private static RuntimeException unsupported(Method method, Parameter parameter, int index,
            Optional<ExampleSource> source, Object sampleBatch, int examples) {
        String problem = "parameter " + describe(parameter, index) + " is of a type @GradientCheck cannot supply";
        if (sampleBatch == null) {
            return Misconfiguration.of(method, problem, "declare one of " + SUPPORTED
                    + ", or name a data set with @ExampleSource to receive drawn examples");
        }
        String example = "";
        if (examples == 1 && sampleBatch instanceof List && !((List<?>) sampleBatch).isEmpty()) {
            example = " or " + ((List<?>) sampleBatch).get(0).getClass().getName() + " (the one example)";
        }
        return Misconfiguration.of(method, problem + ": the data set of @ExampleSource(\"" + source.get().value()
                + "\") gives batches of type " + batchType(sampleBatch), "declare the parameter as " + batchType(sampleBatch)
                + " (the batch)" + example + ", or as one of " + SUPPORTED);
    }

    static String batchType(Object batch) {
        return batch instanceof List ? "java.util.List" : batch.getClass().getName();
    }

    static String describe(Parameter parameter, int index) {
        return "[" + index + "] " + parameter.getType().getSimpleName() + (parameter.isNamePresent() ? " " + parameter.getName() : "");
    }
}
