package org.gradcheck.junit;

import java.util.List;
import java.util.Locale;
import org.gradcheck.report.Verdict;

/**
 * Draws the two plots of a check as inline SVG, by hand: the analytic gradient against the numerical one per
 * parameter on symmetric log axes, and the relative errors of each block as a histogram on a log axis with the
 * tolerance drawn in. Pure functions of a {@link CheckRecord}.
 */
final class SvgPlots {

    /** Block colours, taken in turn. */
    static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
        "#bcbd22", "#17becf", "#393b79"};

    static final String FAILURE_COLOUR = "#d62728";

    /** Blocks named in a legend; the others are summed up in one more line. */
    static final int LEGEND_ENTRIES = 8;

    private static final int SIZE = 380;
    private static final int LEFT = 70;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 46;

    /** Room to the right of the scatter plot for its legend. */
    private static final int LEGEND_WIDTH = 118;

    /** Least distance in pixels between two labelled ticks. */
    private static final double MIN_TICK_SPACING = 44;

    private SvgPlots() {
    }

    static String colour(int block) {
        return COLOURS[block % COLOURS.length];
    }

    /** The symmetric log transform {@code sign(x) log10(1 + |x| / c)}. */
    static double symlog(double value, double linearThreshold) {
        return Math.signum(value) * Math.log10(1 + Math.abs(value) / linearThreshold);
    }

    /**
     * The linear threshold {@code c} of the symmetric log axes: the smallest non-zero magnitude among the points, but
     * no less than 1e-9 of the largest, so that a few tiny values do not stretch the axes; 1 when all are zero.
     */
    static double linearThreshold(List<CheckRecord.Point> points) {
        double largest = 0;
        double smallest = Double.POSITIVE_INFINITY;
        for (CheckRecord.Point point : points) {
            for (double value : new double[] {point.analytic(), point.numerical()}) {
                double magnitude = Math.abs(value);
                if (magnitude > 0 && Double.isFinite(magnitude)) {
                    largest = Math.max(largest, magnitude);
                    smallest = Math.min(smallest, magnitude);
                }
            }
        }
        if (largest == 0) {
            return 1;
        }
        return Math.max(smallest, largest * 1e-9);
    }

    /** The scatter plot of analytic (vertical) against numerical (horizontal) values; failures ringed in red. */
    static String scatter(CheckRecord check, List<String> blockNames) {
        List<CheckRecord.Point> points = check.points;
        double c = linearThreshold(points);
        double limit = 0;
        for (CheckRecord.Point point : points) {
            limit = Math.max(limit, Math.max(Math.abs(symlog(finite(point.analytic()), c)),
                    Math.abs(symlog(finite(point.numerical()), c))));
        }
        limit = limit == 0 ? 1 : limit * 1.05;
        Axis axis = new Axis(limit, SIZE - LEFT - RIGHT, SIZE - TOP - BOTTOM);
        StringBuilder svg = new StringBuilder();
        open(svg, "scatter", SIZE + LEGEND_WIDTH, SIZE, "Analytic against numerical gradient of check " + check.number);
        svg.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(axis.width)
                .append("\" height=\"").append(axis.height).append("\" fill=\"#ffffff\" stroke=\"#999999\"/>\n");
        // zero lines and the diagonal y = x
        svg.append(line(axis.x(0), TOP, axis.x(0), TOP + axis.height, "#dddddd", ""));
        svg.append(line(LEFT, axis.y(0), LEFT + axis.width, axis.y(0), "#dddddd", ""));
        svg.append(line(axis.x(-limit), axis.y(-limit), axis.x(limit), axis.y(limit), "#aaaaaa",
                " stroke-dasharray=\"4 3\" class=\"diagonal\""));
        double placed = Double.NEGATIVE_INFINITY;
        for (double tick : ticks(c, limit)) {
            double position = symlog(tick, c);
            if (tick > 0) {
                // ticks come as 0, +t1, -t1, +t2, -t2, ...: keep a pair only if it is far enough from the last one kept
                if (axis.x(position) - placed < MIN_TICK_SPACING) {
                    continue;
                }
                placed = axis.x(position);
            } else if (tick == 0) {
                placed = axis.x(0);
            } else if (axis.x(-position) != placed) {
                continue;
            }
            String label = tick == 0 ? "0" : Numbers.brief(tick);
            svg.append(line(axis.x(position), TOP + axis.height, axis.x(position), TOP + axis.height + 4, "#666666", ""));
            svg.append(text(axis.x(position), TOP + axis.height + 15, "middle", label, 9));
            svg.append(line(LEFT - 4, axis.y(position), LEFT, axis.y(position), "#666666", ""));
            svg.append(text(LEFT - 6, axis.y(position) + 3, "end", label, 9));
        }
        svg.append(text(LEFT + axis.width / 2.0, SIZE - 16, "middle", "numerical (symmetric log, linear within "
                + Numbers.brief(c) + ")", 10));
        svg.append("<text x=\"12\" y=\"").append(format(TOP + axis.height / 2.0))
                .append("\" text-anchor=\"middle\" font-size=\"10\" transform=\"rotate(-90 12 ")
                .append(format(TOP + axis.height / 2.0)).append(")\">analytic</text>\n");
        StringBuilder failures = new StringBuilder();
        for (CheckRecord.Point point : points) {
            double x = axis.x(symlog(finite(point.numerical()), c));
            double y = axis.y(symlog(finite(point.analytic()), c));
            svg.append("<circle class=\"point\" cx=\"").append(format(x)).append("\" cy=\"").append(format(y))
                    .append("\" r=\"2.5\" fill=\"").append(colour(point.block())).append("\" fill-opacity=\"0.75\"><title>")
                    .append(Html.escape(point.name() + ": analytic " + Numbers.format(point.analytic())
                            + ", numerical " + Numbers.format(point.numerical()) + ", " + point.verdict()))
                    .append("</title></circle>\n");
            if (point.verdict() == Verdict.FAIL) {
                failures.append("<circle class=\"failure\" cx=\"").append(format(x)).append("\" cy=\"").append(format(y))
                        .append("\" r=\"6\" fill=\"none\" stroke=\"").append(FAILURE_COLOUR)
                        .append("\" stroke-width=\"1.5\"/>\n");
            }
        }
        svg.append(failures);
        legend(svg, blockNames, SIZE + 6, TOP + 3, check.failuresPlotted > 0);
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** The histogram of each block's relative errors on a log axis, one row per block, with the tolerance line. */
    static String errors(CheckRecord check) {
        int rows = check.blocks.size();
        int rowHeight = 30;
        int labels = 96;
        int width = SIZE;
        int height = TOP + rows * rowHeight + BOTTOM;
        int slots = CheckRecord.BINS + 1;
        double plotWidth = width - labels - RIGHT;
        double slot = plotWidth / slots;
        StringBuilder svg = new StringBuilder();
        open(svg, "errors", width, height, "Relative errors per block of check " + check.number);
        for (int b = 0; b < rows; b++) {
            CheckRecord.BlockRow row = check.blocks.get(b);
            double base = TOP + (b + 1) * rowHeight;
            int largest = row.exactMatches();
            for (int count : row.histogram()) {
                largest = Math.max(largest, count);
            }
            svg.append(text(labels - 6, base - rowHeight / 2.0 + 3, "end", Html.shorten(row.summary().name(), 14), 10));
            svg.append(line(labels, base, width - RIGHT, base, "#cccccc", ""));
            for (int s = 0; s < slots; s++) {
                int count = s == 0 ? row.exactMatches() : row.histogram()[s - 1];
                if (count == 0) {
                    continue;
                }
                double barHeight = Math.max(1, (rowHeight - 6) * (double) count / largest);
                svg.append("<rect class=\"bar\" x=\"").append(format(labels + s * slot + 0.5)).append("\" y=\"")
                        .append(format(base - barHeight)).append("\" width=\"").append(format(slot - 1))
                        .append("\" height=\"").append(format(barHeight)).append("\" fill=\"").append(colour(b))
                        .append("\"><title>").append(count).append(count == 1 ? " parameter" : " parameters")
                        .append(s == 0 ? " with no error" : " with relative error " + binText(s - 1))
                        .append("</title></rect>\n");
            }
        }
        double bottom = TOP + rows * rowHeight;
        svg.append(text(labels + slot / 2, bottom + 14, "middle", "0", 9));
        for (int decade = CheckRecord.LOWEST_DECADE + 4; decade <= 0; decade += 4) {
            double x = labels + slot * (1 + (decade - CheckRecord.LOWEST_DECADE) * CheckRecord.BINS_PER_DECADE);
            svg.append(line(x, bottom, x, bottom + 4, "#666666", ""));
            svg.append(text(x, bottom + 14, "middle", "1e" + decade, 9));
        }
        if (check.relativeTolerance > 0) {
            double position = (Math.log10(check.relativeTolerance) - CheckRecord.LOWEST_DECADE) * CheckRecord.BINS_PER_DECADE;
            double x = labels + slot * (1 + Math.max(0, Math.min(CheckRecord.BINS, position)));
            svg.append(line(x, TOP - 4, x, bottom, FAILURE_COLOUR, " stroke-dasharray=\"5 3\" class=\"tolerance\""));
            svg.append(text(x + 3, TOP - 6 + 8, "start", "tolerance " + Numbers.brief(check.relativeTolerance), 9));
        }
        svg.append(text(labels + plotWidth / 2, height - 16, "middle", "relative error |g - n| / max(|g|, |n|)", 10));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String binText(int bin) {
        double low = CheckRecord.LOWEST_DECADE + (double) bin / CheckRecord.BINS_PER_DECADE;
        double high = low + 1.0 / CheckRecord.BINS_PER_DECADE;
        if (bin == 0) {
            return "below " + Numbers.brief(Math.pow(10, high));
        }
        if (bin == CheckRecord.BINS - 1) {
            return "above " + Numbers.brief(Math.pow(10, low));
        }
        return "from " + Numbers.brief(Math.pow(10, low)) + " to " + Numbers.brief(Math.pow(10, high));
    }

    private static void legend(StringBuilder svg, List<String> blockNames, int x, int y, boolean failures) {
        int shown = Math.min(blockNames.size(), LEGEND_ENTRIES);
        int lines = shown + (blockNames.size() > shown ? 1 : 0) + (failures ? 1 : 0);
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
        if (failures) {
            int lineY = y + 13 * next + 6;
            svg.append("<circle cx=\"").append(x + 4).append("\" cy=\"").append(lineY).append("\" r=\"4.5\" fill=\"none\""
                    + " stroke=\"").append(FAILURE_COLOUR).append("\" stroke-width=\"1.5\"/>\n");
            svg.append(text(x + 12, lineY + 3, "start", "failure", 9));
        }
    }

    /** Tick values: 0 and {@code ±c * 10^k} up to the axis limit, at most about four on each side. */
    static double[] ticks(double c, double limit) {
        double largest = c * (Math.pow(10, limit) - 1);
        int decades = (int) Math.floor(Math.log10(largest / c) + 1e-9);
        if (decades < 0) {
            return new double[] {0};
        }
        int stride = Math.max(1, (int) Math.ceil((decades + 1) / 4.0));
        int count = decades / stride + 1;
        double[] ticks = new double[2 * count + 1];
        ticks[0] = 0;
        for (int k = 0; k < count; k++) {
            double value = c * Math.pow(10, k * stride);
            ticks[1 + 2 * k] = value;
            ticks[2 + 2 * k] = -value;
        }
        return ticks;
    }

    private static double finite(double value) {
        if (Double.isNaN(value)) {
            return 0;
        }
        return Math.max(-Double.MAX_VALUE, Math.min(Double.MAX_VALUE, value));
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

    static String format(double coordinate) {
        return String.format(Locale.ROOT, "%.1f", coordinate);
    }

    /** Maps transformed values in {@code [-limit, limit]} onto the plot area. */
    private static final class Axis {

        final double limit;
        final int width;
        final int height;

        Axis(double limit, int width, int height) {
            this.limit = limit;
            this.width = width;
            this.height = height;
        }

        double x(double value) {
            return LEFT + (value + limit) / (2 * limit) * width;
        }

        double y(double value) {
            return TOP + (1 - (value + limit) / (2 * limit)) * height;
        }
    }
}
