package org.gradcheck.function;

import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Commons-math3's least-squares model and problem seen as a {@link VectorFunction} and as the sum-of-squares
 * {@link DifferentiableFunction}. Every evaluation passes the model a new vector copied from the point, so the
 * model can neither see the checker's later perturbations nor change the point.
 */
final class LeastSquaresFunctions {

    private LeastSquaresFunctions() {
    }

    static VectorFunction model(MultivariateJacobianFunction model) {
        if (model == null) {
            throw new IllegalArgumentException("model must not be null: pass the least-squares model whose Jacobian is checked");
        }
        return new VectorFunction() {
            @Override
            public double[] value(double[] point) {
                return values(evaluate(model, point)).toArray();
            }

            @Override
            public double[][] jacobian(double[] point) {
                return jacobianOf(evaluate(model, point)).getData();
            }
        };
    }

    static DifferentiableFunction sumOfSquares(MultivariateJacobianFunction model, double[] target) {
        if (model == null) {
            throw new IllegalArgumentException("model must not be null: pass the least-squares model whose sum of squares is checked");
        }
        double[] observed = checkedTarget(target);
        return new DifferentiableFunction() {
            @Override
            public double value(double[] point) {
                RealVector values = values(evaluate(model, point));
                requireLength(values, observed);
                double sum = 0;
                for (int i = 0; i < observed.length; i++) {
                    double residual = values.getEntry(i) - observed[i];
                    sum += residual * residual;
                }
                return sum / 2;
            }

            @Override
            public double[] gradient(double[] point) {
                Pair<RealVector, RealMatrix> pair = evaluate(model, point);
                RealVector values = values(pair);
                requireLength(values, observed);
                double[] residuals = new double[observed.length];
                for (int i = 0; i < residuals.length; i++) {
                    residuals[i] = values.getEntry(i) - observed[i];
                }
                return transposedProduct(jacobianOf(pair), residuals, point.length, 1, "the model's Jacobian", "values");
            }
        };
    }

    static DifferentiableFunction sumOfSquares(LeastSquaresProblem problem) {
        if (problem == null) {
            throw new IllegalArgumentException("problem must not be null: pass the least-squares problem whose objective is checked,"
                    + " e.g. new LeastSquaresBuilder().model(model).target(observed).start(start).build()");
        }
        return new DifferentiableFunction() {
            @Override
            public double value(double[] point) {
                RealVector residuals = residualsOf(evaluate(problem, point));
                double sum = 0;
                for (int i = 0; i < residuals.getDimension(); i++) {
                    sum += residuals.getEntry(i) * residuals.getEntry(i);
                }
                return sum / 2;
            }

            @Override
            public double[] gradient(double[] point) {
                LeastSquaresProblem.Evaluation evaluation = evaluate(problem, point);
                RealMatrix jacobian = evaluation.getJacobian();
                if (jacobian == null) {
                    throw new IllegalArgumentException("the problem's evaluation has no Jacobian (getJacobian() returned null)");
                }
                return transposedProduct(jacobian, residualsOf(evaluation).toArray(), point.length, -1,
                        "the problem's Jacobian", "residuals");
            }
        };
    }

    private static double[] checkedTarget(double[] target) {
        if (target == null) {
            throw new IllegalArgumentException("target must not be null: pass the observed values the model is fitted to");
        }
        if (target.length == 0) {
            throw new IllegalArgumentException("target must not be empty: pass one observed value per model value");
        }
        for (int i = 0; i < target.length; i++) {
            if (!Double.isFinite(target[i])) {
                throw new IllegalArgumentException("target[" + i + "] is " + target[i] + ": observed values must be finite");
            }
        }
        return target.clone();
    }

    private static Pair<RealVector, RealMatrix> evaluate(MultivariateJacobianFunction model, double[] point) {
        Pair<RealVector, RealMatrix> pair = model.value(new ArrayRealVector(point));
        if (pair == null) {
            throw new IllegalArgumentException("the model returned null: value(point) must return a Pair of the model's values"
                    + " and its Jacobian");
        }
        return pair;
    }

    private static LeastSquaresProblem.Evaluation evaluate(LeastSquaresProblem problem, double[] point) {
        LeastSquaresProblem.Evaluation evaluation = problem.evaluate(new ArrayRealVector(point));
        if (evaluation == null) {
            throw new IllegalArgumentException("the problem's evaluate(point) returned null: it must return an evaluation");
        }
        return evaluation;
    }

    private static RealVector values(Pair<RealVector, RealMatrix> pair) {
        if (pair.getFirst() == null) {
            throw new IllegalArgumentException("the model returned no values (the Pair's first element is null): return the"
                    + " model's values and its Jacobian");
        }
        return pair.getFirst();
    }

    private static RealMatrix jacobianOf(Pair<RealVector, RealMatrix> pair) {
        if (pair.getSecond() == null) {
            throw new IllegalArgumentException("the model returned no Jacobian (the Pair's second element is null): return the"
                    + " model's values and its Jacobian");
        }
        return pair.getSecond();
    }

    private static RealVector residualsOf(LeastSquaresProblem.Evaluation evaluation) {
        RealVector residuals = evaluation.getResiduals();
        if (residuals == null) {
            throw new IllegalArgumentException("the problem's evaluation has no residuals (getResiduals() returned null)");
        }
        return residuals;
    }

    private static void requireLength(RealVector values, double[] target) {
        if (values.getDimension() != target.length) {
            throw new IllegalArgumentException("the model has " + values.getDimension() + " values but target has "
                    + target.length + ": give one observed value per model value");
        }
    }

    /** {@code sign * J^T r}, after checking that {@code J} has one row per residual and one column per parameter. */
    private static double[] transposedProduct(RealMatrix jacobian, double[] residuals, int parameters, double sign,
            String what, String rows) {
        if (jacobian.getRowDimension() != residuals.length || jacobian.getColumnDimension() != parameters) {
            throw new IllegalArgumentException(what + " is " + jacobian.getRowDimension() + " x " + jacobian.getColumnDimension()
                    + " but there are " + residuals.length + " " + rows + " and " + parameters
                    + " parameters: return one row per " + (rows.equals("values") ? "value" : "residual")
                    + " and one column per parameter");
        }
        double[] gradient = new double[parameters];
        for (int i = 0; i < residuals.length; i++) {
            double residual = sign * residuals[i];
            for (int j = 0; j < parameters; j++) {
                gradient[j] += jacobian.getEntry(i, j) * residual;
            }
        }
        return gradient;
    }
}
