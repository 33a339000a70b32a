package org.gradcheck.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The one format every number of a report is printed in: scientific notation with four significant
 * digits, a sign column for negatives ({@code  1.234e-05}, {@code -1.234e-05}), so columns align.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class NumberFormatter {

    private NumberFormatter() {
    }

    /**
     * {@code 1.234e-05}, {@code -6.000e+00}, {@code 0}, {@code NaN}.
     *
     * @param value the number to format, any double
     * @return {@code 1.234e-05}, {@code -6.000e+00}, {@code 0}, {@code NaN}
     */
    public static String format(double value) {
        if (value == 0) {
            return "0";
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return String.format(Locale.ROOT, "%.3e", value);
    }

    /**
     * A short form with two significant digits, for tolerances and steps: {@code 1.0e-06}.
     *
     * @param value the number to format, any double
     * @return a short form with two significant digits, for tolerances and steps: {@code 1.0e-06}
     */
    public static String brief(double value) {
        if (value == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, "%.1e", value);
    }
}
