package org.gradcheck.engine;

import org.gradcheck.report.DerivativeReport;

/**
 * The one format every number of a report or message is printed in ({@link DerivativeReport#formatNumber} and
 * {@link DerivativeReport#formatBrief}), under the short names the engine uses.
 */
final class Numbers {

    private Numbers() {
    }

    /** {@code 1.234e-05}, {@code -6.000e+00}, {@code 0}, {@code NaN}, {@code Infinity}. */
    static String format(double value) {
        return DerivativeReport.formatNumber(value);
    }

    /** A short form with two significant digits, for tolerances and steps: {@code 1.0e-06}. */
    static String brief(double value) {
        return DerivativeReport.formatBrief(value);
    }
}
