package org.gradcheck.taylor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gradcheck.GradientChecker;
import org.gradcheck.GradientCheckException;
import org.gradcheck.Tolerance;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.layout.ParameterLayout;
import org.junit.jupiter.api.Test;

class TaylorRemainderCheckTests {

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

    private static final DifferentiableFunction RIGHT = DifferentiableFunction.of(TaylorRemainderCheckTests::value,
            TaylorRemainderCheckTests::gradient);

    /** The gradient with one component off by a relative 1e-5. */
    private static final DifferentiableFunction SLIGHTLY_WRONG = DifferentiableFunction.of(TaylorRemainderCheckTests::value,
            x -> {
                double[] g = gradient(x);
                g[2] *= 1 + 1e-5;
                return g;
            });

    @Test
    void rightGradientConvergesWithOrderTwo() {
        TaylorReport report = TaylorRemainderCheck.defaults().check(RIGHT, POINT);

        assertTrue(report.passed(), report::toString);
        assertEquals(3, report.directions().size());
        for (double order : report.orders()) {
            assertEquals(2.0, order, 0.05);
        }
        assertEquals(3 + 3 * 30, report.evaluations());
        assertTrue(report.headline().startsWith("Taylor remainder check passed: the remainder converges with order >= 2.0"),
                report::headline);
    }

    @Test
    void slightlyWrongGradientConvergesWithOrderOneThoughAFiniteDifferenceToleranceHidesIt() {
        assertTrue(GradientChecker.defaults().withTolerance(Tolerance.of(1e-4, 1e-10)).check(SLIGHTLY_WRONG, POINT).passed());

        TaylorReport report = TaylorRemainderCheck.defaults().check(SLIGHTLY_WRONG, POINT);

        assertFalse(report.passed());
        for (DirectionResult direction : report.directions()) {
            assertEquals(ConvergenceVerdict.FAIL, direction.verdict());
            assertEquals(1.0, direction.order(), 0.05);
            // |<g - true, d>| = 1e-5 |g_2 d_2|, recovered from r / h
            double[] g = gradient(POINT);
            assertTrue(direction.directionalError() <= 1e-5 * Math.abs(g[2]) * Math.max(Math.abs(POINT[2]), 1) * 1.01,
                    () -> "r/h " + direction.directionalError());
        }
        TaylorMismatchError error = assertThrows(TaylorMismatchError.class,
                () -> TaylorRemainderCheck.defaults().assertSecondOrder(SLIGHTLY_WRONG, POINT));
        assertTrue(error.getMessage().startsWith("Taylor remainder check failed: the remainder converges with order 1.00 "
                + "along direction "), error::getMessage);
        assertEquals("direction 1: order >= 1.50\ndirection 2: order >= 1.50\ndirection 3: order >= 1.50\n",
                error.getExpected().getStringRepresentation());
        assertEquals("direction 1: order 1.00\ndirection 2: order 1.00\ndirection 3: order 1.00\n",
                error.getActual().getStringRepresentation());
        TaylorMismatchError extended = new TaylorMismatchError(error.report(), "custom");
        assertEquals("custom", extended.getMessage());
        assertEquals(error.getActual().getStringRepresentation(), extended.getActual().getStringRepresentation());
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

        TaylorReport report = TaylorRemainderCheck.defaults().check(scaled, new double[] {50, -120, 2000, 0.3, -0.7});

        assertTrue(report.passed(), report::toString);
        assertEquals(2.0, report.lowestOrder(), 0.05);
    }

    @Test
    void affineFunctionWithTheRightGradientIsExactAndWithAWrongOneFails() {
        DifferentiableFunction affine = DifferentiableFunction.of(x -> 2 * x[0] - 3 * x[1] + 1, x -> new double[] {2, -3});
        DifferentiableFunction wrong = DifferentiableFunction.of(x -> 2 * x[0] - 3 * x[1] + 1, x -> new double[] {2, -3.001});

        TaylorReport exact = TaylorRemainderCheck.defaults().check(affine, new double[] {1, 2});
        TaylorReport failed = TaylorRemainderCheck.defaults().check(wrong, new double[] {1, 2});

        assertTrue(exact.passed());
        assertTrue(exact.directions().stream().allMatch(d -> d.verdict() == ConvergenceVerdict.EXACT));
        assertEquals("Taylor remainder check passed: the remainder is at rounding level along all 3 directions",
                exact.headline());
        assertFalse(failed.passed());
        assertEquals(1.0, failed.lowestOrder(), 0.01);
    }

