package org.gradcheck.corpus.leastsquares;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.RealFieldElement;

/**
 * The 27 nonlinear regression problems of the NIST Statistical Reference Datasets (StRD), written from their
 * published models, starting values and certified values.
 *
 * <p><b>The data are generated, not NIST's.</b> NIST's data files cannot be fetched here, so each data set is
 * generated with the same number of observations and the same range of the predictor (evenly spaced over it, or
 * NIST's design where it is a simple grid: Lanczos, Gauss, ENSO, MGH09, MGH10, MGH17, BoxBOD, Rat42, Rat43, Nelson),
 * with responses {@code model(x; certified) + s e}, {@code s} the certified residual standard deviation (for Gauss2,
 * one derived from its certified residual sum of squares) and {@code e} standard normal from a generator seeded
 * with the data set's name. The predictor ranges and standard deviations were taken from NIST's certificates as
 * published; where a range is given here to three or four digits it is the certificate's rounded. The certified values are therefore close to, not exactly,
 * the least-squares solution of these data. Each problem is checked at NIST's two starting values and at the
 * certified values; every one of those points is finite.
 */
final class NistModels {

    private NistModels() {
    }

    /** A regression model {@code y = f(x; b)} with its hand-written gradient {@code df/db}. */
    abstract static class Model {
        abstract double value(double[] b, double[] x);

        abstract double[] gradient(double[] b, double[] x);

        abstract <T extends RealFieldElement<T>> T value(T[] b, double[] x);

        /** A plausible slip in the gradient, or null. */
        double[] slip(double[] b, double[] x) {
            return null;
        }

        String slipDescription() {
            return null;
        }
    }

    /** Residuals {@code r_i = y_i - f(x_i; b)} of a model on a data set. */
    static final class Regression extends LeastSquaresProblem {
        private final Model model;
        private final double[][] predictors;
        private final double[] responses;
        private final List<Point> points;

        Regression(String name, Model model, double[][] predictors, double[] responses, double[] start1, double[] start2,
                double[] certified) {
            super("NIST " + name, Family.NIST, certified.length, responses.length);
            this.model = model;
            this.predictors = predictors;
            this.responses = responses;
            this.points = List.of(new Point("start 1", start1), new Point("start 2", start2),
                    new Point("certified", certified));
        }

        @Override
        double[] residuals(double[] b) {
            double[] r = new double[responses.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = responses[i] - model.value(b, predictors[i]);
            }
            return r;
        }

        @Override
        double[][] jacobian(double[] b) {
            double[][] j = new double[responses.length][];
            for (int i = 0; i < j.length; i++) {
                j[i] = negated(model.gradient(b, predictors[i]));
            }
            return j;
        }

        @Override
        <T extends RealFieldElement<T>> T[] residuals(T[] b) {
            T[] r = array(b[0], responses.length);
            for (int i = 0; i < r.length; i++) {
                r[i] = model.value(b, predictors[i]).negate().add(responses[i]);
            }
            return r;
        }

        @Override
        List<Point> points() {
            return points;
        }

        @Override
        String slipDescription() {
            return model.slipDescription();
        }

        @Override
        double[][] slip(double[] b) {
            if (model.slipDescription() == null) {
                return null;
            }
            double[][] j = new double[responses.length][];
            for (int i = 0; i < j.length; i++) {
                j[i] = negated(model.slip(b, predictors[i]));
            }
            return j;
        }

        private static double[] negated(double[] gradient) {
            double[] row = new double[gradient.length];
            for (int k = 0; k < row.length; k++) {
                row[k] = -gradient[k];
            }
            return row;
        }
    }

    private static double[][] evenly(double low, double high, int count) {
        double[][] x = new double[count][];
        for (int i = 0; i < count; i++) {
            x[i] = new double[] {low + (high - low) * i / (count - 1)};
        }
        return x;
    }

