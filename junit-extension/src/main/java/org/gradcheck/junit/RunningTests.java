package org.gradcheck.junit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gradcheck.report.DerivativeReport;

/**
 * Which tests run on which thread, for every suite report whose test plan is running; a report that a check
 * completes is given to the innermost test on the checking thread. Independent of the JUnit Platform launcher, so
 * that checks run without one (in a {@code main} method, say) need none of its classes.
 */
final class RunningTests {

    /** Receives the reports of the checks made in its tests. */
    @FunctionalInterface
    interface Session {

        void record(String testName, String uniqueId, TrialInfo trial, DerivativeReport report);
    }

    /** A test (or container) of a session that is running on some thread. */
    private static final class Entry {

        final Session session;
        final String testName;
        final String uniqueId;
        volatile TrialInfo trial;

        Entry(Session session, String testName, String uniqueId) {
            this.session = session;
            this.testName = testName;
            this.uniqueId = uniqueId;
        }
    }

    /** The tests running on each thread, innermost last. */
    private static final Map<Thread, Deque<Entry>> RUNNING = new ConcurrentHashMap<>();

    private RunningTests() {
    }

    /** Test {@code uniqueId} of {@code session} starts on the calling thread. */
    static void started(Session session, String testName, String uniqueId) {
        RUNNING.computeIfAbsent(Thread.currentThread(), thread -> new ArrayDeque<>())
                .addLast(new Entry(session, testName, uniqueId));
    }

    /** Test {@code uniqueId} of {@code session} has finished on the calling thread. */
    static void finished(Session session, String uniqueId) {
        Thread thread = Thread.currentThread();
        Deque<Entry> running = RUNNING.get(thread);
        if (running == null) {
            return;
        }
        running.removeIf(entry -> entry.session == session && entry.uniqueId.equals(uniqueId));
        if (running.isEmpty()) {
            RUNNING.remove(thread, running);
        }
    }

    /** Forgets every test of {@code session}, once its plan has run. */
    static void forget(Session session) {
        RUNNING.values().forEach(running -> running.removeIf(entry -> entry.session == session));
    }

    /** The test running on the calling thread is trial {@code trial} of a {@code @GradientCheck} method. */
    static void trialStarted(TrialInfo trial) {
        Entry innermost = innermost();
        if (innermost != null) {
            innermost.trial = trial;
        }
    }

    /** Gives {@code report} to the session of the innermost test on the calling thread, if there is one. */
    static void checkFinished(DerivativeReport report) {
        Entry innermost = innermost();
        if (innermost != null) {
            innermost.session.record(innermost.testName, innermost.uniqueId, innermost.trial, report);
        }
    }

    private static Entry innermost() {
        Deque<Entry> running = RUNNING.get(Thread.currentThread());
        return running == null ? null : running.peekLast();
    }
}
