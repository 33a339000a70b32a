package org.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.engine.EngineConstants;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.GradientReport;
import org.gradcheck.report.Entry;
import org.gradcheck.report.Verdict;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The decision rule of {@link GradientChecker}: error bounds, refinement, kinks, non-determinism, untested blocks, precision. */
class DecisionRuleTests {

    private static final DifferentiableFunction ABS = DifferentiableFunction.of(
            x -> Math.abs(x[0]) + x[1] * x[1],
            x -> new double[] {Math.signum(x[0]), 2 * x[1]});

    private static DifferentiableFunction absWithSubgradient(double subgradient) {
        return DifferentiableFunction.of(
                x -> Math.abs(x[0]) + x[1] * x[1],
                x -> new double[] {x[0] == 0 ? subgradient : Math.signum(x[0]), 2 * x[1]});
    }

    @Nested
    class Kinks {

        @Test
        void subgradientAtAKinkIsAcceptedAndCounted() {
            GradientReport report = GradientChecker.defaults().check(absWithSubgradient(0.3), new double[] {0, 0.5});
            assertTrue(report.passed(), report::toString);
            assertEquals(1, report.kinkCount());
            Entry kink = report.parameter("x[0]");
            assertEquals(Verdict.KINK, kink.verdict());
            assertTrue(kink.kink());
            assertEquals(-1, kink.leftDerivative(), 1e-6);
            assertEquals(1, kink.rightDerivative(), 1e-6);
            assertTrue(report.warnings().contains("1 entry is at a kink (left and right derivatives differ at the point); the"
                    + " analytic values lie between them and are accepted as subgradients"), report.warnings()::toString);
        }

        @Test
        void valueOutsideTheOneSidedDerivativesFails() {
            GradientReport report = GradientChecker.defaults().check(absWithSubgradient(2.0), new double[] {0, 0.5});
            assertFalse(report.passed());
            assertEquals(1, report.failureCount(), report::toString);
            assertEquals("x[0]", report.failures().get(0).name());
            assertEquals(0, report.kinkCount());
        }

        /**
         * A kink 1e-10 from the point is inside the first step (6e-6) but not at the point: refinement steps under it
         * and judges the derivative there (the Kernel's rule: the point sits on a kink only if the gap persists down to
         * the smallest step the noise resolves).
         */
        @Test
        void kinkWithinAStepOfThePointIsSteppedUnder() {
            GradientReport report = GradientChecker.defaults().check(ABS, new double[] {1e-10, 0.5});
            assertTrue(report.passed(), report::toString);
            Entry x0 = report.parameter(0);
            assertEquals(Verdict.PASS, x0.verdict());
            assertFalse(x0.kink());
            assertEquals(0, report.kinkCount());
            assertEquals(1, x0.numerical(), 1e-4);
            assertTrue(x0.reason().startsWith("judged at step "), x0::reason);
            assertEquals(1, report.refinedCount());
        }

        @Test
        void kinkPolicyFailMakesKinksFailures() {
            GradientReport report = GradientChecker.defaults().withKinkPolicy(KinkPolicy.FAIL)
                    .check(absWithSubgradient(0.0), new double[] {0, 0.5});
            assertFalse(report.passed());
            assertEquals(Verdict.FAIL, report.parameter(0).verdict());
            assertEquals(1, report.kinkCount());
            assertTrue(report.warnings().get(0).endsWith("and failed by KinkPolicy.FAIL"), report.warnings()::toString);
        }
    }

    @Nested
    class Refinements {

        /** {@code exp(1000 x) 1e-200}: the central difference's truncation error at the automatic step is 6e-6 relative. */
        private final DifferentiableFunction steep = DifferentiableFunction.of(
                x -> 1e-200 * Math.exp(1000 * x[0]) + x[1] * x[1],
                x -> new double[] {1e-197 * Math.exp(1000 * x[0]), 2 * x[1]});

