package org.gradcheck.corpus.leastsquares;

import java.util.BitSet;

/** The decision rules of other tools, written from their documented definitions, for the scoreboard. */
final class PeerRules {

    private PeerRules() {
    }

    /**
     * PyTorch's {@code torch.autograd.gradcheck} with its defaults: central differences with the absolute step
     * {@code eps = 1e-6}, divided by {@code 2 eps}; an entry passes when {@code |a - n| <= atol + rtol |n|} with
     * {@code atol = 1e-5}, {@code rtol = 1e-3} (as {@code torch.allclose}: a NaN never passes); the check passes
     * when every entry passes.
     */
    static final JacobianRule PYTORCH = new JacobianRule() {
        @Override
        public String name() {
            return "PyTorch gradcheck defaults";
        }

        @Override
        public Outcome judge(CheckPoint point, double[][] jacobian) {
            double[][] numerical = centralDifferences(point, 1e-6);
            BitSet failing = new BitSet();
            for (int i = 0; i < point.rows(); i++) {
                for (int j = 0; j < point.columns(); j++) {
                    double n = numerical[i][j];
                    if (!(Math.abs(jacobian[i][j] - n) <= 1e-5 + 1e-3 * Math.abs(n))) {
                        failing.set(i * point.columns() + j);
                    }
                }
            }
            return Outcome.judged(failing.isEmpty(), point.columns(), failing, numerical, null);
        }
    };

    /**
     * The article's rule: central differences with the absolute step {@code 1e-7}, divided by {@code 2 eps}; the
     * check passes unless {@code ||A - N|| / (||A|| + ||N||) > 1e-7} (Frobenius norms; 0/0 counts as 0; as in the
     * article's code, a NaN difference is not "greater" and passes). It has no per-entry verdict.
     */
    static final JacobianRule ARTICLE = new JacobianRule() {
        @Override
        public String name() {
            return "the article's rule";
        }

        @Override
        public Outcome judge(CheckPoint point, double[][] jacobian) {
            double[][] numerical = centralDifferences(point, 1e-7);
            double difference = 0;
            double analyticNorm = 0;
            double numericalNorm = 0;
            for (int i = 0; i < point.rows(); i++) {
                for (int j = 0; j < point.columns(); j++) {
                    double d = jacobian[i][j] - numerical[i][j];
                    difference += d * d;
                    analyticNorm += jacobian[i][j] * jacobian[i][j];
                    numericalNorm += numerical[i][j] * numerical[i][j];
                }
            }
            double denominator = Math.sqrt(analyticNorm) + Math.sqrt(numericalNorm);
            double relative = denominator == 0 ? 0 : Math.sqrt(difference) / denominator;
            return Outcome.judged(!(relative > 1e-7), point.columns(), new BitSet(), numerical, null);
        }
    };

    /** {@code (r(x + eps e_j) - r(x - eps e_j)) / (2 eps)}, column by column. */
    static double[][] centralDifferences(CheckPoint point, double eps) {
        double[] x = point.x();
        double[][] numerical = new double[point.rows()][point.columns()];
        for (int j = 0; j < point.columns(); j++) {
            double original = x[j];
            x[j] = original + eps;
            double[] plus = point.problem().residuals(x);
            x[j] = original - eps;
            double[] minus = point.problem().residuals(x);
            x[j] = original;
            for (int i = 0; i < point.rows(); i++) {
                numerical[i][j] = (plus[i] - minus[i]) / (2 * eps);
            }
        }
        return numerical;
    }
}
