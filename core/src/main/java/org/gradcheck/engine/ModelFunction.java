package org.gradcheck.engine;

import java.util.Map;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.function.GradientModel;
import org.gradcheck.layout.GradientNaming;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.layout.Parameters;

/**
 * A {@link GradientModel} on a fixed batch, seen as a {@link DifferentiableFunction} of the flat parameter
 * vector. The parameter view of the last array evaluated is reused, so evaluations at the checker's working
 * copy allocate nothing.
 *
 * @param <B> the batch type
 */
final class ModelFunction<B> implements DifferentiableFunction {

    private final GradientModel<B> model;
    private final ParameterLayout layout;
    private final B batch;
    private final GradientNaming naming;
    private Parameters lastView;

    ModelFunction(GradientModel<B> model, ParameterLayout layout, B batch, GradientNaming naming) {
        this.model = model;
        this.layout = layout;
        this.batch = batch;
        this.naming = naming;
    }

    @Override
    public DifferentiableFunction copyForThread() {
        GradientModel<B> copy = model.copyForThread();
        return copy == null ? null : new ModelFunction<>(copy, layout, batch, naming);
    }

    @Override
    public double value(double[] point) {
        return model.cost(viewOf(point), batch);
    }

    private Parameters viewOf(double[] point) {
        Parameters view = lastView;
        if (view == null || view.values() != point) {
            view = Parameters.view(layout, point);
            lastView = view;
        }
        return view;
    }

    @Override
    public double[] gradient(double[] point) {
        double[] vector = new double[layout.size()];
        gradient(point, vector);
        return vector;
    }

    /** The model's gradients at {@code point}, rolled into {@code into}: no vector of the parameters' size allocated. */
    void gradient(double[] point, double[] into) {
        Map<String, ?> gradients = model.gradients(viewOf(point), batch);
        if (gradients == null) {
            throw new IllegalArgumentException("the model's gradients(...) returned null: return a map with "
                    + naming.gradientKey(layout.blocks().get(0).name()) + " and the other gradients");
        }
        layout.rollGradients(gradients, naming, into);
    }

    @Override
    public String toString() {
        return model.getClass().getName();
    }
}