        @Test
        void truncationErrorIsResolvedByRiddersInsteadOfFailing() {
            double[] point = {0.5, 0.25};
            GradientReport plain = GradientChecker.defaults().withRefinement(Refinement.NONE).check(steep, point);
            assertFalse(plain.passed(), "the first estimate alone is off by its truncation error");
            GradientReport refined = GradientChecker.defaults().check(steep, point);
            assertTrue(refined.passed(), refined::toString);
            assertEquals(1, refined.refinedCount());
            Entry x0 = refined.parameter(0);
            assertTrue(x0.relativeError() < 1e-9, "refined relative error " + x0.relativeError());
        }

        @Test
        void aWrongGradientStaysWrongAfterRefinementAndShowsMismatchNextToNumericalError() {
            DifferentiableFunction wrong = DifferentiableFunction.of(steep::value, x -> {
                double[] g = steep.gradient(x);
                g[0] *= 1.001;
                return g;
            });
            GradientReport report = GradientChecker.defaults().check(wrong, new double[] {0.5, 0.25});
            assertFalse(report.passed());
            Entry worst = report.failures().get(0);
            assertEquals("x[0]", worst.name());
            assertTrue(worst.absoluteError() > 100 * worst.numericalError(),
                    "mismatch " + worst.absoluteError() + " must stand far above the numerical error " + worst.numericalError());
            assertEquals("Gradient check failed: 1 of 2 parameters disagree", report.headline());
            assertEquals(List.of("  worst x[0]: analytic 1.405e+20, numerical 1.404e+20, mismatch 1.404e+17, allowed 1.420e+14",
                    "      (numerical error 1.522e+12)"), report.toString().lines().skip(1).limit(2).toList());
        }

