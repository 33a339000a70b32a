package org.gradcheck.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.gradcheck.Tolerance;
import org.gradcheck.DifferenceScheme;
import org.gradcheck.GradientChecker;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.function.VectorFunction;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.BlockSummary;
import org.gradcheck.report.Entry;
import org.gradcheck.report.GradientReport;
import org.gradcheck.report.JacobianReport;
import org.gradcheck.report.Verdict;
import org.junit.jupiter.api.Test;

class OutcomeTests {

    /** a [3]: a[1] is off by 3 (ratio 3e6); B [2, 2]: B[0,1] off by 1 and B[1,1] by 2; c [1] right. */
    private static GradientReport mixed() {
        ParameterLayout layout = ParameterLayout.builder().vector("a", 3).matrix("B", 2, 2).vector("c", 1).build();
        return Reports.of(layout,
                new double[] {1, 2, 3, 10, 10, 10, 10, 5},
                new double[] {1, 5, 3, 10, 11, 10, 12, 5});
    }

    private static List<String> names(List<Entry> checks) {
        return checks.stream().map(Entry::name).toList();
    }

    @Test
    void blockSummariesCountFailuresAndFindTheWorst() {
        GradientReport report = mixed();
        BlockSummary a = report.blocks().get(0);
        BlockSummary b = report.blocks().get(1);
        BlockSummary c = report.blocks().get(2);

        assertEquals(List.of("a", "B", "c"), report.blocks().stream().map(BlockSummary::name).toList());
        assertEquals(3, a.count());
        assertEquals(1, a.failures());
        assertEquals(3.0 / 5, a.maxRelativeError());
        assertEquals("a[1]", a.worstEntry());
        assertEquals(3 / (Math.sqrt(14) + Math.sqrt(35)), a.difference(), 1e-15);
        assertFalse(a.passed());
        assertEquals(4, b.count());
        assertEquals(2, b.failures());
        assertEquals(2.0 / 12, b.maxRelativeError());
        assertEquals("B[1,1]", b.worstEntry());
        assertEquals(Math.sqrt(5) / (Math.sqrt(400) + Math.sqrt(465)), b.difference(), 1e-15);
        assertEquals(1, c.count());
        assertEquals(0, c.failures());
        assertEquals(0.0, c.maxRelativeError());
        assertEquals("c[0]", c.worstEntry());
        assertEquals(0.0, c.difference());
        assertTrue(c.passed());
        assertEquals(3, report.failureCount());
        assertEquals(8, report.size());
        assertEquals(Math.sqrt(14) / (Math.sqrt(439) + Math.sqrt(525)), report.overallDifference(), 1e-15);
    }

    @Test
    void failuresComeWorstFirst() {
        GradientReport report = mixed();

        assertEquals(List.of("a[1]", "B[1,1]", "B[0,1]"), names(report.failures()));
        assertTrue(report.failures().stream().allMatch(check -> check.verdict() == Verdict.FAIL));
    }

    @Test
    void worstListsFailuresFirstThenPassesInIndexOrder() {
        GradientReport report = mixed();

        assertEquals(List.of(), names(report.worst(0)));
        assertEquals(List.of("a[1]"), names(report.worst(1)));
        assertEquals(List.of("a[1]", "B[1,1]"), names(report.worst(2)));
        assertEquals(List.of("a[1]", "B[1,1]", "B[0,1]", "a[0]", "a[2]"), names(report.worst(5)));
        assertEquals(List.of("a[1]", "B[1,1]", "B[0,1]", "a[0]", "a[2]", "B[0,0]", "B[1,0]", "c[0]"), names(report.worst(100)));
    }

