package org.gradcheck.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Told of every check that completes in the JVM, passed or failed: a service provider interface for tools that
 * collect reports, such as the HTML suite report of the JUnit extension.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/org.gradcheck.report.CheckObserver} (or {@code provides} it in a module). They are loaded
 * once, the first time a check completes, and need a public no-argument constructor. {@link #finished} is called on
 * the thread that called the checker (never on one of its worker threads), after the report is complete and before
 * the checker returns it or an assertion throws, so a report can be attributed to the test running on that thread.
 * Checks may complete on several threads at once: implementations must be thread-safe and should return quickly.
 *
 * <pre>{@code
 * public final class CountingObserver implements CheckObserver {
 *     static final AtomicInteger CHECKS = new AtomicInteger();
 *
 *     public void finished(DerivativeReport report) {
 *         CHECKS.incrementAndGet();
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface CheckObserver {

    /**
     * A check has completed with {@code report}: a {@link GradientReport} or a {@link JacobianReport}.
     *
     * @param report the completed check's report; never null
     */
    void finished(DerivativeReport report);
}
