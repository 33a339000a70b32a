package org.gradcheck.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.gradcheck.CheckRefusedException;
import org.gradcheck.ProgressListener;

/**
 * The one loop that evaluates the user's function at perturbed points: one thread's own copy of the point and its
 * own evaluator of the function ({@link Problem#copyForThread()}), and {@link #forEach} that runs a task over
 * many columns on several such evaluators at once.
 *
 * <p>The mechanics every check shares live here and nowhere else:
 * <ul>
 * <li>a perturbed coordinate is restored to its exact original value whatever the function does, returns or
 *     throws ({@code finally});</li>
 * <li>an exception of the function is wrapped, with the evaluation it happened in, into a
 *     {@link CheckRefusedException}; a {@link VirtualMachineError} is passed on unchanged; the message text is built
 *     only when something is thrown;</li>
 * <li>{@link Thread#interrupt()} of the checking thread stops the check before the next evaluation, on every
 *     thread, with the interrupt status kept; no worker thread outlives {@link #forEach}, normally or not;</li>
 * <li>every evaluation is counted.</li>
 * </ul>
 * Evaluations write the function's outputs into an array the caller owns and return whether all of them are
 * finite; what a non-finite value means is the caller's decision.
 */
final class Evaluator {

    /** Columns handed to a worker thread at a time. */
    private static final int CHUNK = 64;

    final Problem problem;
    /**
     * The working copy of the point: perturbed in place, one coordinate (or one move along a direction) at a time.
     * A move is undone lazily, by the next evaluation that needs the point ({@link #settle()}), since the moves of one
     * direction come several in a row and each rewrites the range anyway.
     */
    private final double[] x;
    private final double[] original;
    private final Control control;
    /** The range the last move changed, not yet restored: {@code [movedFrom, movedTo)}, empty when none. */
    private int movedFrom;
    private int movedTo;
    private double[][] buffers;
    long evaluations;

    Evaluator(Problem problem, double[] original, Control control) {
        this(problem, original, control, Arrays.copyOf(original, original.length));
    }

    /** An evaluator whose working copy is {@code x}, which holds the point. */
    Evaluator(Problem problem, double[] original, Control control, double[] x) {
        this.problem = problem;
        this.original = original;
        this.x = x;
        this.control = control;
    }

    /**
     * The working copy of the point with no move pending: for code that reads it or hands it to the function; only
     * the evaluator's own methods perturb it.
     */
    double[] x() {
        settle();
        return x;
    }

    /** The point as given, never perturbed: to be read only. */
    double[] original() {
        return original;
    }

    /** Restores the range the last move changed, if any. */
    private void settle() {
        if (movedTo > movedFrom) {
            System.arraycopy(original, movedFrom, x, movedFrom, movedTo - movedFrom);
            movedTo = movedFrom;
        }
    }

    /** Whether the check goes on: stops it on an interrupt of this thread or when another thread failed. */
    static final class Control {
        volatile boolean stopped;
    }

    /**
     * An evaluator for another thread: the function's {@link Problem#copyForThread()} and its own copy of the point.
     *
     * @throws IllegalArgumentException if the function cannot be evaluated by several threads
     */
    Evaluator copyForThread(int threads) {
        Problem copy = problem.copyForThread();
        if (copy == null) {
            throw new IllegalArgumentException("a check with " + threads + " threads needs a function that can be evaluated"
                    + " by several threads, but " + problem.functionClass() + " returns null from copyForThread(): return this"
                    + " from it if the function keeps no mutable state (or use DifferentiableFunction.threadSafe(...)), return a"
                    + " copy with its own buffers otherwise, or use withThreads(1)");
        }
        return new Evaluator(copy, original, control);
    }

    /** The first outputs at the point, in a new array: for a Jacobian, they also tell how many outputs there are. */
    double[] first(String what) {
        proceed();
        settle();
        double[] out;
        try {
            out = problem.firstValues(x);
        } catch (CheckRefusedException e) {
            throw e;
        } catch (Throwable e) {
            throw refused(e, "while computing " + what + " at the point being checked");
        }
        evaluations++;
        return out;
    }

    /** {@code count} scratch arrays of one evaluation's outputs, this evaluator's own. */
    double[][] buffers(int count) {
        if (buffers == null || buffers.length < count) {
            buffers = new double[count][problem.outputCount()];
        }
        return buffers;
    }

    /** The outputs at the point itself. */
    boolean atPoint(double[] out, String what) {
        proceed();
        settle();
        try {
            problem.values(x, out);
        } catch (CheckRefusedException e) {
            throw e;
        } catch (Throwable e) {
            throw refused(e, "while computing " + what + " at the point being checked");
        }
        evaluations++;
        return finite(out);
    }

