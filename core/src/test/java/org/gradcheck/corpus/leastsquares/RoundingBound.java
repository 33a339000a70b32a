package org.gradcheck.corpus.leastsquares;

import org.apache.commons.math3.Field;
import org.apache.commons.math3.FieldElement;
import org.apache.commons.math3.RealFieldElement;

/**
 * A double computed in ordinary floating point together with a first-order bound of its accumulated rounding
 * error (running error analysis, as in Higham's "Accuracy and Stability of Numerical Algorithms", section 3.3).
 *
 * <p>Every operation adds the propagated bounds of its operands and the rounding of its own result: {@code u |v|}
 * for the basic operations and square roots ({@code u = 2^-53}), {@code 2 u |v|} for the elementary functions
 * (their implementations are accurate to about one ulp). Constants and inputs are exact. The corpus evaluates each
 * model once with this type to learn how much rounding noise the double implementation of a residual carries; that
 * noise limits what a finite difference can resolve ({@link Resolution}).
 *
 * <p>Only the operations the corpus's models use are implemented; the others throw
 * {@link UnsupportedOperationException}.
 */
final class RoundingBound implements RealFieldElement<RoundingBound> {

    static final double UNIT = 0x1p-53;

    static final Field<RoundingBound> FIELD = new Field<>() {
        @Override
        public RoundingBound getZero() {
            return new RoundingBound(0, 0);
        }

        @Override
        public RoundingBound getOne() {
            return new RoundingBound(1, 0);
        }

        @Override
        public Class<? extends FieldElement<RoundingBound>> getRuntimeClass() {
            return RoundingBound.class;
        }
    };

    private final double value;
    private final double bound;

    RoundingBound(double value, double bound) {
        this.value = value;
        this.bound = bound;
    }

    static RoundingBound exact(double value) {
        return new RoundingBound(value, 0);
    }

    /** The computed value. */
    double value() {
        return value;
    }

    /** The bound of its rounding error: {@code |computed - exact| <= bound} to first order. */
    double bound() {
        return bound;
    }

    private static RoundingBound rounded(double value, double propagated, double units) {
        return new RoundingBound(value, propagated + units * UNIT * Math.abs(value));
    }

    @Override
    public double getReal() {
        return value;
    }

    @Override
    public RoundingBound add(RoundingBound a) {
        return rounded(value + a.value, bound + a.bound, 1);
    }

    @Override
    public RoundingBound subtract(RoundingBound a) {
        return rounded(value - a.value, bound + a.bound, 1);
    }

    @Override
    public RoundingBound negate() {
        return new RoundingBound(-value, bound);
    }

    @Override
    public RoundingBound multiply(int n) {
        return rounded(value * n, Math.abs(n) * bound, 1);
    }

    @Override
    public RoundingBound multiply(RoundingBound a) {
        return rounded(value * a.value, Math.abs(a.value) * bound + Math.abs(value) * a.bound, 1);
    }

    @Override
    public RoundingBound divide(RoundingBound a) {
        double quotient = value / a.value;
        return rounded(quotient, (bound + Math.abs(quotient) * a.bound) / Math.abs(a.value), 1);
    }

    @Override
    public RoundingBound reciprocal() {
        double inverse = 1 / value;
        return rounded(inverse, inverse * inverse * bound, 1);
    }

    @Override
    public Field<RoundingBound> getField() {
        return FIELD;
    }

    @Override
    public RoundingBound add(double a) {
        return rounded(value + a, bound, 1);
    }

    @Override
    public RoundingBound subtract(double a) {
        return rounded(value - a, bound, 1);
    }

    @Override
    public RoundingBound multiply(double a) {
        return rounded(value * a, Math.abs(a) * bound, 1);
    }

    @Override
    public RoundingBound divide(double a) {
        return rounded(value / a, bound / Math.abs(a), 1);
    }

    @Override
    public RoundingBound abs() {
        return new RoundingBound(Math.abs(value), bound);
    }

    @Override
    public RoundingBound sqrt() {
        double root = Math.sqrt(value);
        return rounded(root, root == 0 ? 0 : bound / (2 * root), 1);
    }

    @Override
    public RoundingBound pow(double p) {
        double power = Math.pow(value, p);
        return rounded(power, Math.abs(p * Math.pow(value, p - 1)) * bound, 2);
    }

    @Override
    public RoundingBound pow(int n) {
        double power = Math.pow(value, n);
        return rounded(power, Math.abs(n * Math.pow(value, n - 1)) * bound, Math.max(1, Math.abs(n) - 1));
    }

    @Override
    public RoundingBound pow(RoundingBound e) {
        double power = Math.pow(value, e.value);
        double propagated = Math.abs(power) * (Math.abs(e.value / value) * bound + Math.abs(Math.log(value)) * e.bound);
        return rounded(power, propagated, 2);
    }

    @Override
    public RoundingBound exp() {
        double exponential = Math.exp(value);
        return rounded(exponential, exponential * bound, 2);
    }

