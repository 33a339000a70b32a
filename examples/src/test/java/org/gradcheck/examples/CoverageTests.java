package org.gradcheck.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gradcheck.GradientChecker;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.GradientReport;
import org.junit.jupiter.api.Test;

class CoverageTests {

    /** {@code f = W[0,0] * b[0]} over W (1 x 3) and b (2): at b[0] = 0 only b[0] has a non-zero gradient. */
    private final GradientReport report = GradientChecker.defaults().check(
            DifferentiableFunction.of(x -> x[0] * x[3], x -> new double[] {x[3], 0, 0, x[0], 0}),
            new double[] {3, 1, 2, 0, 5},
            ParameterLayout.builder().matrix("W", 1, 3).vector("b", 2).build());

    @Test
    void countsParametersWithBothGradientsBelowTheThreshold() {
        Coverage coverage = Coverage.of(report);

        assertEquals(5, coverage.total());
        assertEquals(4, coverage.untested());
        assertEquals(3, coverage.untested("W"));
        assertEquals(1, coverage.untested("b"));
        assertEquals(0.8, coverage.untestedFraction(), 1e-15);
    }

    @Test
    void aCheckIsUninformativeWhenABlockIsMostlyUntested() {
        Coverage coverage = Coverage.of(report);

        assertEquals(List.of("W", "b"), coverage.mostlyUntestedBlocks(), "b is half untested");
        assertFalse(coverage.isInformative());
    }

    @Test
    void theThresholdIsStrict() {
        assertEquals(0, Coverage.of(report, 0.0).untested(), "nothing is below 0");
        assertEquals(4, Coverage.of(report, Double.MIN_VALUE).untested(), "exact zeros");
        assertEquals(5, Coverage.of(report, 4).untested(), "3 < 4: everything counts as zero");
    }

    @Test
    void rejectsANegativeThresholdNamingIt() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Coverage.of(report, -1));

        assertEquals("threshold must be a finite number >= 0 but was -1.0: use for example Coverage.DEFAULT_THRESHOLD (1e-12)",
                error.getMessage());
    }

    @Test
    void rejectsAnUnknownBlockListingTheBlocks() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Coverage.of(report).untested("W2"));

        assertEquals("no block named W2 in this coverage; the blocks are [W, b]", error.getMessage());
        assertTrue(Coverage.of(report).toString().startsWith("Coverage[4 of 5 parameters"));
    }
}