    /** The outputs with input {@code column} set to {@code at}; the input is restored to its original value. */
    boolean withColumn(int column, double at, double[] out) {
        proceed();
        settle();
        double from = original[column];
        if (Double.doubleToRawLongBits(x[column]) != Double.doubleToRawLongBits(from)) {
            requireUnmodified("the numerical derivatives");
        }
        x[column] = at;
        try {
            problem.values(x, out);
        } catch (CheckRefusedException e) {
            throw e;
        } catch (Throwable e) {
            throw refused(e, "while evaluating the numerical derivative of " + problem.inputs.nameOf(column) + " (index "
                    + column + ") at " + problem.inputs.nameOf(column) + " = " + at + " (perturbed from " + from + ")");
        } finally {
            x[column] = from;
        }
        evaluations++;
        return finite(out);
    }

    /**
     * The outputs with the inputs {@code columns[k]} set to {@code targets[k]} together; all are restored.
     */
    boolean withColumns(int[] columns, double[] targets, double[] out) {
        return withColumns(columns, targets, out, null);
    }

    /**
     * The outputs with the inputs {@code columns[k]} set to {@code targets[k]} together, all restored after; a
     * function that throws is refused with {@code when} ({@code "while its noise was measured"}), or with the
     * moved inputs' names when null.
     */
    boolean withColumns(int[] columns, double[] targets, double[] out, String when) {
        proceed();
        settle();
        try {
            for (int k = 0; k < columns.length; k++) {
                x[columns[k]] = targets[k];
            }
            problem.values(x, out);
        } catch (CheckRefusedException e) {
            throw e;
        } catch (Throwable e) {
            if (when != null) {
                throw refused(e, when);
            }
            StringBuilder names = new StringBuilder();
            for (int k = 0; k < columns.length; k++) {
                names.append(k == 0 ? "" : ", ").append(problem.inputs.nameOf(columns[k]));
            }
            throw refused(e, "while moving " + names + " together (to test their derivatives as one subgradient)");
        } finally {
            for (int column : columns) {
                x[column] = original[column];
            }
        }
        evaluations++;
        return finite(out);
    }

    /**
     * The outputs at {@code x + t w} on the inputs {@code [from, to)}, the others at the point.
     *
     * @param what the move, for messages: {@code "block W1 along a random direction"}
     */
    boolean along(double[] w, int from, int to, double t, double[] out, String what) {
        proceed();
        // the range the last move changed is restored here, not after it: a direction is evaluated several times in a
        // row over the same range, and each of those rewrites it anyway
        if (movedTo > movedFrom && (movedFrom < from || movedTo > to)) {
            settle();
        }
        movedFrom = from;
        movedTo = to;
        boolean exact = !problem.hasSinglePrecisionInputs();
        for (int i = from; i < to; i++) {
            double target = original[i] + t * w[i];
            x[i] = exact ? target : problem.representable(i, target);
        }
        try {
            problem.values(x, out);
        } catch (CheckRefusedException e) {
            throw e;
        } catch (Throwable e) {
            throw refused(e, "while moving " + what + " (" + problem.inputs.nameOf(from) + " to " + problem.inputs.nameOf(to - 1)
                    + ") by " + t + " times the direction");
        }
        evaluations++;
        return finite(out);
    }

    /**
     * The outputs at an arbitrary point {@code p} (the noise measurement's), which must not be {@link #x}.
     *
     * @param what the evaluation, for messages
     */
    boolean at(double[] p, double[] out, String what) {
        proceed();
        try {
            problem.values(p, out);
        } catch (CheckRefusedException e) {
            throw e;
        } catch (Throwable e) {
            throw refused(e, what);
        }
        evaluations++;
        return finite(out);
    }

    /**
     * A call of the user's code at the point that is not an evaluation of the function (a product of a derivative
     * form); wrapped and counted like one.
     */
    <T> T call(java.util.function.Supplier<T> computation, String what) {
        proceed();
        T result;
        try {
            result = computation.get();
        } catch (CheckRefusedException e) {
            throw e;
        } catch (Throwable e) {
            throw refused(e, "while " + what);
        }
        evaluations++;
        return result;
    }

    /**
     * A call of a derivative form the function may not implement: its result, counted as an evaluation, or
     * {@code notImplemented}, not counted, when it throws {@link UnsupportedOperationException}.
     */
    <T> T optional(java.util.function.Supplier<T> computation, String what, T notImplemented) {
        proceed();
        T result;
        try {
            result = computation.get();
        } catch (UnsupportedOperationException e) {
            return notImplemented;
        } catch (CheckRefusedException e) {
            throw e;
        } catch (Throwable e) {
            throw refused(e, "while " + what);
        }
        evaluations++;
        return result;
    }

    /** The analytic derivative at the point, row-major in a new array; counted as an evaluation. */
    double[] analytic(String what) {
        proceed();
        settle();
        double[] derivative;
        try {
            derivative = problem.analytic(x);
        } catch (CheckRefusedException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new CheckRefusedException(what + " could not be read: " + e.getMessage(), e);
        } catch (Throwable e) {
            throw refused(e, "while computing " + what);
        }
        evaluations++;
        return derivative;
    }

