package org.gradcheck.corpus.leastsquares;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.RealFieldElement;

/**
 * Problems 20 to 35 of Moré, Garbow and Hillstrom (1981), whose size can be chosen, at fixed small sizes (n = 6 to
 * 12) so that the whole corpus stays fast. Points as for {@link MoreGarbowHillstrom}; where the paper gives no
 * minimiser in closed form, the seeded random points are taken near {@code x0} instead, as each comment says.
 */
final class MoreGarbowHillstromScalable {

    private MoreGarbowHillstromScalable() {
    }

    static List<LeastSquaresProblem> problems() {
        return List.of(new Watson(), new ExtendedRosenbrock(), new ExtendedPowellSingular(), new PenaltyOne(),
                new PenaltyTwo(), new VariablyDimensioned(), new Trigonometric(), new BrownAlmostLinear(),
                new DiscreteBoundaryValue(), new DiscreteIntegralEquation(), new BroydenTridiagonal(),
                new BroydenBanded(), new LinearFullRank(), new LinearRankOne(), new LinearRankOneZeroColumnsAndRows(),
                new Chebyquad());
    }

    private static final int NEARBY = 2;

    private static double[] filled(int n, double value) {
        double[] x = new double[n];
        Arrays.fill(x, value);
        return x;
    }

    /** Problem 20 with n = 6, m = 31; x0 = 0, so it has one standard point. Every point is finite. */
    static final class Watson extends LeastSquaresProblem {
        private static final int N = 6;

        Watson() {
            super("MGH 20 Watson (n = 6)", Family.MGH, N, 31);
        }

        @Override
        double[] residuals(double[] x) {
            double[] r = new double[31];
            for (int i = 1; i <= 29; i++) {
                double t = i / 29.0;
                double first = 0;
                for (int j = 2; j <= N; j++) {
                    first += (j - 1) * x[j - 1] * Math.pow(t, j - 2);
                }
                double sum = 0;
                for (int j = 1; j <= N; j++) {
                    sum += x[j - 1] * Math.pow(t, j - 1);
                }
                r[i - 1] = first - sum * sum - 1;
            }
            r[29] = x[0];
            r[30] = x[1] - x[0] * x[0] - 1;
            return r;
        }

