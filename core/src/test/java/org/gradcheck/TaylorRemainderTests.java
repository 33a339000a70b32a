package org.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gradcheck.engine.EngineConstants;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.GradientReport;
import org.gradcheck.report.TaylorDirection;
import org.gradcheck.report.Verdict;
import org.junit.jupiter.api.Test;

/** The Taylor remainder's order of convergence ({@link Strategy#taylor()}), direction by direction. */
class TaylorRemainderTests {

    private static final GradientChecker TAYLOR = GradientChecker.defaults().withStrategy(Strategy.taylor());

    /** The lowest order measured along a direction; NaN where none was. */
    private static double lowestOrder(GradientReport report) {
        return report.taylorDirections().stream().mapToDouble(TaylorDirection::order).filter(order -> !Double.isNaN(order))
                .min().orElse(Double.NaN);
    }

    /** The blocks with a direction whose remainder converges too slowly, in layout order. */
    private static List<String> failingBlocks(GradientReport report) {
        return report.taylorDirections().stream().filter(d -> d.verdict() == Verdict.FAIL).map(TaylorDirection::block)
                .distinct().toList();
    }


    /** f(x) = exp(0.3 x0) + sum_i sin(x_i) x_{i+1}. */
    private static double value(double[] x) {
        double sum = Math.exp(0.3 * x[0]);
        for (int i = 0; i + 1 < x.length; i++) {
            sum += Math.sin(x[i]) * x[i + 1];
        }
        return sum;
    }

    private static double[] gradient(double[] x) {
        double[] g = new double[x.length];
        g[0] = 0.3 * Math.exp(0.3 * x[0]);
        for (int i = 0; i + 1 < x.length; i++) {
            g[i] += Math.cos(x[i]) * x[i + 1];
            g[i + 1] += Math.sin(x[i]);
        }
        return g;
    }

    private static final double[] POINT = {0.5, -1.2, 2.0, 0.3, -0.7};

    private static final DifferentiableFunction RIGHT = DifferentiableFunction.of(TaylorRemainderTests::value,
            TaylorRemainderTests::gradient);

    /** The gradient with one component off by a relative 1e-5. */
    private static final DifferentiableFunction SLIGHTLY_WRONG = DifferentiableFunction.of(TaylorRemainderTests::value,
            x -> {
                double[] g = gradient(x);
                g[2] *= 1 + 1e-5;
                return g;
            });

    @Test
    void rightGradientConvergesWithOrderTwo() {
        GradientReport report = TAYLOR.check(RIGHT, POINT);

        assertTrue(report.passed(), report::toString);
        assertEquals(EngineConstants.TAYLOR_DIRECTIONS, report.taylorDirections().size());
        assertEquals(3, EngineConstants.TAYLOR_DIRECTIONS);
        for (TaylorDirection direction : report.taylorDirections()) {
            assertEquals(2.0, direction.order(), 0.05);
            assertEquals(Verdict.PASS, direction.verdict());
        }
        // f(x) and the gradient twice at the point, the noise, 30 steps (1e-1 down to 1e-10, halved) per direction,
        // f(x) twice at the end
        assertEquals(4 + EngineConstants.NOISE_PROBE_POINTS + 3 * 30 + 2, report.evaluations());
        assertEquals(0, report.checkedCount());
        assertEquals("Gradient check passed: the Taylor remainder converges with order 2 in every block (5 parameters)",
                report.headline());
        assertTrue(report.strategyNotes().get(0).startsWith("x [5]: remainder orders 2.00, 2.00, 2.00"),
                report.strategyNotes()::toString);
    }

    @Test
    void slightlyWrongGradientConvergesWithOrderOneThoughAFiniteDifferenceToleranceHidesIt() {
        assertTrue(GradientChecker.defaults().withTolerance(Tolerance.of(1e-4, 1e-10)).check(SLIGHTLY_WRONG, POINT).passed());

        GradientReport report = TAYLOR.check(SLIGHTLY_WRONG, POINT);

        assertFalse(report.passed());
        for (TaylorDirection direction : report.taylorDirections()) {
            assertEquals(Verdict.FAIL, direction.verdict());
            assertEquals(1.0, direction.order(), 0.05);
        }
        DerivativeMismatchError error = assertThrows(DerivativeMismatchError.class,
                () -> GradientAssertions.assertTaylorSecondOrder(SLIGHTLY_WRONG, POINT));
        // the remainder fails the block x, so its parameters are checked one by one: x[2] is outside the default tolerance
        assertTrue(error.getMessage().startsWith("Gradient check failed: 1 of 5 parameters disagree\n"
                + "  worst x[2]: analytic -1.057e+00, numerical -1.057e+00, mismatch 1.057e-05,"), error::getMessage);
        assertTrue(error.getMessage().contains("    x [5]: remainder orders 1.02, 1.01, 1.04 (a wrong gradient gives 1"),
                error::getMessage);
        GradientReport failed = (GradientReport) error.report();
        double[] analytic = SLIGHTLY_WRONG.gradient(POINT);
        StringBuilder expected = new StringBuilder();
        StringBuilder actual = new StringBuilder();
        for (int i = 0; i < POINT.length; i++) {
            expected.append("x[").append(i).append("] = ").append(failed.parameter(i).numerical()).append('\n');
            actual.append("x[").append(i).append("] = ").append(analytic[i]).append('\n');
            assertEquals(gradient(POINT)[i], failed.parameter(i).numerical(), 1e-9);
        }
        assertEquals(expected.toString(), error.getExpected().getStringRepresentation());
        assertEquals(actual.toString(), error.getActual().getStringRepresentation());
        DerivativeMismatchError again = new DerivativeMismatchError(error.report());
        assertEquals(error.getMessage(), again.getMessage());
        assertEquals(error.getActual().getStringRepresentation(), again.getActual().getStringRepresentation());
    }