    private static double[][] listed(double... values) {
        double[][] x = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            x[i] = new double[] {values[i]};
        }
        return x;
    }

    private static double[][] stepped(double first, double step, int count) {
        double[][] x = new double[count][];
        for (int i = 0; i < count; i++) {
            x[i] = new double[] {first + step * i};
        }
        return x;
    }

    private static Regression generated(String name, Model model, double[][] predictors, double deviation, double[] start1,
            double[] start2, double[] certified) {
        Random random = new Random(name.hashCode());
        double[] y = new double[predictors.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = model.value(certified, predictors[i]) + deviation * random.nextGaussian();
        }
        return new Regression(name, model, predictors, y, start1, start2, certified);
    }

    private static double[] b(double... values) {
        return values;
    }

    static List<LeastSquaresProblem> problems() {
        List<LeastSquaresProblem> problems = new ArrayList<>();
        double[][] misra = evenly(77.6, 790, 14);
        problems.add(generated("Misra1a", EXPONENTIAL_RISE, misra, 1.0187876330e-01, b(500, 1e-4), b(250, 5e-4),
                b(2.3894212918e+02, 5.5015643181e-04)));
        problems.add(generated("Chwirut2", CHWIRUT, evenly(0.5, 6, 54), 3.1717133040e+00, b(0.1, 0.01, 0.02),
                b(0.15, 0.008, 0.010), b(1.6657666537e-01, 5.1653291286e-03, 1.2150007096e-02)));
        problems.add(generated("Chwirut1", CHWIRUT, evenly(0.5, 6, 214), 3.3172397862e+00, b(0.1, 0.01, 0.02),
                b(0.15, 0.008, 0.010), b(1.9027818370e-01, 6.1314004477e-03, 1.0530908399e-02)));
        double[][] lanczos = stepped(0, 0.05, 24);
        double[] lanczosStart1 = b(1.2, 0.3, 5.6, 5.5, 6.5, 7.6);
        double[] lanczosStart2 = b(0.5, 0.7, 3.6, 4.2, 4, 6.3);
        problems.add(generated("Lanczos3", LANCZOS, lanczos, 2.9923229172e-05, lanczosStart1, lanczosStart2,
                b(8.6816414977e-02, 9.5498101505e-01, 8.4400777463e-01, 2.9515951832e+00, 1.5825685901e+00,
                        4.9863565084e+00)));
        double[][] gauss = stepped(1, 1, 250);
        problems.add(generated("Gauss1", GAUSS, gauss, 2.2844195486e+00, b(97, 0.009, 100, 65, 20, 70, 178, 16.5),
                b(94, 0.0105, 99, 63, 25, 71, 180, 20), b(9.8778210871e+01, 1.0497276517e-02, 1.0048990633e+02,
                        6.7481111276e+01, 2.3129773360e+01, 7.1994503004e+01, 1.7899805021e+02, 1.8389389025e+01)));
        problems.add(generated("Gauss2", GAUSS, gauss, 2.2705, b(96, 0.009, 103, 106, 18, 72, 151, 18),
                b(98, 0.0105, 103, 105, 20, 73, 150, 20), b(9.9018328406e+01, 1.0994945399e-02, 1.0188022528e+02,
                        1.0703095519e+02, 2.3578584029e+01, 7.2045589471e+01, 1.5327010194e+02, 1.9525972636e+01)));
        problems.add(generated("DanWood", POWER, evenly(1.309, 1.680, 6), 3.2853114039e-02, b(1, 5), b(0.7, 4),
                b(7.6886226176e-01, 3.8604055871e+00)));
        problems.add(generated("Misra1b", MISRA1B, misra, 7.9301471998e-02, b(500, 1e-4), b(300, 2e-4),
                b(3.3799746163e+02, 3.9039091287e-04)));
        problems.add(generated("Kirby2", RATIONAL_QUADRATIC, evenly(9.65, 371.3, 151), 1.6354535131e-01,
                b(2, -0.1, 0.003, -0.001, 1e-5), b(1.5, -0.15, 0.0025, -0.0015, 2e-5),
                b(1.6745063063e+00, -1.3927397867e-01, 2.5961181191e-03, -1.7241811870e-03, 2.1664802578e-05)));
        problems.add(generated("Hahn1", RATIONAL_CUBIC, evenly(14.13, 878, 236), 8.1803852243e-02,
                b(10, -1, 0.05, -1e-5, -0.05, 0.001, -1e-6), b(1, -0.1, 0.005, -1e-6, -0.005, 1e-4, -1e-7),
                b(1.0776351733e+00, -1.2269296921e-01, 4.0863750610e-03, -1.4262662514e-06, -5.7609940901e-03,
                        2.4053735503e-04, -1.2314450199e-07)));
        problems.add(generated("Nelson", NELSON, nelsonDesign(), 1.7569381813e-01, b(2, 1e-4, -0.01), b(2.5, 5e-9, -0.05),
                b(2.5906836021e+00, 5.6177717026e-09, -5.7701013174e-02)));
        problems.add(generated("MGH17", OSBORNE, stepped(0, 10, 33), 1.3970497866e-03, b(50, 150, -100, 1, 2),
                b(0.5, 1.5, -1, 0.01, 0.02), b(3.7541005211e-01, 1.9358469127e+00, -1.4646871366e+00, 1.2867534640e-02,
                        2.2122699662e-02)));
        problems.add(generated("Lanczos1", LANCZOS, lanczos, 8.9156129349e-14, lanczosStart1, lanczosStart2,
                b(9.5100000027e-02, 1.0000000001e+00, 8.6070000013e-01, 3.0000000002e+00, 1.5575999998e+00,
                        5.0000000001e+00)));
        problems.add(generated("Lanczos2", LANCZOS, lanczos, 1.1130395851e-06, lanczosStart1, lanczosStart2,
                b(9.6251029939e-02, 1.0057332849e+00, 8.6424689056e-01, 3.0078283915e+00, 1.5529016879e+00,
                        5.0028798100e+00)));
        problems.add(generated("Gauss3", GAUSS, gauss, 2.2677077625e+00, b(94.9, 0.009, 90.1, 113, 20, 73.8, 140, 20),
                b(96, 0.0096, 80, 110, 25, 74, 139, 25), b(9.8940368970e+01, 1.0945879335e-02, 1.0069553078e+02,
                        1.1163619459e+02, 2.3300500029e+01, 7.3705031418e+01, 1.4776164251e+02, 1.9668221230e+01)));
        problems.add(generated("Misra1c", MISRA1C, misra, 5.8428615257e-02, b(500, 1e-4), b(600, 2e-4),
                b(6.3642725809e+02, 2.0813627256e-04)));
        problems.add(generated("Misra1d", MISRA1D, misra, 6.8568272111e-02, b(500, 1e-4), b(450, 3e-4),
                b(4.3736970754e+02, 3.0227324449e-04)));
        problems.add(generated("Roszman1", ROSZMAN, evenly(-4868.68, -464.17, 25), 4.8542984060e-03,
                b(0.1, -1e-5, 1000, -100), b(0.2, -5e-6, 1200, -150),
                b(2.0196866396e-01, -6.1953516256e-06, 1.2044556708e+03, -1.8134269537e+02)));
        problems.add(generated("ENSO", ENSO, stepped(1, 1, 168), 2.0796063011e+00, b(11, 3, 0.5, 40, -0.7, -1.3, 25, -0.3, 1.4),
                b(10, 3, 0.5, 44, -1.5, 0.5, 26, -0.1, 1.5), b(1.0510749193e+01, 3.0762128085e+00, 5.3280138227e-01,
                        4.4311088700e+01, -1.6231428586e+00, 5.2554493756e-01, 2.6887614440e+01, 2.1232288488e-01,
                        1.4966870418e+00)));
        problems.add(generated("MGH09", KOWALIK_OSBORNE, listed(4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714,
                0.0625), 6.6279236551e-03, b(25, 39, 41.5, 39), b(0.25, 0.39, 0.415, 0.39),
                b(1.9280693458e-01, 1.9128232873e-01, 1.2305650693e-01, 1.3606233068e-01)));
        problems.add(generated("Thurber", RATIONAL_CUBIC, evenly(-3.067, 2.2, 37), 1.3714600784e+01,
                b(1000, 1000, 400, 40, 0.7, 0.3, 0.03), b(1300, 1500, 500, 75, 1, 0.4, 0.05),
                b(1.2881396800e+03, 1.4910792535e+03, 5.8323836877e+02, 7.5416644291e+01, 9.6629502864e-01,
                        3.9797285797e-01, 4.9727297349e-02)));
        problems.add(generated("BoxBOD", EXPONENTIAL_RISE, listed(1, 2, 3, 5, 7, 10), 1.7088072423e+01, b(1, 1),
                b(100, 0.75), b(2.1380940889e+02, 5.4723748542e-01)));
        problems.add(generated("Rat42", LOGISTIC, listed(9, 14, 21, 28, 42, 57, 63, 70, 79), 1.1587725499e+00,
                b(100, 1, 0.1), b(75, 2.5, 0.07), b(7.2462237576e+01, 2.6180768402e+00, 6.7359200066e-02)));
        problems.add(generated("MGH10", MEYER, stepped(50, 5, 16), 8.7945855171e-01, b(2, 4e5, 2.5e4), b(0.02, 4000, 250),
                b(5.6096364710e-03, 6.1813463463e+03, 3.4522363462e+02)));
        problems.add(generated("Eckerle4", ECKERLE, evenly(400, 500, 35), 6.7629245447e-03, b(1, 10, 500), b(1.5, 5, 450),
                b(1.5543827178e+00, 4.0888321754e+00, 4.5154121844e+02)));
        problems.add(generated("Rat43", RICHARDS, stepped(1, 1, 15), 2.8262414662e+01, b(100, 10, 1, 1),
                b(700, 5, 0.75, 1.3), b(6.9964151270e+02, 5.2771253025e+00, 7.5962938329e-01, 1.2792483859e+00)));
        problems.add(generated("Bennett5", BENNETT, evenly(7.447168, 11.77, 154), 1.8813945870e-03, b(-2000, 50, 0.8),
                b(-1500, 45, 0.85), b(-2.5235058043e+03, 4.6736564644e+01, 9.3218483193e-01)));
        return problems;
    }

    /** Nelson's design: 8 times {1, 2, 4, 8, 16, 32, 48, 64} weeks at 4 temperatures {180, 225, 250, 275}, 4 each. */
    private static double[][] nelsonDesign() {
        double[] weeks = {1, 2, 4, 8, 16, 32, 48, 64};
        double[] temperatures = {180, 225, 250, 275};
        double[][] x = new double[128][];
        int k = 0;
        for (double week : weeks) {
            for (double temperature : temperatures) {
                for (int replicate = 0; replicate < 4; replicate++) {
                    x[k++] = new double[] {week, temperature};
                }
            }
        }
        return x;
    }

    /** Misra1a and BoxBOD: {@code b1 (1 - exp(-b2 x))}. */
    static final Model EXPONENTIAL_RISE = new Model() {
        @Override
        double value(double[] b, double[] x) {
            return b[0] * (1 - Math.exp(-b[1] * x[0]));
        }

        @Override
        double[] gradient(double[] b, double[] x) {
            double e = Math.exp(-b[1] * x[0]);
            return new double[] {1 - e, b[0] * x[0] * e};
        }

        @Override
        <T extends RealFieldElement<T>> T value(T[] b, double[] x) {
            return b[1].multiply(-x[0]).exp().negate().add(1).multiply(b[0]);
        }

        @Override
        double[] slip(double[] b, double[] x) {
            double e = Math.exp(-b[1] * x[0]);
            return new double[] {1 - e, b[0] * e};
        }

        @Override
        String slipDescription() {
            return "d/db2 of exp(-b2 x) with the inner factor -x dropped";
        }
    };

    /** Misra1b: {@code b1 (1 - (1 + b2 x / 2)^-2)}. */
    static final Model MISRA1B = new Model() {
        @Override
        double value(double[] b, double[] x) {
            return b[0] * (1 - Math.pow(1 + b[1] * x[0] / 2, -2));
        }

        @Override
        double[] gradient(double[] b, double[] x) {
            double q = 1 + b[1] * x[0] / 2;
            return new double[] {1 - Math.pow(q, -2), b[0] * x[0] * Math.pow(q, -3)};
        }

        @Override
        <T extends RealFieldElement<T>> T value(T[] b, double[] x) {
            return b[1].multiply(x[0] / 2).add(1).pow(-2.0).negate().add(1).multiply(b[0]);
        }

        @Override
        double[] slip(double[] b, double[] x) {
            double q = 1 + b[1] * x[0] / 2;
            return new double[] {1 - Math.pow(q, -2), b[0] * x[0] * Math.pow(q, -3) / 2};
        }

        @Override
        String slipDescription() {
            return "d/db2 with the inner factor x / 2 counted twice";
        }
    };

    /** Misra1c: {@code b1 (1 - (1 + 2 b2 x)^-1/2)}. */
    static final Model MISRA1C = new Model() {
        @Override
        double value(double[] b, double[] x) {
            return b[0] * (1 - Math.pow(1 + 2 * b[1] * x[0], -0.5));
        }

        @Override
        double[] gradient(double[] b, double[] x) {
            double q = 1 + 2 * b[1] * x[0];
            return new double[] {1 - Math.pow(q, -0.5), b[0] * x[0] * Math.pow(q, -1.5)};
        }

        @Override
        <T extends RealFieldElement<T>> T value(T[] b, double[] x) {
            return b[1].multiply(2 * x[0]).add(1).pow(-0.5).negate().add(1).multiply(b[0]);
        }
    };

    /** Misra1d: {@code b1 b2 x / (1 + b2 x)}. */
    static final Model MISRA1D = new Model() {
        @Override
        double value(double[] b, double[] x) {
            return b[0] * b[1] * x[0] / (1 + b[1] * x[0]);
        }

        @Override
        double[] gradient(double[] b, double[] x) {
            double q = 1 + b[1] * x[0];
            return new double[] {b[1] * x[0] / q, b[0] * x[0] / (q * q)};
        }

        @Override
        <T extends RealFieldElement<T>> T value(T[] b, double[] x) {
            return b[0].multiply(b[1]).multiply(x[0]).divide(b[1].multiply(x[0]).add(1));
        }

        @Override
        double[] slip(double[] b, double[] x) {
            double q = 1 + b[1] * x[0];
            return new double[] {b[1] * x[0] / q, b[0] * x[0] / q};
        }

        @Override
        String slipDescription() {
            return "d/db2 of b2 x / (1 + b2 x) with the quotient rule's second term dropped";
        }
    };

    /** Chwirut1 and Chwirut2: {@code exp(-b1 x) / (b2 + b3 x)}. */
    static final Model CHWIRUT = new Model() {
        @Override
        double value(double[] b, double[] x) {
            return Math.exp(-b[0] * x[0]) / (b[1] + b[2] * x[0]);
        }

        @Override
        double[] gradient(double[] b, double[] x) {
            double e = Math.exp(-b[0] * x[0]);
            double d = b[1] + b[2] * x[0];
            return new double[] {-x[0] * e / d, -e / (d * d), -x[0] * e / (d * d)};
        }

        @Override
        <T extends RealFieldElement<T>> T value(T[] b, double[] x) {
            return b[0].multiply(-x[0]).exp().divide(b[2].multiply(x[0]).add(b[1]));
        }

        @Override
        double[] slip(double[] b, double[] x) {
            double e = Math.exp(-b[0] * x[0]);
            double d = b[1] + b[2] * x[0];
            return new double[] {-e / d, -e / (d * d), -x[0] * e / (d * d)};
        }

        @Override
        String slipDescription() {
            return "d/db1 of exp(-b1 x) with the inner factor -x taken as -1";
        }
    };

    /** Lanczos1, 2 and 3: {@code b1 exp(-b2 x) + b3 exp(-b4 x) + b5 exp(-b6 x)}. */
    static final Model LANCZOS = new Model() {
        @Override
        double value(double[] b, double[] x) {
            return b[0] * Math.exp(-b[1] * x[0]) + b[2] * Math.exp(-b[3] * x[0]) + b[4] * Math.exp(-b[5] * x[0]);
        }

        @Override
        double[] gradient(double[] b, double[] x) {
            double[] g = new double[6];
            for (int k = 0; k < 6; k += 2) {
                double e = Math.exp(-b[k + 1] * x[0]);
                g[k] = e;
                g[k + 1] = -x[0] * b[k] * e;
            }
            return g;
        }

        @Override
        <T extends RealFieldElement<T>> T value(T[] b, double[] x) {
            return b[0].multiply(b[1].multiply(-x[0]).exp()).add(b[2].multiply(b[3].multiply(-x[0]).exp()))
                    .add(b[4].multiply(b[5].multiply(-x[0]).exp()));
        }

        @Override
        double[] slip(double[] b, double[] x) {
            double[] g = gradient(b, x);
            g[1] = -b[0] * Math.exp(-b[1] * x[0]);
            return g;
        }

        @Override
        String slipDescription() {
            return "d/db2 of exp(-b2 x) with the inner factor -x taken as -1";
        }
    };

    /** Gauss1, 2 and 3: an exponential and two Gaussian peaks. */
    static final Model GAUSS = new Model() {
        @Override
        double value(double[] b, double[] x) {
            double t = x[0];
            double a = t - b[3];
            double c = t - b[6];
            return b[0] * Math.exp(-b[1] * t) + b[2] * Math.exp(-a * a / (b[4] * b[4]))
                    + b[5] * Math.exp(-c * c / (b[7] * b[7]));
        }

        @Override
        double[] gradient(double[] b, double[] x) {
            double t = x[0];
            double a = t - b[3];
            double c = t - b[6];
            double e1 = Math.exp(-b[1] * t);
            double e2 = Math.exp(-a * a / (b[4] * b[4]));
            double e3 = Math.exp(-c * c / (b[7] * b[7]));
            return new double[] {e1, -t * b[0] * e1, e2, 2 * b[2] * e2 * a / (b[4] * b[4]),
                2 * b[2] * e2 * a * a / (b[4] * b[4] * b[4]), e3, 2 * b[5] * e3 * c / (b[7] * b[7]),
                2 * b[5] * e3 * c * c / (b[7] * b[7] * b[7])};
        }

        @Override
        <T extends RealFieldElement<T>> T value(T[] b, double[] x) {
            double t = x[0];
            T a = b[3].negate().add(t);
            T c = b[6].negate().add(t);
            return b[0].multiply(b[1].multiply(-t).exp())
                    .add(b[2].multiply(a.multiply(a).divide(b[4].multiply(b[4])).negate().exp()))
                    .add(b[5].multiply(c.multiply(c).divide(b[7].multiply(b[7])).negate().exp()));
        }

        @Override
        double[] slip(double[] b, double[] x) {
            double[] g = gradient(b, x);
            g[4] *= b[4];
            return g;
        }

        @Override
        String slipDescription() {
            return "d/db5 of a^2 / b5^2 taken as 2 a^2 / b5^2 (wrong power of b5)";
        }
    };

    /** DanWood: {@code b1 x^b2}. */
    static final Model POWER = new Model() {
        @Override
        double value(double[] b, double[] x) {
            return b[0] * Math.pow(x[0], b[1]);
        }

        @Override
        double[] gradient(double[] b, double[] x) {
            double p = Math.pow(x[0], b[1]);
            return new double[] {p, b[0] * p * Math.log(x[0])};
        }

        @Override
        <T extends RealFieldElement<T>> T value(T[] b, double[] x) {
            return b[1].multiply(Math.log(x[0])).exp().multiply(b[0]);
        }

        @Override
        double[] slip(double[] b, double[] x) {
            return new double[] {Math.pow(x[0], b[1]), b[0] * b[1] * Math.pow(x[0], b[1] - 1)};
        }

        @Override
        String slipDescription() {
            return "d/db2 of x^b2 by the power rule, b2 x^(b2 - 1), as if x were the variable";
        }
    };

    /** Kirby2: a ratio of quadratics. */
    static final Model RATIONAL_QUADRATIC = new Model() {
        @Override
        double value(double[] b, double[] x) {
            double t = x[0];
            return (b[0] + b[1] * t + b[2] * t * t) / (1 + b[3] * t + b[4] * t * t);
        }

        @Override
        double[] gradient(double[] b, double[] x) {
            double t = x[0];
            double n = b[0] + b[1] * t + b[2] * t * t;
            double d = 1 + b[3] * t + b[4] * t * t;
            return new double[] {1 / d, t / d, t * t / d, -n * t / (d * d), -n * t * t / (d * d)};
        }

        @Override
        <T extends RealFieldElement<T>> T value(T[] b, double[] x) {
            double t = x[0];
            T n = b[0].add(b[1].multiply(t)).add(b[2].multiply(t * t));
            T d = b[3].multiply(t).add(b[4].multiply(t * t)).add(1);
            return n.divide(d);
        }

        @Override
        double[] slip(double[] b, double[] x) {
            double t = x[0];
            double[] g = gradient(b, x);
            g[4] = -(b[0] + b[1] * t + b[2] * t * t) * t * t / (1 + b[3] * t + b[4] * t * t);
            return g;
        }

        @Override
        String slipDescription() {
            return "d/db5 of N / D divided by D instead of D^2";
        }
    };

    /** Hahn1 and Thurber: a ratio of cubics. */
    static final Model RATIONAL_CUBIC = new Model() {
        @Override
        double value(double[] b, double[] x) {
            double t = x[0];
            return (b[0] + b[1] * t + b[2] * t * t + b[3] * t * t * t) / (1 + b[4] * t + b[5] * t * t + b[6] * t * t * t);
        }

        @Override
        double[] gradient(double[] b, double[] x) {
            double t = x[0];
            double n = b[0] + b[1] * t + b[2] * t * t + b[3] * t * t * t;
            double d = 1 + b[4] * t + b[5] * t * t + b[6] * t * t * t;
            return new double[] {1 / d, t / d, t * t / d, t * t * t / d, -n * t / (d * d), -n * t * t / (d * d),
                -n * t * t * t / (d * d)};
        }

        @Override
        <T extends RealFieldElement<T>> T value(T[] b, double[] x) {
            double t = x[0];
            T n = b[0].add(b[1].multiply(t)).add(b[2].multiply(t * t)).add(b[3].multiply(t * t * t));
            T d = b[4].multiply(t).add(b[5].multiply(t * t)).add(b[6].multiply(t * t * t)).add(1);
            return n.divide(d);
        }

        @Override
        double[] slip(double[] b, double[] x) {
            double t = x[0];
            double[] g = gradient(b, x);
            double d = 1 + b[4] * t + b[5] * t * t + b[6] * t * t * t;
            g[6] *= d;
            return g;
        }

        @Override
        String slipDescription() {
            return "d/db7 of N / D divided by D instead of D^2";
        }
    };

    /** Nelson: {@code log y = b1 - b2 x1 exp(-b3 x2)}; the generated responses are the logarithms. */
    static final Model NELSON = new Model() {
        @Override
        double value(double[] b, double[] x) {
            return b[0] - b[1] * x[0] * Math.exp(-b[2] * x[1]);
        }

        @Override
        double[] gradient(double[] b, double[] x) {
            double e = Math.exp(-b[2] * x[1]);
            return new double[] {1, -x[0] * e, b[1] * x[0] * x[1] * e};
        }

        @Override
        <T extends RealFieldElement<T>> T value(T[] b, double[] x) {
            return b[1].multiply(x[0]).multiply(b[2].multiply(-x[1]).exp()).negate().add(b[0]);
        }

        @Override
        double[] slip(double[] b, double[] x) {
            double e = Math.exp(-b[2] * x[1]);
            return new double[] {1, -x[0] * e, b[1] * x[0] * e};
        }

        @Override
        String slipDescription() {
            return "d/db3 of exp(-b3 x2) with the inner factor -x2 taken as -1";
        }
    };

    /** MGH17 (Osborne 1): {@code b1 + b2 exp(-x b4) + b3 exp(-x b5)}. */
    static final Model OSBORNE = new Model() {
        @Override
        double value(double[] b, double[] x) {
            return b[0] + b[1] * Math.exp(-x[0] * b[3]) + b[2] * Math.exp(-x[0] * b[4]);
        }

        @Override
        double[] gradient(double[] b, double[] x) {
            double e4 = Math.exp(-x[0] * b[3]);
            double e5 = Math.exp(-x[0] * b[4]);
            return new double[] {1, e4, e5, -x[0] * b[1] * e4, -x[0] * b[2] * e5};
        }

        @Override
        <T extends RealFieldElement<T>> T value(T[] b, double[] x) {
            return b[0].add(b[1].multiply(b[3].multiply(-x[0]).exp())).add(b[2].multiply(b[4].multiply(-x[0]).exp()));
        }

        @Override
        double[] slip(double[] b, double[] x) {
            double[] g = gradient(b, x);
            g[4] = -b[2] * Math.exp(-x[0] * b[4]);
            return g;
        }

        @Override
        String slipDescription() {
            return "d/db5 of exp(-x b5) with the inner factor -x taken as -1";
        }
    };

    /** Roszman1: {@code b1 - b2 x - arctan(b3 / (x - b4)) / pi}. */
    static final Model ROSZMAN = new Model() {
        @Override
        double value(double[] b, double[] x) {
            return b[0] - b[1] * x[0] - Math.atan(b[2] / (x[0] - b[3])) / Math.PI;
        }

        @Override
        double[] gradient(double[] b, double[] x) {
            double d = x[0] - b[3];
            double q = b[2] / d;
            double w = 1 / (Math.PI * (1 + q * q));
            return new double[] {1, -x[0], -w / d, -w * b[2] / (d * d)};
        }

        @Override
        <T extends RealFieldElement<T>> T value(T[] b, double[] x) {
            return b[0].subtract(b[1].multiply(x[0])).subtract(b[2].divide(b[3].negate().add(x[0])).atan().divide(Math.PI));
        }

        @Override
        double[] slip(double[] b, double[] x) {
            double[] g = gradient(b, x);
            g[3] = -g[3];
            return g;
        }

        @Override
        String slipDescription() {
            return "d/db4 of b3 / (x - b4) with the inner sign of -b4 dropped";
        }
    };

    /** ENSO: a constant and three periodic terms, two of unknown period. */
    static final Model ENSO = new Model() {
        @Override
        double value(double[] b, double[] x) {
            double a = 2 * Math.PI * x[0] / 12;
            double w = 1 / b[3] * (2 * Math.PI * x[0]);
            double v = 1 / b[6] * (2 * Math.PI * x[0]);
            return b[0] + b[1] * Math.cos(a) + b[2] * Math.sin(a) + b[4] * Math.cos(w) + b[5] * Math.sin(w)
                    + b[7] * Math.cos(v) + b[8] * Math.sin(v);
        }

        @Override
        double[] gradient(double[] b, double[] x) {
            double a = 2 * Math.PI * x[0] / 12;
            double w = 1 / b[3] * (2 * Math.PI * x[0]);
            double v = 1 / b[6] * (2 * Math.PI * x[0]);
            return new double[] {1, Math.cos(a), Math.sin(a), (b[4] * Math.sin(w) - b[5] * Math.cos(w)) * w / b[3],
                Math.cos(w), Math.sin(w), (b[7] * Math.sin(v) - b[8] * Math.cos(v)) * v / b[6], Math.cos(v), Math.sin(v)};
        }

        @Override
        <T extends RealFieldElement<T>> T value(T[] b, double[] x) {
            double a = 2 * Math.PI * x[0] / 12;
            T w = b[3].reciprocal().multiply(2 * Math.PI * x[0]);
            T v = b[6].reciprocal().multiply(2 * Math.PI * x[0]);
            return b[0].add(b[1].multiply(Math.cos(a))).add(b[2].multiply(Math.sin(a))).add(b[4].multiply(w.cos()))
                    .add(b[5].multiply(w.sin())).add(b[7].multiply(v.cos())).add(b[8].multiply(v.sin()));
        }

        @Override
        double[] slip(double[] b, double[] x) {
            double[] g = gradient(b, x);
            double w = 1 / b[3] * (2 * Math.PI * x[0]);
            g[3] = b[4] * Math.sin(w) - b[5] * Math.cos(w);
            return g;
        }

        @Override
        String slipDescription() {
            return "d/db4 of cos(2 pi x / b4) and sin(2 pi x / b4) without the inner derivative";
        }
    };

    /** MGH09 (Kowalik and Osborne): {@code b1 (x^2 + x b2) / (x^2 + x b3 + b4)}. */
    static final Model KOWALIK_OSBORNE = new Model() {
        @Override
        double value(double[] b, double[] x) {
            double t = x[0];
            return b[0] * (t * t + t * b[1]) / (t * t + t * b[2] + b[3]);
        }

        @Override
        double[] gradient(double[] b, double[] x) {
            double t = x[0];
            double n = t * t + t * b[1];
            double d = t * t + t * b[2] + b[3];
            return new double[] {n / d, b[0] * t / d, -b[0] * n * t / (d * d), -b[0] * n / (d * d)};
        }

        @Override
        <T extends RealFieldElement<T>> T value(T[] b, double[] x) {
            double t = x[0];
            return b[0].multiply(b[1].multiply(t).add(t * t)).divide(b[2].multiply(t).add(b[3]).add(t * t));
        }

        @Override
        double[] slip(double[] b, double[] x) {
            double[] g = gradient(b, x);
            g[2] = g[3];
            return g;
        }

        @Override
        String slipDescription() {
            return "d/db3 of the denominator x^2 + x b3 + b4 taken as 1 (the factor x dropped)";
        }
    };

    /** Rat42: {@code b1 / (1 + exp(b2 - b3 x))}. */
    static final Model LOGISTIC = new Model() {
        @Override
        double value(double[] b, double[] x) {
            return b[0] / (1 + Math.exp(b[1] - b[2] * x[0]));
        }

        @Override
        double[] gradient(double[] b, double[] x) {
            double e = Math.exp(b[1] - b[2] * x[0]);
            double q = 1 + e;
            return new double[] {1 / q, -b[0] * e / (q * q), b[0] * x[0] * e / (q * q)};
        }

        @Override
        <T extends RealFieldElement<T>> T value(T[] b, double[] x) {
            return b[0].divide(b[1].subtract(b[2].multiply(x[0])).exp().add(1));
        }

        @Override
        double[] slip(double[] b, double[] x) {
            double[] g = gradient(b, x);
            g[2] = -g[1];
            return g;
        }

        @Override
        String slipDescription() {
            return "d/db3 of exp(b2 - b3 x) with the inner factor -x taken as -1";
        }
    };

    /** MGH10 (Meyer): {@code b1 exp(b2 / (x + b3))}. */
    static final Model MEYER = new Model() {
        @Override
        double value(double[] b, double[] x) {
            return b[0] * Math.exp(b[1] / (x[0] + b[2]));
        }

        @Override
        double[] gradient(double[] b, double[] x) {
            double s = x[0] + b[2];
            double e = Math.exp(b[1] / s);
            return new double[] {e, b[0] * e / s, -b[0] * e * b[1] / (s * s)};
        }

        @Override
        <T extends RealFieldElement<T>> T value(T[] b, double[] x) {
            return b[1].divide(b[2].add(x[0])).exp().multiply(b[0]);
        }

        @Override
        double[] slip(double[] b, double[] x) {
            double[] g = gradient(b, x);
            g[2] *= x[0] + b[2];
            return g;
        }

        @Override
        String slipDescription() {
            return "d/db3 of b2 / (x + b3) taken as -b2 / (x + b3)";
        }
    };

    /** Eckerle4: {@code (b1 / b2) exp(-((x - b3) / b2)^2 / 2)}. */
    static final Model ECKERLE = new Model() {
        @Override
        double value(double[] b, double[] x) {
            double z = (x[0] - b[2]) / b[1];
            return b[0] / b[1] * Math.exp(-0.5 * z * z);
        }

        @Override
        double[] gradient(double[] b, double[] x) {
            double z = (x[0] - b[2]) / b[1];
            double g = Math.exp(-0.5 * z * z);
            return new double[] {g / b[1], b[0] * g * (z * z - 1) / (b[1] * b[1]), b[0] * g * z / (b[1] * b[1])};
        }

        @Override
        <T extends RealFieldElement<T>> T value(T[] b, double[] x) {
            T z = b[2].negate().add(x[0]).divide(b[1]);
            return b[0].divide(b[1]).multiply(z.multiply(z).multiply(-0.5).exp());
        }

        @Override
        double[] slip(double[] b, double[] x) {
            double[] g = gradient(b, x);
            double z = (x[0] - b[2]) / b[1];
            g[1] = b[0] * Math.exp(-0.5 * z * z) * z * z / (b[1] * b[1]);
            return g;
        }

        @Override
        String slipDescription() {
            return "d/db2 of (b1 / b2) exp(...) with the product rule's term of 1 / b2 dropped";
        }
    };

    /** Rat43: {@code b1 / (1 + exp(b2 - b3 x))^(1 / b4)}. */
    static final Model RICHARDS = new Model() {
        @Override
        double value(double[] b, double[] x) {
            return b[0] / Math.pow(1 + Math.exp(b[1] - b[2] * x[0]), 1 / b[3]);
        }

        @Override
        double[] gradient(double[] b, double[] x) {
            double e = Math.exp(b[1] - b[2] * x[0]);
            double q = 1 + e;
            double p = Math.pow(q, -1 / b[3]);
            double inner = b[0] * p * e / (b[3] * q);
            return new double[] {p, -inner, inner * x[0], b[0] * p * Math.log(q) / (b[3] * b[3])};
        }

        @Override
        <T extends RealFieldElement<T>> T value(T[] b, double[] x) {
            T q = b[1].subtract(b[2].multiply(x[0])).exp().add(1);
            return b[0].divide(q.pow(b[3].reciprocal()));
        }

        @Override
        double[] slip(double[] b, double[] x) {
            double[] g = gradient(b, x);
            g[3] *= b[3];
            return g;
        }

        @Override
        String slipDescription() {
            return "d/db4 of q^(-1 / b4) divided by b4 instead of b4^2";
        }
    };

    /** Bennett5: {@code b1 (b2 + x)^(-1 / b3)}. */
    static final Model BENNETT = new Model() {
        @Override
        double value(double[] b, double[] x) {
            return b[0] * Math.pow(b[1] + x[0], -1 / b[2]);
        }

        @Override
        double[] gradient(double[] b, double[] x) {
            double s = b[1] + x[0];
            double p = Math.pow(s, -1 / b[2]);
            return new double[] {p, -b[0] * p / (b[2] * s), b[0] * p * Math.log(s) / (b[2] * b[2])};
        }

        @Override
        <T extends RealFieldElement<T>> T value(T[] b, double[] x) {
            return b[1].add(x[0]).pow(b[2].reciprocal().negate()).multiply(b[0]);
        }

        @Override
        double[] slip(double[] b, double[] x) {
            double[] g = gradient(b, x);
            g[2] *= b[2];
            return g;
        }

        @Override
        String slipDescription() {
            return "d/db3 of s^(-1 / b3) divided by b3 instead of b3^2";
        }
    };
}
