package org.gradcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumberFormatterTests {

    @Test
    void numbersHaveFourSignificantDigits() {
        assertEquals("1.235e-05", NumberFormatter.format(1.23456e-5));
        assertEquals("-6.000e+00", NumberFormatter.format(-6));
        assertEquals("1.000e+300", NumberFormatter.format(1e300));
        assertEquals("0", NumberFormatter.format(0));
        assertEquals("0", NumberFormatter.format(-0.0));
        assertEquals("NaN", NumberFormatter.format(Double.NaN));
        assertEquals("-Infinity", NumberFormatter.format(Double.NEGATIVE_INFINITY));
    }

    @Test
    void briefNumbersHaveTwo() {
        assertEquals("1.0e-06", NumberFormatter.brief(1e-6));
        assertEquals("6.1e-06", NumberFormatter.brief(6.055e-6));
        assertEquals("0", NumberFormatter.brief(0));
    }
}
