package org.gradcheck.examples;

/**
 * Classic backpropagation bugs that {@link DeepNetwork#withBug(Bug, int)} injects into one layer's backward
 * step, to show what a gradient check reports for each. Every bug leaves the forward pass and the cost
 * untouched: only the analytic gradients are wrong, as in real code.
 *
 * @since 0.1
 */
public enum Bug {

    /** No bug: the backpropagation is correct. */
    NONE("no bug"),

    /** The weight gradient has the wrong sign: {@code dW = -(1/m) dZ A_prev^T}. Only {@code W<layer>} is wrong. */
    WRONG_SIGN("the weight gradient has the wrong sign: dW = -(1/m) dZ A_prev^T"),

    /**
     * The weight gradient is computed transposed, {@code (1/m) A_prev dZ^T}, and its values stored row by row
     * into the block of shape {@code (n, n_prev)}: the index mix-up of flat-array code. Only {@code W<layer>}
     * is wrong (for a square block, it holds exactly the transpose).
     */
    TRANSPOSED_WEIGHT_GRADIENT("the weight gradient is computed transposed (A_prev dZ^T) and stored in dW's place"),

    /**
     * The tanh derivative is computed from the pre-activation, {@code 1 - Z^2}, instead of from the activation,
     * {@code 1 - A^2}. {@code W<layer>}, {@code b<layer>} and every layer below are wrong; only for a hidden
     * tanh layer.
     */
    TANH_DERIVATIVE_FROM_Z("the tanh derivative is computed as 1 - Z^2 instead of 1 - A^2"),

    /**
     * The activation derivative is forgotten: {@code dZ = dA} instead of {@code dA * g'(Z)}. {@code W<layer>},
     * {@code b<layer>} and every layer below are wrong; only for a hidden layer.
     */
    MISSING_ACTIVATION_DERIVATIVE("the activation derivative is left out: dZ = dA instead of dA * g'(Z)"),

    /**
     * The bias gradient is summed over the batch instead of averaged: {@code db = sum(dZ)} instead of
     * {@code (1/m) sum(dZ)}. Only {@code b<layer>} is wrong, and only on a batch of more than one example:
     * a check on one example cannot see this bug.
     */
    BIAS_GRADIENT_SUMMED("the bias gradient is summed over the batch instead of averaged"),

    /**
     * The gradients of layer {@code layer} and {@code layer + 1} are stored under each other's names
     * ({@code dW2} under {@code dW3} and the other way round, the same for {@code db}). Both layers must have
     * the same shape, otherwise the check stops at the mismatched shape; only for a layer below the output.
     */
    SWAPPED_LAYER_GRADIENTS("the gradients of two layers are stored under each other's names");

    private final String description;

    Bug(String description) {
        this.description = description;
    }

    /** {@return what the bug does, in one line: {@code the weight gradient has the wrong sign: ...}} */
    public String description() {
        return description;
    }
}
