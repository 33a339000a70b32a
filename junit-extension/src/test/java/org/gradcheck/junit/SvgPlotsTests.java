package org.gradcheck.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.gradcheck.report.Verdict;
import org.junit.jupiter.api.Test;

class SvgPlotsTests {

    @Test
    void theMagnitudeAxisSpansTheDecadesOfTheNonZeroMagnitudes() {
        assertEquals(new SvgPlots.LogAxis(-4, 1), SvgPlots.magnitudeAxis(List.of(point(-2e-4, -2.1e-4), point(0, 0),
                point(3, 3.5))));
        assertEquals(new SvgPlots.LogAxis(-1, 1), SvgPlots.magnitudeAxis(List.of(point(1, 1))), "one decade each side of 1");
        assertEquals(new SvgPlots.LogAxis(-1, 1), SvgPlots.magnitudeAxis(List.of(point(0, 0))), "all zero");
        assertEquals(new SvgPlots.LogAxis(-18, 6), SvgPlots.magnitudeAxis(List.of(point(1e-30, 1e-30), point(5e5, 5e5))),
                "at most 24 decades, the smallest magnitudes at the axis' start");
    }

    @Test
    void theErrorAxisReachesFromBelowTheToleranceOrTheSmallestErrorToAboveTheLargest() {
        SvgPlots.LogAxis withBias = SvgPlots.errorAxis(List.of(point(4, 1), point(1, 1 + 3e-11), point(2, 2)), 1e-6);
        assertEquals(-11, withBias.low());
        assertEquals(Math.log10(5), withBias.high(), 1e-15, "a factor of 4, 0.75, and a flipped sign, 2, are on the plot");
        SvgPlots.LogAxis passing = SvgPlots.errorAxis(List.of(point(1, 1 + 3e-11), point(1, 1 + 2e-9)), 1e-6);
        assertEquals(new SvgPlots.LogAxis(-11, -5), passing, "a decade above the tolerance");
        assertEquals(new SvgPlots.LogAxis(-8, -5), SvgPlots.errorAxis(List.of(point(1, 1)), 1e-6),
                "without errors: two decades below the tolerance");
        assertEquals(new SvgPlots.LogAxis(-17, -16), SvgPlots.errorAxis(List.of(point(1, 1)), 1e-20),
                "no lower than 1e-17, however small the tolerance");
    }

    @Test
    void decadesAreLabelledShortly() {
        assertEquals("1e-6", SvgPlots.decade(-6));
        assertEquals("1", SvgPlots.decade(0));
        assertEquals("1e3", SvgPlots.decade(3));
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

    @Test
    void ratiosAtOrBelowOneFallLeftOfTheMiddleAndRatiosAboveOneRightOfIt() {
        assertEquals(32, CheckRecord.RATIO_BINS);
        assertEquals(15, CheckRecord.ratioBin(1), "1 is the upper end of the last bin of the passes");
        assertEquals(16, CheckRecord.ratioBin(Math.nextUp(1.0)), "whatever the rounding of its logarithm");
        assertEquals(15, CheckRecord.ratioBin(Math.pow(10, -0.5) * 1.0001));
        assertEquals(14, CheckRecord.ratioBin(0.3));
        assertEquals(16, CheckRecord.ratioBin(3));
        assertEquals(17, CheckRecord.ratioBin(3.3));
        assertEquals(0, CheckRecord.ratioBin(1e-8));
        assertEquals(0, CheckRecord.ratioBin(1e-300), "below the lowest bin");
        assertEquals(0, CheckRecord.ratioBin(3.1e-8));
        assertEquals(1, CheckRecord.ratioBin(3.3e-8));
        assertEquals(27, CheckRecord.ratioBin(7.5e5), "a factor of 4 at the default tolerance");
        assertEquals(31, CheckRecord.ratioBin(Double.POSITIVE_INFINITY), "above the highest bin");
        assertEquals(CheckRecord.RATIO_BINS - 1, CheckRecord.ratioBin(1e9));
    }

    @Test
    void binsOfTheErrorRatioHistogramNameTheirRange() {
        assertEquals("with mismatch / allowed up to 3.2e-08", SvgPlots.ratioBinText(0));
        assertEquals("with mismatch / allowed above 3.2e-01, up to 1.0e+00", SvgPlots.ratioBinText(15));
        assertEquals("with mismatch / allowed above 1.0e+00, up to 3.2e+00", SvgPlots.ratioBinText(16));
        assertEquals("with mismatch / allowed above 3.2e+07", SvgPlots.ratioBinText(31));
    }

    private static CheckRecord.Point point(double analytic, double numerical) {
        return new CheckRecord.Point(0, "x[0]", 0, analytic, numerical, CheckRecord.relativeError(analytic, numerical), 0, 0,
                Verdict.PASS);
    }
}
