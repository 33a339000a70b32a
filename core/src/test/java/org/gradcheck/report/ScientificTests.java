package org.gradcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScientificTests {

    private static void assertSameAsFormatter(double value) {
        for (int fraction = 1; fraction <= 4; fraction++) {
            assertEquals(String.format(Locale.ROOT, "%." + fraction + "e", value), Scientific.format(value, fraction),
                    "value " + value + " (bits " + Long.toHexString(Double.doubleToRawLongBits(value)) + "), " + fraction
                            + " fraction digits");
        }
    }

    @Test
    void printsWhatTheFormatterPrintsForRandomBitPatterns() {
        SplittableRandom random = new SplittableRandom(20261202);
        int tested = 0;
        while (tested < 40_000) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(value) && value != 0) {
                assertSameAsFormatter(value);
                tested++;
            }
        }
    }

    @Test
    void printsWhatTheFormatterPrintsForShortDecimals() {
        // few digits, so the digit after the last one kept is often a 5 or the kept ones are all 9s
        SplittableRandom random = new SplittableRandom(7);
        for (int k = 0; k < 30_000; k++) {
            long digits = random.nextLong(1, 100_000);
            int exponent = random.nextInt(-320, 300);
            assertSameAsFormatter((random.nextBoolean() ? 1 : -1) * Double.parseDouble(digits + "e" + exponent));
        }
    }

    @Test
    void roundsHalfUpOnTheShortestDigitsAndCarriesIntoTheExponent() {
        assertEquals("1.3e+00", Scientific.format(1.25, 1));
        assertEquals("1.5e+00", Scientific.format(1.45, 1), "1.45's shortest digits end in 5, though its binary value is below");
        assertEquals("1.0e+01", Scientific.format(9.96, 1));
        assertEquals("-1.0e-05", Scientific.format(-9.999e-6, 1));
        assertEquals("1.000e+300", Scientific.format(1e300, 3));
        assertEquals("4.9e-324", Scientific.format(Double.MIN_VALUE, 1));
        assertEquals("1.798e+308", Scientific.format(Double.MAX_VALUE, 3));
        assertEquals("1.2e+07", Scientific.format(12_345_678, 1));
        assertEquals("1.2e-03", Scientific.format(0.00123, 1));
        assertEquals("6.000e+00", Scientific.format(6, 3));
    }
}
