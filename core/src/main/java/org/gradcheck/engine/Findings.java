package org.gradcheck.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntToDoubleFunction;
import org.gradcheck.report.Verdict;

/**
 * What a check found, entry by entry, in flat arrays ({@code k = i * n + j} for output {@code i} and input
 * {@code j}): the analytic and reference values, the reference's error bound, the verdict the kernel decided and,
 * for the few entries that need one, the reason and the one-sided derivatives of a kink. Reports are views of it;
 * they never judge again.
 *
 * <p>Entries of different columns may be written by different threads during a first pass; every other write
 * happens on the checking thread.
 */
final class Findings {

    static final byte PASS = 0;
    static final byte KINK = 1;
    static final byte FAIL = 2;
    static final byte UNRESOLVED = 3;
    static final byte NOT_CHECKED = 4;

    /** Flag: both values indistinguishable from zero; the lowest bit, so that {@code flags & NEGLIGIBLE} counts it. */
    static final byte NEGLIGIBLE = 1;
    /** Flag: the first estimate did not settle the entry; it waits for refinement. */
    static final byte SUSPECT = 2;
    /** Flag: the entry was re-estimated after its first estimate. */
    static final byte REFINED = 4;
    /** Flag: the one-sided derivatives at the first step differ by more than their rounding (a kink, a cusp, a jump). */
    static final byte ONE_SIDED_GAP = 8;
    /**
     * Flag: that gap is also large against the one-sided derivatives themselves (more than
     * {@value Kernel#KINK_CANDIDATE_GAP} of them): a kink at the point is likely, even where the central difference agrees.
     */
    static final byte KINK_CANDIDATE = 16;

    /** Eight verdicts or flags read as one long, so that runs of entries not checked are skipped eight at a time. */
    private static final VarHandle EIGHT = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** A one in every byte of a long. */
    private static final long EVERY_BYTE = 0x0101010101010101L;

    final int rows;
    final int columns;
    final double[] analytic;
    final double[] numerical;
    final double[] bound;
    final byte[] verdicts;
    final byte[] flags;
    /** Why an entry has its verdict, where the values alone do not say it. */
    final Map<Integer, String> reasons = new ConcurrentHashMap<>();
    /** Left and right derivatives of the entries at kinks. */
    final Map<Integer, double[]> kinks = new ConcurrentHashMap<>();
    /**
     * The rounding bound an entry not checked one by one would have had at its first step, computed when asked (the
     * kernel's): a large model's screening check leaves almost every entry, and storing their bounds is a pass over
     * memory no verdict needs. Null until the kernel is made.
     */
    IntToDoubleFunction uncheckedBound;
    /** The columns checked one by one; null when all were. */
    BitSet checkedColumns;
    int refined;

    Findings(int rows, int columns, double[] analytic) {
        this(rows, columns, analytic, new double[rows * columns]);
    }

    /**
     * Findings of {@code rows x columns} entries: {@code analytic} is the derivative, {@code numerical} an array of the
     * same size the references are written into (its contents are overwritten).
     */
    Findings(int rows, int columns, double[] analytic, double[] numerical) {
        this.rows = rows;
        this.columns = columns;
        this.analytic = analytic;
        int size = rows * columns;
        this.numerical = numerical;
        this.bound = new double[size];
        this.verdicts = new byte[size];
        this.flags = new byte[size];
    }

    /** Whether entry {@code k} sits on a kink; no boxing when there are none. */
    boolean atKink(int k) {
        return !kinks.isEmpty() && kinks.containsKey(k);
    }

    int size() {
        return verdicts.length;
    }

    /**
     * The first entry in {@code [from, to)} checked one by one, {@code to} if none is: a screening check leaves almost
     * every entry unchecked, and the reports' loops over a block visit only the checked ones.
     */
    int nextChecked(int from, int to) {
        long unchecked = NOT_CHECKED * EVERY_BYTE;
        int k = from;
        while (k + Long.BYTES <= to && (long) EIGHT.get(verdicts, k) == unchecked) {
            k += Long.BYTES;
        }
        while (k < to && verdicts[k] == NOT_CHECKED) {
            k++;
        }
        return k;
    }

    /** The number of entries in {@code [from, to)} with {@code flag} (a single bit) set, counted eight at a time. */
    int countFlagged(int from, int to, byte flag) {
        long mask = flag * EVERY_BYTE;
        int count = 0;
        int k = from;
        for (; k + Long.BYTES <= to; k += Long.BYTES) {
            count += Long.bitCount((long) EIGHT.get(flags, k) & mask);
        }
        for (; k < to; k++) {
            count += (flags[k] & flag) != 0 ? 1 : 0;
        }
        return count;
    }

    /** The number of columns with at least one entry checked one by one. */
    int checkedColumnCount() {
        int count = 0;
        if (rows == 1) {
            for (int k = nextChecked(0, columns); k < columns; k = nextChecked(k + 1, columns)) {
                count++;
            }
            return count;
        }
        for (int j = 0; j < columns; j++) {
            for (int i = 0; i < rows; i++) {
                if (verdicts[i * columns + j] != NOT_CHECKED) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    /** The columns with at least one entry checked one by one, in order. */
    int[] checkedColumns() {
        int[] found = new int[checkedColumnCount()];
        int count = 0;
        for (int j = 0; j < columns; j++) {
            for (int i = 0; i < rows; i++) {
                if (verdicts[i * columns + j] != NOT_CHECKED) {
                    found[count++] = j;
                    break;
                }
            }
        }
        return found;
    }

    boolean isChecked(int entry) {
        return verdicts[entry] != NOT_CHECKED;
    }

    /** The reference's error bound: a decided entry's own, the first estimate's for an entry not checked one by one. */
    double bound(int entry) {
        return verdicts[entry] == NOT_CHECKED && uncheckedBound != null ? uncheckedBound.applyAsDouble(entry) : bound[entry];
    }

    boolean negligible(int entry) {
        return (flags[entry] & NEGLIGIBLE) != 0;
    }

    /** Records a decided entry. */
    void decide(int entry, byte verdict, double reference, double error) {
        verdicts[entry] = verdict;
        numerical[entry] = reference;
        bound[entry] = error;
        flags[entry] &= ~SUSPECT;
    }

    static Verdict verdict(byte code) {
        switch (code) {
            case PASS:
                return Verdict.PASS;
            case KINK:
                return Verdict.KINK;
            case FAIL:
                return Verdict.FAIL;
            case UNRESOLVED:
                return Verdict.UNRESOLVED;
            default:
                return Verdict.NOT_CHECKED;
        }
    }
}
