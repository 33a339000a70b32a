package org.gradcheck.corpus.leastsquares;

import java.util.List;
import org.apache.commons.math3.RealFieldElement;

/**
 * Problems 1 to 19 of Moré, Garbow and Hillstrom (1981), the fixed-size ones, written from their published
 * definitions (residuals {@code f_i}, standard starting point {@code x0}, and the minimiser where the paper gives
 * it). The variable-size problems are in {@link MoreGarbowHillstromScalable}. Every problem is checked at
 * {@code x0}, {@code 10 x0}, {@code 100 x0} and two seeded points near the minimiser
 * ({@link LeastSquaresProblem#standardPoints}); a point where a residual or a Jacobian entry is not finite would be
 * dropped by {@link LeastSquaresCorpus}, and the comment of each problem says where that happens.
 */
final class MoreGarbowHillstrom {

    private MoreGarbowHillstrom() {
    }

    static List<LeastSquaresProblem> problems() {
        return List.of(new Rosenbrock(), new FreudensteinRoth(), new PowellBadlyScaled(), new BrownBadlyScaled(),
                new Beale(), new JennrichSampson(), new HelicalValley(), new Bard(), new Gaussian(), new Meyer(),
                new GulfResearch(), new Box3d(), new PowellSingular(), new Wood(), new KowalikOsborne(),
                new BrownDennis(), new Osborne1(), new BiggsExp6(), new Osborne2());
    }

    private static final int NEARBY = 2;

    /** Problem 1. Every point is finite. */
    static final class Rosenbrock extends LeastSquaresProblem {
        Rosenbrock() {
            super("MGH 1 Rosenbrock", Family.MGH, 2, 2);
        }

        @Override
        double[] residuals(double[] x) {
            return new double[] {10 * (x[1] - x[0] * x[0]), 1 - x[0]};
        }

