package org.gradcheck.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * An aligned plain-text table, as the reports of GradCheck print them: the first and the last column are
 * left-aligned, the others right-aligned, columns separated by two spaces, trailing blanks removed.
 *
 * <pre>{@code
 * TextTable table = new TextTable("entry", "analytic", "verdict");
 * table.add("y[0] / x[1]", Numbers.format(2.0), "PASS");
 * String text = table.render();
 * }</pre>
 *
 * <p>Not thread-safe; a table is built and rendered by one caller.
 */
final class TextTable {

    private final int columns;
    private final List<String[]> rows = new ArrayList<>();

    /**
     * A table with the given column headers.
     *
     * @param header the column headers
     * @throws IllegalArgumentException if there are no headers
     */
    TextTable(String... header) {
        if (header == null || header.length == 0) {
            throw new IllegalArgumentException("header must name at least one column");
        }
        this.columns = header.length;
        rows.add(header.clone());
    }

    /**
     * Adds a row.
     *
     * @param cells one cell per column
     * @return this table
     * @throws IllegalArgumentException if the row does not have one cell per column
     */
    TextTable add(String... cells) {
        if (cells == null || cells.length != columns) {
            throw new IllegalArgumentException("a row needs " + columns + " cells but got "
                    + (cells == null ? "null" : Integer.toString(cells.length)));
        }
        rows.add(cells.clone());
        return this;
    }

    /**
     * Number of rows, not counting the header.
     *
     * @return number of rows, not counting the header
     */
    int size() {
        return rows.size() - 1;
    }

    /**
     * The table as text, one line per row, each ending in a newline.
     *
     * @return the table as text, one line per row, each ending in a newline
     */
    String render() {
        return render(Integer.MAX_VALUE, 0);
    }

    /**
     * The table as text, at most {@code width} characters wide where shortening the name columns allows it: the
     * widest of the {@code shrinkable} columns is shortened in the middle first, none below {@code minimumWidth}
     * characters or its header's width.
     *
     * @param width the widest a line should be
     * @param minimumWidth the narrowest a shortened column may become
     * @param shrinkable the indices of the columns that hold names and may be shortened
     * @return the table as text, one line per row, each ending in a newline
     */
    String render(int width, int minimumWidth, int... shrinkable) {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        long total = 2L * (columns - 1);
        for (int columnWidth : widths) {
            total += columnWidth;
        }
        while (total > width) {
            int widest = -1;
            for (int c : shrinkable) {
                int floor = Math.max(minimumWidth, rows.get(0)[c].length());
                if (widths[c] > floor && (widest < 0 || widths[c] > widths[widest])) {
                    widest = c;
                }
            }
            if (widest < 0) {
                break;
            }
            widths[widest]--;
            total--;
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    line.append("  ");
                }
                String cell = shorten(row[c], widths[c]);
                boolean left = c == 0 || c == columns - 1;
                String padding = " ".repeat(widths[c] - cell.length());
                line.append(left ? cell + padding : padding + cell);
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    /**
     * Shortens {@code name} to at most {@code width} characters by cutting out its middle: {@code encoder.la…W1[2,3]}.
     *
     * @param name the name
     * @param width the largest width, in characters
     * @return the name, shortened if longer than {@code width}
     */
    static String shorten(String name, int width) {
        if (name.length() <= width || width < 3) {
            return name;
        }
        int tail = width / 2;
        int head = width - tail - 1;
        return name.substring(0, head) + "…" + name.substring(name.length() - tail);
    }
}
