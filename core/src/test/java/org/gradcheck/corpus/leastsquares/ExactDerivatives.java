package org.gradcheck.corpus.leastsquares;

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.differentiation.SparseGradient;

/**
 * Exact derivatives of a problem's residuals by forward-mode automatic differentiation of its field definition
 * ({@link LeastSquaresProblem#residuals(org.apache.commons.math3.RealFieldElement[])}): the Jacobian with
 * {@link SparseGradient}, Taylor coefficients along each coordinate with {@link DerivativeStructure}, and the
 * rounding bound of the double computation with {@link RoundingBound}.
 */
final class ExactDerivatives {

    /** Taylor coefficients up to this order are computed along each coordinate. */
    static final int ORDER = 7;

    private ExactDerivatives() {
    }

    /** The exact Jacobian at {@code x}. */
    static double[][] jacobian(LeastSquaresProblem problem, double[] x) {
        int n = x.length;
        SparseGradient[] variables = new SparseGradient[n];
        for (int j = 0; j < n; j++) {
            variables[j] = SparseGradient.createVariable(j, x[j]);
        }
        SparseGradient[] residuals = problem.residuals(variables);
        double[][] jacobian = new double[residuals.length][n];
        for (int i = 0; i < residuals.length; i++) {
            for (int j = 0; j < n; j++) {
                jacobian[i][j] = residuals[i].getDerivative(j);
            }
        }
        return jacobian;
    }

    /**
     * Taylor coefficients {@code d^k r_i / dx_j^k / k!} at {@code x}, {@code k = 0..ORDER}, as
     * {@code [j][i][k]}; row {@code m} (one past the residuals) holds those of the objective
     * {@code 1/2 ||r||^2}.
     */
    static double[][][] taylorCoefficients(LeastSquaresProblem problem, double[] x) {
        int n = x.length;
        double[][][] coefficients = new double[n][][];
        double[] factorials = new double[ORDER + 1];
        factorials[0] = 1;
        for (int k = 1; k <= ORDER; k++) {
            factorials[k] = factorials[k - 1] * k;
        }
        for (int j = 0; j < n; j++) {
            DerivativeStructure[] point = new DerivativeStructure[n];
            for (int k = 0; k < n; k++) {
                point[k] = k == j ? new DerivativeStructure(1, ORDER, 0, x[k]) : new DerivativeStructure(1, ORDER, x[k]);
            }
            DerivativeStructure[] residuals = problem.residuals(point);
            DerivativeStructure objective = new DerivativeStructure(1, ORDER, 0.0);
            for (DerivativeStructure residual : residuals) {
                objective = objective.add(residual.multiply(residual));
            }
            objective = objective.multiply(0.5);
            coefficients[j] = new double[residuals.length + 1][ORDER + 1];
            for (int i = 0; i <= residuals.length; i++) {
                DerivativeStructure value = i < residuals.length ? residuals[i] : objective;
                for (int k = 0; k <= ORDER; k++) {
                    coefficients[j][i][k] = value.getPartialDerivative(k) / factorials[k];
                }
            }
        }
        return coefficients;
    }

    /**
     * The rounding bound of each residual computed in double precision at {@code x}, and last that of the
     * objective {@code 1/2 sum r_i^2}.
     */
    static double[] roundingBounds(LeastSquaresProblem problem, double[] x) {
        RoundingBound[] point = new RoundingBound[x.length];
        for (int j = 0; j < x.length; j++) {
            point[j] = RoundingBound.exact(x[j]);
        }
        RoundingBound[] residuals = problem.residuals(point);
        double[] bounds = new double[residuals.length + 1];
        RoundingBound objective = RoundingBound.exact(0);
        for (int i = 0; i < residuals.length; i++) {
            bounds[i] = residuals[i].bound();
            objective = objective.add(residuals[i].multiply(residuals[i]));
        }
        bounds[residuals.length] = objective.multiply(0.5).bound();
        return bounds;
    }
}
