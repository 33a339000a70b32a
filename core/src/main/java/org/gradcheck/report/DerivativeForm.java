package org.gradcheck.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The forms in which a {@link org.gradcheck.function.VectorFunction} can give its derivative.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum DerivativeForm {

    /** The full Jacobian, {@link org.gradcheck.function.VectorFunction#jacobian(double[])}. */
    JACOBIAN("Jacobian", "J"),

    /** The backward pass {@code J^T u}, {@link org.gradcheck.function.VectorFunction#vectorJacobianProduct(double[], double[])}. */
    VECTOR_JACOBIAN_PRODUCT("vector-Jacobian product", "J^T u"),

    /** The forward-mode product {@code J v}, {@link org.gradcheck.function.VectorFunction#jacobianVectorProduct(double[], double[])}. */
    JACOBIAN_VECTOR_PRODUCT("Jacobian-vector product", "J v");

    private final String description;
    private final String symbol;

    DerivativeForm(String description, String symbol) {
        this.description = description;
        this.symbol = symbol;
    }

    /**
     * The form in words: {@code vector-Jacobian product}.
     *
     * @return the form in words: {@code vector-Jacobian product}
     */
    public String description() {
        return description;
    }

    /**
     * The form as a formula: {@code J^T u}.
     *
     * @return the form as a formula: {@code J^T u}
     */
    public String symbol() {
        return symbol;
    }
}