    /** Throws when the checking thread was interrupted or another thread of the check failed. */
    void proceed() {
        if (control.stopped) {
            throw new Stopped();
        }
        if (Thread.currentThread().isInterrupted()) {
            control.stopped = true;
            throw new CheckRefusedException("the check was interrupted (Thread.interrupt()) after " + evaluations
                    + " evaluations of the function; the thread's interrupt status is kept", new InterruptedException());
        }
    }

    /** The point is unchanged: the function did not modify its input; {@code what} names the evaluations. */
    void requireUnmodified(String what) {
        settle();
        requireUnmodified(x, what);
    }

    private void requireUnmodified(double[] point, String what) {
        if (Arrays.mismatch(point, original) >= 0) {
            throw new CheckRefusedException("the function modified the point it was given while computing " + what + ": "
                    + modification() + ". Functions must treat their input as read-only; copy it before changing it.");
        }
    }

    /** Whether the point is as given (no move pending, nothing changed by the function). */
    boolean unmodified() {
        settle();
        return Arrays.mismatch(x, original) < 0;
    }

    /** The first input the function changed, for messages: {@code "x[1] (index 1) was 2.0 and became 3.0"}. */
    String modification() {
        settle();
        int index = Arrays.mismatch(x, original);
        return index < 0 ? "nothing" : problem.inputs.nameOf(index) + " (index " + index + ") was " + original[index]
                + " and became " + x[index];
    }

    /** The working copy set back to the point as given, whatever the function did to it. */
    void restore() {
        System.arraycopy(original, 0, x, 0, x.length);
        movedTo = movedFrom;
    }

    private RuntimeException refused(Throwable e, String when) {
        if (e instanceof VirtualMachineError) {
            throw (VirtualMachineError) e;
        }
        return new CheckRefusedException("the function threw " + e + " " + when, e);
    }

    static boolean finite(double[] values) {
        for (double value : values) {
            if (!Double.isFinite(value)) {
                return false;
            }
        }
        return true;
    }

    /** Thrown on a worker thread when the check was stopped by a failure elsewhere; never leaves {@link #forEach}. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }

    /** A task for one column, run by whichever evaluator takes it. */
    interface ColumnTask {
        void run(Evaluator evaluator, int column);
    }

    /**
     * Runs {@code task} for every column in {@code columns} (the columns {@code 0..count-1} when null) on {@code main}
     * and the {@code helpers}' threads. Returns when every column is done; throws the first failure, after every
     * worker thread has ended. Progress is reported about a hundred times.
     */
    static void forEach(Evaluator main, List<Evaluator> helpers, int count, int[] columns, ColumnTask task,
            ProgressListener progress) {
        if (helpers.isEmpty()) {
            for (int k = 0; k < count; k++) {
                task.run(main, columns == null ? k : columns[k]);
                if (k + 1 < count && (k + 1L) * 100 / count != k * 100L / count) {
                    progress.progress(k + 1, count);
                }
            }
            progress.progress(count, count);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        boolean interrupted;
        try {
            for (int t = 0; t < helpers.size(); t++) {
                Evaluator helper = helpers.get(t);
                Thread thread = new Thread(() -> work(helper, count, columns, task, next, done, failure, progress),
                        "gradcheck-worker-" + (t + 1));
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
            work(main, count, columns, task, next, done, failure, progress);
        } finally {
            interrupted = joinAll(threads, main.control);
        }
        Throwable first = failure.get();
        if (first instanceof Error) {
            throw (Error) first;
        }
        if (first != null) {
            throw (RuntimeException) first;
        }
        if (interrupted) {
            throw new CheckRefusedException("the check was interrupted (Thread.interrupt()) while its worker threads were"
                    + " running; they have ended, and the thread's interrupt status is kept", new InterruptedException());
        }
        progress.progress(count, count);
    }

    private static void work(Evaluator evaluator, int count, int[] columns, ColumnTask task, AtomicInteger next,
            AtomicInteger done, AtomicReference<Throwable> failure, ProgressListener progress) {
        try {
            while (!evaluator.control.stopped) {
                int from = next.getAndAdd(CHUNK);
                if (from >= count) {
                    return;
                }
                int to = Math.min(count, from + CHUNK);
                for (int k = from; k < to; k++) {
                    task.run(evaluator, columns == null ? k : columns[k]);
                }
                int total = done.addAndGet(to - from);
                if (total < count && total * 100L / count != (total - (to - from)) * 100L / count) {
                    synchronized (progress) {
                        progress.progress(total, count);
                    }
                }
            }
        } catch (Stopped stopped) {
            // another thread failed, or the checking thread was interrupted: that is what the check reports
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
            evaluator.control.stopped = true;
        }
    }

    /**
     * Waits for every worker to end. An interrupt of the waiting thread stops the workers at their next evaluation;
     * the wait goes on until all have ended, and the interrupt status is restored. Returns whether it was interrupted.
     */
    private static boolean joinAll(List<Thread> threads, Control control) {
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                    control.stopped = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return interrupted;
    }
}
