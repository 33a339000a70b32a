package org.gradcheck.function;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;
import org.gradcheck.layout.Parameters;

/**
 * A model with named parameters whose cost over a batch of examples is differentiated by hand: the forward
 * cost and backward pass of a network written from scratch.
 *
 * <p>{@link #cost(Parameters, Object)} is the forward pass and cost; {@link #gradients(Parameters, Object)}
 * is backpropagation, returning a dictionary that holds the gradient of every parameter block under its
 * {@linkplain org.gradcheck.layout.GradientNaming gradient key} ({@code dW1} for {@code W1} by default).
 * Other entries ({@code dA1}, caches) are allowed and ignored.
 *
 * <p>Implementations read parameters from the {@link Parameters} view and must not modify it; the view
 * changes between calls as the checker perturbs it, so do not keep it.
 *
 * @param <B> the batch type: whatever the model's examples are (a matrix of columns, a list of records)
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface GradientModel<B> {

    /**
     * The cost of the model with these parameters on {@code batch}.
     *
     * @param parameters the parameter values, by block name
     * @param batch the examples the model is evaluated on
     * @return the cost of the model with these parameters on {@code batch}
     */
    double cost(Parameters parameters, B batch);

    /**
     * The analytic gradients of the cost with respect to every parameter block; values are {@code double[]}
     * or {@code double[][]} of the block's shape.
     *
     * @param parameters the parameter values, by block name
     * @param batch the examples the model is evaluated on
     * @return the analytic gradients of the cost with respect to every parameter block; values are {@code double[]} or {@code double[][]} of the block's shape
     */
    Map<String, ?> gradients(Parameters parameters, B batch);

    /**
     * A model for the use of one more thread of a parallel check. Return {@code this} if the model keeps no
     * mutable state between calls, or a copy with buffers of its own. The default returns null: the model is
     * declared usable from one thread only.
     *
     * @return a model for another thread, or null
     */
    default GradientModel<B> copyForThread() {
        return null;
    }
}