    @Test
    void worstRejectsANegativeCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mixed().worst(-1));

        assertEquals("count must be >= 0 but was -1", e.getMessage());
    }

    @Test
    void theWorstWithAZeroToleranceIsAnInfiniteRatio() {
        GradientReport report = Reports.create(ParameterLayout.vector("x", 2), new double[] {1, 2}, new double[] {1, 2.5},
                new double[2], Tolerance.of(0, 0), DifferenceScheme.CENTRAL, "h", 0, 0, Duration.ZERO);

        assertEquals(Double.POSITIVE_INFINITY, report.parameter(1).errorRatio());
        assertEquals(0.0, report.parameter(0).errorRatio());
        assertEquals(Verdict.PASS, report.parameter(0).verdict());
        assertEquals("x[1]", report.worst(1).get(0).name());
    }

    @Test
    void parametersAreFoundByIndexAndByName() {
        GradientReport report = mixed();
        Entry check = report.parameter("B[1,1]");

        assertEquals(6, check.index());
        assertEquals("B[1,1]", check.name());
        assertEquals("B", check.block());
        assertEquals(10, check.analytic());
        assertEquals(12, check.numerical());
        assertEquals(2, check.absoluteError());
        assertEquals(2.0 / 12, check.relativeError());
        assertEquals(0, check.numericalError());
        assertEquals(1e-6 * 12, check.allowedError());
        assertEquals(2 / (1e-6 * 12), check.errorRatio(), 1e-6);
        assertEquals(Verdict.FAIL, check.verdict());
        assertEquals("B[1,1]: analytic 1.000e+01, numerical 1.200e+01, mismatch 2.000e+00, numerical error 0, FAIL",
                check.toString());
        assertEquals("c[0]", report.parameter(7).name());
        assertEquals(8, report.parameters().size());
        assertEquals("a[2]", report.parameters().get(2).name());
        assertEquals("no parameter block named d; the blocks are [a, B, c]",
                assertThrows(IllegalArgumentException.class, () -> report.parameter("d[0]")).getMessage());
        assertEquals("index must be in [0, 8) but was 8",
                assertThrows(IllegalArgumentException.class, () -> report.parameter(8)).getMessage());
    }

    @Test
    void theReportHandsOutCopiesOrUnmodifiableViews() {
        double[] analytic = {1, 2};
        double[] numerical = {1, 2};
        GradientReport report = Reports.of(ParameterLayout.vector("x", 2), analytic, numerical);
        analytic[0] = 100;
        numerical[1] = 100;

        assertThrows(UnsupportedOperationException.class, () -> report.parameters().set(0, report.parameter(1)));
        assertThrows(UnsupportedOperationException.class, () -> report.entries().remove(0));
        assertThrows(UnsupportedOperationException.class, () -> report.blocks().clear());
        assertThrows(UnsupportedOperationException.class, () -> report.warnings().add("warning"));
        assertEquals(1, report.parameter(0).analytic());
        assertEquals(2, report.parameter(1).numerical());
        assertTrue(report.passed());

        JacobianReport jacobian = GradientChecker.defaults().checkJacobian(
                VectorFunction.of(x -> new double[] {x[0] * x[1]}, x -> new double[][] {{x[1], x[0]}}), new double[] {2, 3});
        jacobian.analyticJacobian()[0][0] = 100;
        jacobian.numericalJacobian()[0][1] = 100;

        assertArrayEquals(new double[] {3, 2}, jacobian.analyticJacobian()[0]);
        assertArrayEquals(new double[] {3, 2}, jacobian.numericalJacobian()[0], 1e-9);
    }

    /** y = (3 a, a^2 - 7) at a = 1, whatever b: block b is barely tested, and |y| is largest at y[1] = -6. */
    @Test
    void aJacobianReportNamesBlocksByTheirEntriesAndWarnsWithItsLargestOutput() {
        VectorFunction ignoresB = VectorFunction.of(x -> new double[] {3 * x[0], x[0] * x[0] - 7},
                x -> new double[][] {{3, 0, 0}, {2 * x[0], 0, 0}});
        ParameterLayout inputs = ParameterLayout.builder().vector("a", 1).vector("b", 2).build();

        JacobianReport report = GradientChecker.defaults().checkJacobian(ignoresB, new double[] {1, 4, 5}, inputs);

        assertTrue(report.passed(), report::toString);
        assertEquals(List.of("y[0] / a[0]", "y[0] / b[0]"), report.blocks().stream().map(BlockSummary::worstEntry).toList());
        assertEquals(1, report.barelyTestedBlocks());
        assertEquals(List.of("block b was barely tested: 4 of 4 entries (100.0%) have analytic and reference values"
                + " indistinguishable from zero: moving them by their step changes the function by less than its rounding"
                + " noise. Saturated tanh or sigmoid units (scale the inputs, e.g. to [0, 1]) and dead ReLUs are the usual"
                + " cause; so is a function value so large (|f| = 6.0e+00) that its rounding hides small derivatives."),
                report.warnings());
    }

    @Test
    void theBarelyTestedShareIsRoundedHalfUpToATenthOfAPercent() {
        int[][] cases = {{1, 3}, {2, 3}, {1, 8}, {1, 16}, {3, 16}, {999, 1000}, {1999, 2000}, {61440, 61440}, {12289, 61481}};
        String[] shares = {"33.3%", "66.7%", "12.5%", "6.3%", "18.8%", "99.9%", "100.0%", "100.0%", "20.0%"};
        for (int c = 0; c < cases.length; c++) {
            BlockSummary summary = new BlockSummary("W1", cases[c][1], 0, 0, 0, 0, cases[c][0], 0, "-", 0);
            String warning = Outcome.barelyTested(summary, 0.5);
            String expected = "block W1 was barely tested: " + cases[c][0] + " of " + cases[c][1] + " entries (" + shares[c]
                    + ") have analytic and reference values indistinguishable from zero";
            assertTrue(warning.startsWith(expected), warning);
            assertTrue(warning.endsWith("(|f| = 5.0e-01) that its rounding hides small derivatives."), warning);
        }
    }

    @Test
    void theOverallDifferenceNeitherOverflowsNorUnderflows() {
        GradientReport huge = Reports.of(ParameterLayout.vector("x", 2), new double[] {1e200, -1e200}, new double[] {1e200, -1.5e200});
        GradientReport tiny = Reports.of(ParameterLayout.vector("x", 2), new double[] {1e-200, -1e-200}, new double[] {1e-200, -1.5e-200});
        double expected = 0.5 / (Math.sqrt(2) + Math.sqrt(3.25));

        assertEquals(expected, huge.overallDifference(), 1e-15);
        assertEquals(expected, tiny.overallDifference(), 1e-15);
    }

    @Test
    void theOverallDifferenceOfZeroGradientsIsZero() {
        GradientReport zero = Reports.of(ParameterLayout.vector("x", 3), new double[3], new double[3]);

        assertEquals(0.0, zero.overallDifference());
        assertTrue(zero.passed());
    }

    @Test
    void theReportKeepsTheSettings() {
        GradientReport report = Reports.failing();

        assertEquals(DifferenceScheme.CENTRAL, report.scheme());
        assertEquals("6.055e-06 * max(|x|, 1) (automatic)", report.stepDescription());
        assertEquals(Tolerance.defaults(), report.tolerance());
        assertEquals(0.6931471805599453, report.value());
        assertEquals(14, report.evaluations());
        assertEquals(Duration.ofMillis(3), report.elapsed());
        assertEquals("[W[2, 2], b[2]]", report.layout().toString());
    }

    /** Reports come from checks only; a check refuses a point and a layout of different sizes, or no layout. */
    @Test
    void inconsistentOrMissingArgumentsAreRejected() {
        ParameterLayout layout = ParameterLayout.vector("x", 2);
        DifferentiableFunction sum = DifferentiableFunction.of(x -> x[0] + x[1], x -> new double[] {1, 1});

        assertEquals("point has length 3 but the layout [x[2]] has 2 coordinates: give a layout of the point, or the point"
                + " the layout describes",
                assertThrows(IllegalArgumentException.class, () -> GradientChecker.defaults().check(sum, new double[3], layout))
                        .getMessage());
        assertEquals("point must not be null: pass the vector at which to check the gradient",
                assertThrows(IllegalArgumentException.class, () -> GradientChecker.defaults().check(sum, null, layout))
                        .getMessage());
        assertEquals("layout must not be null: use ParameterLayout.vector(\"x\", n) for a plain vector",
                assertThrows(IllegalArgumentException.class, () -> GradientChecker.defaults().check(sum, new double[2], null))
                        .getMessage());
    }
}
