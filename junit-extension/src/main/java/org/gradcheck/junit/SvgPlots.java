package org.gradcheck.junit;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.gradcheck.report.DerivativeReport;
import org.gradcheck.report.Verdict;

/**
 * Draws the two plots of a check as inline SVG, by hand. Pure functions of a {@link CheckRecord}.
 * <ul>
 * <li>The relative error of each plotted entry against its magnitude, on log-log axes, with the tolerance's relative
 *     part as a line: a wrong entry stands above the others by as many decades as it is wrong (a factor of 4 at
 *     {@code 0.75}, a flipped sign at 2), whatever its magnitude. Failures are drawn red and ringed; kinks (judged as
 *     subgradients, so far from the numerical value) and unresolved entries have rings of their own.</li>
 * <li>The histogram of each block's error ratios, mismatch divided by allowed error, on a log axis with a mark at 1:
 *     what the rule compares, so the passes lie at or left of the mark and the failures right of it. Entries whose
 *     verdict the ratio did not decide (exact matches, entries indistinguishable from zero, kinks, unresolved ones)
 *     are counted in slots of their own beside the axis.</li>
 * </ul>
 */
final class SvgPlots {

    /** Block colours, taken in turn. */
    static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
        "#bcbd22", "#17becf", "#393b79"};

    static final String FAILURE_COLOUR = "#d62728";

    /** Blocks named in a legend; the others are summed up in one more line. */
    static final int LEGEND_ENTRIES = 8;

    /** Most decades on the magnitude axis; smaller magnitudes are drawn at its left end. */
    static final int MAX_MAGNITUDE_DECADES = 24;

    /** Lowest decade of the relative-error axis: a relative error of double rounding is about 1e-16. */
    static final int LOWEST_ERROR_DECADE = -17;

    private static final int SIZE = 380;
    private static final int LEFT = 58;
    private static final int RIGHT = 16;
    private static final int TOP = 18;
    private static final int BOTTOM = 58;

    /** The band below (and left of) the plot area where the entries with a relative error (magnitude) of 0 are drawn. */
    private static final int ZERO_BAND = 16;

    /** Room to the right of the scatter plot for its legend. */
    private static final int LEGEND_WIDTH = 118;

    /** Width of the histogram. */
    private static final int HISTOGRAM_WIDTH = 520;

    /** Width of the histogram's row labels. */
    private static final int ROW_LABELS = 96;

    /** Height of one block's row of the histogram. */
    private static final int ROW_HEIGHT = 30;

    /** Width of a slot beside the histogram's axis, in bins. */
    private static final int SLOT_BINS = 3;

    private SvgPlots() {
    }

    static String colour(int block) {
        return COLOURS[block % COLOURS.length];
    }

    /** A decade on the axes: {@code 1e-6}, {@code 1}, {@code 1e3}. */
    static String decade(int exponent) {
        return exponent == 0 ? "1" : "1e" + exponent;
    }

    /** The relative error of each plotted entry (vertical) against its magnitude {@code max(|g|, |n|)} (horizontal). */
    static String relativeErrors(CheckRecord check, List<String> blockNames) {
        List<CheckRecord.Point> points = check.points;
        LogAxis x = magnitudeAxis(points);
        LogAxis y = errorAxis(points, check.relativeTolerance);
        int width = SIZE - LEFT - RIGHT;
        int height = SIZE - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        open(svg, "relative-errors", SIZE + LEGEND_WIDTH, SIZE, "Relative error against magnitude of each plotted entry"
                + " of check " + check.number);
        // entries without mismatch lie in a band below the plot area; a magnitude of 0 is drawn left of the axis
        double zeroY = TOP + height + ZERO_BAND / 2.0 + 2;
        double zeroX = LEFT - 18;
        svg.append("<rect class=\"zero-band\" x=\"").append(LEFT).append("\" y=\"").append(TOP + height + 2)
                .append("\" width=\"").append(width).append("\" height=\"").append(ZERO_BAND)
                .append("\" fill=\"#f4f4f4\"/>\n");
        int stride = Math.max(1, (int) Math.ceil((x.high - x.low) / 6.0));
        for (int exponent = x.low; exponent <= x.high; exponent++) {
            if (Math.floorMod(exponent, stride) != 0) {
                continue;
            }
            double position = LEFT + x.fraction(exponent) * width;
            svg.append(line(position, TOP, position, TOP + height, "#eeeeee", ""));
            svg.append(line(position, TOP + height + ZERO_BAND + 2, position, TOP + height + ZERO_BAND + 6, "#666666", ""));
            svg.append(text(position, TOP + height + ZERO_BAND + 16, "middle", decade(exponent), 9));
        }
        stride = Math.max(1, (int) Math.ceil((y.high - y.low) / 8.0));
        for (int exponent = (int) Math.floor(y.high); exponent >= y.low; exponent--) {
            if (Math.floorMod(exponent, stride) != 0) {
                continue;
            }
            double position = TOP + (1 - y.fraction(exponent)) * height;
            svg.append(line(LEFT, position, LEFT + width, position, "#eeeeee", ""));
            svg.append(line(LEFT - 4, position, LEFT, position, "#666666", ""));
            svg.append(text(LEFT - 6, position + 3, "end", decade(exponent), 9));
        }
        svg.append(note(LEFT + width - 4, zeroY + 3, "end", "no mismatch"));
        int zeroMagnitudes = zeroMagnitudes(points);
        if (zeroMagnitudes > 0) {
            svg.append(text(zeroX, TOP + height + ZERO_BAND + 16, "middle", "0", 9));
        }
        if (zeroMagnitudes > 1) {
            // they all lie on one spot
            svg.append(note(LEFT + 3, zeroY + 3, "start", "\u00d7" + zeroMagnitudes + " at 0"));
        }
        double toleranceFraction = check.relativeTolerance > 0 ? y.fraction(Math.log10(check.relativeTolerance)) : -1;
        if (toleranceFraction >= 0 && toleranceFraction <= 1) {
            double position = TOP + (1 - toleranceFraction) * height;
            svg.append(line(LEFT, position, LEFT + width, position, FAILURE_COLOUR, " stroke-dasharray=\"5 3\" class=\"tolerance\""));
            svg.append(text(LEFT + width - 4, position - 4, "end", "relative tolerance " + DerivativeReport.formatBrief(check.relativeTolerance), 9));
        }
        if (check.absoluteTolerance > 0) {
            svg.append(absoluteTolerance(check, x, y, width, height));
        }
        svg.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" fill=\"none\" stroke=\"#999999\"/>\n");
        svg.append(text(LEFT + width / 2.0, SIZE - 14, "middle", "magnitude max(|g|, |n|)", 10));
        double middle = TOP + height / 2.0;
        svg.append("<text x=\"12\" y=\"").append(format(middle)).append("\" text-anchor=\"middle\" font-size=\"10\""
                + " transform=\"rotate(-90 12 ").append(format(middle)).append(")\">relative error |g - n| / max(|g|, |n|)</text>\n");
        StringBuilder failures = new StringBuilder();
        boolean[] rings = new boolean[Ring.values().length];
        for (CheckRecord.Point point : points) {
            double magnitude = finite(point.magnitude());
            double error = finite(point.relativeError());
            double px = magnitude == 0 ? zeroX : LEFT + clamp(x.fraction(Math.log10(magnitude))) * width;
            double py = error == 0 ? zeroY : TOP + (1 - clamp(y.fraction(Math.log10(error)))) * height;
            boolean failed = point.verdict() == Verdict.FAIL;
            svg.append("<circle class=\"point\" cx=\"").append(format(px)).append("\" cy=\"").append(format(py))
                    .append("\" r=\"").append(failed ? "3" : "2.5").append("\" fill=\"")
                    .append(failed ? FAILURE_COLOUR : colour(point.block())).append("\" fill-opacity=\"0.75\"><title>")
                    .append(Html.escape(point.name() + ": analytic " + DerivativeReport.formatNumber(point.analytic()) + ", numerical "
                            + DerivativeReport.formatNumber(point.numerical()) + ", relative error " + DerivativeReport.formatNumber(point.relativeError())
                            + ", mismatch / allowed " + DerivativeReport.formatNumber(point.errorRatio()) + ", " + point.verdict()))
                    .append("</title></circle>\n");
            Ring ring = Ring.of(point.verdict());
            if (ring != null) {
                rings[ring.ordinal()] = true;
                failures.append("<circle class=\"").append(ring.className).append("\" cx=\"").append(format(px))
                        .append("\" cy=\"").append(format(py)).append("\" r=\"6\" fill=\"none\" stroke=\"")
                        .append(ring.colour).append("\" stroke-width=\"1.5\"/>\n");
            }
        }
        svg.append(failures);
        legend(svg, blockNames, SIZE + 6, TOP + 3, rings);
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** How many points have analytic and numerical values of 0. */
    private static int zeroMagnitudes(List<CheckRecord.Point> points) {
        int count = 0;
        for (CheckRecord.Point point : points) {
            count += finite(point.magnitude()) == 0 ? 1 : 0;
        }
        return count;
    }

    /** The whole tolerance over the relative error, {@code relative + absolute / magnitude}, where it is on the plot. */
    private static String absoluteTolerance(CheckRecord check, LogAxis x, LogAxis y, int width, int height) {
        StringBuilder points = new StringBuilder();
        int steps = 60;
        for (int s = 0; s <= steps; s++) {
            double exponent = x.low + (x.high - x.low) * (double) s / steps;
            double allowed = check.relativeTolerance + check.absoluteTolerance / Math.pow(10, exponent);
            double fraction = y.fraction(Math.log10(allowed));
            if (fraction > 1) {
                continue;
            }
            points.append(points.length() == 0 ? "" : " ").append(format(LEFT + x.fraction(exponent) * width)).append(',')
                    .append(format(TOP + (1 - clamp(fraction)) * height));
        }
        if (points.length() == 0) {
            return "";
        }
        return "<polyline class=\"tolerance-absolute\" points=\"" + points + "\" fill=\"none\" stroke=\"" + FAILURE_COLOUR
                + "\" stroke-opacity=\"0.6\" stroke-dasharray=\"2 3\"><title>the whole tolerance, "
                + Html.escape(DerivativeReport.formatBrief(check.absoluteTolerance) + " / max(|g|, |n|) + "
                        + DerivativeReport.formatBrief(check.relativeTolerance)) + "</title></polyline>\n";
    }

    /** Decades from the smallest non-zero magnitude to the largest, at most {@value #MAX_MAGNITUDE_DECADES}. */
    static LogAxis magnitudeAxis(List<CheckRecord.Point> points) {
        double[] range = positiveRange(points, CheckRecord.Point::magnitude);
        double smallest = range[0];
        double largest = range[1];
        if (largest == 0) {
            return new LogAxis(-1, 1);
        }
        int high = (int) Math.ceil(Math.log10(largest));
        int low = (int) Math.floor(Math.log10(smallest));
        if (low == high) {
            low--;
            high++;
        }
        return new LogAxis(Math.max(low, high - MAX_MAGNITUDE_DECADES), high);
    }

    /**
     * Decades from the smallest non-zero relative error (or a decade below the tolerance, if lower; no lower than
     * {@value #LOWEST_ERROR_DECADE}) to above the largest, with room above 2, the largest there is.
     */
    static LogAxis errorAxis(List<CheckRecord.Point> points, double relativeTolerance) {
        double[] range = positiveRange(points, CheckRecord.Point::relativeError);
        double smallest = range[0];
        double largest = range[1];
        double tolerance = relativeTolerance > 0 ? Math.log10(relativeTolerance) : LOWEST_ERROR_DECADE + 1;
        int low = Math.max(LOWEST_ERROR_DECADE,
                // room below the smallest, which would otherwise touch the band of the entries without mismatch
                (int) Math.floor(Math.min(tolerance - 1, largest > 0 ? Math.log10(smallest) - 0.3 : tolerance - 2)));
        double high = largest > 0.3 ? Math.log10(5) : Math.max(Math.ceil(Math.log10(largest) + 0.1), Math.floor(tolerance) + 1);
        return new LogAxis(low, Math.max(high, low + 1));
    }

    /** The histogram of each block's error ratios on a log axis, one row per block, with the mark at 1. */
    static String errorRatios(CheckRecord check) {
        int rows = check.blocks.size();
        int height = TOP + rows * ROW_HEIGHT + BOTTOM;
        boolean[] shown = new boolean[CheckRecord.RatioSlot.values().length];
        int left = 0;
        int right = 0;
        for (CheckRecord.RatioSlot slot : CheckRecord.RatioSlot.values()) {
            for (CheckRecord.BlockRow row : check.blocks) {
                shown[slot.ordinal()] |= row.slot(slot) > 0;
            }
            if (shown[slot.ordinal()]) {
                left += slot.leftOfOne() ? 1 : 0;
                right += slot.leftOfOne() ? 0 : 1;
            }
        }
        // the bins, the slots of each side, and a bin's gap between the slots and the bins
        int columns = CheckRecord.RATIO_BINS + SLOT_BINS * (left + right) + (left > 0 ? 1 : 0) + (right > 0 ? 1 : 0);
        double plotWidth = HISTOGRAM_WIDTH - ROW_LABELS - RIGHT;
        double bin = plotWidth / columns;
        double axisStart = ROW_LABELS + (left > 0 ? (SLOT_BINS * left + 1) * bin : 0);
        double axisEnd = axisStart + CheckRecord.RATIO_BINS * bin;
        double[] slotX = new double[shown.length];
        double nextLeft = ROW_LABELS;
        double nextRight = axisEnd + bin;
        for (CheckRecord.RatioSlot slot : CheckRecord.RatioSlot.values()) {
            if (shown[slot.ordinal()] && slot.leftOfOne()) {
                slotX[slot.ordinal()] = nextLeft;
                nextLeft += SLOT_BINS * bin;
            } else if (shown[slot.ordinal()]) {
                slotX[slot.ordinal()] = nextRight;
                nextRight += SLOT_BINS * bin;
            }
        }
        StringBuilder svg = new StringBuilder();
        open(svg, "error-ratios", HISTOGRAM_WIDTH, height, "Mismatch divided by allowed error per block of check "
                + check.number);
        double bottom = TOP + rows * ROW_HEIGHT;
        for (int b = 0; b < rows; b++) {
            CheckRecord.BlockRow row = check.blocks.get(b);
            double base = TOP + (b + 1) * ROW_HEIGHT;
            int largest = 0;
            for (int count : row.ratioBins()) {
                largest = Math.max(largest, count);
            }
            for (int count : row.ratioSlots()) {
                largest = Math.max(largest, count);
            }
            svg.append(text(ROW_LABELS - 6, base - ROW_HEIGHT / 2.0 + 3, "end", Html.shorten(row.summary().name(), 14), 10));
            svg.append(line(ROW_LABELS, base, HISTOGRAM_WIDTH - RIGHT, base, "#cccccc", ""));
            if (largest == 0) {
                svg.append(note(axisStart + 4, base - 6, "start", "no entry checked one by one"));
            }
            for (int i = 0; i < CheckRecord.RATIO_BINS; i++) {
                boolean failures = i >= CheckRecord.RATIO_BINS / 2;
                bar(svg, failures ? "fail" : "pass", axisStart + i * bin, bin, base, row.ratioBins()[i], largest,
                        failures ? FAILURE_COLOUR : colour(b), ratioBinText(i) + (failures ? ", failed" : ", passed"));
            }
            for (CheckRecord.RatioSlot slot : CheckRecord.RatioSlot.values()) {
                if (shown[slot.ordinal()]) {
                    bar(svg, slot.name().toLowerCase(Locale.ROOT), slotX[slot.ordinal()], SLOT_BINS * bin, base,
                            row.slot(slot), largest, slotColour(slot, b), slot.description);
                }
            }
        }
        svg.append(line(axisStart, bottom, axisEnd, bottom, "#666666", ""));
        for (int exponent = CheckRecord.RATIO_LOWEST_DECADE; exponent <= CheckRecord.RATIO_HIGHEST_DECADE; exponent += 2) {
            double position = axisStart + (exponent - CheckRecord.RATIO_LOWEST_DECADE) * CheckRecord.RATIO_BINS_PER_DECADE * bin;
            svg.append(line(position, bottom, position, bottom + 4, "#666666", ""));
            svg.append(text(position, bottom + 14, "middle", decade(exponent), 9));
        }
        for (CheckRecord.RatioSlot slot : CheckRecord.RatioSlot.values()) {
            if (shown[slot.ordinal()]) {
                svg.append(text(slotX[slot.ordinal()] + SLOT_BINS * bin / 2, bottom + 14, "middle", slot.label, 9));
            }
        }
        double one = axisStart + CheckRecord.RATIO_BINS / 2 * bin;
        svg.append(line(one, TOP - 6, one, bottom, FAILURE_COLOUR, " stroke-dasharray=\"5 3\" class=\"allowed\""));
        svg.append(text(one - 4, TOP - 8 + 8, "end", "pass", 9));
        svg.append(text(one + 4, TOP - 8 + 8, "start", "fail", 9));
        svg.append(text(ROW_LABELS + plotWidth / 2, height - 26, "middle", "mismatch / allowed error", 10));
        svg.append(text(ROW_LABELS + plotWidth / 2, height - 12, "middle",
                "|g - n| / (absolute + relative max(|g|, |n|) + numerical error)", 9));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String slotColour(CheckRecord.RatioSlot slot, int block) {
        switch (slot) {
            case KINK:
                return "#7f7f7f";
            case UNRESOLVED:
                return "#bf8700";
            case OTHER:
                return FAILURE_COLOUR;
            default:
                return colour(block);
        }
    }

    private static void bar(StringBuilder svg, String kind, double x, double width, double base, int count, int largest,
            String fill, String description) {
        if (count == 0) {
            return;
        }
        double barHeight = Math.max(2, (ROW_HEIGHT - 6) * (double) count / largest);
        svg.append("<rect class=\"bar ").append(kind).append("\" x=\"").append(format(x + 0.5)).append("\" y=\"")
                .append(format(base - barHeight)).append("\" width=\"").append(format(width - 1)).append("\" height=\"")
                .append(format(barHeight)).append("\" fill=\"").append(fill).append("\"><title>").append(count)
                .append(count == 1 ? " entry " : " entries ").append(Html.escape(description)).append("</title></rect>\n");
    }

    /** {@code mismatch / allowed from 1.0e-01 to 3.2e-01}: the range of a bin of the error-ratio histogram. */
    static String ratioBinText(int bin) {
        double low = CheckRecord.RATIO_LOWEST_DECADE + (double) bin / CheckRecord.RATIO_BINS_PER_DECADE;
        double high = low + 1.0 / CheckRecord.RATIO_BINS_PER_DECADE;
        if (bin == 0) {
            return "with mismatch / allowed up to " + DerivativeReport.formatBrief(Math.pow(10, high));
        }
        if (bin == CheckRecord.RATIO_BINS - 1) {
            return "with mismatch / allowed above " + DerivativeReport.formatBrief(Math.pow(10, low));
        }
        return "with mismatch / allowed above " + DerivativeReport.formatBrief(Math.pow(10, low)) + ", up to " + DerivativeReport.formatBrief(Math.pow(10, high));
    }

    /** The rings around the points whose verdict is not a pass, with their legend's words. */
    private enum Ring {
        FAILURE("failure", FAILURE_COLOUR, "failure"),
        KINK("kink", "#7f7f7f", "kink (subgradient)"),
        UNRESOLVED("unresolved", "#bf8700", "unresolved");

        final String className;
        final String colour;
        final String legend;

        Ring(String className, String colour, String legend) {
            this.className = className;
            this.colour = colour;
            this.legend = legend;
        }

        /** The ring of a point of {@code verdict}; null for a pass. */
        static Ring of(Verdict verdict) {
            switch (verdict) {
                case FAIL:
                    return FAILURE;
                case KINK:
                    return KINK;
                case UNRESOLVED:
                    return UNRESOLVED;
                default:
                    return null;
            }
        }
    }

    private static void legend(StringBuilder svg, List<String> blockNames, int x, int y, boolean[] rings) {
        int shown = Math.min(blockNames.size(), LEGEND_ENTRIES);
        int lines = shown + (blockNames.size() > shown ? 1 : 0);
        for (boolean ring : rings) {
            lines += ring ? 1 : 0;
        }
        svg.append("<rect x=\"").append(x - 3).append("\" y=\"").append(y - 3).append("\" width=\"").append(LEGEND_WIDTH - 8)
                .append("\" height=\"")
                .append(lines * 13 + 4).append("\" fill=\"#ffffff\" fill-opacity=\"0.85\" stroke=\"#dddddd\"/>\n");
        for (int b = 0; b < shown; b++) {
            int lineY = y + 13 * b + 6;
            svg.append("<circle cx=\"").append(x + 4).append("\" cy=\"").append(lineY).append("\" r=\"3.5\" fill=\"")
                    .append(colour(b)).append("\"/>\n");
            svg.append(text(x + 12, lineY + 3, "start", Html.shorten(blockNames.get(b), 16), 9));
        }
        int next = shown;
        if (blockNames.size() > shown) {
            svg.append(text(x + 12, y + 13 * next + 9, "start", "+" + (blockNames.size() - shown) + " more blocks", 9));
            next++;
        }
        for (Ring ring : Ring.values()) {
            if (!rings[ring.ordinal()]) {
                continue;
            }
            int lineY = y + 13 * next + 6;
            if (ring == Ring.FAILURE) {
                svg.append("<circle cx=\"").append(x + 4).append("\" cy=\"").append(lineY).append("\" r=\"3\" fill=\"")
                        .append(FAILURE_COLOUR).append("\"/>\n");
            }
            svg.append("<circle cx=\"").append(x + 4).append("\" cy=\"").append(lineY).append("\" r=\"5\" fill=\"none\""
                    + " stroke=\"").append(ring.colour).append("\" stroke-width=\"1.5\"/>\n");
            svg.append(text(x + 12, lineY + 3, "start", ring.legend, 9));
            next++;
        }
    }

    /** The smallest and the largest positive value of {@code of} over the points; infinity and 0 when none is. */
    private static double[] positiveRange(List<CheckRecord.Point> points, ToDoubleFunction<CheckRecord.Point> of) {
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        for (CheckRecord.Point point : points) {
            double value = finite(of.applyAsDouble(point));
            if (value > 0) {
                smallest = Math.min(smallest, value);
                largest = Math.max(largest, value);
            }
        }
        return new double[] {smallest, largest};
    }

    private static double finite(double value) {
        if (Double.isNaN(value)) {
            return 0;
        }
        return Math.max(-Double.MAX_VALUE, Math.min(Double.MAX_VALUE, value));
    }

    private static double clamp(double fraction) {
        return Math.max(0, Math.min(1, fraction));
    }

    private static void open(StringBuilder svg, String kind, int width, int height, String label) {
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"").append(kind).append("\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\" font-family=\"sans-serif\">\n");
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, String extra) {
        return "<line x1=\"" + format(x1) + "\" y1=\"" + format(y1) + "\" x2=\"" + format(x2) + "\" y2=\"" + format(y2)
                + "\" stroke=\"" + colour + "\"" + extra + "/>\n";
    }

    private static String text(double x, double y, String anchor, String content, int size) {
        return "<text x=\"" + format(x) + "\" y=\"" + format(y) + "\" text-anchor=\"" + anchor + "\" font-size=\"" + size
                + "\">" + Html.escape(content) + "</text>\n";
    }

    /** A grey remark in the plot. */
    private static String note(double x, double y, String anchor, String content) {
        return "<text x=\"" + format(x) + "\" y=\"" + format(y) + "\" text-anchor=\"" + anchor + "\" font-size=\"9\""
                + " fill=\"#777777\">" + Html.escape(content) + "</text>\n";
    }

    static String format(double coordinate) {
        return String.format(Locale.ROOT, "%.1f", coordinate);
    }

    /**
     * A log axis from decade {@code low} to {@code high} (not necessarily a whole decade at the top).
     *
     * @param low the exponent at the axis' start
     * @param high the exponent at its end, above {@code low}
     */
    record LogAxis(int low, double high) {

        /** Where exponent {@code exponent} lies on the axis: 0 at its start, 1 at its end. */
        double fraction(double exponent) {
            return (exponent - low) / (high - low);
        }
    }
}
