package org.gradcheck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.gradcheck.report.DerivativeReport;
import org.gradcheck.report.Entry;
import org.gradcheck.report.Verdict;
import org.opentest4j.AssertionFailedError;

/**
 * Thrown when a check of a derivative fails: an analytic gradient, Jacobian or Hessian disagrees with its
 * reference, could not be resolved, or a consistency check between derivative forms fails. The message is the
 * report's text (with what a tool adds to it, see {@link #DerivativeMismatchError(DerivativeReport, String)}); the
 * expected value lists the reference values and the actual value the analytic ones, one checked entry per line, so
 * IDEs offer a diff that points at the wrong entries.
 *
 * <p>The stack trace starts at the caller's frame: GradCheck's own frames are removed, as AssertJ does, so the
 * first line a reader sees is the line of the test that asked for the check.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class DerivativeMismatchError extends AssertionFailedError {

    private static final long serialVersionUID = 1L;

    /** Rows of entries the message shows, failures first. */
    public static final int MESSAGE_ROWS = 12;

    /** Above this many checked entries the expected/actual listings hold only the entries that did not pass. */
    static final int MAX_LISTED_ENTRIES = 1000;

    /** The packages whose frames are removed from the stack trace. */
    private static final Set<String> LIBRARY_PACKAGES = Set.of("org.gradcheck", "org.gradcheck.engine",
            "org.gradcheck.report", "org.gradcheck.layout", "org.gradcheck.function", "org.gradcheck.junit");

    private final transient DerivativeReport report;

    /**
     * An error for the failed {@code report}, with the report's text as message.
     *
     * @param report the failed check's report
     * @throws IllegalArgumentException if {@code report} is null
     */
    public DerivativeMismatchError(DerivativeReport report) {
        this(report, requireReport(report).format(MESSAGE_ROWS));
    }

    /**
     * An error for the failed {@code report} with a message of the caller's, for tools that say more than the report
     * (the JUnit extension ends a failed trial's report with the lines that rerun the trial). Expected and actual
     * values are the report's, as with {@link #DerivativeMismatchError(DerivativeReport)}.
     *
     * @param report the failed check's report
     * @param message the message, usually the report's text ({@code report.format(MESSAGE_ROWS)}) and more
     * @throws IllegalArgumentException if {@code report} or {@code message} is null
     * @since 0.1
     */
    public DerivativeMismatchError(DerivativeReport report, String message) {
        super(checked(report, message), listing(report, true), listing(report, false));
        this.report = report;
        setStackTrace(callerFrames(getStackTrace()));
    }

    /** {@return the report of the failed check; null only after deserialisation} */
    public DerivativeReport report() {
        return report;
    }

    private static DerivativeReport requireReport(DerivativeReport report) {
        if (report == null) {
            throw new IllegalArgumentException("report must not be null: a mismatch error carries the failed report");
        }
        return report;
    }

    /** {@code message}, once {@code report} and {@code message} are known not to be null. */
    private static String checked(DerivativeReport report, String message) {
        requireReport(report);
        if (message == null) {
            throw new IllegalArgumentException("message must not be null: use report.format(DerivativeMismatchError"
                    + ".MESSAGE_ROWS) for the report's own text, which the one-argument constructor uses");
        }
        return message;
    }

    /** One line per checked entry ({@code name = value}); only the entries that did not pass when there are many. */
    private static String listing(DerivativeReport report, boolean reference) {
        StringBuilder text = new StringBuilder();
        boolean all = report.checkedCount() <= MAX_LISTED_ENTRIES;
        int listed = 0;
        for (Entry entry : report.entries()) {
            Verdict verdict = entry.verdict();
            if (verdict == Verdict.NOT_CHECKED || (!all && verdict == Verdict.PASS)) {
                continue;
            }
            if (listed++ == MAX_LISTED_ENTRIES) {
                text.append("...\n");
                break;
            }
            text.append(entry.name()).append(" = ").append(reference ? entry.numerical() : entry.analytic()).append('\n');
        }
        return text.toString();
    }

    /** The frames from the first one outside GradCheck's packages on. */
    static StackTraceElement[] callerFrames(StackTraceElement[] frames) {
        int first = 0;
        while (first < frames.length && isLibraryFrame(frames[first])) {
            first++;
        }
        if (first == frames.length) {
            return frames;
        }
        List<StackTraceElement> kept = new ArrayList<>(frames.length - first);
        for (int i = first; i < frames.length; i++) {
            kept.add(frames[i]);
        }
        return kept.toArray(new StackTraceElement[0]);
    }

    private static boolean isLibraryFrame(StackTraceElement frame) {
        String className = frame.getClassName();
        int dot = className.lastIndexOf('.');
        return dot > 0 && LIBRARY_PACKAGES.contains(className.substring(0, dot));
    }
}