    @Test
    void noisyFunctionIsInconclusiveRatherThanPassed() {
        // Noise of 1e-3 on a curvature of 1: the remainder is noise for every step, no steady order shows.
        DifferentiableFunction noisy = DifferentiableFunction.of(x -> x[0] * x[0] + 1e-3 * Math.sin(1e9 * x[0]),
                x -> new double[] {2 * x[0]});

        TaylorReport report = TaylorRemainderCheck.defaults().withDirections(1).check(noisy, new double[] {0.7});

        assertFalse(report.passed(), report::toString);
        assertEquals(ConvergenceVerdict.INCONCLUSIVE, report.directions().get(0).verdict(), report::toString);
        assertTrue(report.headline().startsWith("Taylor remainder check inconclusive along direction 1"));
    }

    @Test
    void theSlopeIsFittedByLeastSquares() {
        double[] steps = {8, 4, 2, 1};
        double[] remainders = {64, 16, 4, 1};

        assertEquals(2.0, TaylorRemainderCheck.leastSquaresSlope(steps, remainders, 0, 3), 1e-12);
        assertEquals(30, TaylorRemainderCheck.defaults().stepCount());
    }

    @Test
    void argumentsAreValidatedWithMessages() {
        TaylorRemainderCheck check = TaylorRemainderCheck.defaults();

        assertEquals("minimum order must be in (1, 3] but was 1.0: a right gradient converges with order 2, a wrong one "
                + "with order 1; use for example 1.5",
                assertThrows(IllegalArgumentException.class, () -> check.withMinimumOrder(1)).getMessage());
        assertEquals("steps must satisfy 0 < smallest and 8 * smallest <= largest < infinity but were largest 1.0E-5 and "
                + "smallest 1.0E-5: use for example withSteps(1e-1, 1e-10)",
                assertThrows(IllegalArgumentException.class, () -> check.withSteps(1e-5, 1e-5)).getMessage());
        assertEquals("directions must be >= 1 but was 0: use for example 3",
                assertThrows(IllegalArgumentException.class, () -> check.withDirections(0)).getMessage());
        assertEquals("point must not be empty: pass the point at which to check the gradient",
                assertThrows(IllegalArgumentException.class, () -> check.check(RIGHT, new double[0])).getMessage());
        assertEquals("the analytic gradient has length 1 but the point has 5 parameters: return one partial derivative per parameter",
                assertThrows(GradientCheckException.class,
                        () -> check.check(DifferentiableFunction.of(TaylorRemainderCheckTests::value, x -> new double[1]), POINT))
                        .getMessage());
    }

    @Test
    void blockByBlockDirectionsLocateTheWrongBlock() {
        ParameterLayout layout = ParameterLayout.builder().vector("a", 2).vector("b", 2).vector("c", 1).build();

        TaylorReport report = TaylorRemainderCheck.defaults().withDirections(2).check(SLIGHTLY_WRONG, POINT, layout);

        // the wrong component is x[2], the first coordinate of block b
        assertEquals(List.of("b"), report.failingBlocks());
        assertEquals(6, report.directions().size());
        for (DirectionResult direction : report.directions()) {
            if (direction.block().equals("c")) {
                // f is linear in x[4], the only coordinate of c: the remainder stays at rounding level
                assertEquals(ConvergenceVerdict.EXACT, direction.verdict());
            } else {
                assertEquals(direction.block().equals("b") ? 1.0 : 2.0, direction.order(), 0.05, direction.block());
            }
        }
        assertEquals(3 + 3 * 2 * 30, report.evaluations());
        assertTrue(report.headline().startsWith("Taylor remainder check failed: the remainder converges with order 1.00 "
                + "along direction 1 of block b (required >= 1.50)"), report::headline);
        assertEquals("point has length 5 but the layout has 2 parameters: give a layout of the point",
                assertThrows(IllegalArgumentException.class, () -> TaylorRemainderCheck.defaults()
                        .check(RIGHT, POINT, ParameterLayout.vector("x", 2))).getMessage());
    }
}
