package org.gradcheck.report;

/**
 * Scientific notation with a fixed number of fraction digits, as {@code String.format(Locale.ROOT, "%.Ne", value)}
 * prints a finite, non-zero double: the digits of {@link Double#toString(double)} rounded half up, then
 * {@code d.ddde+XX} with at least two exponent digits. Without parsing a format pattern or building a formatter, so
 * that a check can describe its steps and tolerances in its notes for a few tenths of a microsecond each.
 */
final class Scientific {

    private Scientific() {
    }

    /**
     * {@code value} with {@code fraction} digits after the point.
     *
     * @param value a finite, non-zero number
     * @param fraction the digits after the point, 1 or more
     * @return for example {@code 1.2e-05} or {@code -6.000e+00}
     */
    static String format(double value, int fraction) {
        String text = Double.toString(Math.abs(value));
        int length = text.length();
        int marker = text.indexOf('E');
        int mantissaEnd = marker < 0 ? length : marker;
        int exponent = marker < 0 ? 0 : Integer.parseInt(text, marker + 1, length, 10);
        // the significant digits, and the decimal exponent of the first of them
        char[] digits = new char[mantissaEnd];
        int count = 0;
        int point = text.indexOf('.');
        int first = -1;
        for (int i = 0; i < mantissaEnd; i++) {
            char c = text.charAt(i);
            if (c == '.' || (count == 0 && c == '0')) {
                continue;
            }
            if (count == 0) {
                first = i;
            }
            digits[count++] = c;
        }
        int lead = first < point ? point - first - 1 : point - first;
        exponent += lead;
        int wanted = fraction + 1;
        char[] kept = new char[wanted];
        for (int i = 0; i < wanted; i++) {
            kept[i] = i < count ? digits[i] : '0';
        }
        if (count > wanted && digits[wanted] >= '5') {
            int i = wanted - 1;
            while (i >= 0 && kept[i] == '9') {
                kept[i--] = '0';
            }
            if (i >= 0) {
                kept[i]++;
            } else {
                kept[0] = '1';
                exponent++;
            }
        }
        StringBuilder out = new StringBuilder(wanted + 7);
        if (value < 0) {
            out.append('-');
        }
        out.append(kept[0]).append('.').append(kept, 1, fraction).append('e').append(exponent < 0 ? '-' : '+');
        int magnitude = Math.abs(exponent);
        if (magnitude < 10) {
            out.append('0');
        }
        return out.append(magnitude).toString();
    }
}
