package org.gradcheck.function;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import java.util.Random;
import org.apiguardian.api.API;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.function.GradientModel;
import org.gradcheck.function.VectorFunction;
import org.gradcheck.layout.Parameters;

/**
 * Wraps a stochastic function so that its randomness is reset before every evaluation.
 *
 * <p>A network with dropout draws a new mask in every forward pass, so its cost is a different function at
 * every call and a gradient check reports it as non-deterministic. The article's advice is to switch dropout
 * off for the check; that leaves the dropout code itself unchecked. Resetting the mask generator to the same
 * seed before each evaluation makes every forward pass draw the same mask: the cost becomes one deterministic
 * function, the one with that mask, and backpropagation with the mask it drew must compute exactly its gradient.
 * <pre>{@code
 * Random masks = new Random(7);
 * Network network = new Network(layers, masks, keepProbability);
 * GradientModel<Batch> checked = Stochastic.withReset(network, Stochastic.reseeding(masks, 7));
 * assertGradientsMatch(checked, parameters, batch);
 * }</pre>
 * The reset runs before every call of the wrapped function's methods (value, gradient, cost, gradients, and the
 * derivative forms of a {@link VectorFunction}), on the caller's thread, so the function must draw its random
 * numbers in the same order in every call (as a forward pass does). Keep several masks in one generator, or
 * reset all generators in the one {@code reset}.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Stochastic {

    private Stochastic() {
    }

    /**
     * A reset that sets {@code random}'s seed back to {@code seed}: the next draws repeat the same sequence.
     *
     * @param random the generator the function draws its random numbers from
     * @param seed the seed the generator is reset to
     * @return a reset that sets {@code random}'s seed back to {@code seed}: the next draws repeat the same sequence
     * @throws IllegalArgumentException if {@code random} is null
     */
    public static Runnable reseeding(Random random, long seed) {
        if (random == null) {
            throw new IllegalArgumentException("random must not be null: pass the generator the function draws its random numbers from");
        }
        return () -> random.setSeed(seed);
    }

    /**
     * {@code function} with {@code reset} run before every value and gradient.
     *
     * @param function the stochastic function
     * @param reset resets the randomness before every evaluation, for example {@code Stochastic.reseeding(random,
     *     seed)}
     * @return {@code function} with {@code reset} run before every value and gradient
     * @throws IllegalArgumentException if an argument is null
     */
    public static DifferentiableFunction withReset(DifferentiableFunction function, Runnable reset) {
        require(function, "function", reset);
        return new DifferentiableFunction() {
            @Override
            public double value(double[] point) {
                reset.run();
                return function.value(point);
            }

            @Override
            public double[] gradient(double[] point) {
                reset.run();
                return function.gradient(point);
            }
        };
    }

    /**
     * {@code model} with {@code reset} run before every cost and gradients.
     *
     * @param <B> the batch type
     * @param model the stochastic model
     * @param reset resets the randomness before every evaluation, for example {@code Stochastic.reseeding(random,
     *     seed)}
     * @return {@code model} with {@code reset} run before every cost and gradients
     * @throws IllegalArgumentException if an argument is null
     */
    public static <B> GradientModel<B> withReset(GradientModel<B> model, Runnable reset) {
        require(model, "model", reset);
        return new GradientModel<B>() {
            @Override
            public double cost(Parameters parameters, B batch) {
                reset.run();
                return model.cost(parameters, batch);
            }

            @Override
            public Map<String, ?> gradients(Parameters parameters, B batch) {
                reset.run();
                return model.gradients(parameters, batch);
            }
        };
    }

    /**
     * {@code function} with {@code reset} run before every value and every derivative it gives.
     *
     * @param function the stochastic function
     * @param reset resets the randomness before every evaluation, for example {@code Stochastic.reseeding(random,
     *     seed)}
     * @return {@code function} with {@code reset} run before every value and every derivative it gives
     * @throws IllegalArgumentException if an argument is null
     */
    public static VectorFunction withReset(VectorFunction function, Runnable reset) {
        require(function, "function", reset);
        return new VectorFunction() {
            @Override
            public double[] value(double[] point) {
                reset.run();
                return function.value(point);
            }

            @Override
            public double[][] jacobian(double[] point) {
                reset.run();
                return function.jacobian(point);
            }

            @Override
            public double[] vectorJacobianProduct(double[] point, double[] outputDirection) {
                reset.run();
                return function.vectorJacobianProduct(point, outputDirection);
            }

            @Override
            public double[] jacobianVectorProduct(double[] point, double[] inputDirection) {
                reset.run();
                return function.jacobianVectorProduct(point, inputDirection);
            }
        };
    }

    private static void require(Object function, String name, Runnable reset) {
        if (function == null) {
            throw new IllegalArgumentException(name + " must not be null: pass the stochastic " + name + " to check");
        }
        if (reset == null) {
            throw new IllegalArgumentException("reset must not be null: pass what resets the randomness, for example "
                    + "Stochastic.reseeding(random, seed)");
        }
    }
}
