package org.gradcheck.engine;

import org.gradcheck.CheckRefusedException;
import org.gradcheck.layout.ParameterLayout;

/**
 * The user's function as the engine sees it: {@code m} outputs (rows) of {@code n} inputs (columns), with the
 * analytic derivative as an {@code m x n} matrix. A gradient is the one-row case; a Hessian is the Jacobian of
 * the user's gradient. Names come from the input and output layouts.
 *
 * <p>{@link #values} and {@link #analytic} call the user's code and let its exceptions through unchanged; the
 * {@link Evaluator} wraps them with the context of the evaluation. Shape errors (a wrong length, a null result)
 * are reported here as {@link CheckRefusedException}s.
 */
abstract class Problem {

    /** The inputs (parameters of a gradient): the columns. */
    final ParameterLayout inputs;
    /** Which inputs are held in single precision; null when none is. */
    private final boolean[] single;

    Problem(ParameterLayout inputs) {
        this.inputs = inputs;
        this.single = inputs.hasSinglePrecisionBlocks() ? singleColumns(inputs) : null;
    }

    private static boolean[] singleColumns(ParameterLayout inputs) {
        boolean[] single = new boolean[inputs.size()];
        for (org.gradcheck.layout.Block block : inputs.blocks()) {
            if (block.isSinglePrecision()) {
                java.util.Arrays.fill(single, block.offset(), block.offset() + block.size(), true);
            }
        }
        return single;
    }

    /** {@return what is checked, as the headline names it: {@code Gradient}, {@code Jacobian}, {@code Hessian}} */
    abstract String title();

    /** {@return the name of the derivative in messages: {@code the analytic gradient}} */
    abstract String derivativeName();

    /** {@return the number of outputs {@code m}} */
    abstract int outputCount();

    /** {@return the layout that names the outputs} */
    abstract ParameterLayout outputs();

    /**
     * The outputs at {@code x}, written into {@code out} (length {@link #outputCount()}).
     *
     * @param x the point; the user's code must not modify it
     * @param out the outputs; modified
     */
    abstract void values(double[] x, double[] out);

    /**
     * The first outputs at {@code x}, in a new array; a problem that learns its number of outputs from them does so here.
     *
     * @param x the point; the user's code must not modify it
     * @return the outputs
     */
    double[] firstValues(double[] x) {
        double[] out = new double[outputCount()];
        values(x, out);
        return out;
    }

    /**
     * The analytic derivative at {@code x}, row-major into {@code into} ({@code m * n}).
     *
     * @param x the point; the user's code must not modify it
     * @param into the derivative; modified
     */
    abstract void analytic(double[] x, double[] into);

    /**
     * The analytic derivative at {@code x} in a new array of {@code m * n} entries, row-major, the checker's own.
     *
     * @param x the point; the user's code must not modify it
     * @return the derivative
     */
    double[] analytic(double[] x) {
        double[] into = new double[outputCount() * x.length];
        analytic(x, into);
        return into;
    }

    /** {@return a copy that another thread may evaluate, with its own buffers; null when the function has none} */
    abstract Problem copyForThread();

    /** {@return the class of the function under test, for messages} */
    abstract String functionClass();

    /**
     * The value a perturbed input takes as the function sees it: itself for double inputs, rounded to {@code float}
     * for inputs held in single precision, so that the realised step is the one the function sees.
     *
     * @param column the input
     * @param value the perturbed value
     * @return the representable value
     */
    /** Whether some input is held in single precision, so that {@link #representable} rounds. */
    boolean hasSinglePrecisionInputs() {
        return single != null;
    }

    double representable(int column, double value) {
        return single != null && single[column] ? (float) value : value;
    }

    /** {@return the name of entry {@code (row, column)}: {@code y[2] / W1[2,3]} ({@code W1[2,3]} in a gradient)} */
    String entryName(int row, int column) {
        return outputs().nameOf(row) + " / " + inputs.nameOf(column);
    }
}
