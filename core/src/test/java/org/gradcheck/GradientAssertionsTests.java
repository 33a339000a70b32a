package org.gradcheck;

import static org.gradcheck.GradientAssertions.assertGradientExact;
import static org.gradcheck.GradientAssertions.assertGradientsMatch;
import static org.gradcheck.GradientAssertions.assertHessianMatches;
import static org.gradcheck.GradientAssertions.assertHessianVectorProductsMatch;
import static org.gradcheck.GradientAssertions.assertJacobianMatches;
import static org.gradcheck.GradientAssertions.assertTaylorSecondOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.math3.RealFieldElement;
import org.gradcheck.GradientCheckerTests.ScaledModel;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.function.FieldFunction;
import org.gradcheck.function.TwiceDifferentiableFunction;
import org.gradcheck.function.VectorFunction;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.layout.Parameters;
import org.gradcheck.report.GradientReport;
import org.gradcheck.report.TaylorDirection;
import org.gradcheck.report.Verdict;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class GradientAssertionsTests {


    private static final DifferentiableFunction SQUARE = DifferentiableFunction.of(x -> x[0] * x[0], x -> new double[] {2 * x[0]});
    private static final DifferentiableFunction WRONG_SQUARE = DifferentiableFunction.of(x -> x[0] * x[0], x -> new double[] {3 * x[0]});

    /** {@code f(x, y) = x y + y^2}: gradient {@code (y, x + 2y)}; the wrong one forgets the {@code 2}. */
    private static DifferentiableFunction product(boolean wrong) {
        return DifferentiableFunction.of(v -> v[0] * v[1] + v[1] * v[1],
                v -> new double[] {v[1], v[0] + (wrong ? 1 : 2) * v[1]});
    }

    @Test
    void aPassingAssertionReturnsTheReport() {
        GradientReport report = assertGradientsMatch(SQUARE, new double[] {3});

        assertTrue(report.passed());
        assertEquals(6, report.parameter(0).analytic());
        assertEquals(6, report.parameter(0).numerical(), 1e-9);
    }

    @Test
    void theFailingExampleOfTheClassComment() {
        DerivativeMismatchError e = assertThrows(DerivativeMismatchError.class, () -> assertGradientsMatch(WRONG_SQUARE, new double[] {3}));

        assertEquals("Gradient check failed: 1 of 1 parameters disagree", e.getMessage().lines().findFirst().orElseThrow());
        assertEquals("  worst x[0]: analytic 9.000e+00, numerical 6.000e+00, mismatch 3.000e+00, allowed 9.001e-06\n"
                + "      (numerical error 9.335e-10)", e.getMessage().lines().skip(1).limit(2).collect(Collectors.joining("\n")));
    }

    @Nested
    class TheMismatchError {

        private final DerivativeMismatchError error = assertThrows(DerivativeMismatchError.class,
                () -> assertGradientsMatch(GradientChecker.defaults().withStep(0.5), product(true), new double[] {1, 2}));

        @Test
        void isAnOpentest4jAssertionFailedErrorWhoseMessageIsTheReport() {
            assertInstanceOf(AssertionFailedError.class, error);
            assertEquals(error.report().format(DerivativeMismatchError.MESSAGE_ROWS), error.getMessage());
            assertEquals(1, error.report().failureCount());
            assertEquals("x[1]", error.report().failures().get(0).name());
        }

        @Test
        void expectsTheNumericalGradientAndGetsTheAnalyticOne() {
            // f is quadratic, so the central difference with step 0.5 is exact: n = (2, 5)
            assertTrue(error.isExpectedDefined());
            assertTrue(error.isActualDefined());
            assertEquals("x[0] = 2.0\nx[1] = 5.0\n", error.getExpected().getValue());
            assertEquals("x[0] = 2.0\nx[1] = 3.0\n", error.getActual().getValue());
        }

        @Test
        void takesALongerMessageAndKeepsTheReportsExpectedAndActualValues() {
            String message = error.getMessage() + "\nRerun with -Dgradcheck.seed=7";

            DerivativeMismatchError longer = new DerivativeMismatchError(error.report(), message);

            assertEquals(message, longer.getMessage());
            assertSame(error.report(), longer.report());
            assertEquals("x[0] = 2.0\nx[1] = 5.0\n", longer.getExpected().getValue());
            assertEquals("x[0] = 2.0\nx[1] = 3.0\n", longer.getActual().getValue());
        }

        @Test
        void refusesANullReportOrMessage() {
            assertEquals("report must not be null: a mismatch error carries the failed report",
                    assertThrows(IllegalArgumentException.class, () -> new DerivativeMismatchError(null, "text")).getMessage());
            assertEquals("message must not be null: use report.format(DerivativeMismatchError.MESSAGE_ROWS) for the"
                    + " report's own text, which the one-argument constructor uses", assertThrows(IllegalArgumentException.class,
                            () -> new DerivativeMismatchError(error.report(), null)).getMessage());
        }
    }

    @Test
    void largeReportsListOnlyTheFailingParameters() {
        int n = 1500;
        DifferentiableFunction sum = DifferentiableFunction.of(x -> {
            double s = 0;
            for (double v : x) {
                s += v;
            }
            return s;
        }, x -> {
            double[] gradient = new double[x.length];
            java.util.Arrays.fill(gradient, 1);
            gradient[700] = 2;
            gradient[1400] = 0;
            return gradient;
        });

        DerivativeMismatchError e = assertThrows(DerivativeMismatchError.class, () -> assertGradientsMatch(sum, new double[n]));

        // more than DerivativeMismatchError.MAX_LISTED_ENTRIES (1000) checked: only the two failing parameters, in flat order
        assertEquals(1500, e.report().checkedCount());
        assertEquals("x[700] = 1.0\nx[1400] = 1.0\n", e.getExpected().getValue());
        assertEquals("x[700] = 2.0\nx[1400] = 0.0\n", e.getActual().getValue());
    }

    @Nested
    class Overloads {

        private final Map<String, Double> scales = Map.of("W1", 1.0, "b1", 1e-6, "W2", 1.0, "b2", 1.0);

        @Test
        void withAChecker() {
            GradientChecker forward = GradientChecker.defaults().withScheme(DifferenceScheme.FORWARD).withStep(0.01)
                    .withRefinement(Refinement.NONE);

            assertEquals(DifferenceScheme.FORWARD, assertGradientsMatch(forward.withTolerance(Tolerance.relative(1e-2)), SQUARE,
                    new double[] {3}).scheme());
            assertThrows(DerivativeMismatchError.class, () -> assertGradientsMatch(forward, SQUARE, new double[] {3}));
        }

        @Test
        void withALayout() {
            ParameterLayout layout = ParameterLayout.builder().vector("a", 1).vector("b", 1).build();

            assertEquals("b[0]", assertGradientsMatch(product(false), new double[] {1, 2}, layout).parameter(1).name());
            DerivativeMismatchError e = assertThrows(DerivativeMismatchError.class,
                    () -> assertGradientsMatch(product(true), new double[] {1, 2}, layout));
            assertEquals("b[0]", e.report().failures().get(0).name());
        }

        @Test
        void withAModel() {
            Map<String, Object> parameters = GradientCheckerTests.scaledModelParameters();

            assertTrue(assertGradientsMatch(new ScaledModel(null), parameters, scales).passed());
            assertTrue(assertGradientsMatch(GradientChecker.defaults(), new ScaledModel(null), parameters, scales).passed());
            assertTrue(assertGradientsMatch(GradientChecker.defaults(), new ScaledModel(null), Parameters.copyOf(parameters), scales).passed());
            assertEquals("b2", assertThrows(DerivativeMismatchError.class,
                    () -> assertGradientsMatch(new ScaledModel("b2"), parameters, scales)).report().failures().get(0).block());
            assertEquals("W1", assertThrows(DerivativeMismatchError.class, () -> assertGradientsMatch(GradientChecker.defaults(),
                    new ScaledModel("W1"), Parameters.copyOf(parameters), scales)).report().failures().get(0).block());
        }

        @Test
        void aNullCheckerIsRejected() {
            String message = "checker must not be null: use GradientChecker.defaults()";

            assertEquals(message, assertThrows(IllegalArgumentException.class,
                    () -> assertGradientsMatch(null, SQUARE, new double[] {3})).getMessage());
            assertEquals(message, assertThrows(IllegalArgumentException.class,
                    () -> assertGradientsMatch(null, new ScaledModel(null), Map.of("b1", new double[] {1}), scales)).getMessage());
        }
    }

    @Test
    void requirePassedReturnsAPassingReportAndRejectsNull() {
        GradientReport report = GradientChecker.defaults().check(SQUARE, new double[] {3});

        assertSame(report, GradientAssertions.requirePassed(report));
        assertEquals("report must not be null: pass the result of a check", assertThrows(IllegalArgumentException.class,
                () -> GradientAssertions.requirePassed(null)).getMessage());
        assertEquals("report must not be null: a mismatch error carries the failed report",
                assertThrows(IllegalArgumentException.class, () -> new DerivativeMismatchError(null)).getMessage());
    }

    /** The assertions of Jacobians, Hessians, the Taylor remainder and exact gradients. */
    @Nested
    class OtherDerivatives {

        private static final double[] POINT = {2, 3};

        private static final TwiceDifferentiableFunction PRODUCT = TwiceDifferentiableFunction.withProduct(
                x -> x[0] * x[0] * x[1], x -> new double[] {2 * x[0] * x[1], x[0] * x[0]},
                (x, v) -> new double[] {2 * x[1] * v[0] + 2 * x[0] * v[1], 2 * x[0] * v[0]});

        @Test
        void jacobianAssertionPassesAndFailsAsDocumented() {
            assertTrue(assertJacobianMatches(VectorFunction.of(x -> new double[] {x[0] * x[1]}, x -> new double[][] {{x[1], x[0]}}),
                    POINT).passed());

            DerivativeMismatchError error = assertThrows(DerivativeMismatchError.class, () -> assertJacobianMatches(
                    VectorFunction.of(x -> new double[] {x[0] * x[1]}, x -> new double[][] {{x[0], x[1]}}), POINT));

            assertTrue(error.getMessage().startsWith("Jacobian check failed: 2 of 2 entries disagree\n"
                    + "  worst y[0] / x[1]: analytic 3.000e+00, numerical 2.000e+00, mismatch 1.000e+00, allowed 3.001e-06\n"),
                    error::getMessage);
        }

        @Test
        void hessianAssertionsCheckFullAndDirectionalProducts() {
            assertEquals(4, assertHessianMatches(PRODUCT, POINT).size());
            assertEquals(6, assertHessianVectorProductsMatch(PRODUCT, POINT).size());

            TwiceDifferentiableFunction wrong = TwiceDifferentiableFunction.withProduct(PRODUCT::value, PRODUCT::gradient,
                    (x, v) -> new double[] {2 * x[1] * v[0] + 2 * x[0] * v[1], 2 * x[0] * v[1]});
            assertThrows(DerivativeMismatchError.class, () -> assertHessianMatches(wrong, POINT));
            assertThrows(DerivativeMismatchError.class, () -> assertHessianVectorProductsMatch(wrong, POINT));
        }

        @Test
        void taylorAssertionFailsAWrongGradient() {
            assertTrue(assertTaylorSecondOrder(PRODUCT, POINT).passed());

            DifferentiableFunction wrong = DifferentiableFunction.of(PRODUCT::value, x -> new double[] {2 * x[0] * x[1], x[0] * x[1]});
            assertThrows(DerivativeMismatchError.class, () -> assertTaylorSecondOrder(wrong, POINT));
            DerivativeMismatchError error = assertThrows(DerivativeMismatchError.class, () -> assertTaylorSecondOrder(wrong, POINT,
                    ParameterLayout.builder().vector("u", 1).vector("w", 1).build()));
            GradientReport report = (GradientReport) error.report();
            assertEquals(List.of("w"), report.taylorDirections().stream().filter(d -> d.verdict() == Verdict.FAIL)
                    .map(TaylorDirection::block).distinct().toList());
        }

        @Test
        void exactAssertionComparesWithAutomaticDifferentiation() {
            FieldFunction field = new FieldFunction() {
                @Override
                public <T extends RealFieldElement<T>> T value(T[] x) {
                    return x[0].multiply(x[0]).multiply(x[1]);
                }
            };

            assertTrue(assertGradientExact(field, PRODUCT, POINT).passed());
            assertThrows(DerivativeMismatchError.class, () -> assertGradientExact(field,
                    DifferentiableFunction.of(PRODUCT::value, x -> new double[] {2 * x[0] * x[1] * (1 + 1e-12), x[0] * x[0]}),
                    POINT));
        }
    }
}
