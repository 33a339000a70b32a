package org.gradcheck.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.gradcheck.CheckRefusedException;
import org.gradcheck.function.VectorFunction;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.DerivativeForm;
import org.gradcheck.report.Entry;

/**
 * A vector function and its derivative in whichever forms it implements: the full Jacobian, vector-Jacobian
 * products (a backward pass) or Jacobian-vector products (a forward mode). The analytic Jacobian is taken from
 * the first form implemented, in that order, assembled row by row from products with unit vectors where needed;
 * the other forms are checked against it with seeded random vectors. A Hessian is the Jacobian of the user's
 * gradient ({@link org.gradcheck.engine.Checks}).
 */
final class JacobianProblem extends Problem {

    private final VectorFunction function;
    private final CheckedMatrix matrix;
    private ParameterLayout outputs;
    private int m = -1;
    private final Set<DerivativeForm> implemented = EnumSet.noneOf(DerivativeForm.class);
    private final Set<DerivativeForm> tried = EnumSet.noneOf(DerivativeForm.class);
    private DerivativeForm entriesFrom;

    JacobianProblem(VectorFunction function, ParameterLayout inputs, ParameterLayout outputs, CheckedMatrix matrix) {
        super(inputs);
        this.function = function;
        this.outputs = outputs;
        this.matrix = matrix;
    }

    @Override
    String title() {
        return matrix.title;
    }

    @Override
    String derivativeName() {
        return matrix.derivative();
    }

    @Override
    int outputCount() {
        return m;
    }

    @Override
    ParameterLayout outputs() {
        return outputs;
    }

    @Override
    double[] firstValues(double[] x) {
        double[] y = function.value(x);
        if (y == null) {
            throw new CheckRefusedException("the function returned null while computing the outputs at the point: value(point)"
                    + " must return an array");
        }
        if (y.length == 0) {
            throw new CheckRefusedException("the function returned no outputs: value(point) must return at least one value");
        }
        m = y.length;
        if (outputs == null) {
            outputs = ParameterLayout.vector("y", m);
        } else if (outputs.size() != m) {
            throw new CheckRefusedException("the function has " + m + " outputs but the output layout has " + outputs.size()
                    + ": give a layout of the function's output");
        }
        return y.clone();
    }

    @Override
    void values(double[] x, double[] out) {
        double[] y = function.value(x);
        if (y == null || y.length != m) {
            throw new CheckRefusedException("the function returned " + (y == null ? "null" : y.length + " outputs")
                    + " but " + m + " at the point: the number of outputs must not change");
        }
        System.arraycopy(y, 0, out, 0, m);
    }

    @Override
    void analytic(double[] x, double[] into) {
        int n = x.length;
        double[][] jacobian = optional(DerivativeForm.JACOBIAN, () -> function.jacobian(x));
        if (jacobian != null) {
            entriesFrom = DerivativeForm.JACOBIAN;
            if (jacobian.length != m) {
                throw new CheckRefusedException("the " + matrix.title + " has "
                        + jacobian.length + " rows but the function has " + m + " outputs: return one row per output");
            }
            for (int i = 0; i < m; i++) {
                double[] row = jacobian[i];
                if (row == null || row.length != n) {
                    throw new CheckRefusedException("row " + i + " (" + outputs.nameOf(i) + ") of the " + matrix.describe(
                            DerivativeForm.JACOBIAN) + " has " + (row == null ? "no values" : row.length + " columns")
                            + " but the function has " + n + " inputs: return one column per input");
                }
                System.arraycopy(row, 0, into, i * n, n);
            }
            return;
        }
        double[] unit = new double[m];
        boolean backward = false;
        for (int i = 0; i < m; i++) {
            unit[i] = 1;
            double[] row = optional(DerivativeForm.VECTOR_JACOBIAN_PRODUCT, () -> function.vectorJacobianProduct(x, unit));
            requireUnitDirection(unit, i, outputs, "the output direction u of vectorJacobianProduct");
            unit[i] = 0;
            if (row == null) {
                break;
            }
            backward = true;
            requireLength(row, n, "the vector-Jacobian product", "J^T u has one value per input");
            System.arraycopy(row, 0, into, i * n, n);
        }
        if (backward) {
            entriesFrom = DerivativeForm.VECTOR_JACOBIAN_PRODUCT;
            return;
        }
        double[] direction = new double[n];
        for (int j = 0; j < n; j++) {
            direction[j] = 1;
            double[] column = optional(DerivativeForm.JACOBIAN_VECTOR_PRODUCT, () -> function.jacobianVectorProduct(x, direction));
            requireUnitDirection(direction, j, inputs, "the input direction v of jacobianVectorProduct");
            direction[j] = 0;
            if (column == null) {
                throw new CheckRefusedException("the function implements no derivative: override jacobian(point), "
                        + "vectorJacobianProduct(point, u) or jacobianVectorProduct(point, v) of VectorFunction");
            }
            requireLength(column, m, "the Jacobian-vector product", "J v has one value per output");
            for (int i = 0; i < m; i++) {
                into[i * n + j] = column[i];
            }
        }
        entriesFrom = DerivativeForm.JACOBIAN_VECTOR_PRODUCT;
    }

