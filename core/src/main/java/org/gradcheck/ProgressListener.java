package org.gradcheck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.gradcheck.report.DerivativeReport;

/**
 * Told how far a long check has come. Called from the checking thread once for each percent of the
 * parameters differentiated: 100 times per check (once per parameter when there are fewer than 100), so it
 * may print or update a progress bar.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores progress. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * {@code done} of {@code total} parameters have been differentiated; the last call has {@code done == total}.
     *
     * @param done the number of parameters differentiated so far
     * @param total the number of parameters
     */
    void progress(int done, int total);

    /**
     * A check has completed with {@code report}, passed or failed; called once per check, after the last
     * {@link #progress(int, int)} and before the checker returns the report. Does nothing by default.
     *
     * @param report the completed check's report; never null
     */
    default void finished(DerivativeReport report) {
    }
}
