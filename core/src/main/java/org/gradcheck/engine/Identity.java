package org.gradcheck.engine;

import org.gradcheck.report.Entry;
import org.gradcheck.report.Verdict;

/**
 * A consistency check between two derivative forms as a report entry: one random product {@code <u, J v>} through
 * the first form (the analytic value) and through the second (the reference), judged by
 * {@link Kernel#agreesExactly}.
 */
final class Identity implements Entry {

    private final int index;
    private final String name;
    private final double left;
    private final double right;
    private final double allowed;
    private final boolean holds;

    Identity(int index, String name, double left, double right, double allowed) {
        this.index = index;
        this.name = name;
        this.left = left;
        this.right = right;
        this.allowed = allowed;
        this.holds = Kernel.agreesExactly(left, right, allowed);
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String block() {
        return "consistency";
    }

    @Override
    public int outputIndex() {
        return 0;
    }

    @Override
    public int inputIndex() {
        return index;
    }

    @Override
    public double analytic() {
        return left;
    }

    @Override
    public double numerical() {
        return right;
    }

    @Override
    public double absoluteError() {
        return Math.abs(left - right);
    }

    @Override
    public double relativeError() {
        return Outcome.relativeError(left, right);
    }

    @Override
    public double numericalError() {
        return allowed;
    }

    @Override
    public double allowedError() {
        return allowed;
    }

    @Override
    public double errorRatio() {
        return Outcome.errorRatio(left, right, allowed);
    }

    @Override
    public Verdict verdict() {
        return holds ? Verdict.PASS : Verdict.FAIL;
    }

    @Override
    public boolean negligible() {
        return false;
    }

    @Override
    public boolean kink() {
        return false;
    }

    @Override
    public double leftDerivative() {
        return right;
    }

    @Override
    public double rightDerivative() {
        return right;
    }

    @Override
    public String reason() {
        return "";
    }

    @Override
    public String toString() {
        return name + ": " + Numbers.format(left) + " vs " + Numbers.format(right) + ", allowed " + Numbers.format(allowed)
                + ", " + verdict();
    }
}
