package org.gradcheck.engine;

import java.util.Arrays;
import org.gradcheck.CheckRefusedException;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.layout.ParameterLayout;

/** A scalar function and its gradient: the one-row problem. */
final class GradientProblem extends Problem {

    private static final ParameterLayout OUTPUT = ParameterLayout.vector("f", 1);

    private final DifferentiableFunction function;

    GradientProblem(DifferentiableFunction function, ParameterLayout inputs) {
        super(inputs);
        this.function = function;
    }

    @Override
    String title() {
        return "Gradient";
    }

    @Override
    String derivativeName() {
        return "the analytic gradient";
    }

    @Override
    int outputCount() {
        return 1;
    }

    @Override
    ParameterLayout outputs() {
        return OUTPUT;
    }

    @Override
    void values(double[] x, double[] out) {
        out[0] = function.value(x);
    }

    @Override
    void analytic(double[] x, double[] into) {
        if (function instanceof ModelFunction) {
            ((ModelFunction<?>) function).gradient(x, into);
            return;
        }
        System.arraycopy(gradient(x), 0, into, 0, into.length);
    }

    /**
     * A copy of the user's gradient, not the array itself (a function may return a buffer it reuses), made by
     * {@link Arrays#copyOf}, which fills a new array without clearing it first: for a large model a pass over memory
     * less than a new array and a copy into it.
     */
    @Override
    double[] analytic(double[] x) {
        if (function instanceof ModelFunction) {
            return super.analytic(x);
        }
        double[] gradient = gradient(x);
        return Arrays.copyOf(gradient, gradient.length);
    }

    /** The user's gradient at {@code x}, of the right length. */
    private double[] gradient(double[] x) {
        double[] gradient = function.gradient(x);
        if (gradient == null) {
            throw new CheckRefusedException("the analytic gradient is null: gradient(point) must return an array of length "
                    + x.length);
        }
        if (gradient.length != x.length) {
            throw new CheckRefusedException("the analytic gradient has length " + gradient.length + " but the point has "
                    + x.length + " parameters: return one partial derivative per parameter");
        }
        return gradient;
    }

    @Override
    Problem copyForThread() {
        DifferentiableFunction copy = function.copyForThread();
        return copy == null ? null : new GradientProblem(copy, inputs);
    }

    @Override
    String functionClass() {
        return function instanceof ModelFunction ? function.toString() : function.getClass().getName();
    }

    @Override
    String entryName(int row, int column) {
        return inputs.nameOf(column);
    }

    /** The function under test, for the strategies that evaluate it along directions. */
    DifferentiableFunction function() {
        return function;
    }
}
