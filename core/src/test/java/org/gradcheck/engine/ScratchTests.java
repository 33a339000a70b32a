package org.gradcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.gradcheck.GradientChecker;
import org.gradcheck.Strategy;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.Entry;
import org.gradcheck.report.GradientReport;
import org.junit.jupiter.api.Test;

/**
 * Arrays a check uses only while it runs are kept for the next check on the same thread: taken out while in use, never
 * too many or too long, and a check on arrays the last one wrote gives bit for bit the report of a check on new ones.
 */
class ScratchTests {

    /** Runs {@code body} on a new thread, which has no kept arrays, and returns what it made. */
    private static <T> T onNewThread(java.util.function.Supplier<T> body) throws InterruptedException {
        AtomicReference<T> made = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                made.set(body.get());
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        thread.start();
        thread.join();
        if (thrown.get() != null) {
            throw new AssertionError(thrown.get());
        }
        return made.get();
    }

    @Test
    void anArrayGivenBackIsTakenAgainOnlyByItsThreadAndOnlyOnce() throws InterruptedException {
        onNewThread(() -> {
            double[] first = Scratch.take(5000);
            double[] second = Scratch.take(5000);
            assertNotSame(first, second);
            Scratch.give(first);
            assertEquals(1, Scratch.keptCount());
            assertEquals(0, onNewThreadQuietly(Scratch::keptCount));
            assertNotSame(first, Scratch.take(4000), "a kept array of another length is not handed out");
            assertSame(first, Scratch.take(5000));
            assertEquals(0, Scratch.keptCount());
            assertNotSame(first, Scratch.take(5000), "an array is handed out once until given back");
            return null;
        });
    }

    @Test
    void atMostAFewArraysAreKeptAndNoneTooLong() throws InterruptedException {
        onNewThread(() -> {
            Scratch.give(new double[Scratch.LONGEST + 1]);
            assertEquals(0, Scratch.keptCount());
            double[] oldest = new double[10];
            Scratch.give(oldest);
            for (int k = 0; k < Scratch.KEPT; k++) {
                Scratch.give(new double[10]);
            }
            assertEquals(Scratch.KEPT, Scratch.keptCount());
            for (int k = 0; k < Scratch.KEPT; k++) {
                assertNotSame(oldest, Scratch.take(10), "the oldest array made room");
            }
            return null;
        });
    }

    private static <T> T onNewThreadQuietly(java.util.function.Supplier<T> body) {
        try {
            return onNewThread(body);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code sum c_i cosh(x_i / 2)} with one gradient entry wrong, so that screening bisects down to it. */
    private static DifferentiableFunction withWrongEntry(double[] c, int wrong) {
        return DifferentiableFunction.of(x -> {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += c[i] * Math.cosh(x[i] / 2);
            }
            return sum;
        }, x -> {
            double[] g = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                g[i] = c[i] * Math.sinh(x[i] / 2) / 2;
            }
            g[wrong] *= 1.001;
            return g;
        });
    }

    /**
     * A screening check whose working copy and directions are the arrays another check of the same size left (every
     * entry written by it) gives the report a check on a new thread gives: the same verdicts, the same numerical
     * values bit for bit, the same evaluations.
     */
    @Test
    void aCheckOnKeptArraysGivesTheReportOfACheckOnNewOnes() throws InterruptedException {
        int n = 30_000;
        ParameterLayout layout = ParameterLayout.builder().matrix("W", 100, 200).vector("b", 10_000).build();
        double[] c = new SplittableRandom(2).doubles(n, 0.5, 2).toArray();
        double[] x = new SplittableRandom(3).doubles(n, -1, 1).toArray();
        double[] other = new SplittableRandom(4).doubles(n, -3, 3).toArray();
        GradientChecker checker = GradientChecker.defaults().withStrategy(Strategy.screening());

        GradientReport fresh = onNewThread(() -> checker.check(withWrongEntry(c, 12_345), x, layout));
        GradientReport kept = onNewThread(() -> {
            checker.check(withWrongEntry(c, 777), other, layout);
            assertTrue(Scratch.keptCount() >= 3, "the first check handed its arrays back");
            return checker.check(withWrongEntry(c, 12_345), x, layout);
        });

        assertTrue(!fresh.passed() && fresh.parameter(12_345).verdict() == org.gradcheck.report.Verdict.FAIL,
                fresh::toString);
        assertEquals(fresh.evaluations(), kept.evaluations(), kept::toString);
        for (int i = 0; i < n; i++) {
            Entry a = fresh.parameter(i);
            Entry b = kept.parameter(i);
            assertEquals(a.verdict(), b.verdict(), b::toString);
            assertEquals(Double.doubleToLongBits(a.numerical()), Double.doubleToLongBits(b.numerical()), b::toString);
            assertEquals(a.negligible(), b.negligible(), b::toString);
        }
    }
}
