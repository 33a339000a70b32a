package org.gradcheck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.function.VectorFunction;
import org.gradcheck.report.Entry;
import org.gradcheck.report.JacobianReport;
import org.junit.jupiter.api.Test;

/**
 * The one loop that evaluates the user's code at perturbed points: what it does when that code throws an
 * {@code Error} on a helper thread, when the checking thread is interrupted, when products share their output buffer,
 * and when the derivative is larger than an array holds.
 */
class EvaluationLoopTests {

    private static final int N = 400;

    /**
     * {@code sum x_i^2}, each evaluation busy for about {@code micros} microseconds, counting its calls; optionally
     * throwing an {@code AssertionError} on every thread but the checking one.
     */
    private static final class Slow implements DifferentiableFunction {
        private final AtomicInteger calls;
        private final Set<Thread> threads;
        private final long micros;
        private final boolean throwOnHelpers;

        Slow(AtomicInteger calls, Set<Thread> threads, long micros, boolean throwOnHelpers) {
            this.calls = calls;
            this.threads = threads;
            this.micros = micros;
            this.throwOnHelpers = throwOnHelpers;
        }

        @Override
        public double value(double[] x) {
            calls.incrementAndGet();
            threads.add(Thread.currentThread());
            long until = System.nanoTime() + micros * 1000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            if (throwOnHelpers && !Thread.currentThread().getName().equals("checking")) {
                throw new AssertionError("boom on a helper thread");
            }
            double sum = 0;
            for (double v : x) {
                sum += v * v;
            }
            return sum;
        }

        @Override
        public double[] gradient(double[] x) {
            double[] g = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                g[i] = 2 * x[i];
            }
            return g;
        }

