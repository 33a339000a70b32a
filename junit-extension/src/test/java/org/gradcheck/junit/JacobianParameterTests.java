package org.gradcheck.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.gradcheck.Tolerance;
import org.gradcheck.DifferenceScheme;
import org.gradcheck.StepSize;
import org.gradcheck.hessian.HessianChecker;
import org.gradcheck.function.TwiceDifferentiableFunction;
import org.gradcheck.jacobian.JacobianChecker;
import org.gradcheck.jacobian.JacobianMismatchError;
import org.gradcheck.function.VectorFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code @GradientCheck} methods that receive a {@link JacobianChecker} or a {@link HessianChecker}, run through the engine. */
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
    void jacobianCheckerIsInjectedAndSeededByTheTrial() {
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
    void jacobianAndHessianCheckersAreConfiguredByAttributesThenConfigurationParameters() {
        EngineExecutionResults results = EngineRunner.run(ConfiguredTestCase.class, "gradcheck.epsilon", "1e-4",
                "gradcheck.scheme", "Backward", "gradcheck.tolerance", "1e-3", "gradcheck.tolerance.absolute", "1e-7");

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        List<Map<String, String>> entries = EngineRunner.entries(results);
        entries.removeIf(entry -> !entry.containsKey("jacobian"));
        long seed = SeedSequence.trialSeed(1, 1);
        assertEquals(JacobianChecker.defaults().withScheme(DifferenceScheme.FORWARD).withStepSize(StepSize.absolute(1e-3))
                .withTolerance(Tolerance.of(1e-2, 1e-8)).withSeed(seed).toString(), entries.get(0).get("jacobian"));
        assertEquals(HessianChecker.defaults().withScheme(DifferenceScheme.FORWARD).withStepSize(StepSize.absolute(1e-3))
                .withTolerance(Tolerance.of(1e-2, 1e-8)).withSeed(seed).toString(), entries.get(0).get("hessian"));
        assertEquals(JacobianChecker.defaults().withScheme(DifferenceScheme.BACKWARD).withStepSize(StepSize.absolute(1e-4))
                .withTolerance(Tolerance.of(1e-3, 1e-7)).withSeed(seed).toString(), entries.get(1).get("jacobian"));
        assertEquals(HessianChecker.defaults().withScheme(DifferenceScheme.BACKWARD).withStepSize(StepSize.absolute(1e-4))
                .withTolerance(Tolerance.of(1e-3, 1e-7)).withSeed(seed).toString(), entries.get(1).get("hessian"));
    }

    @Test
    void failingJacobianKeepsItsReportAndEndsWithTheRerunProperty() {
        EngineExecutionResults results = EngineRunner.run(FailingLayerTestCase.class, "gradcheck.seed", "4242");

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(0).failed(2));
        List<Throwable> failures = EngineRunner.failures(results);
        for (int trial = 1; trial <= 2; trial++) {
            JacobianMismatchError failure = assertInstanceOf(JacobianMismatchError.class, failures.get(trial - 1));
            String message = failure.getMessage();
            assertTrue(message.startsWith("Jacobian check failed: 1 of 9 entries disagree, worst y[1] / x[2] "), message);
            assertEquals("y[1] / x[2]", failure.report().failures().get(0).name());
            assertTrue(failure.getExpected().getStringRepresentation().contains("y[1] / x[2] = "));
            assertTrue(message.endsWith("\n\nTrial " + trial + " of 2 of JacobianParameterTests$FailingLayerTestCase"
                    + "#layer(double[], JacobianChecker)\n"
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
            JacobianMismatchError error = assertInstanceOf(JacobianMismatchError.class, failure);
            assertTrue(error.getMessage().startsWith("Hessian check failed: 1 of 4 entries disagree, worst dx[1] / x[1] "),
                    error::getMessage);
            assertTrue(error.getMessage().contains("\n  root seed: 9 (@GradientCheck(seed = \"9\"))\n"), error::getMessage);
            assertTrue(error.getMessage().contains("\nRerun this trial alone with -Dgradcheck.trial="),
                    error::getMessage);
        }
    }

    static class LayerTestCase {

        @GradientCheck(trials = 3, seed = "81273")
        void layer(@RandomPoint(dimension = 3) double[] x, JacobianChecker checker, TestReporter reporter) {
            int adjoint = checker.assertMatches(LAYER, x).productChecks().size();
            reporter.publishEntry(Map.of("seed", Long.toString(checker.seed()), "adjoint checks", Integer.toString(adjoint)));
        }
    }

    static class ConfiguredTestCase {

        @GradientCheck(trials = 1, seed = "1", epsilon = 1e-3, tolerance = 1e-2, absoluteTolerance = 1e-8,
                scheme = DifferenceScheme.FORWARD)
        void attributes(JacobianChecker jacobian, HessianChecker hessian, TestReporter reporter) {
            reporter.publishEntry(Map.of("jacobian", jacobian.toString(), "hessian", hessian.toString()));
        }

        @GradientCheck(trials = 1, seed = "1")
        void configuration(JacobianChecker jacobian, HessianChecker hessian, TestReporter reporter) {
            reporter.publishEntry(Map.of("jacobian", jacobian.toString(), "hessian", hessian.toString()));
        }
    }

    static class FailingLayerTestCase {

        @GradientCheck(trials = 2)
        void layer(@RandomPoint(dimension = 3, min = 0.5, max = 1.5) double[] x, JacobianChecker checker) {
            checker.assertMatches(BUGGY_LAYER, x);
        }
    }

    static class HessianTestCase {

        @GradientCheck(trials = 2, seed = "9")
        void right(@RandomPoint(dimension = 2) double[] x, HessianChecker checker) {
            checker.assertMatches(CUBIC, x);
        }

        @GradientCheck(trials = 2, seed = "9")
        void wrong(@RandomPoint(dimension = 2) double[] x, HessianChecker checker) {
            checker.assertMatches(TwiceDifferentiableFunction.of(CUBIC::value, CUBIC::gradient, p -> {
                double[][] h = CUBIC.hessian(p);
                h[1][1] = 0;
                return h;
            }), x);
        }
    }
}
