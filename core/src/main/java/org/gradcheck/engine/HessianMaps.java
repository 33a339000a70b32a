package org.gradcheck.engine;

import java.util.Random;
import org.gradcheck.CheckRefusedException;
import org.gradcheck.function.TwiceDifferentiableFunction;
import org.gradcheck.function.VectorFunction;
import org.gradcheck.layout.Block;
import org.gradcheck.layout.GradientNaming;
import org.gradcheck.layout.ParameterLayout;

/** The Hessian as a Jacobian: of the gradient, or of the gradient along a few seeded directions. */
final class HessianMaps {

    private HessianMaps() {
    }

    /** The gradient as a vector function whose Jacobian is the Hessian (and whose forward product is H v). */
    static VectorFunction gradientMap(TwiceDifferentiableFunction function) {
        return new VectorFunction() {
            @Override
            public double[] value(double[] point) {
                return function.gradient(point);
            }

            @Override
            public double[][] jacobian(double[] point) {
                return function.hessian(point);
            }

            @Override
            public double[] jacobianVectorProduct(double[] point, double[] inputDirection) {
                return function.hessianVectorProduct(point, inputDirection);
            }

            @Override
            public String toString() {
                return function.getClass().getName();
            }
        };
    }

    /** The layout of the gradient's outputs: the blocks of {@code layout} named by {@code naming} ({@code dW1}). */
    static ParameterLayout gradientLayout(ParameterLayout layout, GradientNaming naming) {
        ParameterLayout.Builder builder = ParameterLayout.builder();
        for (Block block : layout.blocks()) {
            String name = naming.gradientKey(block.name());
            if (block.isMatrix()) {
                builder.matrix(name, block.rows(), block.columns());
            } else {
                builder.vector(name, block.size());
            }
        }
        return builder.build();
    }

    /** Seeded Gaussian directions scaled coordinate by coordinate to {@code max(|x_i|, 1)}, largest entry 1 in that scale. */
    static double[][] directions(double[] point, int count, long seed) {
        Random random = new Random(seed);
        double[][] basis = new double[count][point.length];
        for (double[] direction : basis) {
            double largest = 0;
            for (int i = 0; i < direction.length; i++) {
                direction[i] = random.nextGaussian();
                largest = Math.max(largest, Math.abs(direction[i]));
            }
            for (int i = 0; i < direction.length; i++) {
                direction[i] = direction[i] / largest * Math.max(Math.abs(point[i]), 1.0);
            }
        }
        return basis;
    }

    /**
     * {@code t -> gradient(x + sum_k t_k v_k)}, whose Jacobian at {@code t = 0} has the columns {@code H v_k}. The
     * shifted point is built in one buffer, reused for every evaluation.
     */
    static VectorFunction directional(TwiceDifferentiableFunction function, double[] point, double[][] basis) {
        double[] shifted = new double[point.length];
        return new VectorFunction() {
            @Override
            public double[] value(double[] t) {
                System.arraycopy(point, 0, shifted, 0, point.length);
                for (int k = 0; k < basis.length; k++) {
                    if (t[k] != 0) {
                        double[] direction = basis[k];
                        for (int i = 0; i < shifted.length; i++) {
                            shifted[i] += t[k] * direction[i];
                        }
                    }
                }
                double[] gradient = function.gradient(shifted);
                requireLength(gradient, "the gradient", point.length);
                return gradient;
            }

            @Override
            public double[][] jacobian(double[] t) {
                int n = point.length;
                double[][] columns = new double[n][basis.length];
                for (int k = 0; k < basis.length; k++) {
                    double[] product;
                    try {
                        product = function.hessianVectorProduct(point.clone(), basis[k].clone());
                    } catch (UnsupportedOperationException e) {
                        throw new CheckRefusedException("the function implements no Hessian-vector product: override "
                                + "hessianVectorProduct(point, direction) of TwiceDifferentiableFunction, or check the full "
                                + "Hessian with checkHessian(function, point)", e);
                    }
                    requireLength(product, "the Hessian-vector product", n);
                    for (int i = 0; i < n; i++) {
                        columns[i][k] = product[i];
                    }
                }
                return columns;
            }

            @Override
            public String toString() {
                return function.getClass().getName();
            }
        };
    }

    private static void requireLength(double[] vector, String what, int length) {
        if (vector == null || vector.length != length) {
            throw new CheckRefusedException(what + " has " + (vector == null ? "no values" : "length " + vector.length)
                    + " but the point has " + length + " coordinates: return one value per coordinate");
        }
    }
}
