package org.gradcheck.corpus.leastsquares;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

/**
 * A least-squares test problem: residuals {@code r(x)} written twice, in plain doubles (what a user writes and the
 * checkers evaluate) and over {@link RealFieldElement} (from which the exact derivatives and the rounding bounds
 * come), a hand-written analytic Jacobian, and the points at which the corpus checks it.
 */
abstract class LeastSquaresProblem {

    /** Where a problem comes from. */
    enum Family {
        /** Moré, Garbow and Hillstrom, "Testing unconstrained optimization software", ACM TOMS 7 (1981). */
        MGH,
        /** The NIST Statistical Reference Datasets for nonlinear regression, with generated data. */
        NIST
    }

    /** A point of the corpus and how it was chosen ({@code "x0"}, {@code "10 x0"}, {@code "certified"}, ...). */
    record Point(String label, double[] x) {
        Point {
            x = x.clone();
        }

        @Override
        public double[] x() {
            return x.clone();
        }
    }

    private final String name;
    private final Family family;
    private final int parameterCount;
    private final int residualCount;

    LeastSquaresProblem(String name, Family family, int parameterCount, int residualCount) {
        this.name = name;
        this.family = family;
        this.parameterCount = parameterCount;
        this.residualCount = residualCount;
    }

    final String name() {
        return name;
    }

    final Family family() {
        return family;
    }

    final int parameterCount() {
        return parameterCount;
    }

    final int residualCount() {
        return residualCount;
    }

    /** The residuals at {@code x}, in double precision; {@code x} is not modified. */
    abstract double[] residuals(double[] x);

    /** The hand-written Jacobian {@code dr_i / dx_j}, {@code residualCount x parameterCount}. */
    abstract double[][] jacobian(double[] x);

    /** The same residuals over any field: the one definition the exact derivatives are taken from. */
    abstract <T extends RealFieldElement<T>> T[] residuals(T[] x);

    /** The points at which the corpus checks this problem. */
    abstract List<Point> points();

    /** What {@link #slip(double[])} gets wrong, or null if this problem has no algebra slip. */
    String slipDescription() {
        return null;
    }

    /**
     * A Jacobian with a plausible algebra slip (a dropped factor or term, a wrong power), or null if this problem
     * has none.
     */
    double[][] slip(double[] x) {
        return null;
    }

    @Override
    public final String toString() {
        return name;
    }

    static <T extends RealFieldElement<T>> T[] array(T like, int length) {
        return MathArrays.buildArray(like.getField(), length);
    }

    static <T extends RealFieldElement<T>> T constant(T like, double value) {
        return like.getField().getZero().add(value);
    }

    static double[] scaled(double[] x, double factor) {
        double[] y = x.clone();
        for (int j = 0; j < y.length; j++) {
            y[j] *= factor;
        }
        return y;
    }

    /**
     * The points Moré, Garbow and Hillstrom prescribe, {@code x0}, {@code 10 x0} and {@code 100 x0} (one point only
     * when {@code x0 = 0}), and {@code nearby} seeded random points near {@code solution} (near {@code x0} when the
     * solution has no closed form and {@code solution} is null): each coordinate is multiplied by
     * {@code 1 + 0.05 g} and, where it is zero, moved by {@code 0.05 g}, {@code g} standard normal.
     */
    static List<Point> standardPoints(String name, double[] x0, double[] solution, int nearby) {
        List<Point> points = new ArrayList<>();
        points.add(new Point("x0", x0));
        boolean zero = true;
        for (double value : x0) {
            zero &= value == 0;
        }
        if (!zero) {
            points.add(new Point("10 x0", scaled(x0, 10)));
            points.add(new Point("100 x0", scaled(x0, 100)));
        }
        Random random = new Random(name.hashCode());
        double[] centre = solution == null ? x0 : solution;
        for (int k = 1; k <= nearby; k++) {
            double[] x = new double[centre.length];
            for (int j = 0; j < x.length; j++) {
                double g = random.nextGaussian();
                x[j] = centre[j] == 0 ? 0.05 * g : centre[j] * (1 + 0.05 * g);
            }
            points.add(new Point((solution == null ? "near x0 #" : "near x* #") + k, x));
        }
        return points;
    }
}
