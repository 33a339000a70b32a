package org.gradcheck.hessian;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.gradcheck.function.TwiceDifferentiableFunction;
import java.util.Random;
import org.apiguardian.api.API;
import org.gradcheck.GradientCheckException;
import org.gradcheck.Precision;
import org.gradcheck.Tolerance;
import org.gradcheck.DifferenceScheme;
import org.gradcheck.StepSize;
import org.gradcheck.jacobian.JacobianChecker;
import org.gradcheck.jacobian.JacobianMismatchError;
import org.gradcheck.jacobian.JacobianReport;
import org.gradcheck.function.VectorFunction;
import org.gradcheck.layout.Block;
import org.gradcheck.layout.GradientNaming;
import org.gradcheck.layout.ParameterLayout;

/**
 * Checks a function's second derivative against central differences of its own gradient.
 *
 * <p>The Hessian is the Jacobian of the gradient, so the check is a {@link JacobianChecker Jacobian check} of
 * {@code x -> gradient(x)} whose analytic Jacobian is the user's Hessian: the same per-entry report (entries
 * named {@code dW1[0,1] / W1[1,2]} for {@code d^2 f / dW1[0,1] dW1[1,2]}), the same decision rule
 * {@code |a - n| <= absolute + relative * max(|a|, |n|) + noise} and the same rounding-error estimate. It costs
 * {@code 2n} gradient evaluations. Check the gradient first: a wrong gradient makes a right Hessian look wrong.
 *
 * <p>When only {@link TwiceDifferentiableFunction#hessianVectorProduct(double[], double[]) Hessian-vector
 * products} are available and {@code n} is large, {@link #checkProducts(TwiceDifferentiableFunction, double[],
 * ParameterLayout) checkProducts} checks {@code H v} for a few seeded random directions {@code v} against
 * {@code (g(x + t v) - g(x - t v)) / 2t}: {@code 2} gradient evaluations per direction, every component of
 * {@code H v} judged and named ({@code dW1[0,1] / v[2]} is component {@code dW1[0,1]} of {@code H v[2]}). Each
 * direction is scaled coordinate by coordinate to {@code max(|x_i|, 1)}, so the automatic step perturbs every
 * coordinate by the same relative amount as a coordinate-wise check would.
 *
 * <p>Checkers are immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HessianChecker {

    /** The number of random directions of {@link #checkProducts} unless {@link #withDirections(int)} sets another. */
    public static final int DEFAULT_DIRECTIONS = 3;

    private static final HessianChecker DEFAULTS = new HessianChecker(JacobianChecker.defaults().withTitle("Hessian"),
            GradientNaming.standard(), DEFAULT_DIRECTIONS);

    private final JacobianChecker checker;
    private final GradientNaming naming;
    private final int directions;

    private HessianChecker(JacobianChecker checker, GradientNaming naming, int directions) {
        this.checker = checker;
        this.naming = naming;
        this.directions = directions;
    }

    /**
     * The default checker: central difference of the gradient with the automatic step, default tolerance,
     * {@value #DEFAULT_DIRECTIONS} random directions for products, seed {@value JacobianChecker#DEFAULT_SEED}.
     *
     * @return the default checker: central difference of the gradient with the automatic step, default tolerance,
     *     {@value #DEFAULT_DIRECTIONS} random directions for products, seed {@value JacobianChecker#DEFAULT_SEED}
     */
    public static HessianChecker defaults() {
        return DEFAULTS;
    }

    /**
     * A copy using {@code scheme}.
     *
     * @param scheme the finite-difference scheme
     * @return a copy using {@code scheme}
     */
    public HessianChecker withScheme(DifferenceScheme scheme) {
        return new HessianChecker(checker.withScheme(scheme), naming, directions);
    }

    /**
     * A copy using {@code stepSize}.
     *
     * @param stepSize the step-size policy
     * @return a copy using {@code stepSize}
     */
    public HessianChecker withStepSize(StepSize stepSize) {
        return new HessianChecker(checker.withStepSize(stepSize), naming, directions);
    }

    /**
     * A copy using {@code tolerance}.
     *
     * @param tolerance the tolerance of the entries
     * @return a copy using {@code tolerance}
     */
    public HessianChecker withTolerance(Tolerance tolerance) {
        return new HessianChecker(checker.withTolerance(tolerance), naming, directions);
    }

    /**
     * A copy that assumes {@code precision} for the gradient instead of measuring its noise.
     *
     * @param precision the precision assumed
     * @return a copy that assumes {@code precision} for the gradient instead of measuring its noise
     */
    public HessianChecker withPrecision(Precision precision) {
        return new HessianChecker(checker.withPrecision(precision), naming, directions);
    }

    /**
     * A copy drawing random directions and consistency vectors from {@code seed}.
     *
     * @param seed the seed
     * @return a copy drawing random directions and consistency vectors from {@code seed}
     */
    public HessianChecker withSeed(long seed) {
        return new HessianChecker(checker.withSeed(seed), naming, directions);
    }

    /**
     * A copy naming gradient components by {@code naming} (default {@code dW1} for {@code W1}).
     *
     * @param naming the rule that names gradient components
     * @return a copy naming gradient components by {@code naming} (default {@code dW1} for {@code W1})
     */
    public HessianChecker withGradientNaming(GradientNaming naming) {
        if (naming == null) {
            throw new IllegalArgumentException("naming must not be null: use for example GradientNaming.standard()");
        }
        return new HessianChecker(checker, naming, directions);
    }

    /**
     * A copy checking Hessian-vector products along {@code directions} random directions.
     *
     * @param directions the number of random directions, 1 or more
     * @return a copy checking Hessian-vector products along {@code directions} random directions
     * @throws IllegalArgumentException if {@code directions < 1}
     */
    public HessianChecker withDirections(int directions) {
        if (directions < 1) {
            throw new IllegalArgumentException("directions must be >= 1 but was " + directions + ": use for example 3");
        }
        return new HessianChecker(checker, naming, directions);
    }

    /**
     * The Jacobian checker that runs the checks, titled {@code Hessian}.
     *
     * @return the Jacobian checker that runs the checks, titled {@code Hessian}
     */
    public JacobianChecker jacobianChecker() {
        return checker;
    }

    /**
     * The number of random directions of {@link #checkProducts}.
     *
     * @return the number of random directions of {@link #checkProducts}
     */
    public int directions() {
        return directions;
    }

    /**
     * Checks the full Hessian (or, if only products are implemented, the Hessian assembled from {@code n}
     * Hessian-vector products) at {@code point}; coordinates are named {@code x[i]}.
     *
     * @param point the point; not modified
     * @param function the function under test
     * @return the report, never null
     * @throws IllegalArgumentException if an argument is null or the point is empty or not finite
     * @throws GradientCheckException if the function makes a check impossible
     */
    public JacobianReport check(TwiceDifferentiableFunction function, double[] point) {
        return check(function, point, layoutOf(point));
    }

    /**
     * As {@link #check(TwiceDifferentiableFunction, double[])}, naming coordinates by {@code layout}.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @param layout names the coordinates ({@code W1[0,1]})
     * @return the report, never null
     */
    public JacobianReport check(TwiceDifferentiableFunction function, double[] point, ParameterLayout layout) {
        requireFunction(function);
        requireLayout(layout);
        return checker.check(new GradientMap(function), point, layout, gradientLayout(layout));
    }

    /**
     * Checks Hessian-vector products along {@link #withDirections(int) a few} seeded random directions; coordinates
     * are named {@code x[i]}.
     *
     * @param point the point; not modified
     * @param function the function under test
     * @return the report, never null
     * @throws IllegalArgumentException if an argument is null or the point is empty or not finite
     * @throws GradientCheckException if the function makes a check impossible, or implements no
     *     {@link TwiceDifferentiableFunction#hessianVectorProduct(double[], double[]) product}
     */
    public JacobianReport checkProducts(TwiceDifferentiableFunction function, double[] point) {
        return checkProducts(function, point, layoutOf(point));
    }

    /**
     * As {@link #checkProducts(TwiceDifferentiableFunction, double[])}, naming coordinates by {@code layout}.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @param layout names the coordinates ({@code W1[0,1]})
     * @return the report, never null
     */
    public JacobianReport checkProducts(TwiceDifferentiableFunction function, double[] point, ParameterLayout layout) {
        requireFunction(function);
        requireLayout(layout);
        if (point == null || point.length != layout.size()) {
            throw new IllegalArgumentException("point must have the layout's length " + layout.size() + " but "
                    + (point == null ? "is null" : "has length " + point.length));
        }
        double[][] basis = directions(point);
        DirectionalGradient directional = new DirectionalGradient(function, point.clone(), basis);
        return checker.check(directional, new double[basis.length], ParameterLayout.vector("v", basis.length),
                gradientLayout(layout));
    }

    /**
     * Checks the Hessian and asserts: returns the report if every entry passed.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @return the report of the passing check
     * @throws JacobianMismatchError if an entry or a consistency check failed; its message is the report
     */
    public JacobianReport assertMatches(TwiceDifferentiableFunction function, double[] point) {
        return JacobianChecker.requirePassed(check(function, point));
    }

    /**
     * As {@link #assertMatches(TwiceDifferentiableFunction, double[])}, naming coordinates by {@code layout}.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @param layout names the coordinates ({@code W1[0,1]})
     * @return the report of the passing check
     */
    public JacobianReport assertMatches(TwiceDifferentiableFunction function, double[] point, ParameterLayout layout) {
        return JacobianChecker.requirePassed(check(function, point, layout));
    }

    /**
     * Checks Hessian-vector products and asserts: returns the report if every component passed.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @return the report of the passing check
     * @throws JacobianMismatchError if a component failed; its message is the report
     */
    public JacobianReport assertProductsMatch(TwiceDifferentiableFunction function, double[] point) {
        return JacobianChecker.requirePassed(checkProducts(function, point));
    }

    /** Seeded Gaussian directions scaled coordinate by coordinate to {@code max(|x_i|, 1)}, largest entry 1 in that scale. */
    private double[][] directions(double[] point) {
        Random random = new Random(checker.seed());
        double[][] basis = new double[directions][point.length];
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

    private ParameterLayout gradientLayout(ParameterLayout layout) {
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

    private static ParameterLayout layoutOf(double[] point) {
        if (point == null) {
            throw new IllegalArgumentException("point must not be null: pass the point at which to check the Hessian");
        }
        if (point.length == 0) {
            throw new IllegalArgumentException("point must not be empty: a Hessian check needs at least one coordinate");
        }
        return ParameterLayout.vector("x", point.length);
    }

    private static void requireFunction(TwiceDifferentiableFunction function) {
        if (function == null) {
            throw new IllegalArgumentException("function must not be null: pass the function whose Hessian is checked");
        }
    }

    private static void requireLayout(ParameterLayout layout) {
        if (layout == null) {
            throw new IllegalArgumentException("layout must not be null: use ParameterLayout.vector(\"x\", n) for a plain vector");
        }
    }

    @Override
    public String toString() {
        return "HessianChecker[" + checker + ", " + directions + " directions]";
    }

    /** The gradient as a vector function whose Jacobian is the Hessian. */
    private static final class GradientMap implements VectorFunction {

        private final TwiceDifferentiableFunction function;

        GradientMap(TwiceDifferentiableFunction function) {
            this.function = function;
        }

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
    }

    /**
     * {@code t -> gradient(x + sum_k t_k v_k)}, whose Jacobian at {@code t = 0} has the columns {@code H v_k}.
     * The shifted point is built in one buffer, reused for every evaluation.
     */
    private static final class DirectionalGradient implements VectorFunction {

        private final TwiceDifferentiableFunction function;
        private final double[] point;
        private final double[][] basis;
        private final double[] shifted;

        DirectionalGradient(TwiceDifferentiableFunction function, double[] point, double[][] basis) {
            this.function = function;
            this.point = point;
            this.basis = basis;
            this.shifted = new double[point.length];
        }

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
            requireLength(gradient, "the gradient");
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
                    throw new GradientCheckException("the function implements no Hessian-vector product: override "
                            + "hessianVectorProduct(point, direction) of TwiceDifferentiableFunction, or check the full "
                            + "Hessian with check(function, point)", e);
                }
                requireLength(product, "the Hessian-vector product");
                for (int i = 0; i < n; i++) {
                    columns[i][k] = product[i];
                }
            }
            return columns;
        }

        private void requireLength(double[] vector, String what) {
            if (vector == null || vector.length != point.length) {
                throw new GradientCheckException(what + " has " + (vector == null ? "no values" : "length " + vector.length)
                        + " but the point has " + point.length + " coordinates: return one value per coordinate");
            }
        }
    }
}
