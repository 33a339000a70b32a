package org.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradcheck.CheckRefusedException;
import org.gradcheck.DerivativeMismatchError;
import org.gradcheck.GradientAssertions;
import org.gradcheck.GradientChecker;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.junit.GradientCheck;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The stack trace of a failed {@code @GradientCheck} trial, as Maven Surefire prints it: the user's frames from the
 * failing line down to the trial's method, without GradCheck's frames or the frames that invoke the trial. The
 * fixture lives in a package of the user's, since GradCheck trims the frames of its own packages.
 */
class FailedTrialStackTraceTests {

    /** The line of each fixture's failing call, by method name. */
    static final Map<String, Integer> LINES = new LinkedHashMap<>();

    @Test
    void aFailedCheckEndsAtTheLineOfTheTrialThatAskedForIt() {
        Throwable failure = run("assertMatchesFails");

        assertEquals(DerivativeMismatchError.class, failure.getClass());
        assertEquals(List.of(frame("assertMatchesFails")), frames(failure), "one frame: the user's line; no GradCheck"
                + " frame, no reflection, no JUnit, no stream frames of the test template: " + printed(failure));
    }

    @Test
    void theUsersHelpersStayAboveTheTrialsMethod() {
        Throwable failure = run("failsInAHelper");

        assertEquals(List.of(frame("requireAPass"), frame("failsInAHelper")), frames(failure), printed(failure));
    }

    @Test
    void theFramesOfAJUnitAssertionStayAsJUnitLeavesThem() {
        Throwable failure = run("junitAssertionFails");

        List<String> frames = frames(failure);
        assertEquals(frame("junitAssertionFails"), frames.get(frames.size() - 1), printed(failure));
        for (String frame : frames.subList(0, frames.size() - 1)) {
            assertTrue(frame.startsWith("org.junit.jupiter.api."), frame);
        }
    }

    @Test
    void anExceptionOfTheUsersFunctionShowsItsLineAndTheTrialsWithoutGradChecksFramesBetween() {
        Throwable failure = run("functionThrows");

        assertEquals(CheckRefusedException.class, failure.getClass());
        assertEquals(List.of(frame("functionThrows")), frames(failure), printed(failure));
        Throwable cause = failure.getCause();
        assertEquals(IllegalStateException.class, cause.getClass());
        String lambda = cause.getStackTrace()[0].getMethodName();
        assertTrue(lambda.startsWith("lambda$exploding$"), lambda);
        assertEquals(List.of(TrialsTestCase.class.getName() + "." + lambda + "(FailedTrialStackTraceTests.java:"
                + LINES.get("exploding") + ")", frame("functionThrows")), frames(cause), "the user's function and the"
                + " trial's line, without GradCheck's evaluation between them: " + printed(failure));
        assertTrue(printed(failure).contains("\n\t... 1 more\n"), "the cause shares the trial's frame: " + printed(failure));
        assertEquals("org.gradcheck.junit.TrialFailureHandler$TrialReproduction", failure.getSuppressed()[0].getClass().getName());
    }

    @Test
    void theWholeStackTraceStaysWhenJUnitsPruningIsSwitchedOff() {
        Throwable failure = run("assertMatchesFails", "junit.platform.stacktrace.pruning.enabled", "false");

        List<String> frames = frames(failure);
        assertEquals(frame("assertMatchesFails"), frames.get(0));
        assertTrue(frames.stream().anyMatch(frame -> frame.startsWith("org.junit.platform.commons.util.ReflectionUtils.")),
                printed(failure));
        assertTrue(frames.size() > 50, printed(failure));
    }

    /** Runs trial method {@code method} of the fixture; returns its failure. */
    private static Throwable run(String method, String... keyValues) {
        Map<String, String> configuration = new LinkedHashMap<>();
        configuration.put("gradcheck.stdout", "false");
        for (int i = 0; i < keyValues.length; i += 2) {
            configuration.put(keyValues[i], keyValues[i + 1]);
        }
        List<Throwable> failures = new ArrayList<>();
        EngineTestKit.engine("junit-jupiter").enableImplicitConfigurationParameters(false).configurationParameters(configuration)
                .selectors(selectMethod(TrialsTestCase.class, method, "org.gradcheck.GradientChecker")).execute()
                .testEvents().failed().stream().forEach(event -> failures.add(
                        event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow()));
        assertEquals(1, failures.size(), method);
        return failures.get(0);
    }

    private static List<String> frames(Throwable throwable) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement frame : throwable.getStackTrace()) {
            frames.add(frame.toString());
        }
        return frames;
    }

    /** The fixture's frame of {@code method} at its failing line. */
    private static String frame(String method) {
        return TrialsTestCase.class.getName() + "." + method + "(FailedTrialStackTraceTests.java:" + LINES.get(method) + ")";
    }

    private static String printed(Throwable throwable) {
        StringWriter text = new StringWriter();
        throwable.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    /** The line that calls this method. */
    private static int line() {
        return new Throwable().getStackTrace()[1].getLineNumber();
    }

    static class TrialsTestCase {

        private static final DifferentiableFunction WRONG = DifferentiableFunction.of(x -> x[0] * x[0] + x[1],
                x -> new double[] {3 * x[0], 1});

        @GradientCheck(trials = 1, seed = "1")
        void assertMatchesFails(GradientChecker checker) {
            LINES.put("assertMatchesFails", line() + 1);
            checker.assertMatches(WRONG, new double[] {0.5, 1.5});
        }

        @GradientCheck(trials = 1, seed = "1")
        void failsInAHelper(GradientChecker checker) {
            LINES.put("failsInAHelper", line() + 1);
            requireAPass(checker);
        }

        private static void requireAPass(GradientChecker checker) {
            LINES.put("requireAPass", line() + 1);
            GradientAssertions.requirePassed(checker.check(WRONG, new double[] {0.5, 1.5}));
        }

        @GradientCheck(trials = 1, seed = "1")
        void junitAssertionFails(GradientChecker checker) {
            LINES.put("junitAssertionFails", line() + 1);
            Assertions.assertEquals(1, checker.check(WRONG, new double[] {0.5, 1.5}).failureCount() + 1);
        }

        @GradientCheck(trials = 1, seed = "1")
        void functionThrows(GradientChecker checker) {
            LINES.put("functionThrows", line() + 1);
            checker.check(exploding(), new double[] {0.5, 1.5});
        }

        private static DifferentiableFunction exploding() {
            return DifferentiableFunction.of(x -> {
                LINES.put("exploding", line() + 1);
                throw new IllegalStateException("the model is not initialised");
            }, x -> new double[] {1, 1});
        }
    }
}
