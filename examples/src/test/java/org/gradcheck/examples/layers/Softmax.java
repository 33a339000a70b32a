package org.gradcheck.examples.layers;

/** The softmax function {@code y_i = exp(z_i) / sum_k exp(z_k)}, computed stably, with its derivatives. */
public final class Softmax {

    private Softmax() {
    }

    /** {@code softmax(z)}, shifted by {@code max z} so that no exponential overflows. */
    public static double[] value(double[] z) {
        double largest = Double.NEGATIVE_INFINITY;
        for (double zi : z) {
            largest = Math.max(largest, zi);
        }
        double[] y = new double[z.length];
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            y[i] = Math.exp(z[i] - largest);
            sum += y[i];
        }
        for (int i = 0; i < z.length; i++) {
            y[i] /= sum;
        }
        return y;
    }

    /** The Jacobian {@code dy_i / dz_j = y_i (delta_ij - y_j)}. */
    public static double[][] jacobian(double[] z) {
        double[] y = value(z);
        double[][] jacobian = new double[y.length][y.length];
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y.length; j++) {
                jacobian[i][j] = y[i] * ((i == j ? 1 : 0) - y[j]);
            }
        }
        return jacobian;
    }

    /** A frequent mistake: only the diagonal {@code y_i (1 - y_i)}, as if each output depended on its own input only. */
    public static double[][] diagonalJacobian(double[] z) {
        double[] y = value(z);
        double[][] jacobian = new double[y.length][y.length];
        for (int i = 0; i < y.length; i++) {
            jacobian[i][i] = y[i] * (1 - y[i]);
        }
        return jacobian;
    }

    /** The backward pass without forming the Jacobian: {@code dz = y * (dy - <dy, y>)}. */
    public static double[] backward(double[] z, double[] dy) {
        double[] y = value(z);
        double dot = 0;
        for (int i = 0; i < y.length; i++) {
            dot += dy[i] * y[i];
        }
        double[] dz = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            dz[i] = y[i] * (dy[i] - dot);
        }
        return dz;
    }
}