        @Override
        public DifferentiableFunction copyForThread() {
            return new Slow(calls, threads, micros, throwOnHelpers);
        }
    }

    private static double[] point() {
        double[] x = new double[N];
        java.util.Arrays.fill(x, 0.5);
        return x;
    }

    @Test
    void anErrorOnAHelperThreadIsTheCauseOfTheRefusalAndThePointIsRestored() throws Exception {
        double[] x = point();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread checking = new Thread(() -> {
            try {
                GradientChecker.defaults().withStrategy(Strategy.full()).withThreads(3).withPrecision(Precision.DOUBLE)
                        .check(new Slow(new AtomicInteger(), ConcurrentHashMap.newKeySet(), 200, true), x);
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "checking");
        checking.start();
        checking.join(60_000);

        CheckRefusedException refused = assertInstanceOf(CheckRefusedException.class, thrown.get());
        assertInstanceOf(AssertionError.class, refused.getCause());
        assertTrue(refused.getMessage().startsWith("the function threw java.lang.AssertionError: boom on a helper thread"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("modified the point"), refused.getMessage());
        assertArrayEquals(point(), x, "the caller's point is untouched");
    }

    @Test
    void aOneThreadCheckStopsPromptlyWhenInterruptedAndKeepsTheInterruptStatus() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger callsWhenInterrupted = new AtomicInteger();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread checking = new Thread(() -> {
            try {
                GradientChecker.defaults().withStrategy(Strategy.full()).withPrecision(Precision.DOUBLE)
                        .check(new Slow(calls, ConcurrentHashMap.newKeySet(), 500, false), point());
            } catch (Throwable e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        }, "checking");
        checking.start();
        while (calls.get() < 50) {
            Thread.sleep(1);
        }
        callsWhenInterrupted.set(calls.get());
        checking.interrupt();
        checking.join(10_000);

        assertFalse(checking.isAlive());
        CheckRefusedException refused = assertInstanceOf(CheckRefusedException.class, thrown.get());
        assertTrue(refused.getMessage().startsWith("the check was interrupted (Thread.interrupt()) after "),
                refused.getMessage());
        assertInstanceOf(InterruptedException.class, refused.getCause());
        assertTrue(stillInterrupted.get(), "the thread's interrupt status is kept");
        // of the 2 x 400 evaluations a full check needs, at most the one running and the next start after the interrupt
        assertTrue(calls.get() - callsWhenInterrupted.get() <= 2, calls.get() - callsWhenInterrupted.get() + " calls");
    }

    @Test
    void aThreeThreadCheckLeavesNoWorkerRunningWhenInterrupted() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread checking = new Thread(() -> {
            try {
                GradientChecker.defaults().withStrategy(Strategy.full()).withThreads(3).withPrecision(Precision.DOUBLE)
                        .check(new Slow(calls, threads, 500, false), point());
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "checking");
        checking.start();
        while (calls.get() < 60) {
            Thread.sleep(1);
        }
        checking.interrupt();
        checking.join(10_000);

        assertFalse(checking.isAlive());
        assertInstanceOf(CheckRefusedException.class, thrown.get());
        int afterReturn = calls.get();
        Thread.sleep(100);
        assertEquals(afterReturn, calls.get(), "no evaluation after the check returned");
        assertTrue(threads.size() >= 3, "the check ran on " + threads.size() + " threads");
        for (Thread thread : threads) {
            assertFalse(thread != checking && thread.isAlive() && thread.getState() == Thread.State.RUNNABLE,
                    thread + " still runs");
        }
    }

    @Test
    void productsThatShareOneOutputBufferAreCopiedBeforeTheNextCall() {
        double[] shared = new double[2];
        // y = (x0 x1, x0 + 2 x1); J = [[x1, x0], [1, 2]]; both products write into the same array, as a layer that
        // reuses one buffer for its backward and forward passes does
        VectorFunction layer = VectorFunction.builder(x -> new double[] {x[0] * x[1], x[0] + 2 * x[1]})
                .vectorJacobianProduct((x, u) -> {
                    shared[0] = u[0] * x[1] + u[1];
                    shared[1] = u[0] * x[0] + 2 * u[1];
                    return shared;
                })
                .jacobianVectorProduct((x, v) -> {
                    shared[0] = x[1] * v[0] + x[0] * v[1];
                    shared[1] = v[0] + 2 * v[1];
                    return shared;
                }).build();

        JacobianReport report = GradientChecker.defaults().checkJacobian(layer, new double[] {0.7, -1.3});

        assertTrue(report.passed(), report::toString);
        assertEquals(GradientChecker.DEFAULT_PRODUCT_TRIALS, report.consistencyChecks().size());
        for (Entry identity : report.consistencyChecks()) {
            assertTrue(identity.absoluteError() <= 1e-15, identity::toString);
        }
    }

    @Test
    void aDerivativeLargerThanAnArrayIsRefusedBeforeItIsComputed() {
        AtomicInteger jacobians = new AtomicInteger();
        VectorFunction huge = VectorFunction.of(x -> new double[65_536], x -> {
            jacobians.incrementAndGet();
            throw new AssertionError("the Jacobian must not be asked for");
        });

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> GradientChecker.defaults().checkJacobian(huge, new double[65_537]));

        assertEquals("the derivative has 65536 x 65537 = 4295032832 entries, more than one array holds (2147483639): check"
                + " a part of the function at a time (fewer outputs or inputs), or check products only", error.getMessage());
        assertEquals(0, jacobians.get());
    }

    @Test
    void aVirtualMachineErrorIsRethrownAsItIs() {
        StackOverflowError overflow = new StackOverflowError("deep");
        DifferentiableFunction deep = DifferentiableFunction.of(x -> {
            if (x[0] != 1) {
                throw overflow;
            }
            return x[0];
        }, x -> new double[] {1});

        StackOverflowError error = assertThrows(StackOverflowError.class,
                () -> GradientChecker.defaults().withPrecision(Precision.DOUBLE).check(deep, new double[] {1}));
        assertSame(overflow, error);
    }
}
