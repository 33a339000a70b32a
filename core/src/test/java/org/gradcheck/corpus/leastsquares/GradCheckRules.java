package org.gradcheck.corpus.leastsquares;

import java.util.BitSet;
import org.gradcheck.GradientCheckException;
import org.gradcheck.GradientChecker;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.function.VectorFunction;
import org.gradcheck.jacobian.JacobianChecker;
import org.gradcheck.jacobian.JacobianEntry;
import org.gradcheck.jacobian.JacobianReport;
import org.gradcheck.report.GradientReport;
import org.gradcheck.report.ParameterCheck;

/**
 * GradCheck's default checkers as rules of the corpus: the only class of the corpus that calls GradCheck, so that
 * a change of the checkers' API changes this class alone.
 */
final class GradCheckRules {

    private GradCheckRules() {
    }

    /** {@code JacobianChecker.defaults()} on the residuals, with the analytic Jacobian given. */
    static final JacobianRule JACOBIAN = new JacobianRule() {
        @Override
        public String name() {
            return "GradCheck JacobianChecker.defaults()";
        }

        @Override
        public Outcome judge(CheckPoint point, double[][] jacobian) {
            LeastSquaresProblem problem = point.problem();
            VectorFunction function = VectorFunction.of(problem::residuals, x -> CheckPoint.copy(jacobian));
            JacobianReport report;
            try {
                report = JacobianChecker.defaults().check(function, point.x());
            } catch (GradientCheckException e) {
                return Outcome.error(e.getMessage());
            }
            int m = point.rows();
            int n = point.columns();
            double[][] numerical = new double[m][n];
            double[][] numericalError = new double[m][n];
            String[][] verdicts = new String[m][n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    JacobianEntry entry = report.entry(i, j);
                    numerical[i][j] = entry.numerical();
                    numericalError[i][j] = entry.numericalError();
                    verdicts[i][j] = entry.verdict().name();
                }
            }
            BitSet failing = new BitSet();
            for (JacobianEntry entry : report.failures()) {
                failing.set(entry.outputIndex() * n + entry.inputIndex());
            }
            return Outcome.judged(report.passed(), n, failing, numerical, numericalError, verdicts);
        }
    };

    /**
     * {@code GradientChecker.defaults()} on the objective {@code 1/2 ||r||^2} with the analytic gradient
     * {@code J^T r}; the outcome has one row.
     */
    static Outcome objective(CheckPoint point, double[] gradient) {
        LeastSquaresProblem problem = point.problem();
        DifferentiableFunction function = DifferentiableFunction.of(x -> CheckPoint.objective(problem, x),
                x -> gradient.clone());
        GradientReport report;
        try {
            report = GradientChecker.defaults().check(function, point.x());
        } catch (GradientCheckException e) {
            return Outcome.error(e.getMessage());
        }
        int n = point.columns();
        double[][] numerical = new double[1][n];
        double[][] numericalError = new double[1][n];
        String[][] verdicts = new String[1][n];
        for (int j = 0; j < n; j++) {
            ParameterCheck parameter = report.parameter(j);
            numerical[0][j] = parameter.numerical();
            numericalError[0][j] = parameter.numericalError();
            verdicts[0][j] = parameter.verdict().name();
        }
        BitSet failing = new BitSet();
        for (ParameterCheck parameter : report.failures()) {
            failing.set(parameter.index());
        }
        return Outcome.judged(report.passed(), n, failing, numerical, numericalError, verdicts);
    }
}
