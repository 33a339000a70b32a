package org.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.GradientReport;
import org.junit.jupiter.api.Test;

/** {@link Strategy#taylor()}: the order of the Taylor remainder decides, block by block, with no tolerance. */
class TaylorStrategyTests {

    private static final ParameterLayout LAYOUT = ParameterLayout.builder().vector("w", 6).vector("b", 2).build();
    private static final double[] POINT = new SplittableRandom(3).doubles(8, -1, 1).toArray();

    /** {@code sum sin(w_i) w_i + lambda/2 |b|^2 + b_0 b_1}; the bug halves the regularisation term of {@code b}'s gradient. */
    private static DifferentiableFunction ridge(double lambda, boolean halvedRegularisation) {
        return DifferentiableFunction.of(x -> {
            double sum = 0;
            for (int i = 0; i < 6; i++) {
                sum += Math.sin(x[i]) * x[i];
            }
            return sum + lambda / 2 * (x[6] * x[6] + x[7] * x[7]) + x[6] * x[7];
        }, x -> {
            double[] g = new double[8];
            for (int i = 0; i < 6; i++) {
                g[i] = Math.cos(x[i]) * x[i] + Math.sin(x[i]);
            }
            double factor = halvedRegularisation ? lambda / 2 : lambda;
            g[6] = factor * x[6] + x[7];
            g[7] = factor * x[7] + x[6];
            return g;
        });
    }

    @Test
    void aRightGradientConvergesWithOrderTwoInEveryBlock() {
        GradientReport report = GradientChecker.defaults().withStrategy(Strategy.taylor()).check(ridge(1e-3, false), POINT, LAYOUT);

        assertTrue(report.passed(), report::toString);
        assertEquals(0, report.checkedCount());
        assertTrue(report.strategyNotes().get(0).startsWith("w [6]: remainder orders 2.0"), report.strategyNotes()::toString);
        assertTrue(report.strategyNotes().get(1).startsWith("b [2]: remainder orders "), report.strategyNotes()::toString);
        assertTrue(report.evaluations() < 300, "evaluations " + report.evaluations());
    }

    @Test
    void anErrorBelowTheToleranceFailsByItsOrderAndTheBlockIsNamed() {
        DifferentiableFunction wrong = ridge(1e-3, true);
        GradientChecker loose = GradientChecker.defaults().withTolerance(Tolerance.relative(1e-3));

        assertTrue(loose.withStrategy(Strategy.full()).check(wrong, POINT, LAYOUT).passed(),
                "the regularisation error is below the relative tolerance 1e-3 in every parameter");
        GradientReport report = loose.withStrategy(Strategy.taylor()).check(wrong, POINT, LAYOUT);

        assertFalse(report.passed());
        assertEquals(0, report.failureCount(), "no single parameter is outside the tolerance");
        assertTrue(report.strategyFailure().orElseThrow().startsWith("the Taylor remainder of block b converges with order 1.0"),
                report::toString);
        assertTrue(report.strategyFailure().get().endsWith(" (a right gradient gives 2, a wrong one 1)"),
                report.strategyFailure().get());
        assertEquals("Gradient check failed: " + report.strategyFailure().get(), report.headline());
        assertTrue(report.strategyNotes().get(0).startsWith("w [6]: remainder orders 2.0"), report.strategyNotes()::toString);
        assertTrue(report.strategyNotes().get(1).endsWith("(a wrong gradient gives 1, '-' no steady order); its 2 parameters"
                + " checked one by one"),
                report.strategyNotes()::toString);
        assertEquals(2, report.checkedCount());
    }

    @Test
    void aFailingBlockOfOneParameterIsCheckedOnItsOwn() {
        ParameterLayout layout = ParameterLayout.builder().vector("w", 6).vector("b", 1).build();
        DifferentiableFunction wrong = DifferentiableFunction.of(x -> {
            double sum = 0;
            for (int i = 0; i < 6; i++) {
                sum += Math.sin(x[i]) * x[i];
            }
            return sum + Math.exp(x[6]);
        }, x -> {
            double[] g = new double[7];
            for (int i = 0; i < 6; i++) {
                g[i] = Math.cos(x[i]) * x[i] + Math.sin(x[i]);
            }
            g[6] = Math.exp(x[6]) * (1 + 1e-5);
            return g;
        });

        GradientReport report = GradientChecker.defaults().withStrategy(Strategy.taylor())
                .check(wrong, new SplittableRandom(3).doubles(7, -1, 1).toArray(), layout);

        assertFalse(report.passed());
        assertEquals(1, report.checkedCount());
        assertTrue(report.strategyNotes().get(1).startsWith("b [1]: remainder orders "), report.strategyNotes()::toString);
        assertTrue(report.strategyNotes().get(1).endsWith("; its 1 parameter checked on its own"),
                report.strategyNotes()::toString);
    }

    @Test
    void aLargeErrorIsNamedParameterByParameterInTheFailingBlock() {
        DifferentiableFunction wrong = DifferentiableFunction.of(ridge(1e-3, false)::value, x -> {
            double[] g = ridge(1e-3, false).gradient(x);
            g[3] = -g[3];
            return g;
        });

        GradientReport report = GradientChecker.defaults().withStrategy(Strategy.taylor()).check(wrong, POINT, LAYOUT);

        assertFalse(report.passed());
        assertEquals("w[3]", report.failures().get(0).name());
        assertEquals(1, report.failureCount());
        assertEquals(6, report.checkedCount(), "only the failing block w is checked one by one");
    }
}
