package org.gradcheck.engine;

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
        double[] gradient = function.gradient(x);
        if (gradient == null) {
            throw new CheckRefusedException("the analytic gradient is null: gradient(point) must return an array of length "
                    + into.length);
        }
        if (gradient.length != into.length) {
            throw new CheckRefusedException("the analytic gradient has length " + gradient.length + " but the point has "
                    + into.length + " parameters: return one partial derivative per parameter");
        }
        System.arraycopy(gradient, 0, into, 0, into.length);
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