    @Override
    public RoundingBound log() {
        return rounded(Math.log(value), bound / Math.abs(value), 2);
    }

    @Override
    public RoundingBound cos() {
        return rounded(Math.cos(value), Math.abs(Math.sin(value)) * bound, 2);
    }

    @Override
    public RoundingBound sin() {
        return rounded(Math.sin(value), Math.abs(Math.cos(value)) * bound, 2);
    }

    @Override
    public RoundingBound atan() {
        return rounded(Math.atan(value), bound / (1 + value * value), 2);
    }

    @Override
    public RoundingBound linearCombination(RoundingBound[] a, RoundingBound[] b) {
        RoundingBound sum = FIELD.getZero();
        for (int k = 0; k < a.length; k++) {
            sum = sum.add(a[k].multiply(b[k]));
        }
        return sum;
    }

    @Override
    public RoundingBound linearCombination(double[] a, RoundingBound[] b) {
        RoundingBound sum = FIELD.getZero();
        for (int k = 0; k < a.length; k++) {
            sum = sum.add(b[k].multiply(a[k]));
        }
        return sum;
    }

    @Override
    public RoundingBound linearCombination(RoundingBound a1, RoundingBound b1, RoundingBound a2, RoundingBound b2) {
        return a1.multiply(b1).add(a2.multiply(b2));
    }

    @Override
    public RoundingBound linearCombination(double a1, RoundingBound b1, double a2, RoundingBound b2) {
        return b1.multiply(a1).add(b2.multiply(a2));
    }

    @Override
    public RoundingBound linearCombination(RoundingBound a1, RoundingBound b1, RoundingBound a2, RoundingBound b2,
            RoundingBound a3, RoundingBound b3) {
        return linearCombination(a1, b1, a2, b2).add(a3.multiply(b3));
    }

    @Override
    public RoundingBound linearCombination(double a1, RoundingBound b1, double a2, RoundingBound b2, double a3,
            RoundingBound b3) {
        return linearCombination(a1, b1, a2, b2).add(b3.multiply(a3));
    }

    @Override
    public RoundingBound linearCombination(RoundingBound a1, RoundingBound b1, RoundingBound a2, RoundingBound b2,
            RoundingBound a3, RoundingBound b3, RoundingBound a4, RoundingBound b4) {
        return linearCombination(a1, b1, a2, b2, a3, b3).add(a4.multiply(b4));
    }

    @Override
    public RoundingBound linearCombination(double a1, RoundingBound b1, double a2, RoundingBound b2, double a3,
            RoundingBound b3, double a4, RoundingBound b4) {
        return linearCombination(a1, b1, a2, b2, a3, b3).add(b4.multiply(a4));
    }

    private static UnsupportedOperationException unused(String operation) {
        return new UnsupportedOperationException(operation + " is not used by the corpus's models");
    }

    @Override
    public RoundingBound remainder(double a) {
        throw unused("remainder");
    }

    @Override
    public RoundingBound remainder(RoundingBound a) {
        throw unused("remainder");
    }

    @Override
    public RoundingBound ceil() {
        throw unused("ceil");
    }

    @Override
    public RoundingBound floor() {
        throw unused("floor");
    }

    @Override
    public RoundingBound rint() {
        throw unused("rint");
    }

    @Override
    public long round() {
        throw unused("round");
    }

    @Override
    public RoundingBound signum() {
        throw unused("signum");
    }

    @Override
    public RoundingBound copySign(RoundingBound sign) {
        throw unused("copySign");
    }

    @Override
    public RoundingBound copySign(double sign) {
        throw unused("copySign");
    }

    @Override
    public RoundingBound scalb(int n) {
        throw unused("scalb");
    }

    @Override
    public RoundingBound hypot(RoundingBound y) {
        throw unused("hypot");
    }

    @Override
    public RoundingBound cbrt() {
        throw unused("cbrt");
    }

    @Override
    public RoundingBound rootN(int n) {
        throw unused("rootN");
    }

    @Override
    public RoundingBound expm1() {
        throw unused("expm1");
    }

    @Override
    public RoundingBound log1p() {
        throw unused("log1p");
    }

    @Override
    public RoundingBound tan() {
        throw unused("tan");
    }

    @Override
    public RoundingBound acos() {
        throw unused("acos");
    }

    @Override
    public RoundingBound asin() {
        throw unused("asin");
    }

    @Override
    public RoundingBound atan2(RoundingBound x) {
        throw unused("atan2");
    }

    @Override
    public RoundingBound cosh() {
        throw unused("cosh");
    }

    @Override
    public RoundingBound sinh() {
        throw unused("sinh");
    }

    @Override
    public RoundingBound tanh() {
        throw unused("tanh");
    }

    @Override
    public RoundingBound acosh() {
        throw unused("acosh");
    }

    @Override
    public RoundingBound asinh() {
        throw unused("asinh");
    }

    @Override
    public RoundingBound atanh() {
        throw unused("atanh");
    }

    @Override
    public String toString() {
        return value + " +- " + bound;
    }
}