        @Test
        void aCorrectCheckCostsTwoEvaluationsPerParameterPlusFourteenWithoutRefinement() {
            DifferentiableFunction quadratic = DifferentiableFunction.of(x -> {
                double sum = 0;
                for (double v : x) {
                    sum += v * v;
                }
                return sum;
            }, x -> {
                double[] g = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    g[i] = 2 * x[i];
                }
                return g;
            });
            double[] point = new Random(3).doubles(50, -1, 1).toArray();
            GradientReport report = GradientChecker.defaults().check(quadratic, point);
            assertTrue(report.passed());
            assertEquals(0, report.refinedCount());
            assertEquals(2 * 50 + 4 + EngineConstants.NOISE_PROBE_POINTS + 2, report.evaluations(),
                    "2N, f(x) and the gradient twice, eight for the noise measurement, f(x) twice at the end");
            assertEquals(8, EngineConstants.NOISE_PROBE_POINTS);
            GradientReport declared = GradientChecker.defaults().withPrecision(Precision.DOUBLE).check(quadratic, point);
            assertEquals(2 * 50 + 4 + 2, declared.evaluations());
        }
    }

    @Nested
    class NonDeterminism {

        private DifferentiableFunction withNoise(double relative) {
            Random random = new Random(1);
            return DifferentiableFunction.of(
                    x -> (x[0] * x[0] + x[1] * x[1] + 1) * (1 + relative * random.nextGaussian()),
                    x -> new double[] {2 * x[0], 2 * x[1]});
        }

        @Test
        void differentValuesAtTheSamePointStopTheCheckWithTheUsualCauses() {
            CheckRefusedException error = assertThrows(CheckRefusedException.class,
                    () -> GradientChecker.defaults().check(withNoise(1e-9), new double[] {0.3, 0.4}));
            assertTrue(error.getMessage().startsWith("the function is not deterministic: f(x) was "), error.getMessage());
            assertTrue(error.getMessage().contains("dropout or another random layer left on"), error.getMessage());
            assertTrue(error.getMessage().contains("withNondeterminismTolerance(...)"), error.getMessage());
        }

        @Test
        void statedNonDeterminismIsTreatedAsNoise() {
            GradientReport report = GradientChecker.defaults().withNondeterminismTolerance(1e-6)
                    .check(withNoise(1e-9), new double[] {0.3, 0.4});
            assertTrue(report.passed(), report::toString);
        }

        @Test
        void toleranceOutsideItsRangeIsRejected() {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> GradientChecker.defaults().withNondeterminismTolerance(-1));
            assertEquals("non-determinism tolerance must be in [0, 1) but was -1.0: it is the relative difference allowed"
                    + " between two values of the function at the same point, e.g. 1e-6", error.getMessage());
        }
    }

    @Nested
    class UntestedBlocks {

        /** tanh(w x) with a huge input: the block w is saturated, its gradients are exactly zero. */
        private final DifferentiableFunction saturated = DifferentiableFunction.of(
                x -> Math.tanh(1000 * (x[0] + x[1] + x[2])) + x[3] * x[3],
                x -> {
                    double t = Math.tanh(1000 * (x[0] + x[1] + x[2]));
                    double d = 1000 * (1 - t * t);
                    return new double[] {d, d, d, 2 * x[3]};
                });
        private final ParameterLayout layout = ParameterLayout.builder().vector("w", 3).vector("v", 1).build();

        @Test
        void barelyTestedBlockPassesWithAWarningThatNamesIt() {
            GradientReport report = GradientChecker.defaults().check(saturated, new double[] {1, 2, 3, 0.5}, layout);
            assertTrue(report.passed(), report::toString);
            assertEquals(1, report.barelyTestedBlocks());
            assertEquals(3, report.blocks().get(0).negligible());
            // f = tanh(6000) + 0.5^2 = 1.25 at the point
            assertEquals("block w was barely tested: 3 of 3 entries (100.0%) have analytic and reference values"
                    + " indistinguishable from zero: moving them by their step changes the function by less than its rounding"
                    + " noise. Saturated tanh or sigmoid units (scale the inputs, e.g. to [0, 1]) and dead ReLUs are the usual"
                    + " cause; so is a function value so large (|f| = 1.3e+00) that its rounding hides small derivatives.",
                    report.warnings().get(0));
            assertTrue(report.toString().contains("  warning: block w was barely tested"), report::toString);
        }

        @Test
        void untestedPolicyFailFailsTheCheck() {
            GradientReport report = GradientChecker.defaults().withUntestedPolicy(UntestedPolicy.FAIL)
                    .check(saturated, new double[] {1, 2, 3, 0.5}, layout);
            assertFalse(report.passed());
            assertEquals(0, report.failureCount());
            assertEquals("Gradient check failed: 4 parameters agree within the tolerance, but 1 block was barely tested"
                    + " (UntestedPolicy.FAIL)", report.headline());
            assertThrows(DerivativeMismatchError.class, () -> GradientAssertions.requirePassed(report));
        }
    }

    @Nested
    class Precisions {

        private final DifferentiableFunction floatSines = DifferentiableFunction.of(x -> {
            float sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += (float) Math.sin((float) x[i]) * (i + 1);
            }
            return sum;
        }, x -> {
            double[] g = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                g[i] = Math.cos(x[i]) * (i + 1);
            }
            return g;
        });
        private final double[] point = {0.4, -0.9, 1.3, 0.2};

        @Test
        void floatInternalsAreMeasuredAndGetAStepThatFitsFloat() {
            GradientReport report = GradientChecker.defaults().check(floatSines, point);
            assertTrue(report.passed(), report::toString);
            assertTrue(report.precisionDescription().startsWith("single or lower (measured noise "),
                    report.precisionDescription());
            assertFalse(GradientChecker.defaults().withPrecision(Precision.DOUBLE).withRefinement(Refinement.NONE)
                    .check(floatSines, point).passed(), "assumed double precision, the float noise fails the first estimate");
            GradientReport refined = GradientChecker.defaults().withPrecision(Precision.DOUBLE).check(floatSines, point);
            assertTrue(refined.passed() && refined.refinedCount() > 0,
                    "Ridders' error estimate sees the noise even when the precision is declared wrongly");
        }

        @Test
        void declaredFloatPrecisionPassesAndIsReported() {
            GradientReport report = GradientChecker.defaults().withPrecision(Precision.FLOAT).check(floatSines, point);
            assertTrue(report.passed(), report::toString);
            assertEquals("float (declared)", report.precisionDescription());
            assertTrue(report.stepDescription().startsWith("4.922e-03 * max(|x|, 1)"), report.stepDescription());
        }

        @Test
        void doubleFunctionIsMeasuredAsDouble() {
            GradientReport report = GradientChecker.defaults().check(ABS, new double[] {0.7, 0.5});
            assertTrue(report.precisionDescription().startsWith("double (measured noise "), report.precisionDescription());
        }
    }
}