        @Override
        double[][] jacobian(double[] x) {
            return new double[][] {{-20 * x[0], 10}, {-1, 0}};
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], 2);
            r[0] = x[1].subtract(x[0].multiply(x[0])).multiply(10);
            r[1] = x[0].negate().add(1);
            return r;
        }

        @Override
        List<Point> points() {
            return standardPoints(name(), new double[] {-1.2, 1}, new double[] {1, 1}, NEARBY);
        }

        @Override
        String slipDescription() {
            return "d/dx1 of x1^2 taken as x1";
        }

        @Override
        double[][] slip(double[] x) {
            return new double[][] {{-10 * x[0], 10}, {-1, 0}};
        }
    }

    /** Problem 2. Every point is finite. */
    static final class FreudensteinRoth extends LeastSquaresProblem {
        FreudensteinRoth() {
            super("MGH 2 Freudenstein and Roth", Family.MGH, 2, 2);
        }

        @Override
        double[] residuals(double[] x) {
            return new double[] {-13 + x[0] + ((5 - x[1]) * x[1] - 2) * x[1], -29 + x[0] + ((x[1] + 1) * x[1] - 14) * x[1]};
        }

        @Override
        double[][] jacobian(double[] x) {
            double t = x[1];
            return new double[][] {{1, 10 * t - 3 * t * t - 2}, {1, 3 * t * t + 2 * t - 14}};
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], 2);
            r[0] = x[1].negate().add(5).multiply(x[1]).subtract(2).multiply(x[1]).add(x[0]).subtract(13);
            r[1] = x[1].add(1).multiply(x[1]).subtract(14).multiply(x[1]).add(x[0]).subtract(29);
            return r;
        }

        @Override
        List<Point> points() {
            return standardPoints(name(), new double[] {0.5, -2}, new double[] {5, 4}, NEARBY);
        }

        @Override
        String slipDescription() {
            return "d/dx2 of ((5 - x2) x2 - 2) x2 keeps only the outer factor (product rule dropped)";
        }

        @Override
        double[][] slip(double[] x) {
            double[][] j = jacobian(x);
            j[0][1] = (5 - x[1]) * x[1] - 2;
            return j;
        }
    }

    /** Problem 3. Every point is finite. */
    static final class PowellBadlyScaled extends LeastSquaresProblem {
        PowellBadlyScaled() {
            super("MGH 3 Powell badly scaled", Family.MGH, 2, 2);
        }

        @Override
        double[] residuals(double[] x) {
            return new double[] {1e4 * x[0] * x[1] - 1, Math.exp(-x[0]) + Math.exp(-x[1]) - 1.0001};
        }

        @Override
        double[][] jacobian(double[] x) {
            return new double[][] {{1e4 * x[1], 1e4 * x[0]}, {-Math.exp(-x[0]), -Math.exp(-x[1])}};
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], 2);
            r[0] = x[0].multiply(x[1]).multiply(1e4).subtract(1);
            r[1] = x[0].negate().exp().add(x[1].negate().exp()).subtract(1.0001);
            return r;
        }

        @Override
        List<Point> points() {
            return standardPoints(name(), new double[] {0, 1}, new double[] {1.098e-5, 9.106}, NEARBY);
        }
    }

    /** Problem 4. Every point is finite. */
    static final class BrownBadlyScaled extends LeastSquaresProblem {
        BrownBadlyScaled() {
            super("MGH 4 Brown badly scaled", Family.MGH, 2, 3);
        }

        @Override
        double[] residuals(double[] x) {
            return new double[] {x[0] - 1e6, x[1] - 2e-6, x[0] * x[1] - 2};
        }

        @Override
        double[][] jacobian(double[] x) {
            return new double[][] {{1, 0}, {0, 1}, {x[1], x[0]}};
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], 3);
            r[0] = x[0].subtract(1e6);
            r[1] = x[1].subtract(2e-6);
            r[2] = x[0].multiply(x[1]).subtract(2);
            return r;
        }

        @Override
        List<Point> points() {
            return standardPoints(name(), new double[] {1, 1}, new double[] {1e6, 2e-6}, NEARBY);
        }
    }

    /** Problem 5. Every point is finite. */
    static final class Beale extends LeastSquaresProblem {
        private static final double[] Y = {1.5, 2.25, 2.625};

        Beale() {
            super("MGH 5 Beale", Family.MGH, 2, 3);
        }

        @Override
        double[] residuals(double[] x) {
            double[] r = new double[3];
            for (int i = 0; i < 3; i++) {
                r[i] = Y[i] - x[0] * (1 - Math.pow(x[1], i + 1));
            }
            return r;
        }

        @Override
        double[][] jacobian(double[] x) {
            double[][] j = new double[3][2];
            for (int i = 0; i < 3; i++) {
                j[i][0] = -(1 - Math.pow(x[1], i + 1));
                j[i][1] = x[0] * (i + 1) * Math.pow(x[1], i);
            }
            return j;
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], 3);
            for (int i = 0; i < 3; i++) {
                r[i] = x[1].pow(i + 1).negate().add(1).multiply(x[0]).negate().add(Y[i]);
            }
            return r;
        }

        @Override
        List<Point> points() {
            return standardPoints(name(), new double[] {1, 1}, new double[] {3, 0.5}, NEARBY);
        }

        @Override
        String slipDescription() {
            return "d/dx2 of x2^i taken as x2^(i-1) (the exponent's factor i dropped)";
        }

        @Override
        double[][] slip(double[] x) {
            double[][] j = jacobian(x);
            for (int i = 0; i < 3; i++) {
                j[i][1] = x[0] * Math.pow(x[1], i);
            }
            return j;
        }
    }

    /** Problem 6, with m = 10. At 100 x0 the residuals reach 5e173 and the objective overflows, so it is dropped. */
    static final class JennrichSampson extends LeastSquaresProblem {
        JennrichSampson() {
            super("MGH 6 Jennrich and Sampson", Family.MGH, 2, 10);
        }

        @Override
        double[] residuals(double[] x) {
            double[] r = new double[10];
            for (int i = 1; i <= 10; i++) {
                r[i - 1] = 2 + 2 * i - (Math.exp(i * x[0]) + Math.exp(i * x[1]));
            }
            return r;
        }

        @Override
        double[][] jacobian(double[] x) {
            double[][] j = new double[10][2];
            for (int i = 1; i <= 10; i++) {
                j[i - 1][0] = -i * Math.exp(i * x[0]);
                j[i - 1][1] = -i * Math.exp(i * x[1]);
            }
            return j;
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], 10);
            for (int i = 1; i <= 10; i++) {
                r[i - 1] = x[0].multiply(i).exp().add(x[1].multiply(i).exp()).negate().add(2 + 2 * i);
            }
            return r;
        }

        @Override
        List<Point> points() {
            return standardPoints(name(), new double[] {0.3, 0.4}, new double[] {0.2578, 0.2578}, NEARBY);
        }
    }

    /** Problem 7. Every point is finite (theta has its branch at x1 = 0, which no point approaches). */
    static final class HelicalValley extends LeastSquaresProblem {
        HelicalValley() {
            super("MGH 7 helical valley", Family.MGH, 3, 3);
        }

        private static double theta(double[] x) {
            return Math.atan(x[1] / x[0]) / (2 * Math.PI) + (x[0] < 0 ? 0.5 : 0);
        }

        @Override
        double[] residuals(double[] x) {
            return new double[] {10 * (x[2] - 10 * theta(x)), 10 * (Math.sqrt(x[0] * x[0] + x[1] * x[1]) - 1), x[2]};
        }

        @Override
        double[][] jacobian(double[] x) {
            double squared = x[0] * x[0] + x[1] * x[1];
            double radius = Math.sqrt(squared);
            return new double[][] {
                {100 * x[1] / (2 * Math.PI * squared), -100 * x[0] / (2 * Math.PI * squared), 10},
                {10 * x[0] / radius, 10 * x[1] / radius, 0},
                {0, 0, 1}};
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], 3);
            T theta = x[1].divide(x[0]).atan().divide(2 * Math.PI).add(x[0].getReal() < 0 ? 0.5 : 0);
            r[0] = x[2].subtract(theta.multiply(10)).multiply(10);
            r[1] = x[0].multiply(x[0]).add(x[1].multiply(x[1])).sqrt().subtract(1).multiply(10);
            r[2] = x[2];
            return r;
        }

        @Override
        List<Point> points() {
            return standardPoints(name(), new double[] {-1, 0, 0}, new double[] {1, 0, 0}, NEARBY);
        }
    }

    /** Problem 8. Every point is finite. */
    static final class Bard extends LeastSquaresProblem {
        private static final double[] Y = {0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73, 0.96,
            1.34, 2.10, 4.39};

        Bard() {
            super("MGH 8 Bard", Family.MGH, 3, 15);
        }

        @Override
        double[] residuals(double[] x) {
            double[] r = new double[15];
            for (int i = 1; i <= 15; i++) {
                double u = i;
                double v = 16 - i;
                double w = Math.min(u, v);
                r[i - 1] = Y[i - 1] - (x[0] + u / (v * x[1] + w * x[2]));
            }
            return r;
        }

        @Override
        double[][] jacobian(double[] x) {
            double[][] j = new double[15][3];
            for (int i = 1; i <= 15; i++) {
                double u = i;
                double v = 16 - i;
                double w = Math.min(u, v);
                double d = v * x[1] + w * x[2];
                j[i - 1][0] = -1;
                j[i - 1][1] = u * v / (d * d);
                j[i - 1][2] = u * w / (d * d);
            }
            return j;
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], 15);
            for (int i = 1; i <= 15; i++) {
                double u = i;
                double v = 16 - i;
                double w = Math.min(u, v);
                T d = x[1].multiply(v).add(x[2].multiply(w));
                r[i - 1] = d.reciprocal().multiply(u).add(x[0]).negate().add(Y[i - 1]);
            }
            return r;
        }

        @Override
        List<Point> points() {
            return standardPoints(name(), new double[] {1, 1, 1}, new double[] {0.08241, 1.133, 2.344}, NEARBY);
        }

        @Override
        String slipDescription() {
            return "d/dx3 copied from d/dx2 (v_i where w_i belongs)";
        }

        @Override
        double[][] slip(double[] x) {
            double[][] j = jacobian(x);
            for (int i = 0; i < 15; i++) {
                j[i][2] = j[i][1];
            }
            return j;
        }
    }

    /** Problem 9. Every point is finite. */
    static final class Gaussian extends LeastSquaresProblem {
        private static final double[] Y = {0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521, 0.3989, 0.3521,
            0.2420, 0.1295, 0.0540, 0.0175, 0.0044, 0.0009};

        Gaussian() {
            super("MGH 9 Gaussian", Family.MGH, 3, 15);
        }

        @Override
        double[] residuals(double[] x) {
            double[] r = new double[15];
            for (int i = 1; i <= 15; i++) {
                double d = (8 - i) / 2.0 - x[2];
                r[i - 1] = x[0] * Math.exp(-x[1] * d * d / 2) - Y[i - 1];
            }
            return r;
        }

        @Override
        double[][] jacobian(double[] x) {
            double[][] j = new double[15][3];
            for (int i = 1; i <= 15; i++) {
                double d = (8 - i) / 2.0 - x[2];
                double e = Math.exp(-x[1] * d * d / 2);
                j[i - 1][0] = e;
                j[i - 1][1] = -x[0] * e * d * d / 2;
                j[i - 1][2] = x[0] * e * x[1] * d;
            }
            return j;
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], 15);
            for (int i = 1; i <= 15; i++) {
                T d = x[2].negate().add((8 - i) / 2.0);
                r[i - 1] = x[1].multiply(d).multiply(d).divide(-2).exp().multiply(x[0]).subtract(Y[i - 1]);
            }
            return r;
        }

        @Override
        List<Point> points() {
            return standardPoints(name(), new double[] {0.4, 1, 0}, new double[] {0.3989561, 1.0000191, 0}, NEARBY);
        }

        @Override
        String slipDescription() {
            return "d/dx3 with the inner derivative of (t_i - x3) dropped (wrong sign)";
        }

        @Override
        double[][] slip(double[] x) {
            double[][] j = jacobian(x);
            for (int i = 0; i < 15; i++) {
                j[i][2] = -j[i][2];
            }
            return j;
        }
    }

    /** Problem 10. Every point is finite (at 100 x0, exp(x2 / (t + x3)) is about exp(16)). */
    static final class Meyer extends LeastSquaresProblem {
        private static final double[] Y = {34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744, 8261, 7030, 6005,
            5147, 4427, 3820, 3307, 2872};

        Meyer() {
            super("MGH 10 Meyer", Family.MGH, 3, 16);
        }

        @Override
        double[] residuals(double[] x) {
            double[] r = new double[16];
            for (int i = 1; i <= 16; i++) {
                double t = 45 + 5 * i;
                r[i - 1] = x[0] * Math.exp(x[1] / (t + x[2])) - Y[i - 1];
            }
            return r;
        }

        @Override
        double[][] jacobian(double[] x) {
            double[][] j = new double[16][3];
            for (int i = 1; i <= 16; i++) {
                double t = 45 + 5 * i;
                double s = t + x[2];
                double e = Math.exp(x[1] / s);
                j[i - 1][0] = e;
                j[i - 1][1] = x[0] * e / s;
                j[i - 1][2] = -x[0] * e * x[1] / (s * s);
            }
            return j;
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], 16);
            for (int i = 1; i <= 16; i++) {
                double t = 45 + 5 * i;
                r[i - 1] = x[1].divide(x[2].add(t)).exp().multiply(x[0]).subtract(Y[i - 1]);
            }
            return r;
        }

        @Override
        List<Point> points() {
            return standardPoints(name(), new double[] {0.02, 4000, 250}, new double[] {0.0056096, 6181.35, 345.224},
                    NEARBY);
        }

        @Override
        String slipDescription() {
            return "d/dx3 of x2 / (t + x3) taken as -x2 / (t + x3) (power of the denominator)";
        }

        @Override
        double[][] slip(double[] x) {
            double[][] j = jacobian(x);
            for (int i = 1; i <= 16; i++) {
                double s = 45 + 5 * i + x[2];
                j[i - 1][2] = -x[0] * Math.exp(x[1] / s) * x[1] / s;
            }
            return j;
        }
    }

    /**
     * Problem 11 with m = 99, {@code f_i = exp(-|y_i - x2|^x3 / x1) - t_i} (the paper prints {@code y_i m i x2}
     * for {@code y_i - x2}). Every point is finite; at 100 x0 every exponential underflows to 0.
     */
    static final class GulfResearch extends LeastSquaresProblem {
        private static final int M = 99;

        GulfResearch() {
            super("MGH 11 Gulf research and development", Family.MGH, 3, M);
        }

        private static double y(int i) {
            return 25 + Math.pow(-50 * Math.log(i / 100.0), 2.0 / 3);
        }

        @Override
        double[] residuals(double[] x) {
            double[] r = new double[M];
            for (int i = 1; i <= M; i++) {
                r[i - 1] = Math.exp(-Math.pow(Math.abs(y(i) - x[1]), x[2]) / x[0]) - i / 100.0;
            }
            return r;
        }

        @Override
        double[][] jacobian(double[] x) {
            double[][] j = new double[M][3];
            for (int i = 1; i <= M; i++) {
                double d = y(i) - x[1];
                double a = Math.abs(d);
                double p = Math.pow(a, x[2]);
                double e = Math.exp(-p / x[0]);
                j[i - 1][0] = e * p / (x[0] * x[0]);
                j[i - 1][1] = e * x[2] * Math.pow(a, x[2] - 1) * Math.signum(d) / x[0];
                j[i - 1][2] = -e * p * Math.log(a) / x[0];
            }
            return j;
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], M);
            for (int i = 1; i <= M; i++) {
                r[i - 1] = x[1].negate().add(y(i)).abs().pow(x[2]).divide(x[0]).negate().exp().subtract(i / 100.0);
            }
            return r;
        }

        @Override
        List<Point> points() {
            return standardPoints(name(), new double[] {5, 2.5, 0.15}, new double[] {50, 25, 1.5}, NEARBY);
        }

        @Override
        String slipDescription() {
            return "d/dx3 of a^x3 taken as a^x3 (the factor ln a dropped)";
        }

        @Override
        double[][] slip(double[] x) {
            double[][] j = jacobian(x);
            for (int i = 1; i <= M; i++) {
                double p = Math.pow(Math.abs(y(i) - x[1]), x[2]);
                j[i - 1][2] = -Math.exp(-p / x[0]) * p / x[0];
            }
            return j;
        }
    }

    /** Problem 12 with m = 10. Every point is finite. */
    static final class Box3d extends LeastSquaresProblem {
        Box3d() {
            super("MGH 12 Box three-dimensional", Family.MGH, 3, 10);
        }

        @Override
        double[] residuals(double[] x) {
            double[] r = new double[10];
            for (int i = 1; i <= 10; i++) {
                double t = 0.1 * i;
                r[i - 1] = Math.exp(-t * x[0]) - Math.exp(-t * x[1]) - x[2] * (Math.exp(-t) - Math.exp(-10 * t));
            }
            return r;
        }

        @Override
        double[][] jacobian(double[] x) {
            double[][] j = new double[10][3];
            for (int i = 1; i <= 10; i++) {
                double t = 0.1 * i;
                j[i - 1][0] = -t * Math.exp(-t * x[0]);
                j[i - 1][1] = t * Math.exp(-t * x[1]);
                j[i - 1][2] = -(Math.exp(-t) - Math.exp(-10 * t));
            }
            return j;
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], 10);
            for (int i = 1; i <= 10; i++) {
                double t = 0.1 * i;
                r[i - 1] = x[0].multiply(-t).exp().subtract(x[1].multiply(-t).exp())
                        .subtract(x[2].multiply(Math.exp(-t) - Math.exp(-10 * t)));
            }
            return r;
        }

        @Override
        List<Point> points() {
            return standardPoints(name(), new double[] {0, 10, 20}, new double[] {1, 10, 1}, NEARBY);
        }

        @Override
        String slipDescription() {
            return "d/dx1 of exp(-t x1) with the inner factor -t dropped";
        }

        @Override
        double[][] slip(double[] x) {
            double[][] j = jacobian(x);
            for (int i = 1; i <= 10; i++) {
                j[i - 1][0] = Math.exp(-0.1 * i * x[0]);
            }
            return j;
        }
    }

    /** Problem 13. Every point is finite. */
    static final class PowellSingular extends LeastSquaresProblem {
        private static final double ROOT5 = Math.sqrt(5);
        private static final double ROOT10 = Math.sqrt(10);

        PowellSingular() {
            super("MGH 13 Powell singular", Family.MGH, 4, 4);
        }

        @Override
        double[] residuals(double[] x) {
            double a = x[1] - 2 * x[2];
            double b = x[0] - x[3];
            return new double[] {x[0] + 10 * x[1], ROOT5 * (x[2] - x[3]), a * a, ROOT10 * b * b};
        }

        @Override
        double[][] jacobian(double[] x) {
            double a = x[1] - 2 * x[2];
            double b = x[0] - x[3];
            return new double[][] {
                {1, 10, 0, 0},
                {0, 0, ROOT5, -ROOT5},
                {0, 2 * a, -4 * a, 0},
                {2 * ROOT10 * b, 0, 0, -2 * ROOT10 * b}};
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], 4);
            T a = x[1].subtract(x[2].multiply(2));
            T b = x[0].subtract(x[3]);
            r[0] = x[0].add(x[1].multiply(10));
            r[1] = x[2].subtract(x[3]).multiply(ROOT5);
            r[2] = a.multiply(a);
            r[3] = b.multiply(b).multiply(ROOT10);
            return r;
        }

        @Override
        List<Point> points() {
            return standardPoints(name(), new double[] {3, -1, 0, 1}, new double[] {0, 0, 0, 0}, NEARBY);
        }

        @Override
        String slipDescription() {
            return "d/dx3 of (x2 - 2 x3)^2 with the inner factor -2 taken as -1";
        }

        @Override
        double[][] slip(double[] x) {
            double[][] j = jacobian(x);
            j[2][2] = -2 * (x[1] - 2 * x[2]);
            return j;
        }
    }

    /** Problem 14. Every point is finite. */
    static final class Wood extends LeastSquaresProblem {
        private static final double ROOT90 = Math.sqrt(90);
        private static final double ROOT10 = Math.sqrt(10);

        Wood() {
            super("MGH 14 Wood", Family.MGH, 4, 6);
        }

        @Override
        double[] residuals(double[] x) {
            return new double[] {10 * (x[1] - x[0] * x[0]), 1 - x[0], ROOT90 * (x[3] - x[2] * x[2]), 1 - x[2],
                ROOT10 * (x[1] + x[3] - 2), (x[1] - x[3]) / ROOT10};
        }

        @Override
        double[][] jacobian(double[] x) {
            return new double[][] {
                {-20 * x[0], 10, 0, 0},
                {-1, 0, 0, 0},
                {0, 0, -2 * ROOT90 * x[2], ROOT90},
                {0, 0, -1, 0},
                {0, ROOT10, 0, ROOT10},
                {0, 1 / ROOT10, 0, -1 / ROOT10}};
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], 6);
            r[0] = x[1].subtract(x[0].multiply(x[0])).multiply(10);
            r[1] = x[0].negate().add(1);
            r[2] = x[3].subtract(x[2].multiply(x[2])).multiply(ROOT90);
            r[3] = x[2].negate().add(1);
            r[4] = x[1].add(x[3]).subtract(2).multiply(ROOT10);
            r[5] = x[1].subtract(x[3]).divide(ROOT10);
            return r;
        }

        @Override
        List<Point> points() {
            return standardPoints(name(), new double[] {-3, -1, -3, -1}, new double[] {1, 1, 1, 1}, NEARBY);
        }
    }

    /** Problem 15. Every point is finite. */
    static final class KowalikOsborne extends LeastSquaresProblem {
        private static final double[] Y = {0.1957, 0.1947, 0.1735, 0.1600, 0.0844, 0.0627, 0.0456, 0.0342, 0.0323,
            0.0235, 0.0246};
        private static final double[] U = {4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625};

        KowalikOsborne() {
            super("MGH 15 Kowalik and Osborne", Family.MGH, 4, 11);
        }

        @Override
        double[] residuals(double[] x) {
            double[] r = new double[11];
            for (int i = 0; i < 11; i++) {
                double u = U[i];
                r[i] = Y[i] - x[0] * (u * u + u * x[1]) / (u * u + u * x[2] + x[3]);
            }
            return r;
        }

        @Override
        double[][] jacobian(double[] x) {
            double[][] j = new double[11][4];
            for (int i = 0; i < 11; i++) {
                double u = U[i];
                double n = u * u + u * x[1];
                double d = u * u + u * x[2] + x[3];
                j[i][0] = -n / d;
                j[i][1] = -x[0] * u / d;
                j[i][2] = x[0] * n * u / (d * d);
                j[i][3] = x[0] * n / (d * d);
            }
            return j;
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], 11);
            for (int i = 0; i < 11; i++) {
                double u = U[i];
                T n = x[1].multiply(u).add(u * u);
                T d = x[2].multiply(u).add(x[3]).add(u * u);
                r[i] = x[0].multiply(n).divide(d).negate().add(Y[i]);
            }
            return r;
        }

        @Override
        List<Point> points() {
            return standardPoints(name(), new double[] {0.25, 0.39, 0.415, 0.39},
                    new double[] {0.1928, 0.1913, 0.1231, 0.1361}, NEARBY);
        }

        @Override
        String slipDescription() {
            return "d/dx3 of the denominator u^2 + u x3 + x4 taken as 1 (the factor u dropped)";
        }

        @Override
        double[][] slip(double[] x) {
            double[][] j = jacobian(x);
            for (int i = 0; i < 11; i++) {
                j[i][2] = j[i][3];
            }
            return j;
        }
    }

    /** Problem 16 with m = 20. Every point is finite. */
    static final class BrownDennis extends LeastSquaresProblem {
        BrownDennis() {
            super("MGH 16 Brown and Dennis", Family.MGH, 4, 20);
        }

        @Override
        double[] residuals(double[] x) {
            double[] r = new double[20];
            for (int i = 1; i <= 20; i++) {
                double t = i / 5.0;
                double a = x[0] + t * x[1] - Math.exp(t);
                double b = x[2] + x[3] * Math.sin(t) - Math.cos(t);
                r[i - 1] = a * a + b * b;
            }
            return r;
        }

        @Override
        double[][] jacobian(double[] x) {
            double[][] j = new double[20][4];
            for (int i = 1; i <= 20; i++) {
                double t = i / 5.0;
                double a = x[0] + t * x[1] - Math.exp(t);
                double b = x[2] + x[3] * Math.sin(t) - Math.cos(t);
                j[i - 1][0] = 2 * a;
                j[i - 1][1] = 2 * a * t;
                j[i - 1][2] = 2 * b;
                j[i - 1][3] = 2 * b * Math.sin(t);
            }
            return j;
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], 20);
            for (int i = 1; i <= 20; i++) {
                double t = i / 5.0;
                T a = x[0].add(x[1].multiply(t)).subtract(Math.exp(t));
                T b = x[2].add(x[3].multiply(Math.sin(t))).subtract(Math.cos(t));
                r[i - 1] = a.multiply(a).add(b.multiply(b));
            }
            return r;
        }

        @Override
        List<Point> points() {
            return standardPoints(name(), new double[] {25, 5, -5, -1},
                    new double[] {-11.594, 13.204, -0.4034, 0.2368}, NEARBY);
        }

        @Override
        String slipDescription() {
            return "d/dx2 of (x1 + t x2 - e^t)^2 with the inner factor t dropped";
        }

        @Override
        double[][] slip(double[] x) {
            double[][] j = jacobian(x);
            for (int i = 0; i < 20; i++) {
                j[i][1] = j[i][0];
            }
            return j;
        }
    }

    /** Problem 17. Every point is finite. */
    static final class Osborne1 extends LeastSquaresProblem {
        private static final double[] Y = {0.844, 0.908, 0.932, 0.936, 0.925, 0.908, 0.881, 0.850, 0.818, 0.784, 0.751,
            0.718, 0.685, 0.658, 0.628, 0.603, 0.580, 0.558, 0.538, 0.522, 0.506, 0.490, 0.478, 0.467, 0.457, 0.448,
            0.438, 0.431, 0.424, 0.420, 0.414, 0.411, 0.406};

        Osborne1() {
            super("MGH 17 Osborne 1", Family.MGH, 5, 33);
        }

        @Override
        double[] residuals(double[] x) {
            double[] r = new double[33];
            for (int i = 0; i < 33; i++) {
                double t = 10 * i;
                r[i] = Y[i] - (x[0] + x[1] * Math.exp(-t * x[3]) + x[2] * Math.exp(-t * x[4]));
            }
            return r;
        }

        @Override
        double[][] jacobian(double[] x) {
            double[][] j = new double[33][5];
            for (int i = 0; i < 33; i++) {
                double t = 10 * i;
                double e4 = Math.exp(-t * x[3]);
                double e5 = Math.exp(-t * x[4]);
                j[i][0] = -1;
                j[i][1] = -e4;
                j[i][2] = -e5;
                j[i][3] = t * x[1] * e4;
                j[i][4] = t * x[2] * e5;
            }
            return j;
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], 33);
            for (int i = 0; i < 33; i++) {
                double t = 10 * i;
                r[i] = x[0].add(x[1].multiply(x[3].multiply(-t).exp())).add(x[2].multiply(x[4].multiply(-t).exp()))
                        .negate().add(Y[i]);
            }
            return r;
        }

        @Override
        List<Point> points() {
            return standardPoints(name(), new double[] {0.5, 1.5, -1, 0.01, 0.02},
                    new double[] {0.3754, 1.9358, -1.4647, 0.01287, 0.02212}, NEARBY);
        }

        @Override
        String slipDescription() {
            return "d/dx4 of x2 exp(-t x4) with the inner factor -t dropped";
        }

        @Override
        double[][] slip(double[] x) {
            double[][] j = jacobian(x);
            for (int i = 0; i < 33; i++) {
                j[i][3] = -x[1] * Math.exp(-10 * i * x[3]);
            }
            return j;
        }
    }

    /** Problem 18 with m = 13. Every point is finite. */
    static final class BiggsExp6 extends LeastSquaresProblem {
        BiggsExp6() {
            super("MGH 18 Biggs EXP6", Family.MGH, 6, 13);
        }

        private static double y(double t) {
            return Math.exp(-t) - 5 * Math.exp(-10 * t) + 3 * Math.exp(-4 * t);
        }

        @Override
        double[] residuals(double[] x) {
            double[] r = new double[13];
            for (int i = 1; i <= 13; i++) {
                double t = 0.1 * i;
                r[i - 1] = x[2] * Math.exp(-t * x[0]) - x[3] * Math.exp(-t * x[1]) + x[5] * Math.exp(-t * x[4]) - y(t);
            }
            return r;
        }

        @Override
        double[][] jacobian(double[] x) {
            double[][] j = new double[13][6];
            for (int i = 1; i <= 13; i++) {
                double t = 0.1 * i;
                double e1 = Math.exp(-t * x[0]);
                double e2 = Math.exp(-t * x[1]);
                double e5 = Math.exp(-t * x[4]);
                j[i - 1][0] = -t * x[2] * e1;
                j[i - 1][1] = t * x[3] * e2;
                j[i - 1][2] = e1;
                j[i - 1][3] = -e2;
                j[i - 1][4] = -t * x[5] * e5;
                j[i - 1][5] = e5;
            }
            return j;
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], 13);
            for (int i = 1; i <= 13; i++) {
                double t = 0.1 * i;
                r[i - 1] = x[2].multiply(x[0].multiply(-t).exp()).subtract(x[3].multiply(x[1].multiply(-t).exp()))
                        .add(x[5].multiply(x[4].multiply(-t).exp())).subtract(y(t));
            }
            return r;
        }

        @Override
        List<Point> points() {
            return standardPoints(name(), new double[] {1, 2, 1, 1, 1, 1}, new double[] {1, 10, 1, 5, 4, 3}, NEARBY);
        }

        @Override
        String slipDescription() {
            return "d/dx1 of x3 exp(-t x1) with the inner factor -t dropped";
        }

        @Override
        double[][] slip(double[] x) {
            double[][] j = jacobian(x);
            for (int i = 1; i <= 13; i++) {
                j[i - 1][0] = x[2] * Math.exp(-0.1 * i * x[0]);
            }
            return j;
        }
    }

    /** Problem 19. Every point is finite; at 100 x0 most exponentials underflow to 0. */
    static final class Osborne2 extends LeastSquaresProblem {
        private static final double[] Y = {1.366, 1.191, 1.112, 1.013, 0.991, 0.885, 0.831, 0.847, 0.786, 0.725, 0.746,
            0.679, 0.608, 0.655, 0.616, 0.606, 0.602, 0.626, 0.651, 0.724, 0.649, 0.649, 0.694, 0.644, 0.624, 0.661,
            0.612, 0.558, 0.533, 0.495, 0.500, 0.423, 0.395, 0.375, 0.372, 0.391, 0.396, 0.405, 0.428, 0.429, 0.523,
            0.562, 0.607, 0.653, 0.672, 0.708, 0.633, 0.668, 0.645, 0.632, 0.591, 0.559, 0.597, 0.625, 0.739, 0.710,
            0.729, 0.720, 0.636, 0.581, 0.428, 0.292, 0.162, 0.098, 0.054};

        Osborne2() {
            super("MGH 19 Osborne 2", Family.MGH, 11, 65);
        }

        @Override
        double[] residuals(double[] x) {
            double[] r = new double[65];
            for (int i = 0; i < 65; i++) {
                double t = i / 10.0;
                double a = t - x[8];
                double b = t - x[9];
                double c = t - x[10];
                r[i] = Y[i] - (x[0] * Math.exp(-t * x[4]) + x[1] * Math.exp(-a * a * x[5]) + x[2] * Math.exp(-b * b * x[6])
                        + x[3] * Math.exp(-c * c * x[7]));
            }
            return r;
        }

        @Override
        double[][] jacobian(double[] x) {
            double[][] j = new double[65][11];
            for (int i = 0; i < 65; i++) {
                double t = i / 10.0;
                double a = t - x[8];
                double b = t - x[9];
                double c = t - x[10];
                double e1 = Math.exp(-t * x[4]);
                double e2 = Math.exp(-a * a * x[5]);
                double e3 = Math.exp(-b * b * x[6]);
                double e4 = Math.exp(-c * c * x[7]);
                j[i][0] = -e1;
                j[i][1] = -e2;
                j[i][2] = -e3;
                j[i][3] = -e4;
                j[i][4] = t * x[0] * e1;
                j[i][5] = a * a * x[1] * e2;
                j[i][6] = b * b * x[2] * e3;
                j[i][7] = c * c * x[3] * e4;
                j[i][8] = -2 * x[1] * x[5] * a * e2;
                j[i][9] = -2 * x[2] * x[6] * b * e3;
                j[i][10] = -2 * x[3] * x[7] * c * e4;
            }
            return j;
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], 65);
            for (int i = 0; i < 65; i++) {
                double t = i / 10.0;
                T a = x[8].negate().add(t);
                T b = x[9].negate().add(t);
                T c = x[10].negate().add(t);
                T model = x[0].multiply(x[4].multiply(-t).exp())
                        .add(x[1].multiply(a.multiply(a).multiply(x[5]).negate().exp()))
                        .add(x[2].multiply(b.multiply(b).multiply(x[6]).negate().exp()))
                        .add(x[3].multiply(c.multiply(c).multiply(x[7]).negate().exp()));
                r[i] = model.negate().add(Y[i]);
            }
            return r;
        }

        @Override
        List<Point> points() {
            return standardPoints(name(), new double[] {1.3, 0.65, 0.65, 0.7, 0.6, 3, 5, 7, 2, 4.5, 5.5},
                    new double[] {1.3100, 0.4315, 0.6336, 0.5994, 0.7539, 0.9056, 1.3651, 4.8248, 2.3988, 4.5689, 5.6754},
                    NEARBY);
        }

        @Override
        String slipDescription() {
            return "d/dx9 of exp(-(t - x9)^2 x6) with the factor 2 of the square dropped";
        }

        @Override
        double[][] slip(double[] x) {
            double[][] j = jacobian(x);
            for (int i = 0; i < 65; i++) {
                j[i][8] /= 2;
            }
            return j;
        }
    }
}
