package org.gradcheck.corpus.leastsquares;

/**
 * One correct check of the corpus: a problem at a point, with its hand-written Jacobian, the exact one, and what
 * a central difference can resolve in each entry ({@link Resolution}). Immutable; accessors return copies.
 */
final class CheckPoint {

    /** Residuals this large make the objective overflow; such points are not in the corpus. */
    static final double LARGEST_RESIDUAL = 1e150;

    private final LeastSquaresProblem problem;
    private final String label;
    private final double[] x;
    private final double[] residuals;
    private final double[][] jacobian;
    private final double[][] exactJacobian;
    private final double[][] bestError;
    private final double[][] bestStep;
    private final double[] objectiveBestError;
    private final double[] objectiveBestStep;
    private final double[] gradient;
    private final double[] exactGradient;

    private CheckPoint(LeastSquaresProblem problem, String label, double[] x, double[] residuals, double[][] jacobian) {
        this.problem = problem;
        this.label = label;
        this.x = x;
        this.residuals = residuals;
        this.jacobian = jacobian;
        this.exactJacobian = ExactDerivatives.jacobian(problem, x);
        int m = residuals.length;
        int n = x.length;
        double[][][] taylor = ExactDerivatives.taylorCoefficients(problem, x);
        double[] bounds = ExactDerivatives.roundingBounds(problem, x);
        this.bestError = new double[m][n];
        this.bestStep = new double[m][n];
        this.objectiveBestError = new double[n];
        this.objectiveBestStep = new double[n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                double[] best = Resolution.best(taylor[j][i], bounds[i], x[j]);
                bestError[i][j] = best[0];
                bestStep[i][j] = best[1];
            }
            double[] best = Resolution.best(taylor[j][m], bounds[m], x[j]);
            objectiveBestError[j] = best[0];
            objectiveBestStep[j] = best[1];
        }
        this.gradient = transposedProduct(jacobian, residuals);
        this.exactGradient = transposedProduct(exactJacobian, residuals);
    }

    /**
     * The check of {@code problem} at {@code point}, or null if a residual or a Jacobian entry is not finite there,
     * or a residual exceeds {@link #LARGEST_RESIDUAL}.
     */
    static CheckPoint at(LeastSquaresProblem problem, LeastSquaresProblem.Point point) {
        double[] x = point.x();
        double[] residuals = problem.residuals(x);
        double[][] jacobian = problem.jacobian(x);
        for (int i = 0; i < residuals.length; i++) {
            if (!Double.isFinite(residuals[i]) || Math.abs(residuals[i]) > LARGEST_RESIDUAL) {
                return null;
            }
            for (double entry : jacobian[i]) {
                if (!Double.isFinite(entry)) {
                    return null;
                }
            }
        }
        return new CheckPoint(problem, point.label(), x, residuals, jacobian);
    }

    static double[] transposedProduct(double[][] jacobian, double[] residuals) {
        double[] product = new double[jacobian[0].length];
        for (int i = 0; i < jacobian.length; i++) {
            for (int j = 0; j < product.length; j++) {
                product[j] += jacobian[i][j] * residuals[i];
            }
        }
        return product;
    }

    static double[][] copy(double[][] matrix) {
        double[][] copy = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            copy[i] = matrix[i].clone();
        }
        return copy;
    }

    LeastSquaresProblem problem() {
        return problem;
    }

    String label() {
        return label;
    }

    /** {@code "MGH 10 Meyer at 10 x0"}. */
    String name() {
        return problem.name() + " at " + label;
    }

    double[] x() {
        return x.clone();
    }

    double[] residuals() {
        return residuals.clone();
    }

    int rows() {
        return residuals.length;
    }

    int columns() {
        return x.length;
    }

    /** The hand-written Jacobian. */
    double[][] jacobian() {
        return copy(jacobian);
    }

    double jacobian(int i, int j) {
        return jacobian[i][j];
    }

    /** The exact Jacobian, by forward-mode automatic differentiation. */
    double[][] exactJacobian() {
        return copy(exactJacobian);
    }

    double exactJacobian(int i, int j) {
        return exactJacobian[i][j];
    }

    /** The largest exact entry of row {@code i} in magnitude. */
    double rowScale(int i) {
        double scale = 0;
        for (double entry : exactJacobian[i]) {
            scale = Math.max(scale, Math.abs(entry));
        }
        return scale;
    }

    /** What a central difference can resolve in entry {@code (i, j)}: {@link Resolution#bestError}. */
    double bestError(int i, int j) {
        return bestError[i][j];
    }

    /** The step at which a central difference reaches {@link #bestError(int, int)}. */
    double bestStep(int i, int j) {
        return bestStep[i][j];
    }

    /** The same for the objective's partial derivative {@code j}. */
    double objectiveBestError(int j) {
        return objectiveBestError[j];
    }

    double objectiveBestStep(int j) {
        return objectiveBestStep[j];
    }

    /** {@code J^T r} with the hand-written Jacobian: the gradient of {@code 1/2 ||r||^2}. */
    double[] gradient() {
        return gradient.clone();
    }

    double[] exactGradient() {
        return exactGradient.clone();
    }

    /** {@code 1/2 ||r(x)||^2} in double precision. */
    static double objective(LeastSquaresProblem problem, double[] x) {
        double sum = 0;
        for (double r : problem.residuals(x)) {
            sum += r * r;
        }
        return 0.5 * sum;
    }

    @Override
    public String toString() {
        return name();
    }
}
