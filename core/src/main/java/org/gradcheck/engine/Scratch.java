package org.gradcheck.engine;

import java.lang.ref.SoftReference;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Arrays a check uses only while it runs (the working copy of the point, screening's directions), handed back when it
 * ends and kept for the next check on the same thread. For a large model a new array is a pass over fresh memory
 * (the allocation's zeroing, then the first writes out of the cache): about 0.7 ns per entry more than writing a kept
 * one, two thirds of an evaluation of a network that reads each parameter once. A kept array holds whatever the last
 * check wrote: whoever takes one writes every entry before reading it.
 *
 * <p>The arrays are kept per thread, at most {@value #KEPT} of them and none longer than {@value #LONGEST} entries,
 * behind a soft reference, so that they never keep memory the program needs. An array is taken out while in use:
 * a check started inside another one's function gets arrays of its own.
 */
final class Scratch {

    /** Arrays longer than this many entries are not kept: their allocation is small beside their use. */
    static final int LONGEST = 1 << 20;

    /** Arrays kept per thread: the working copy and screening's two directions, and one to spare. */
    static final int KEPT = 4;

    private static final ThreadLocal<SoftReference<ArrayDeque<double[]>>> ARRAYS = new ThreadLocal<>();

    private Scratch() {
    }

    /** An array of {@code length} entries whose contents are undefined: one kept on this thread, else a new one. */
    static double[] take(int length) {
        ArrayDeque<double[]> kept = kept(false);
        if (kept != null) {
            for (Iterator<double[]> arrays = kept.iterator(); arrays.hasNext();) {
                double[] array = arrays.next();
                if (array.length == length) {
                    arrays.remove();
                    return array;
                }
            }
        }
        return new double[length];
    }

    /** A copy of {@code source} in an array {@link #take taken}. */
    static double[] copyOf(double[] source) {
        double[] copy = take(source.length);
        System.arraycopy(source, 0, copy, 0, source.length);
        return copy;
    }

    /**
     * Keeps {@code array} for the next check on this thread, unless it is too long; the oldest kept array makes room.
     * The caller must not use it again.
     */
    static void give(double[] array) {
        if (array == null || array.length > LONGEST) {
            return;
        }
        ArrayDeque<double[]> kept = kept(true);
        if (kept.size() == KEPT) {
            kept.removeFirst();
        }
        kept.addLast(array);
    }

    /** The number of arrays kept on this thread. */
    static int keptCount() {
        ArrayDeque<double[]> kept = kept(false);
        return kept == null ? 0 : kept.size();
    }

    private static ArrayDeque<double[]> kept(boolean create) {
        SoftReference<ArrayDeque<double[]>> reference = ARRAYS.get();
        ArrayDeque<double[]> kept = reference == null ? null : reference.get();
        if (kept == null && create) {
            kept = new ArrayDeque<>(KEPT);
            ARRAYS.set(new SoftReference<>(kept));
        }
        return kept;
    }
}
