package org.gradcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.gradcheck.DifferenceScheme;
import org.gradcheck.Tolerance;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.Entry;
import org.gradcheck.report.GradientReport;
import org.gradcheck.report.Verdict;
import org.junit.jupiter.api.Test;

/** The decision rule of {@link Kernel}: agreement within the tolerance plus the error bound, and a resolved reference. */
class KernelTests {

    @Test
    void aParameterPassesUpToTheAllowedErrorAndFailsBeyondIt() {
        // relative 0.25, absolute 0.5, noise 0.125: allowed = 0.5 + 0.25 * 4 + 0.125 = 1.625 for g = 4; the bound 0.125
        // is at most 0.1 of every reference, so each is resolved and agreement alone decides
        Tolerance tolerance = Tolerance.of(0.25, 0.5);
        Kernel kernel = Reports.kernel(Reports.settings(tolerance, DifferenceScheme.CENTRAL), 3);
        assertTrue(kernel.agrees(4, 2.6, 0.125));
        assertTrue(kernel.agrees(4, 2.375, 0.125));
        assertFalse(kernel.agrees(4, 2.25, 0.125));

        GradientReport report = Reports.create(ParameterLayout.vector("x", 3), new double[] {4, 4, 4},
                new double[] {2.6, 2.375, 2.25}, new double[] {0.125, 0.125, 0.125}, tolerance, DifferenceScheme.CENTRAL, "h",
                0, 0, Duration.ZERO);

        Entry inside = report.parameter(0);
        Entry onTheBound = report.parameter(1);
        Entry outside = report.parameter(2);
        assertEquals(1.625, onTheBound.allowedError());
        assertEquals(Verdict.PASS, inside.verdict());
        assertEquals(Verdict.PASS, onTheBound.verdict());
        assertEquals(1.0, onTheBound.errorRatio());
        assertEquals(Verdict.FAIL, outside.verdict());
        assertEquals(1, report.failureCount());
    }

    @Test
    void aReferenceIsResolvedOnlyWhenItsBoundIsAtMostATenthOfIt() {
        assertEquals(0.1, Kernel.RESOLVED);
        assertTrue(Kernel.resolved(2.5, 0.25));
        assertFalse(Kernel.resolved(2.5, 0.2500001));
        assertFalse(Kernel.resolved(2.5, 0.3), "a large analytic value does not make a rough reference precise");
        // the numbers this test had before the rule asked for a resolved reference: agreement, but not resolved
        Kernel kernel = Reports.kernel(Reports.settings(Tolerance.of(0.25, 0.5), DifferenceScheme.CENTRAL), 1);
        assertTrue(kernel.agrees(4, 2.25, 0.25));
        assertFalse(Kernel.resolved(2.25, 0.25));
        GradientReport report = Reports.create(ParameterLayout.vector("x", 1), new double[] {4}, new double[] {2.25},
                new double[] {0.25}, Tolerance.of(0.25, 0.5), DifferenceScheme.CENTRAL, "h", 0, 0, Duration.ZERO);
        assertEquals(Verdict.UNRESOLVED, report.parameter(0).verdict());
        assertFalse(report.passed());
    }

    @Test
    void bothValuesAreNegligibleWhenTheAnalyticIsATenthOfTheBoundAndTheReferenceWithinIt() {
        assertTrue(Kernel.negligible(5e-12, 1e-10, 1e-10));
        assertTrue(Kernel.negligible(-5e-12, -1e-10, 1e-10));
        assertFalse(Kernel.negligible(1.1e-11, 0, 1e-10));
        assertFalse(Kernel.negligible(0, 1.1e-10, 1e-10));
    }
}
