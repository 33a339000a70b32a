package org.gradcheck.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.gradcheck.DerivativeMismatchError;
import org.gradcheck.DifferenceScheme;
import org.gradcheck.GradientChecker;
import org.gradcheck.StepSize;
import org.gradcheck.Tolerance;
import org.gradcheck.function.TwiceDifferentiableFunction;
import org.gradcheck.function.VectorFunction;
import org.gradcheck.report.JacobianReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@code @GradientCheck} methods that check Jacobians and Hessians through the injected {@link GradientChecker}, run
 * through the engine; and methods that still ask for the removed {@code JacobianChecker} or {@code HessianChecker}.
 */
class JacobianParameterTests {

    /** y = (x0 x1, sin x2, x0 + x2^2) with its backward and forward passes. */
    static final VectorFunction LAYER = VectorFunction.builder(x -> new double[] {x[0] * x[1], Math.sin(x[2]), x[0] + x[2] * x[2]})
            .vectorJacobianProduct((x, u) -> new double[] {u[0] * x[1] + u[2], u[0] * x[0], u[1] * Math.cos(x[2]) + 2 * u[2] * x[2]})
            .jacobianVectorProduct((x, v) -> new double[] {x[1] * v[0] + x[0] * v[1], Math.cos(x[2]) * v[2], v[0] + 2 * x[2] * v[2]})
            .build();

    /** The same layer whose backward pass forgets the derivative of sin. */
    static final VectorFunction BUGGY_LAYER = VectorFunction.builder(x -> new double[] {x[0] * x[1], Math.sin(x[2]), x[0] + x[2] * x[2]})
            .vectorJacobianProduct((x, u) -> new double[] {u[0] * x[1] + u[2], u[0] * x[0], u[1] + 2 * u[2] * x[2]})
            .build();

    /** f(x) = x0^2 x1 + exp(x1). */
    static final TwiceDifferentiableFunction CUBIC = TwiceDifferentiableFunction.of(x -> x[0] * x[0] * x[1] + Math.exp(x[1]),
            x -> new double[] {2 * x[0] * x[1], x[0] * x[0] + Math.exp(x[1])},
            x -> new double[][] {{2 * x[1], 2 * x[0]}, {2 * x[0], Math.exp(x[1])}});