    /** A derivative form's result, copied, or null when the function does not implement the form. */
    private <T> T optional(DerivativeForm form, Supplier<T> computation) {
        if (tried.contains(form) && !implemented.contains(form)) {
            return null;
        }
        tried.add(form);
        T result;
        try {
            result = computation.get();
        } catch (UnsupportedOperationException e) {
            return null;
        }
        if (result == null) {
            throw new CheckRefusedException("the function returned null from its " + form.description() + ": return an array,"
                    + " or leave the method unimplemented (it then throws UnsupportedOperationException)");
        }
        implemented.add(form);
        return result;
    }

    /** The unit vector {@code e_index} a product was given is unchanged: the function did not modify its argument. */
    private static void requireUnitDirection(double[] direction, int index, ParameterLayout layout, String what) {
        for (int k = 0; k < direction.length; k++) {
            double expected = k == index ? 1 : 0;
            if (Double.doubleToRawLongBits(direction[k]) != Double.doubleToRawLongBits(expected)) {
                throw new CheckRefusedException("the function modified " + what + ": " + layout.nameOf(k) + " (index " + k
                        + ") was " + expected + " and became " + direction[k] + ". Functions must treat their arguments as"
                        + " read-only; copy them before changing them.");
            }
        }
    }

    private static void requireLength(double[] product, int length, String what, String hint) {
        if (product.length != length) {
            throw new CheckRefusedException(what + " has length " + product.length + " but should have " + length + ": "
                    + hint);
        }
    }

    @Override
    Problem copyForThread() {
        return null;
    }

    @Override
    String functionClass() {
        return function.getClass().getName();
    }

    Set<DerivativeForm> implemented() {
        return implemented;
    }

    DerivativeForm entriesFrom() {
        return entriesFrom;
    }

    CheckedMatrix matrix() {
        return matrix;
    }

    /** {@code <u, J v> via J vs via J v, trial 1}: one product, computed through two forms. */
    private String consistencyName(DerivativeForm left, DerivativeForm right, int trial) {
        return "<u, " + matrix.symbol + " v> via " + matrix.formula(left) + " vs via " + matrix.formula(right) + ", trial "
                + trial;
    }

