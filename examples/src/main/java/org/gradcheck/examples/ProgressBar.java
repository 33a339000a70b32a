package org.gradcheck.examples;

import java.io.PrintStream;
import java.util.Locale;
import org.gradcheck.ProgressListener;

/**
 * A one-line text progress bar for long checks: it rewrites itself with a carriage return and ends with a
 * newline when the check is done. One bar serves one check: after the last call it prints nothing more.
 * It is meant for a terminal: in a pipe or a log file every rewrite would stay, so the demo draws it only when
 * {@code System.console()} is there.
 *
 * <pre>{@code
 * GradientChecker checker = GradientChecker.defaults().withProgressListener(new ProgressBar(System.out, "  checking "));
 * }</pre>
 * prints, and keeps rewriting,
 * <pre>
 *   checking [##############----------------]  47% (28,897 of 61,481 parameters)
 * </pre>
 *
 * @since 0.1
 */
public final class ProgressBar implements ProgressListener {

    /** Characters between the brackets. */
    static final int WIDTH = 30;

    private final PrintStream out;
    private final String prefix;
    private int lastPercent = -1;
    private boolean finished;

    /**
     * A bar written to {@code out}, each line starting with {@code prefix}.
     *
     * @param out where the bar is written
     * @param prefix the start of each line
     * @throws IllegalArgumentException if an argument is null
     */
    public ProgressBar(PrintStream out, String prefix) {
        if (out == null || prefix == null) {
            throw new IllegalArgumentException("out and prefix must not be null: use for example new ProgressBar(System.out, \"\")");
        }
        this.out = out;
        this.prefix = prefix;
    }

    @Override
    public void progress(int done, int total) {
        int percent = total == 0 ? 100 : (int) (100L * done / total);
        if (finished || (percent == lastPercent && done < total)) {
            return;
        }
        lastPercent = percent;
        out.print("\r" + line(done, total));
        if (done >= total) {
            out.println();
            finished = true;
        }
        out.flush();
    }

    /** The text of the bar at {@code done} of {@code total}, without the carriage return. */
    String line(int done, int total) {
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        int percent = total == 0 ? 100 : (int) (100L * done / total);
        return prefix + "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3d%% (%,d of %,d parameters)", percent, done, total);
    }
}
