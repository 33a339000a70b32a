package org.gradcheck.junit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.gradcheck.report.Verdict;
import org.junit.jupiter.api.Test;

class SvgPlotsTests {

    @Test
    void theSymmetricLogAxisIsLinearNearZeroAndLogarithmicFarFromIt() {
        assertEquals(0, SvgPlots.symlog(0, 1e-3));
        assertEquals(1, SvgPlots.symlog(9e-3, 1e-3), 1e-12);
        assertEquals(-2, SvgPlots.symlog(-0.099, 1e-3), 1e-12);
        assertEquals(Math.log10(1.5), SvgPlots.symlog(5e-4, 1e-3), 1e-15, "within c the axis is close to linear");
    }

    @Test
    void theLinearThresholdIsTheSmallestMagnitudeButNoLessThanABillionthOfTheLargest() {
        assertEquals(2e-4, SvgPlots.linearThreshold(List.of(point(-2e-4, 3), point(0, 0.5))));
        assertEquals(3e-9, SvgPlots.linearThreshold(List.of(point(1e-20, 3), point(0, 0.5))), 1e-24);
        assertEquals(1, SvgPlots.linearThreshold(List.of(point(0, 0))), "all zero");
        assertEquals(1, SvgPlots.linearThreshold(List.of()), "no point");
    }

    @Test
    void ticksAreZeroAndPowersOfTenOfTheThresholdOnBothSides() {
        double c = 1e-3;
        double limit = SvgPlots.symlog(0.5, c);
        assertArrayEquals(new double[] {0, 1e-3, -1e-3, 1e-2, -1e-2, 1e-1, -1e-1}, SvgPlots.ticks(c, limit), 1e-15);
        double wide = SvgPlots.symlog(1e9, 1e-6);
        double[] ticks = SvgPlots.ticks(1e-6, wide);
        assertEquals(9, ticks.length, "fifteen decades are labelled every fourth: 1e-6, 1e-2, 1e2, 1e6 on each side");
        assertEquals(1e6, ticks[7], 1e-3);
        assertEquals(-1e6, ticks[8], 1e-3);
    }

    @Test
    void relativeErrorsFallIntoHalfDecadeBinsFromTenToTheMinusSixteen() {
        assertEquals(0, CheckRecord.bin(1e-20), "below the lowest bin");
        assertEquals(0, CheckRecord.bin(1e-16));
        assertEquals(1, CheckRecord.bin(5e-16));
        assertEquals(20, CheckRecord.bin(1.01e-6));
        assertEquals(CheckRecord.BINS - 1, CheckRecord.bin(1e3), "above the highest bin");
        assertEquals(34, CheckRecord.BINS);
    }

    private static CheckRecord.Point point(double analytic, double numerical) {
        return new CheckRecord.Point(0, "x[0]", 0, analytic, numerical, CheckRecord.relativeError(analytic, numerical), 0,
                Verdict.PASS);
    }
}
