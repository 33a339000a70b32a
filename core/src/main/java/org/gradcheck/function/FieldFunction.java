package org.gradcheck.function;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.analysis.differentiation.SparseGradient;
import org.apache.commons.math3.util.Decimal64;
import org.apiguardian.api.API;

/**
 * A scalar function written once against commons-math3's {@link RealFieldElement}, so that it can be evaluated
 * with plain numbers ({@link Decimal64}) and with numbers that carry exact derivatives
 * ({@link org.apache.commons.math3.analysis.differentiation.SparseGradient},
 * {@link org.apache.commons.math3.analysis.differentiation.DerivativeStructure}).
 *
 * <p>Write the arithmetic with the element's methods ({@code add}, {@code multiply}, {@code exp}, ...); take
 * constants from the field ({@code x[0].getField().getOne()}) or from {@code x[0].multiply(0).add(c)}. A
 * generic method cannot be a lambda, so implementations are classes:
 * <pre>{@code
 * FieldFunction logistic = new FieldFunction() {
 *     public <T extends RealFieldElement<T>> T value(T[] w) {
 *         T z = w[0].multiply(2.0).add(w[1].multiply(-1.0));        // z = 2 w0 - w1
 *         return z.negate().exp().add(1).log();                     // log(1 + exp(-z))
 *     }
 * };
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface FieldFunction {

    /**
     * The function's value at {@code point}.
     *
     * @param point the point, one element per coordinate (at least one); not modified
     * @param <T> the kind of number: plain values or values with derivatives
     * @return the function's value at {@code point}
     */
    <T extends RealFieldElement<T>> T value(T[] point);

    /**
     * The function's value at a point of plain numbers, computed through {@link Decimal64}.
     *
     * @param point the point; not modified
     * @return the function's value at a point of plain numbers, computed through {@link Decimal64}
     * @throws IllegalArgumentException if {@code point} is null or empty
     */
    default double valueAt(double[] point) {
        if (point == null || point.length == 0) {
            throw new IllegalArgumentException("point must not be " + (point == null ? "null" : "empty")
                    + ": pass at least one coordinate");
        }
        Decimal64[] numbers = new Decimal64[point.length];
        for (int i = 0; i < point.length; i++) {
            numbers[i] = new Decimal64(point[i]);
        }
        return value(numbers).doubleValue();
    }

    /**
     * The exact gradient at {@code point}, by forward-mode automatic differentiation (commons-math3's
     * {@link SparseGradient}): what the exact oracle compares a hand-written gradient with.
     *
     * @param point the point; not modified
     * @return the gradient, one partial derivative per coordinate
     * @throws IllegalArgumentException if {@code point} is null or empty
     */
    default double[] gradientAt(double[] point) {
        if (point == null || point.length == 0) {
            throw new IllegalArgumentException("point must not be " + (point == null ? "null" : "empty")
                    + ": pass at least one coordinate");
        }
        int n = point.length;
        SparseGradient[] variables = new SparseGradient[n];
        for (int i = 0; i < n; i++) {
            variables[i] = SparseGradient.createVariable(i, point[i]);
        }
        SparseGradient result = value(variables);
        if (result == null) {
            throw new IllegalStateException("the field function returned null: return the value computed from the point");
        }
        double[] gradient = new double[n];
        for (int i = 0; i < n; i++) {
            gradient[i] = result.getDerivative(i);
        }
        return gradient;
    }
}
