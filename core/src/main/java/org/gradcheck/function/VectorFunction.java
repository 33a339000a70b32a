package org.gradcheck.function;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.commons.math3.analysis.MultivariateMatrixFunction;
import org.apache.commons.math3.analysis.MultivariateVectorFunction;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apiguardian.api.API;

/**
 * A vector-valued function of a flat vector, {@code y = f(x)} with {@code x} of length {@code n} and
 * {@code y} of length {@code m}, together with its analytic derivative in one or more of three forms: the
 * full {@linkplain #jacobian(double[]) Jacobian} {@code J = dy/dx} ({@code m x n}), the
 * {@linkplain #vectorJacobianProduct(double[], double[]) vector-Jacobian product} {@code J^T u} (what a
 * layer's backward pass computes from the gradient {@code u} of the loss with respect to its output), and
 * the {@linkplain #jacobianVectorProduct(double[], double[]) Jacobian-vector product} {@code J v}
 * (forward-mode differentiation).
 *
 * <p>Only {@link #value(double[])} must be implemented. A derivative form that is not implemented keeps
 * its default, which throws {@link UnsupportedOperationException}; the checker detects this, uses the forms
 * that are implemented and lists them in its report. A layer written with forward and backward passes:
 * <pre>{@code
 * VectorFunction layer = new VectorFunction() {
 *     public double[] value(double[] x) { return forwardPass(x); }
 *     public double[] vectorJacobianProduct(double[] x, double[] dy) { return backwardPass(x, dy); }
 * };
 * }</pre>
 * or with lambdas: {@code VectorFunction.builder(this::forwardPass).vectorJacobianProduct(this::backwardPass).build()}.
 *
 * <p>Implementations must not modify their arguments and must be deterministic; the checker verifies both.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface VectorFunction {

    /**
     * The function's value at {@code point}: a new array of length {@code m}, the same for every call.
     *
     * @param point the point; not modified
     * @return the function's value at {@code point}: a new array of length {@code m}, the same for every call
     */
    double[] value(double[] point);

    /**
     * The analytic Jacobian at {@code point}: {@code m} rows of length {@code n}, row {@code i} holding the
     * partial derivatives of output {@code i}.
     *
     * @param point the point; not modified
     * @return the analytic Jacobian at {@code point}: {@code m} rows of length {@code n}, row {@code i} holding the
     *     partial derivatives of output {@code i}
     * @throws UnsupportedOperationException if this form is not implemented (the default)
     */
    default double[][] jacobian(double[] point) {
        throw new UnsupportedOperationException("jacobian(point) is not implemented");
    }

    /**
     * The vector-Jacobian product {@code J^T u} at {@code point}, of length {@code n}: the backward pass
     * that turns the gradient {@code u} of a loss with respect to the output into its gradient with respect
     * to the input.
     *
     * @param point the point; not modified
     * @param outputDirection {@code u}, of length {@code m}; not modified
     * @return the vector-Jacobian product {@code J^T u} at {@code point}, of length {@code n}: the backward pass
     *     that turns the gradient {@code u} of a loss with respect to the output into its gradient with respect to the
     *     input
     * @throws UnsupportedOperationException if this form is not implemented (the default)
     */
    default double[] vectorJacobianProduct(double[] point, double[] outputDirection) {
        throw new UnsupportedOperationException("vectorJacobianProduct(point, outputDirection) is not implemented");
    }

    /**
     * The Jacobian-vector product {@code J v} at {@code point}, of length {@code m}: the directional
     * derivative of the output along {@code v} (forward mode).
     *
     * @param point the point; not modified
     * @param inputDirection {@code v}, of length {@code n}; not modified
     * @return the Jacobian-vector product {@code J v} at {@code point}, of length {@code m}: the directional
     *     derivative of the output along {@code v} (forward mode)
     * @throws UnsupportedOperationException if this form is not implemented (the default)
     */
    default double[] jacobianVectorProduct(double[] point, double[] inputDirection) {
        throw new UnsupportedOperationException("jacobianVectorProduct(point, inputDirection) is not implemented");
    }

    /**
     * A builder for a function made of lambdas: {@code value}, then any of the three derivative forms.
     *
     * @param value the function, {@code x -> y = f(x)}
     * @return a builder for a function made of lambdas: {@code value}, then any of the three derivative forms
     * @throws IllegalArgumentException if {@code value} is null
     */
    static Builder builder(Function<double[], double[]> value) {
        if (value == null) {
            throw new IllegalArgumentException("value must not be null: pass the function that computes y = f(x)");
        }
        return new Builder(value);
    }

    /**
     * A function with its full Jacobian.
     *
     * @param value the function, {@code x -> y = f(x)}
     * @param jacobian the Jacobian, {@code x -> J(x)}
     * @return a function with its full Jacobian
     * @throws IllegalArgumentException if either is null
     */
    static VectorFunction of(Function<double[], double[]> value, Function<double[], double[][]> jacobian) {
        return builder(value).jacobian(jacobian).build();
    }

    /**
     * Adapts a commons-math3 model and its Jacobian, as least-squares fitting uses them
     * ({@code LeastSquaresBuilder.model(value, jacobian)}).
     *
     * @param value the model, {@code x -> y}
     * @param jacobian the Jacobian, {@code x -> J(x)}
     * @return adapts a commons-math3 model and its Jacobian, as least-squares fitting uses them ({@code
     *     LeastSquaresBuilder.model(value, jacobian)})
     * @throws IllegalArgumentException if either is null
     */
    static VectorFunction from(MultivariateVectorFunction value, MultivariateMatrixFunction jacobian) {
        if (value == null || jacobian == null) {
            throw new IllegalArgumentException((value == null ? "value" : "jacobian")
                    + " must not be null: give both the model and its Jacobian");
        }
        return of(value::value, jacobian::value);
    }

    /**
     * Adapts a commons-math3 least-squares model, as {@code LeastSquaresBuilder.model(model)} takes it: the values
     * are the first element of the {@code Pair} the model returns, the analytic Jacobian its second, so that
     * {@code JacobianChecker} checks the model's Jacobian entry by entry. Each call of {@code value} or
     * {@code jacobian} evaluates the model once, at a new vector copied from the point.
     *
     * @param model the model, {@code p -> (values, Jacobian)}
     * @return the model as a function of its parameters, with its Jacobian
     * @throws IllegalArgumentException if {@code model} is null; when the model returns a null pair, values or
     *     Jacobian, the function's methods throw one that says so
     */
    static VectorFunction from(MultivariateJacobianFunction model) {
        return LeastSquaresFunctions.model(model);
    }

    /**
     * Builds a {@link VectorFunction} from lambdas; each derivative form is optional, at least one is needed.
     *
     * @since 0.1
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    final class Builder {

        private final Function<double[], double[]> value;
        private Function<double[], double[][]> jacobian;
        private BiFunction<double[], double[], double[]> vectorJacobianProduct;
        private BiFunction<double[], double[], double[]> jacobianVectorProduct;

        private Builder(Function<double[], double[]> value) {
            this.value = value;
        }

        /**
         * Sets the full Jacobian, {@code x -> J(x)}.
         *
         * @param jacobian the Jacobian, {@code x -> J(x)}
         * @return this builder
         */
        public Builder jacobian(Function<double[], double[][]> jacobian) {
            this.jacobian = require(jacobian, "jacobian");
            return this;
        }

        /**
         * Sets the backward pass, {@code (x, u) -> J(x)^T u}.
         *
         * @param product {@code (x, u) -> J(x)^T u}
         * @return this builder
         */
        public Builder vectorJacobianProduct(BiFunction<double[], double[], double[]> product) {
            this.vectorJacobianProduct = require(product, "vectorJacobianProduct");
            return this;
        }

        /**
         * Sets the forward-mode product, {@code (x, v) -> J(x) v}.
         *
         * @param product {@code (x, v) -> J(x) v}
         * @return this builder
         */
        public Builder jacobianVectorProduct(BiFunction<double[], double[], double[]> product) {
            this.jacobianVectorProduct = require(product, "jacobianVectorProduct");
            return this;
        }

        private static <T> T require(T value, String name) {
            if (value == null) {
                throw new IllegalArgumentException(name + " must not be null: leave it out if it is not implemented");
            }
            return value;
        }

        /**
         * The function.
         *
         * @return the function
         * @throws IllegalArgumentException if no derivative form was given
         */
        public VectorFunction build() {
            if (jacobian == null && vectorJacobianProduct == null && jacobianVectorProduct == null) {
                throw new IllegalArgumentException("a VectorFunction needs a derivative to check: give at least one of "
                        + "jacobian, vectorJacobianProduct and jacobianVectorProduct");
            }
            Function<double[], double[]> f = value;
            Function<double[], double[][]> j = jacobian;
            BiFunction<double[], double[], double[]> backward = vectorJacobianProduct;
            BiFunction<double[], double[], double[]> forward = jacobianVectorProduct;
            return new VectorFunction() {
                @Override
                public double[] value(double[] point) {
                    return f.apply(point);
                }

                @Override
                public double[][] jacobian(double[] point) {
                    return j == null ? VectorFunction.super.jacobian(point) : j.apply(point);
                }

                @Override
                public double[] vectorJacobianProduct(double[] point, double[] outputDirection) {
                    return backward == null ? VectorFunction.super.vectorJacobianProduct(point, outputDirection)
                            : backward.apply(point, outputDirection);
                }

                @Override
                public double[] jacobianVectorProduct(double[] point, double[] inputDirection) {
                    return forward == null ? VectorFunction.super.jacobianVectorProduct(point, inputDirection)
                            : forward.apply(point, inputDirection);
                }
            };
        }
    }
}
