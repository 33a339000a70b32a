package org.gradcheck.function;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.apiguardian.api.API;
import org.gradcheck.function.DifferentiableFunction;

/**
 * A scalar function with its gradient and its second derivative, as the full {@linkplain #hessian(double[])
 * Hessian} or as {@linkplain #hessianVectorProduct(double[], double[]) Hessian-vector products} (what
 * Newton-CG and trust-region solvers need).
 *
 * <p>At least one second-order form must be implemented; the one that is not keeps its default, which throws
 * {@link UnsupportedOperationException}. Check the gradient first (with {@link org.gradcheck.GradientChecker}):
 * the second derivative is checked against finite differences of this gradient.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface TwiceDifferentiableFunction extends DifferentiableFunction {

    /**
     * The Hessian at {@code point}: {@code n} rows of length {@code n}, entry {@code [i][j]} the derivative of
     * gradient component {@code i} with respect to coordinate {@code j}.
     *
     * @param point the point; not modified
     * @return the Hessian at {@code point}: {@code n} rows of length {@code n}, entry {@code [i][j]} the derivative
     *     of gradient component {@code i} with respect to coordinate {@code j}
     * @throws UnsupportedOperationException if not implemented (the default)
     */
    default double[][] hessian(double[] point) {
        throw new UnsupportedOperationException("hessian(point) is not implemented");
    }

    /**
     * The Hessian-vector product {@code H v} at {@code point}, of length {@code n}.
     *
     * @param point the point; not modified
     * @param direction {@code v}; not modified
     * @return the Hessian-vector product {@code H v} at {@code point}, of length {@code n}
     * @throws UnsupportedOperationException if not implemented (the default)
     */
    default double[] hessianVectorProduct(double[] point, double[] direction) {
        throw new UnsupportedOperationException("hessianVectorProduct(point, direction) is not implemented");
    }

    /**
     * A function with its full Hessian, made of lambdas.
     *
     * @param value the function, {@code x -> f(x)}
     * @param gradient the analytic gradient, {@code x -> g(x)}
     * @param hessian the Hessian, {@code x -> H(x)}
     * @return a function with its full Hessian, made of lambdas
     * @throws IllegalArgumentException if an argument is null
     */
    static TwiceDifferentiableFunction of(ToDoubleFunction<double[]> value, Function<double[], double[]> gradient,
            Function<double[], double[][]> hessian) {
        DifferentiableFunction first = DifferentiableFunction.of(value, gradient);
        if (hessian == null) {
            throw new IllegalArgumentException("hessian must not be null: give the function's analytic Hessian");
        }
        return new TwiceDifferentiableFunction() {
            @Override
            public double value(double[] point) {
                return first.value(point);
            }

            @Override
            public double[] gradient(double[] point) {
                return first.gradient(point);
            }

            @Override
            public double[][] hessian(double[] point) {
                return hessian.apply(point);
            }
        };
    }

    /**
     * A function with its Hessian-vector product, made of lambdas.
     *
     * @param value the function, {@code x -> f(x)}
     * @param gradient the analytic gradient, {@code x -> g(x)}
     * @param hessianVectorProduct {@code (x, v) -> H(x) v}
     * @return a function with its Hessian-vector product, made of lambdas
     * @throws IllegalArgumentException if an argument is null
     */
    static TwiceDifferentiableFunction withProduct(ToDoubleFunction<double[]> value, Function<double[], double[]> gradient,
            BiFunction<double[], double[], double[]> hessianVectorProduct) {
        DifferentiableFunction first = DifferentiableFunction.of(value, gradient);
        if (hessianVectorProduct == null) {
            throw new IllegalArgumentException("hessianVectorProduct must not be null: give the function's (x, v) -> H(x) v");
        }
        return new TwiceDifferentiableFunction() {
            @Override
            public double value(double[] point) {
                return first.value(point);
            }

            @Override
            public double[] gradient(double[] point) {
                return first.gradient(point);
            }

            @Override
            public double[] hessianVectorProduct(double[] point, double[] direction) {
                return hessianVectorProduct.apply(point, direction);
            }
        };
    }
}