    /**
     * The consistency checks: for each trial, seeded Gaussian {@code u} and {@code v}, and {@code <u, J v>} through
     * every implemented form, each product copied as soon as the user's code returns it (layers that reuse one output
     * buffer are right to do so). Exact identities: the allowed error is the product tolerance times
     * {@code sum |u_i| |J_ij| |v_j|}.
     */
    List<Entry> consistency(Evaluator evaluator, double[] analytic, int trials, double productTolerance, long seed) {
        List<Entry> checks = new ArrayList<>();
        if (trials == 0) {
            return checks;
        }
        double[] x = evaluator.x();
        int n = x.length;
        Random random = new Random(seed);
        double[] u = new double[m];
        double[] v = new double[n];
        for (int trial = 1; trial <= trials; trial++) {
            for (int i = 0; i < m; i++) {
                u[i] = random.nextGaussian();
            }
            for (int j = 0; j < n; j++) {
                v[j] = random.nextGaussian();
            }
            double scale = 0;
            double viaJacobian = 0;
            for (int i = 0; i < m; i++) {
                double row = 0;
                double magnitude = 0;
                for (int j = 0, k = i * n; j < n; j++, k++) {
                    row += analytic[k] * v[j];
                    magnitude += Math.abs(analytic[k] * v[j]);
                }
                viaJacobian += u[i] * row;
                scale += Math.abs(u[i]) * magnitude;
            }
            double allowed = productTolerance * scale;
            Supplier<double[]> backwardProduct = () -> product(evaluator, DerivativeForm.VECTOR_JACOBIAN_PRODUCT,
                    () -> function.vectorJacobianProduct(x, u.clone()), n, "vector-Jacobian product");
            Supplier<double[]> forwardProduct = () -> product(evaluator, DerivativeForm.JACOBIAN_VECTOR_PRODUCT,
                    () -> function.jacobianVectorProduct(x, v.clone()), m, "Jacobian-vector product");
            // the forms not tried yet first: when they turn out not to be implemented, no product is computed in vain
            double[] backward = tried.contains(DerivativeForm.VECTOR_JACOBIAN_PRODUCT) ? null : backwardProduct.get();
            double[] forward = tried.contains(DerivativeForm.JACOBIAN_VECTOR_PRODUCT) ? null : forwardProduct.get();
            if (implemented.size() < 2) {
                return checks;
            }
            if (backward == null) {
                backward = backwardProduct.get();
            }
            if (forward == null) {
                forward = forwardProduct.get();
            }
            double viaBackward = backward == null ? Double.NaN : dot(backward, v);
            double viaForward = forward == null ? Double.NaN : dot(u, forward);
            if (backward != null && forward != null) {
                checks.add(new Identity(checks.size(), consistencyName(DerivativeForm.VECTOR_JACOBIAN_PRODUCT,
                        DerivativeForm.JACOBIAN_VECTOR_PRODUCT, trial), viaBackward, viaForward, allowed));
            }
            if (implemented.contains(DerivativeForm.JACOBIAN)) {
                if (backward != null) {
                    checks.add(new Identity(checks.size(), consistencyName(DerivativeForm.JACOBIAN,
                            DerivativeForm.VECTOR_JACOBIAN_PRODUCT, trial), viaJacobian, viaBackward, allowed));
                }
                if (forward != null) {
                    checks.add(new Identity(checks.size(), consistencyName(DerivativeForm.JACOBIAN,
                            DerivativeForm.JACOBIAN_VECTOR_PRODUCT, trial), viaJacobian, viaForward, allowed));
                }
            }
        }
        return checks;
    }

    /**
     * A product through {@code form} with random vectors, copied; null when the function does not implement the form
     * (found out here for the forms the entries did not come from: it throws {@link UnsupportedOperationException}).
     */
    private double[] product(Evaluator evaluator, DerivativeForm form, Supplier<double[]> computation, int length,
            String what) {
        if (tried.contains(form) && !implemented.contains(form)) {
            return null;
        }
        double[] notImplemented = new double[0];
        double[] result = evaluator.optional(computation, "computing a " + what + " with random vectors", notImplemented);
        tried.add(form);
        if (result == notImplemented) {
            return null;
        }
        implemented.add(form);
        if (result == null) {
            throw new CheckRefusedException("the function returned null from its " + what + ": return an array");
        }
        requireLength(result, length, "the " + what, "give one value per " + (length == m ? "output" : "input"));
        for (int k = 0; k < result.length; k++) {
            if (!Double.isFinite(result[k])) {
                throw new CheckRefusedException("the " + what + " is " + result[k] + " at index " + k + " for a random"
                        + " direction: a check needs finite values");
            }
        }
        return result.clone();
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += a[k] * b[k];
        }
        return sum;
    }
}