    @Test
    void aRightGradientStaysSecondOrderForLargeValuesAndCoordinates() {
        DifferentiableFunction scaled = DifferentiableFunction.of(x -> 1e6 * value(x), x -> {
            double[] g = gradient(x);
            for (int i = 0; i < g.length; i++) {
                g[i] *= 1e6;
            }
            return g;
        });

        GradientReport report = TAYLOR.check(scaled, new double[] {50, -120, 2000, 0.3, -0.7});

        assertTrue(report.passed(), report::toString);
        assertEquals(2.0, lowestOrder(report), 0.05);
    }

    @Test
    void affineFunctionWithTheRightGradientIsExactAndWithAWrongOneFails() {
        DifferentiableFunction affine = DifferentiableFunction.of(x -> 2 * x[0] - 3 * x[1] + 1, x -> new double[] {2, -3});
        DifferentiableFunction wrong = DifferentiableFunction.of(x -> 2 * x[0] - 3 * x[1] + 1, x -> new double[] {2, -3.001});

        GradientReport exact = TAYLOR.check(affine, new double[] {1, 2});
        GradientReport failed = TAYLOR.check(wrong, new double[] {1, 2});

        assertTrue(exact.passed());
        assertTrue(exact.taylorDirections().stream().allMatch(d -> d.verdict() == Verdict.PASS && Double.isNaN(d.order())),
                exact.taylorDirections()::toString);
        assertEquals("x [2]: remainder orders exact, exact, exact (a right gradient gives 2)", exact.strategyNotes().get(0));
        assertFalse(failed.passed());
        assertEquals(1.0, lowestOrder(failed), 0.01);
    }

    @Test
    void noisyFunctionIsInconclusiveRatherThanPassed() {
        // Noise of 1e-3 on a curvature of 1: the remainder is noise for every step, no steady order shows.
        DifferentiableFunction noisy = DifferentiableFunction.of(x -> x[0] * x[0] + 1e-3 * Math.sin(1e9 * x[0]),
                x -> new double[] {2 * x[0]});

        GradientReport report = TAYLOR.check(noisy, new double[] {0.7});

        assertFalse(report.passed(), report::toString);
        assertEquals(Verdict.UNRESOLVED, report.taylorDirections().get(0).verdict(), report::toString);
        assertEquals("x [1]: remainder orders -, -, - (a wrong gradient gives 1, '-' no steady order); its 1 parameter checked on"
                + " its own", report.strategyNotes().get(0));
        assertEquals(1, report.checkedCount());
        // checked on its own, the derivative of the noise term at the microscopic scale shows: 2x + 1e6 cos(1e9 x)
        assertTrue(report.headline().startsWith("Gradient check failed: 1 of 1 parameters disagree"), report::headline);
    }

    @Test
    void argumentsAreValidatedWithMessages() {
        assertEquals("point must not be empty: a gradient check needs at least one parameter",
                assertThrows(IllegalArgumentException.class, () -> TAYLOR.check(RIGHT, new double[0])).getMessage());
        assertEquals("the analytic gradient has length 1 but the point has 5 parameters: return one partial derivative per parameter",
                assertThrows(CheckRefusedException.class,
                        () -> TAYLOR.check(DifferentiableFunction.of(TaylorRemainderTests::value, x -> new double[1]), POINT))
                        .getMessage());
    }

    @Test
    void blockByBlockDirectionsLocateTheWrongBlock() {
        ParameterLayout layout = ParameterLayout.builder().vector("a", 2).vector("b", 2).vector("c", 1).build();

        GradientReport report = TAYLOR.check(SLIGHTLY_WRONG, POINT, layout);

        // the wrong component is x[2], the first coordinate of block b
        assertEquals(List.of("b"), failingBlocks(report));
        assertEquals(3 * EngineConstants.TAYLOR_DIRECTIONS, report.taylorDirections().size());
        for (TaylorDirection direction : report.taylorDirections()) {
            if (direction.block().equals("c")) {
                // f is linear in x[4], the only coordinate of c: the remainder stays at rounding level
                assertEquals(Verdict.PASS, direction.verdict());
                assertTrue(Double.isNaN(direction.order()), direction::toString);
            } else if (direction.block().equals("b") && direction.direction() == 1) {
                // measured: along b's first direction the wrong entry's share is small, so the order-1 range of steps
                // lies under the rounding floor and the fit finds the curvature's order 1.90 (a pass, but b fails by the
                // other two directions)
                assertEquals(1.90, direction.order(), 0.05, direction::toString);
            } else {
                assertEquals(direction.block().equals("b") ? 1.0 : 2.0, direction.order(), 0.05, direction::toString);
            }
        }
        // f(x) and the gradient twice at the point, the noise, 9 directions of 30 steps, b's 2 parameters one by one and
        // the wrong one re-estimated (Ridders' method, then the kink test from Ridders' first step), f(x) twice at the end
        assertEquals(302, report.evaluations());
        assertEquals(2, report.checkedCount(), "only the failing block b is checked one by one");
        assertEquals("b[0]", report.failures().get(0).name());
        assertEquals("the Taylor remainder of block b converges with order 1.00 along direction 2 (a right gradient gives 2, a wrong"
                + " one 1)", report.strategyFailure().orElseThrow());
        assertEquals("point has length 5 but the layout [x[2]] has 2 coordinates: give a layout of the point, or the point"
                + " the layout describes",
                assertThrows(IllegalArgumentException.class, () -> TAYLOR.check(RIGHT, POINT, ParameterLayout.vector("x", 2)))
                        .getMessage());
    }
}