    @Test
    void jacobianChecksOfTheInjectedCheckerAreSeededByTheTrial() {
        EngineExecutionResults results = EngineRunner.run(LayerTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3).failed(0));
        List<Map<String, String>> entries = EngineRunner.entries(results);
        entries.removeIf(entry -> !entry.containsKey("seed"));
        assertEquals(3, entries.size());
        for (int trial = 1; trial <= 3; trial++) {
            assertEquals(Long.toString(SeedSequence.trialSeed(81273, trial)), entries.get(trial - 1).get("seed"),
                    "the random vectors of the adjoint checks are seeded by the trial");
            assertEquals("3", entries.get(trial - 1).get("adjoint checks"));
        }
    }

    @Test
    void jacobianAndHessianChecksAreConfiguredByAttributesThenConfigurationParameters() {
        EngineExecutionResults results = EngineRunner.run(ConfiguredTestCase.class, "gradcheck.epsilon", "1e-4",
                "gradcheck.scheme", "Backward", "gradcheck.tolerance", "1e-3", "gradcheck.tolerance.absolute", "1e-7");

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        List<Map<String, String>> entries = EngineRunner.entries(results);
        entries.removeIf(entry -> !entry.containsKey("checker"));
        long seed = SeedSequence.trialSeed(1, 1);
        GradientChecker attributes = GradientChecker.defaults().withScheme(DifferenceScheme.FORWARD)
                .withStepSize(StepSize.absolute(1e-3)).withTolerance(Tolerance.of(1e-2, 1e-8)).withSeed(seed);
        GradientChecker configuration = GradientChecker.defaults().withScheme(DifferenceScheme.BACKWARD)
                .withStepSize(StepSize.absolute(1e-4)).withTolerance(Tolerance.of(1e-3, 1e-7)).withSeed(seed);
        assertEquals(attributes.toString(), entries.get(0).get("checker"));
        assertEquals(configuration.toString(), entries.get(1).get("checker"));
        for (int method = 0; method < 2; method++) {
            GradientChecker expected = method == 0 ? attributes : configuration;
            Map<String, String> entry = entries.get(method);
            for (String check : List.of("jacobian", "hessian")) {
                assertEquals(expected.scheme() + ", step " + expected.stepSize().describe(expected.scheme()) + ", "
                        + expected.tolerance() + ", seed " + seed, entry.get(check),
                        "the " + check + " check ran with the method's scheme, step, tolerance and trial seed");
            }
        }
    }

    @Test
    void failingJacobianKeepsItsReportAndEndsWithTheRerunProperty() {
        EngineExecutionResults results = EngineRunner.run(FailingLayerTestCase.class, "gradcheck.seed", "4242");

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(0).failed(2));
        List<Throwable> failures = EngineRunner.failures(results);
        for (int trial = 1; trial <= 2; trial++) {
            DerivativeMismatchError failure = assertInstanceOf(DerivativeMismatchError.class, failures.get(trial - 1));
            String message = failure.getMessage();
            assertTrue(message.startsWith("Jacobian check failed: 1 of 9 entries disagree\n  worst y[1] / x[2]: analytic "), message);
            assertEquals("y[1] / x[2]", failure.report().failures().get(0).name());
            assertTrue(failure.getExpected().getStringRepresentation().contains("y[1] / x[2] = "));
            assertTrue(message.endsWith("\n\nTrial " + trial + " of 2 of JacobianParameterTests$FailingLayerTestCase"
                    + "#layer(double[], GradientChecker)\n"
                    + "  root seed: 4242 (configuration parameter gradcheck.seed)\n"
                    + "  trial seed: " + SeedSequence.trialSeed(4242, trial) + "\n"
                    + "Rerun this trial alone with -Dgradcheck.seed=4242 -Dgradcheck.trial=" + trial + "\n"
                    + "  for example: mvn test -Dtest='JacobianParameterTests$FailingLayerTestCase#layer'"
                    + " -Dgradcheck.seed=4242 -Dgradcheck.trial=" + trial), message);
        }
    }

    @Test
    void hessianCheckerChecksSecondDerivativesAtRandomPoints() {
        EngineExecutionResults results = EngineRunner.run(HessianTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(2).failed(2));
        for (Throwable failure : EngineRunner.failures(results)) {
            DerivativeMismatchError error = assertInstanceOf(DerivativeMismatchError.class, failure);
            assertTrue(error.getMessage().startsWith("Hessian check failed: 1 of 4 entries disagree\n  worst dx[1] / x[1]: analytic 0, "),
                    error::getMessage);
            assertTrue(error.getMessage().contains("\n  root seed: 9 (@GradientCheck(seed = \"9\"))\n"), error::getMessage);
            assertTrue(error.getMessage().contains("\nRerun this trial alone with -Dgradcheck.trial="),
                    error::getMessage);
        }
    }

    @Test
    void aMethodAskingForARemovedCheckerFailsItsContainerSayingWhatReplacesIt() {
        EngineExecutionResults results = EngineRunner.run(RemovedCheckersTestCase.class);

        assertEquals(0, results.testEvents().started().count(), "no trial runs");
        Map<String, Throwable> failures = EngineRunner.containerFailures(results);
        String prefix = "Invalid @GradientCheck on JacobianParameterTests$RemovedCheckersTestCase#";
        assertEquals(Map.of(
                "jacobian(double[], JacobianChecker)", prefix + "jacobian(double[], JacobianChecker): parameter [1]"
                        + " JacobianChecker asks for org.gradcheck.jacobian.JacobianChecker, which GradCheck no longer has:"
                        + " one GradientChecker makes every kind of check (an older gradcheck-core is on the class path);"
                        + " declare the parameter as GradientChecker and call checker.assertJacobianMatches(function, x) or"
                        + " checker.checkJacobian(function, x), and remove the older gradcheck-core from the class path",
                "hessian(HessianChecker)", prefix + "hessian(HessianChecker): parameter [0] HessianChecker asks for"
                        + " org.gradcheck.hessian.HessianChecker, which GradCheck no longer has: one GradientChecker makes"
                        + " every kind of check (an older gradcheck-core is on the class path); declare the parameter as"
                        + " GradientChecker and call checker.assertHessianMatches(function, x) or"
                        + " checker.checkHessian(function, x) (checkHessianProducts for Hessian-vector products), and remove"
                        + " the older gradcheck-core from the class path"),
                messages(failures));
        failures.values().forEach(failure -> assertInstanceOf(ExtensionConfigurationException.class, failure));
    }

    /** The messages by method, without parameter names (which a build with {@code -parameters} adds). */
    private static Map<String, String> messages(Map<String, Throwable> failures) {
        Map<String, String> messages = new java.util.LinkedHashMap<>();
        failures.forEach((name, failure) -> messages.put(name, failure.getMessage().replace("Checker checker asks",
                "Checker asks")));
        return messages;
    }

    static class LayerTestCase {

        @GradientCheck(trials = 3, seed = "81273")
        void layer(@RandomPoint(dimension = 3) double[] x, GradientChecker checker, TestReporter reporter) {
            int adjoint = checker.assertJacobianMatches(LAYER, x).consistencyChecks().size();
            reporter.publishEntry(Map.of("seed", Long.toString(checker.seed()), "adjoint checks", Integer.toString(adjoint)));
        }
    }

    static class ConfiguredTestCase {

        @GradientCheck(trials = 1, seed = "1", epsilon = 1e-3, tolerance = 1e-2, absoluteTolerance = 1e-8,
                scheme = DifferenceScheme.FORWARD)
        void attributes(GradientChecker checker, TestReporter reporter) {
            publish(checker, reporter);
        }

        @GradientCheck(trials = 1, seed = "1")
        void configuration(GradientChecker checker, TestReporter reporter) {
            publish(checker, reporter);
        }

        private static void publish(GradientChecker checker, TestReporter reporter) {
            double[] x = {0.5, 1.0, -0.5};
            reporter.publishEntry(Map.of("checker", checker.toString(),
                    "jacobian", settings(checker.checkJacobian(LAYER, x)),
                    "hessian", settings(checker.checkHessian(CUBIC, new double[] {0.5, 1.0}))));
        }

        private static String settings(JacobianReport report) {
            return report.scheme() + ", step " + report.stepDescription() + ", " + report.tolerance() + ", seed "
                    + report.seed();
        }
    }

    static class FailingLayerTestCase {

        @GradientCheck(trials = 2)
        void layer(@RandomPoint(dimension = 3, min = 0.5, max = 1.5) double[] x, GradientChecker checker) {
            checker.assertJacobianMatches(BUGGY_LAYER, x);
        }
    }

    static class HessianTestCase {

        @GradientCheck(trials = 2, seed = "9")
        void right(@RandomPoint(dimension = 2) double[] x, GradientChecker checker) {
            checker.assertHessianMatches(CUBIC, x);
        }

        @GradientCheck(trials = 2, seed = "9")
        void wrong(@RandomPoint(dimension = 2) double[] x, GradientChecker checker) {
            checker.assertHessianMatches(TwiceDifferentiableFunction.of(CUBIC::value, CUBIC::gradient, p -> {
                double[][] h = CUBIC.hessian(p);
                h[1][1] = 0;
                return h;
            }), x);
        }
    }

    @SuppressWarnings("unused")
    static class RemovedCheckersTestCase {

        @GradientCheck
        void jacobian(@RandomPoint(dimension = 3) double[] x, org.gradcheck.jacobian.JacobianChecker checker) {
        }

        @GradientCheck
        void hessian(org.gradcheck.hessian.HessianChecker checker) {
        }
    }
}
