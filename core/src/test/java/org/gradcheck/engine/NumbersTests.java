package org.gradcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumbersTests {

    @Test
    void numbersHaveFourSignificantDigits() {
        assertEquals("1.235e-05", Numbers.format(1.23456e-5));
        assertEquals("-6.000e+00", Numbers.format(-6));
        assertEquals("1.000e+300", Numbers.format(1e300));
        assertEquals("0", Numbers.format(0));
        assertEquals("0", Numbers.format(-0.0));
        assertEquals("NaN", Numbers.format(Double.NaN));
        assertEquals("-Infinity", Numbers.format(Double.NEGATIVE_INFINITY));
    }

    @Test
    void briefNumbersHaveTwo() {
        assertEquals("1.0e-06", Numbers.brief(1e-6));
        assertEquals("6.1e-06", Numbers.brief(6.055e-6));
        assertEquals("0", Numbers.brief(0));
    }
}
