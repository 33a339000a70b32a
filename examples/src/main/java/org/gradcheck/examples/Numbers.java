package org.gradcheck.examples;

import java.util.Locale;

/**
 * The number format of GradCheck's reports, for the demo's own lines: scientific notation with four significant
 * digits ({@code 1.234e-05}), and a short form with two for steps and thresholds ({@code 1.0e-07}).
 */
final class Numbers {

    private Numbers() {
    }

    /** {@code 1.234e-05}, {@code -6.000e+00}, {@code 0}, {@code NaN}, {@code Infinity}. */
    static String format(double value) {
        if (value == 0) {
            return "0";
        }
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return String.format(Locale.ROOT, "%.3e", value);
    }

    /** A short form with two significant digits: {@code 1.0e-07}. */
    static String brief(double value) {
        if (value == 0) {
            return "0";
        }
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return String.format(Locale.ROOT, "%.1e", value);
    }
}
