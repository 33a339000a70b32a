package org.gradcheck.examples.layers;

/**
 * A fully connected layer with tanh activation, {@code y = tanh(W x + b)}, written the way hand-made networks
 * write layers: a forward pass, a backward pass that turns {@code dL/dy} into {@code dL/dx} (and the parameter
 * gradients), and a forward-mode pass that propagates a tangent {@code dx} to {@code dy}.
 */
public final class DenseLayer {

    private final double[][] weights;
    private final double[] bias;

    /** A layer with {@code weights} (outputs x inputs) and {@code bias}; the arrays are used, not copied. */
    public DenseLayer(double[][] weights, double[] bias) {
        this.weights = weights;
        this.bias = bias;
    }

    /** Number of outputs. */
    public int outputs() {
        return weights.length;
    }

    /** Number of inputs. */
    public int inputs() {
        return weights[0].length;
    }

    /** The forward pass: {@code y = tanh(W x + b)}. */
    public double[] forward(double[] x) {
        double[] y = new double[outputs()];
        for (int i = 0; i < y.length; i++) {
            double z = bias[i];
            for (int j = 0; j < x.length; j++) {
                z += weights[i][j] * x[j];
            }
            y[i] = Math.tanh(z);
        }
        return y;
    }

    /** The backward pass: {@code dL/dx = W^T (dL/dy * (1 - y^2))}. */
    public double[] backward(double[] x, double[] dy) {
        double[] y = forward(x);
        double[] dx = new double[inputs()];
        for (int i = 0; i < y.length; i++) {
            double dz = dy[i] * (1 - y[i] * y[i]);
            for (int j = 0; j < dx.length; j++) {
                dx[j] += weights[i][j] * dz;
            }
        }
        return dx;
    }

    /** The same backward pass with a classic bug: the derivative of tanh is left out. */
    public double[] backwardWithoutActivationDerivative(double[] x, double[] dy) {
        double[] dx = new double[inputs()];
        for (int i = 0; i < outputs(); i++) {
            for (int j = 0; j < dx.length; j++) {
                dx[j] += weights[i][j] * dy[i];
            }
        }
        return dx;
    }

    /** Forward mode: {@code dy = (1 - y^2) * (W dx)}. */
    public double[] tangent(double[] x, double[] dx) {
        double[] y = forward(x);
        double[] dy = new double[outputs()];
        for (int i = 0; i < dy.length; i++) {
            double dz = 0;
            for (int j = 0; j < dx.length; j++) {
                dz += weights[i][j] * dx[j];
            }
            dy[i] = (1 - y[i] * y[i]) * dz;
        }
        return dy;
    }

    /**
     * The parameter gradients as one flat vector {@code [dW (row-major), db]}: {@code dW = dz x^T}, {@code db = dz},
     * with {@code dz = dL/dy * (1 - y^2)}.
     */
    public double[] parameterGradients(double[] x, double[] dy) {
        double[] y = forward(x);
        int n = inputs();
        double[] gradients = new double[outputs() * n + outputs()];
        for (int i = 0; i < outputs(); i++) {
            double dz = dy[i] * (1 - y[i] * y[i]);
            for (int j = 0; j < n; j++) {
                gradients[i * n + j] = dz * x[j];
            }
            gradients[outputs() * n + i] = dz;
        }
        return gradients;
    }

    /** A layer of the same shape with parameters read from the flat vector {@code [W (row-major), b]}. */
    public static DenseLayer fromParameters(double[] theta, int outputs, int inputs) {
        double[][] weights = new double[outputs][inputs];
        for (int i = 0; i < outputs; i++) {
            System.arraycopy(theta, i * inputs, weights[i], 0, inputs);
        }
        double[] bias = new double[outputs];
        System.arraycopy(theta, outputs * inputs, bias, 0, outputs);
        return new DenseLayer(weights, bias);
    }
}
