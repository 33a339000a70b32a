package org.gradcheck.corpus.leastsquares;

import java.util.BitSet;

/**
 * What a rule said of one check: passed, failed (with the entries it failed) or stopped with an error, and its
 * numerical derivative and numerical error bound per entry where the rule has them.
 */
final class Outcome {

    enum Status {
        PASSED,
        FAILED,
        /** The checker stopped with an exception (for example a non-finite value at a perturbed point). */
        ERROR
    }

    private final Status status;
    private final int columns;
    private final BitSet failing;
    private final double[][] numerical;
    private final double[][] numericalError;
    private final String[][] verdicts;
    private final String error;

    private Outcome(Status status, int columns, BitSet failing, double[][] numerical, double[][] numericalError,
            String[][] verdicts, String error) {
        this.status = status;
        this.columns = columns;
        this.failing = failing;
        this.numerical = numerical;
        this.numericalError = numericalError;
        this.verdicts = verdicts;
        this.error = error;
    }

    /**
     * A verdict: passed if {@code passed}, failing the entries {@code failing} (row-major indices, may be empty when
     * the rule has no per-entry verdict); {@code numericalError} may be null.
     */
    static Outcome judged(boolean passed, int columns, BitSet failing, double[][] numerical, double[][] numericalError) {
        return new Outcome(passed ? Status.PASSED : Status.FAILED, columns, failing, numerical, numericalError, null, null);
    }

    /** As {@link #judged}, with the rule's own verdict of each entry ({@code "PASS"}, {@code "KINK"}, ...). */
    static Outcome judged(boolean passed, int columns, BitSet failing, double[][] numerical, double[][] numericalError,
            String[][] verdicts) {
        return new Outcome(passed ? Status.PASSED : Status.FAILED, columns, failing, numerical, numericalError, verdicts,
                null);
    }

    static Outcome error(String message) {
        return new Outcome(Status.ERROR, 1, new BitSet(), null, null, null, message);
    }

    Status status() {
        return status;
    }

    boolean passed() {
        return status == Status.PASSED;
    }

    boolean failed(int i, int j) {
        return failing.get(i * columns + j);
    }

    int failureCount() {
        return failing.cardinality();
    }

    /** The numerical derivative of entry {@code (i, j)}, NaN if the rule has none. */
    double numerical(int i, int j) {
        return numerical == null ? Double.NaN : numerical[i][j];
    }

    /** The numerical error bound the rule allowed entry {@code (i, j)}, NaN if the rule has none. */
    double numericalError(int i, int j) {
        return numericalError == null ? Double.NaN : numericalError[i][j];
    }

    /** The rule's verdict of entry {@code (i, j)}: its own word where it has one, else FAIL or PASS. */
    String verdict(int i, int j) {
        return verdicts != null ? verdicts[i][j] : failed(i, j) ? "FAIL" : "PASS";
    }

    /** The error's message, or null. */
    String error() {
        return error;
    }
}