        @Override
        double[][] jacobian(double[] x) {
            double[][] jac = new double[31][N];
            for (int i = 1; i <= 29; i++) {
                double t = i / 29.0;
                double sum = 0;
                for (int j = 1; j <= N; j++) {
                    sum += x[j - 1] * Math.pow(t, j - 1);
                }
                for (int j = 1; j <= N; j++) {
                    jac[i - 1][j - 1] = (j - 1) * Math.pow(t, j - 2) - 2 * sum * Math.pow(t, j - 1);
                }
            }
            jac[29][0] = 1;
            jac[30][0] = -2 * x[0];
            jac[30][1] = 1;
            return jac;
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], 31);
            for (int i = 1; i <= 29; i++) {
                double t = i / 29.0;
                T first = constant(x[0], 0);
                for (int j = 2; j <= N; j++) {
                    first = first.add(x[j - 1].multiply((j - 1) * Math.pow(t, j - 2)));
                }
                T sum = constant(x[0], 0);
                for (int j = 1; j <= N; j++) {
                    sum = sum.add(x[j - 1].multiply(Math.pow(t, j - 1)));
                }
                r[i - 1] = first.subtract(sum.multiply(sum)).subtract(1);
            }
            r[29] = x[0];
            r[30] = x[1].subtract(x[0].multiply(x[0])).subtract(1);
            return r;
        }

        @Override
        List<Point> points() {
            return standardPoints(name(), new double[N],
                    new double[] {-0.015725, 1.012435, -0.232992, 1.260430, -1.513729, 0.992996}, NEARBY);
        }

        @Override
        String slipDescription() {
            return "d/dxj of the squared sum with the factor 2 dropped";
        }

        @Override
        double[][] slip(double[] x) {
            double[][] jac = jacobian(x);
            for (int i = 1; i <= 29; i++) {
                double t = i / 29.0;
                double sum = 0;
                for (int j = 1; j <= N; j++) {
                    sum += x[j - 1] * Math.pow(t, j - 1);
                }
                for (int j = 1; j <= N; j++) {
                    jac[i - 1][j - 1] = (j - 1) * Math.pow(t, j - 2) - sum * Math.pow(t, j - 1);
                }
            }
            return jac;
        }
    }

    /** Problem 21 with n = 10. Every point is finite. */
    static final class ExtendedRosenbrock extends LeastSquaresProblem {
        private static final int N = 10;

        ExtendedRosenbrock() {
            super("MGH 21 extended Rosenbrock (n = 10)", Family.MGH, N, N);
        }

        @Override
        double[] residuals(double[] x) {
            double[] r = new double[N];
            for (int k = 0; k < N; k += 2) {
                r[k] = 10 * (x[k + 1] - x[k] * x[k]);
                r[k + 1] = 1 - x[k];
            }
            return r;
        }

        @Override
        double[][] jacobian(double[] x) {
            double[][] j = new double[N][N];
            for (int k = 0; k < N; k += 2) {
                j[k][k] = -20 * x[k];
                j[k][k + 1] = 10;
                j[k + 1][k] = -1;
            }
            return j;
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], N);
            for (int k = 0; k < N; k += 2) {
                r[k] = x[k + 1].subtract(x[k].multiply(x[k])).multiply(10);
                r[k + 1] = x[k].negate().add(1);
            }
            return r;
        }

        @Override
        List<Point> points() {
            double[] x0 = new double[N];
            for (int k = 0; k < N; k += 2) {
                x0[k] = -1.2;
                x0[k + 1] = 1;
            }
            return standardPoints(name(), x0, filled(N, 1), NEARBY);
        }
    }

    /** Problem 22 with n = 12. Every point is finite. */
    static final class ExtendedPowellSingular extends LeastSquaresProblem {
        private static final int N = 12;
        private static final double ROOT5 = Math.sqrt(5);
        private static final double ROOT10 = Math.sqrt(10);

        ExtendedPowellSingular() {
            super("MGH 22 extended Powell singular (n = 12)", Family.MGH, N, N);
        }

        @Override
        double[] residuals(double[] x) {
            double[] r = new double[N];
            for (int k = 0; k < N; k += 4) {
                double a = x[k + 1] - 2 * x[k + 2];
                double b = x[k] - x[k + 3];
                r[k] = x[k] + 10 * x[k + 1];
                r[k + 1] = ROOT5 * (x[k + 2] - x[k + 3]);
                r[k + 2] = a * a;
                r[k + 3] = ROOT10 * b * b;
            }
            return r;
        }

        @Override
        double[][] jacobian(double[] x) {
            double[][] j = new double[N][N];
            for (int k = 0; k < N; k += 4) {
                double a = x[k + 1] - 2 * x[k + 2];
                double b = x[k] - x[k + 3];
                j[k][k] = 1;
                j[k][k + 1] = 10;
                j[k + 1][k + 2] = ROOT5;
                j[k + 1][k + 3] = -ROOT5;
                j[k + 2][k + 1] = 2 * a;
                j[k + 2][k + 2] = -4 * a;
                j[k + 3][k] = 2 * ROOT10 * b;
                j[k + 3][k + 3] = -2 * ROOT10 * b;
            }
            return j;
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], N);
            for (int k = 0; k < N; k += 4) {
                T a = x[k + 1].subtract(x[k + 2].multiply(2));
                T b = x[k].subtract(x[k + 3]);
                r[k] = x[k].add(x[k + 1].multiply(10));
                r[k + 1] = x[k + 2].subtract(x[k + 3]).multiply(ROOT5);
                r[k + 2] = a.multiply(a);
                r[k + 3] = b.multiply(b).multiply(ROOT10);
            }
            return r;
        }

        @Override
        List<Point> points() {
            double[] x0 = new double[N];
            for (int k = 0; k < N; k += 4) {
                x0[k] = 3;
                x0[k + 1] = -1;
                x0[k + 2] = 0;
                x0[k + 3] = 1;
            }
            return standardPoints(name(), x0, new double[N], NEARBY);
        }
    }

    /**
     * Problem 23 with n = 10, m = 11. The paper gives only the minimum; the points near x* use 0.158 for every
     * coordinate, where {@code sum x_j^2} is about 1/4. Every point is finite.
     */
    static final class PenaltyOne extends LeastSquaresProblem {
        private static final int N = 10;
        private static final double ROOT_A = Math.sqrt(1e-5);

        PenaltyOne() {
            super("MGH 23 penalty I (n = 10)", Family.MGH, N, N + 1);
        }

        @Override
        double[] residuals(double[] x) {
            double[] r = new double[N + 1];
            double squares = 0;
            for (int j = 0; j < N; j++) {
                r[j] = ROOT_A * (x[j] - 1);
                squares += x[j] * x[j];
            }
            r[N] = squares - 0.25;
            return r;
        }

        @Override
        double[][] jacobian(double[] x) {
            double[][] jac = new double[N + 1][N];
            for (int j = 0; j < N; j++) {
                jac[j][j] = ROOT_A;
                jac[N][j] = 2 * x[j];
            }
            return jac;
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], N + 1);
            T squares = constant(x[0], 0);
            for (int j = 0; j < N; j++) {
                r[j] = x[j].subtract(1).multiply(ROOT_A);
                squares = squares.add(x[j].multiply(x[j]));
            }
            r[N] = squares.subtract(0.25);
            return r;
        }

        @Override
        List<Point> points() {
            double[] x0 = new double[N];
            for (int j = 0; j < N; j++) {
                x0[j] = j + 1;
            }
            return standardPoints(name(), x0, filled(N, 0.158), NEARBY);
        }
    }

    /** Problem 24 with n = 10, m = 20. No minimiser in closed form: random points near x0. Every point is finite. */
    static final class PenaltyTwo extends LeastSquaresProblem {
        private static final int N = 10;
        private static final double ROOT_A = Math.sqrt(1e-5);

        PenaltyTwo() {
            super("MGH 24 penalty II (n = 10)", Family.MGH, N, 2 * N);
        }

        private static double y(int i) {
            return Math.exp(i / 10.0) + Math.exp((i - 1) / 10.0);
        }

        @Override
        double[] residuals(double[] x) {
            double[] r = new double[2 * N];
            r[0] = x[0] - 0.2;
            for (int i = 2; i <= N; i++) {
                r[i - 1] = ROOT_A * (Math.exp(x[i - 1] / 10) + Math.exp(x[i - 2] / 10) - y(i));
            }
            for (int i = N + 1; i <= 2 * N - 1; i++) {
                r[i - 1] = ROOT_A * (Math.exp(x[i - N] / 10) - Math.exp(-0.1));
            }
            double sum = 0;
            for (int j = 1; j <= N; j++) {
                sum += (N - j + 1) * x[j - 1] * x[j - 1];
            }
            r[2 * N - 1] = sum - 1;
            return r;
        }

        @Override
        double[][] jacobian(double[] x) {
            double[][] jac = new double[2 * N][N];
            jac[0][0] = 1;
            for (int i = 2; i <= N; i++) {
                jac[i - 1][i - 1] = ROOT_A * Math.exp(x[i - 1] / 10) / 10;
                jac[i - 1][i - 2] = ROOT_A * Math.exp(x[i - 2] / 10) / 10;
            }
            for (int i = N + 1; i <= 2 * N - 1; i++) {
                jac[i - 1][i - N] = ROOT_A * Math.exp(x[i - N] / 10) / 10;
            }
            for (int j = 1; j <= N; j++) {
                jac[2 * N - 1][j - 1] = 2 * (N - j + 1) * x[j - 1];
            }
            return jac;
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], 2 * N);
            r[0] = x[0].subtract(0.2);
            for (int i = 2; i <= N; i++) {
                r[i - 1] = x[i - 1].divide(10).exp().add(x[i - 2].divide(10).exp()).subtract(y(i)).multiply(ROOT_A);
            }
            for (int i = N + 1; i <= 2 * N - 1; i++) {
                r[i - 1] = x[i - N].divide(10).exp().subtract(Math.exp(-0.1)).multiply(ROOT_A);
            }
            T sum = constant(x[0], 0);
            for (int j = 1; j <= N; j++) {
                sum = sum.add(x[j - 1].multiply(x[j - 1]).multiply(N - j + 1));
            }
            r[2 * N - 1] = sum.subtract(1);
            return r;
        }

        @Override
        List<Point> points() {
            return standardPoints(name(), filled(N, 0.5), null, NEARBY);
        }

        @Override
        String slipDescription() {
            return "d/dxj of exp(xj / 10) with the inner factor 1/10 dropped";
        }

        @Override
        double[][] slip(double[] x) {
            double[][] jac = jacobian(x);
            for (int i = 1; i < 2 * N - 1; i++) {
                for (int j = 0; j < N; j++) {
                    jac[i][j] *= 10;
                }
            }
            return jac;
        }
    }

    /** Problem 25 with n = 10, m = 12. Every point is finite. */
    static final class VariablyDimensioned extends LeastSquaresProblem {
        private static final int N = 10;

        VariablyDimensioned() {
            super("MGH 25 variably dimensioned (n = 10)", Family.MGH, N, N + 2);
        }

        @Override
        double[] residuals(double[] x) {
            double[] r = new double[N + 2];
            double s = 0;
            for (int j = 1; j <= N; j++) {
                r[j - 1] = x[j - 1] - 1;
                s += j * (x[j - 1] - 1);
            }
            r[N] = s;
            r[N + 1] = s * s;
            return r;
        }

        @Override
        double[][] jacobian(double[] x) {
            double[][] jac = new double[N + 2][N];
            double s = 0;
            for (int j = 1; j <= N; j++) {
                s += j * (x[j - 1] - 1);
            }
            for (int j = 1; j <= N; j++) {
                jac[j - 1][j - 1] = 1;
                jac[N][j - 1] = j;
                jac[N + 1][j - 1] = 2 * s * j;
            }
            return jac;
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], N + 2);
            T s = constant(x[0], 0);
            for (int j = 1; j <= N; j++) {
                r[j - 1] = x[j - 1].subtract(1);
                s = s.add(x[j - 1].subtract(1).multiply(j));
            }
            r[N] = s;
            r[N + 1] = s.multiply(s);
            return r;
        }

        @Override
        List<Point> points() {
            double[] x0 = new double[N];
            for (int j = 1; j <= N; j++) {
                x0[j - 1] = 1 - j / (double) N;
            }
            return standardPoints(name(), x0, filled(N, 1), NEARBY);
        }
    }

    /** Problem 26 with n = 10; x = 0 is a zero-residual minimiser. Every point is finite. */
    static final class Trigonometric extends LeastSquaresProblem {
        private static final int N = 10;

        Trigonometric() {
            super("MGH 26 trigonometric (n = 10)", Family.MGH, N, N);
        }

        @Override
        double[] residuals(double[] x) {
            double cosines = 0;
            for (int j = 0; j < N; j++) {
                cosines += Math.cos(x[j]);
            }
            double[] r = new double[N];
            for (int i = 1; i <= N; i++) {
                r[i - 1] = N - cosines + i * (1 - Math.cos(x[i - 1])) - Math.sin(x[i - 1]);
            }
            return r;
        }

        @Override
        double[][] jacobian(double[] x) {
            double[][] jac = new double[N][N];
            for (int i = 1; i <= N; i++) {
                for (int j = 0; j < N; j++) {
                    jac[i - 1][j] = Math.sin(x[j]);
                }
                jac[i - 1][i - 1] += i * Math.sin(x[i - 1]) - Math.cos(x[i - 1]);
            }
            return jac;
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T cosines = constant(x[0], 0);
            for (int j = 0; j < N; j++) {
                cosines = cosines.add(x[j].cos());
            }
            T[] r = array(x[0], N);
            for (int i = 1; i <= N; i++) {
                r[i - 1] = cosines.negate().add(N).add(x[i - 1].cos().negate().add(1).multiply(i)).subtract(x[i - 1].sin());
            }
            return r;
        }

        @Override
        List<Point> points() {
            return standardPoints(name(), filled(N, 1.0 / N), new double[N], NEARBY);
        }

        @Override
        String slipDescription() {
            return "d/dxi of -sin(xi) taken as +cos(xi)";
        }

        @Override
        double[][] slip(double[] x) {
            double[][] jac = jacobian(x);
            for (int i = 0; i < N; i++) {
                jac[i][i] += 2 * Math.cos(x[i]);
            }
            return jac;
        }
    }

    /** Problem 27 with n = 10. Every point is finite (at 100 x0 the product is 50^10). */
    static final class BrownAlmostLinear extends LeastSquaresProblem {
        private static final int N = 10;

        BrownAlmostLinear() {
            super("MGH 27 Brown almost-linear (n = 10)", Family.MGH, N, N);
        }

        @Override
        double[] residuals(double[] x) {
            double sum = 0;
            double product = 1;
            for (int j = 0; j < N; j++) {
                sum += x[j];
                product *= x[j];
            }
            double[] r = new double[N];
            for (int i = 0; i < N - 1; i++) {
                r[i] = x[i] + sum - (N + 1);
            }
            r[N - 1] = product - 1;
            return r;
        }

        @Override
        double[][] jacobian(double[] x) {
            double[][] jac = new double[N][N];
            for (int i = 0; i < N - 1; i++) {
                Arrays.fill(jac[i], 1);
                jac[i][i] = 2;
            }
            for (int j = 0; j < N; j++) {
                double others = 1;
                for (int k = 0; k < N; k++) {
                    if (k != j) {
                        others *= x[k];
                    }
                }
                jac[N - 1][j] = others;
            }
            return jac;
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T sum = constant(x[0], 0);
            T product = constant(x[0], 1);
            for (int j = 0; j < N; j++) {
                sum = sum.add(x[j]);
                product = product.multiply(x[j]);
            }
            T[] r = array(x[0], N);
            for (int i = 0; i < N - 1; i++) {
                r[i] = x[i].add(sum).subtract(N + 1);
            }
            r[N - 1] = product.subtract(1);
            return r;
        }

        @Override
        List<Point> points() {
            return standardPoints(name(), filled(N, 0.5), filled(N, 1), NEARBY);
        }
    }

    /** Problem 28 with n = 10. No minimiser in closed form: random points near x0. Every point is finite. */
    static final class DiscreteBoundaryValue extends LeastSquaresProblem {
        private static final int N = 10;
        private static final double H = 1.0 / (N + 1);

        DiscreteBoundaryValue() {
            super("MGH 28 discrete boundary value (n = 10)", Family.MGH, N, N);
        }

        @Override
        double[] residuals(double[] x) {
            double[] r = new double[N];
            for (int i = 1; i <= N; i++) {
                double left = i == 1 ? 0 : x[i - 2];
                double right = i == N ? 0 : x[i];
                double c = x[i - 1] + i * H + 1;
                r[i - 1] = 2 * x[i - 1] - left - right + H * H * c * c * c / 2;
            }
            return r;
        }

        @Override
        double[][] jacobian(double[] x) {
            double[][] jac = new double[N][N];
            for (int i = 1; i <= N; i++) {
                double c = x[i - 1] + i * H + 1;
                jac[i - 1][i - 1] = 2 + 1.5 * H * H * c * c;
                if (i > 1) {
                    jac[i - 1][i - 2] = -1;
                }
                if (i < N) {
                    jac[i - 1][i] = -1;
                }
            }
            return jac;
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], N);
            for (int i = 1; i <= N; i++) {
                T c = x[i - 1].add(i * H + 1);
                T value = x[i - 1].multiply(2).add(c.multiply(c).multiply(c).multiply(H * H / 2));
                if (i > 1) {
                    value = value.subtract(x[i - 2]);
                }
                if (i < N) {
                    value = value.subtract(x[i]);
                }
                r[i - 1] = value;
            }
            return r;
        }

        @Override
        List<Point> points() {
            double[] x0 = new double[N];
            for (int j = 1; j <= N; j++) {
                x0[j - 1] = j * H * (j * H - 1);
            }
            return standardPoints(name(), x0, null, NEARBY);
        }

        @Override
        String slipDescription() {
            return "d/dxi of h^2 (xi + ti + 1)^3 / 2 taken without the factor 3";
        }

        @Override
        double[][] slip(double[] x) {
            double[][] jac = jacobian(x);
            for (int i = 1; i <= N; i++) {
                double c = x[i - 1] + i * H + 1;
                jac[i - 1][i - 1] = 2 + 0.5 * H * H * c * c;
            }
            return jac;
        }
    }

    /** Problem 29 with n = 10. No minimiser in closed form: random points near x0. Every point is finite. */
    static final class DiscreteIntegralEquation extends LeastSquaresProblem {
        private static final int N = 10;
        private static final double H = 1.0 / (N + 1);

        DiscreteIntegralEquation() {
            super("MGH 29 discrete integral equation (n = 10)", Family.MGH, N, N);
        }

        @Override
        double[] residuals(double[] x) {
            double[] r = new double[N];
            for (int i = 1; i <= N; i++) {
                double ti = i * H;
                double below = 0;
                double above = 0;
                for (int j = 1; j <= N; j++) {
                    double tj = j * H;
                    double c = x[j - 1] + tj + 1;
                    if (j <= i) {
                        below += tj * c * c * c;
                    } else {
                        above += (1 - tj) * c * c * c;
                    }
                }
                r[i - 1] = x[i - 1] + H * ((1 - ti) * below + ti * above) / 2;
            }
            return r;
        }

        @Override
        double[][] jacobian(double[] x) {
            double[][] jac = new double[N][N];
            for (int i = 1; i <= N; i++) {
                double ti = i * H;
                for (int j = 1; j <= N; j++) {
                    double tj = j * H;
                    double c = x[j - 1] + tj + 1;
                    double weight = j <= i ? (1 - ti) * tj : ti * (1 - tj);
                    jac[i - 1][j - 1] = H * weight * 3 * c * c / 2;
                }
                jac[i - 1][i - 1] += 1;
            }
            return jac;
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], N);
            for (int i = 1; i <= N; i++) {
                double ti = i * H;
                T below = constant(x[0], 0);
                T above = constant(x[0], 0);
                for (int j = 1; j <= N; j++) {
                    double tj = j * H;
                    T c = x[j - 1].add(tj + 1);
                    T cube = c.multiply(c).multiply(c);
                    if (j <= i) {
                        below = below.add(cube.multiply(tj));
                    } else {
                        above = above.add(cube.multiply(1 - tj));
                    }
                }
                r[i - 1] = x[i - 1].add(below.multiply(1 - ti).add(above.multiply(ti)).multiply(H / 2));
            }
            return r;
        }

        @Override
        List<Point> points() {
            double[] x0 = new double[N];
            for (int j = 1; j <= N; j++) {
                x0[j - 1] = j * H * (j * H - 1);
            }
            return standardPoints(name(), x0, null, NEARBY);
        }
    }

    /** Problem 30 with n = 10. No minimiser in closed form: random points near x0. Every point is finite. */
    static final class BroydenTridiagonal extends LeastSquaresProblem {
        private static final int N = 10;

        BroydenTridiagonal() {
            super("MGH 30 Broyden tridiagonal (n = 10)", Family.MGH, N, N);
        }

        @Override
        double[] residuals(double[] x) {
            double[] r = new double[N];
            for (int i = 0; i < N; i++) {
                double left = i == 0 ? 0 : x[i - 1];
                double right = i == N - 1 ? 0 : x[i + 1];
                r[i] = (3 - 2 * x[i]) * x[i] - left - 2 * right + 1;
            }
            return r;
        }

        @Override
        double[][] jacobian(double[] x) {
            double[][] jac = new double[N][N];
            for (int i = 0; i < N; i++) {
                jac[i][i] = 3 - 4 * x[i];
                if (i > 0) {
                    jac[i][i - 1] = -1;
                }
                if (i < N - 1) {
                    jac[i][i + 1] = -2;
                }
            }
            return jac;
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], N);
            for (int i = 0; i < N; i++) {
                T value = x[i].multiply(-2).add(3).multiply(x[i]).add(1);
                if (i > 0) {
                    value = value.subtract(x[i - 1]);
                }
                if (i < N - 1) {
                    value = value.subtract(x[i + 1].multiply(2));
                }
                r[i] = value;
            }
            return r;
        }

        @Override
        List<Point> points() {
            return standardPoints(name(), filled(N, -1), null, NEARBY);
        }

        @Override
        String slipDescription() {
            return "d/dxi of (3 - 2 xi) xi taken as 3 - 2 xi (product rule dropped)";
        }

        @Override
        double[][] slip(double[] x) {
            double[][] jac = jacobian(x);
            for (int i = 0; i < N; i++) {
                jac[i][i] = 3 - 2 * x[i];
            }
            return jac;
        }
    }

    /** Problem 31 with n = 10, ml = 5, mu = 1. No minimiser in closed form: random points near x0. Finite. */
    static final class BroydenBanded extends LeastSquaresProblem {
        private static final int N = 10;
        private static final int LOWER = 5;
        private static final int UPPER = 1;

        BroydenBanded() {
            super("MGH 31 Broyden banded (n = 10)", Family.MGH, N, N);
        }

        @Override
        double[] residuals(double[] x) {
            double[] r = new double[N];
            for (int i = 0; i < N; i++) {
                double value = x[i] * (2 + 5 * x[i] * x[i]) + 1;
                for (int j = Math.max(0, i - LOWER); j <= Math.min(N - 1, i + UPPER); j++) {
                    if (j != i) {
                        value -= x[j] * (1 + x[j]);
                    }
                }
                r[i] = value;
            }
            return r;
        }

        @Override
        double[][] jacobian(double[] x) {
            double[][] jac = new double[N][N];
            for (int i = 0; i < N; i++) {
                for (int j = Math.max(0, i - LOWER); j <= Math.min(N - 1, i + UPPER); j++) {
                    jac[i][j] = j == i ? 2 + 15 * x[i] * x[i] : -(1 + 2 * x[j]);
                }
            }
            return jac;
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], N);
            for (int i = 0; i < N; i++) {
                T value = x[i].multiply(x[i].multiply(x[i]).multiply(5).add(2)).add(1);
                for (int j = Math.max(0, i - LOWER); j <= Math.min(N - 1, i + UPPER); j++) {
                    if (j != i) {
                        value = value.subtract(x[j].multiply(x[j].add(1)));
                    }
                }
                r[i] = value;
            }
            return r;
        }

        @Override
        List<Point> points() {
            return standardPoints(name(), filled(N, -1), null, NEARBY);
        }
    }

    /** Problem 32 with n = 10, m = 20; linear, so every higher derivative is zero. Every point is finite. */
    static final class LinearFullRank extends LeastSquaresProblem {
        private static final int N = 10;
        private static final int M = 20;

        LinearFullRank() {
            super("MGH 32 linear full rank (n = 10, m = 20)", Family.MGH, N, M);
        }

        @Override
        double[] residuals(double[] x) {
            double sum = 0;
            for (double value : x) {
                sum += value;
            }
            double[] r = new double[M];
            for (int i = 0; i < M; i++) {
                r[i] = (i < N ? x[i] : 0) - 2.0 / M * sum - 1;
            }
            return r;
        }

        @Override
        double[][] jacobian(double[] x) {
            double[][] jac = new double[M][N];
            for (int i = 0; i < M; i++) {
                Arrays.fill(jac[i], -2.0 / M);
                if (i < N) {
                    jac[i][i] += 1;
                }
            }
            return jac;
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T sum = constant(x[0], 0);
            for (T value : x) {
                sum = sum.add(value);
            }
            T[] r = array(x[0], M);
            for (int i = 0; i < M; i++) {
                T mean = sum.multiply(-2.0 / M).subtract(1);
                r[i] = i < N ? x[i].add(mean) : mean;
            }
            return r;
        }

        @Override
        List<Point> points() {
            return standardPoints(name(), filled(N, 1), filled(N, -1), NEARBY);
        }
    }

    /** Problem 33 with n = 10, m = 20; linear. x* is any point with sum j x_j = 3 / (2m + 1). Finite. */
    static final class LinearRankOne extends LeastSquaresProblem {
        private static final int N = 10;
        private static final int M = 20;

        LinearRankOne() {
            super("MGH 33 linear rank 1 (n = 10, m = 20)", Family.MGH, N, M);
        }

        @Override
        double[] residuals(double[] x) {
            double s = 0;
            for (int j = 1; j <= N; j++) {
                s += j * x[j - 1];
            }
            double[] r = new double[M];
            for (int i = 1; i <= M; i++) {
                r[i - 1] = i * s - 1;
            }
            return r;
        }

        @Override
        double[][] jacobian(double[] x) {
            double[][] jac = new double[M][N];
            for (int i = 1; i <= M; i++) {
                for (int j = 1; j <= N; j++) {
                    jac[i - 1][j - 1] = i * j;
                }
            }
            return jac;
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T s = constant(x[0], 0);
            for (int j = 1; j <= N; j++) {
                s = s.add(x[j - 1].multiply(j));
            }
            T[] r = array(x[0], M);
            for (int i = 1; i <= M; i++) {
                r[i - 1] = s.multiply(i).subtract(1);
            }
            return r;
        }

        @Override
        List<Point> points() {
            return standardPoints(name(), filled(N, 1), filled(N, 3.0 / ((2 * M + 1) * 55.0)), NEARBY);
        }
    }

    /**
     * Problem 34 with n = 10, m = 20; linear, with a zero first and last row and zero first and last column. x* is
     * any point with {@code sum_{j=2}^{n-1} j x_j = 3 / (2m - 3)}. Finite.
     */
    static final class LinearRankOneZeroColumnsAndRows extends LeastSquaresProblem {
        private static final int N = 10;
        private static final int M = 20;

        LinearRankOneZeroColumnsAndRows() {
            super("MGH 34 linear rank 1 with zero columns and rows (n = 10, m = 20)", Family.MGH, N, M);
        }

        @Override
        double[] residuals(double[] x) {
            double s = 0;
            for (int j = 2; j <= N - 1; j++) {
                s += j * x[j - 1];
            }
            double[] r = new double[M];
            r[0] = -1;
            for (int i = 2; i <= M - 1; i++) {
                r[i - 1] = (i - 1) * s - 1;
            }
            r[M - 1] = -1;
            return r;
        }

        @Override
        double[][] jacobian(double[] x) {
            double[][] jac = new double[M][N];
            for (int i = 2; i <= M - 1; i++) {
                for (int j = 2; j <= N - 1; j++) {
                    jac[i - 1][j - 1] = (i - 1) * j;
                }
            }
            return jac;
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T s = constant(x[0], 0);
            for (int j = 2; j <= N - 1; j++) {
                s = s.add(x[j - 1].multiply(j));
            }
            T[] r = array(x[0], M);
            T minusOne = constant(x[0], -1);
            r[0] = minusOne.add(x[0].multiply(0));
            for (int i = 2; i <= M - 1; i++) {
                r[i - 1] = s.multiply(i - 1).subtract(1);
            }
            r[M - 1] = minusOne.add(x[0].multiply(0));
            return r;
        }

        @Override
        List<Point> points() {
            return standardPoints(name(), filled(N, 1), filled(N, 3.0 / ((2 * M - 3) * 54.0)), NEARBY);
        }
    }

    /** Problem 35 with n = m = 8. No minimiser in closed form: random points near x0. Every point is finite. */
    static final class Chebyquad extends LeastSquaresProblem {
        private static final int N = 8;

        Chebyquad() {
            super("MGH 35 Chebyquad (n = 8)", Family.MGH, N, N);
        }

        private static double target(int i) {
            return i % 2 == 1 ? 0 : -1.0 / (i * i - 1);
        }

        @Override
        double[] residuals(double[] x) {
            double[] r = new double[N];
            for (int j = 0; j < N; j++) {
                double z = 2 * x[j] - 1;
                double previous = 1;
                double current = z;
                for (int i = 1; i <= N; i++) {
                    r[i - 1] += current / N;
                    double next = 2 * z * current - previous;
                    previous = current;
                    current = next;
                }
            }
            for (int i = 1; i <= N; i++) {
                r[i - 1] -= target(i);
            }
            return r;
        }

        @Override
        double[][] jacobian(double[] x) {
            double[][] jac = new double[N][N];
            for (int j = 0; j < N; j++) {
                double z = 2 * x[j] - 1;
                double previous = 1;
                double current = z;
                double previousSlope = 0;
                double slope = 1;
                for (int i = 1; i <= N; i++) {
                    jac[i - 1][j] = 2 * slope / N;
                    double next = 2 * z * current - previous;
                    double nextSlope = 2 * current + 2 * z * slope - previousSlope;
                    previous = current;
                    current = next;
                    previousSlope = slope;
                    slope = nextSlope;
                }
            }
            return jac;
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] x) {
            T[] r = array(x[0], N);
            for (int i = 0; i < N; i++) {
                r[i] = constant(x[0], 0);
            }
            for (int j = 0; j < N; j++) {
                T z = x[j].multiply(2).subtract(1);
                T previous = constant(x[0], 1);
                T current = z;
                for (int i = 1; i <= N; i++) {
                    r[i - 1] = r[i - 1].add(current.divide(N));
                    T next = z.multiply(current).multiply(2).subtract(previous);
                    previous = current;
                    current = next;
                }
            }
            for (int i = 1; i <= N; i++) {
                r[i - 1] = r[i - 1].subtract(target(i));
            }
            return r;
        }

        @Override
        List<Point> points() {
            double[] x0 = new double[N];
            for (int j = 1; j <= N; j++) {
                x0[j - 1] = j / (double) (N + 1);
            }
            return standardPoints(name(), x0, null, NEARBY);
        }

        @Override
        String slipDescription() {
            return "d/dxj of T_i(2 xj - 1) without the inner factor 2";
        }

        @Override
        double[][] slip(double[] x) {
            double[][] jac = jacobian(x);
            for (double[] row : jac) {
                for (int j = 0; j < N; j++) {
                    row[j] /= 2;
                }
            }
            return jac;
        }
    }
}
