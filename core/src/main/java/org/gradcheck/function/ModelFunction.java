package org.gradcheck.function;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;
import org.gradcheck.layout.GradientNaming;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.layout.Parameters;

/**
 * A {@link GradientModel} on a fixed batch, seen as a {@link DifferentiableFunction} of the flat parameter
 * vector.
 *
 * @param <B> the batch type
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ModelFunction<B> implements DifferentiableFunction {

    private final GradientModel<B> model;
    private final ParameterLayout layout;
    private final B batch;
    private final GradientNaming naming;
    private Parameters lastView;

    private ModelFunction(GradientModel<B> model, ParameterLayout layout, B batch, GradientNaming naming) {
        this.model = model;
        this.layout = layout;
        this.batch = batch;
        this.naming = naming;
    }

    /**
     * The model's cost on {@code batch} as a function of vectors laid out by {@code layout}; gradients are
     * looked up by {@code naming}.
     *
     * @param <B> the type of a batch of examples
     * @param model the model under test
     * @param layout the layout that names the parameters
     * @param batch the examples the model is evaluated on
     * @param naming how gradient keys are derived from block names
     * @return the model's cost on {@code batch} as a function of vectors laid out by {@code layout}; gradients are looked up by {@code naming}
     * @throws IllegalArgumentException if the model, layout or naming is null
     */
    public static <B> ModelFunction<B> of(GradientModel<B> model, ParameterLayout layout, B batch, GradientNaming naming) {
        if (model == null) {
            throw new IllegalArgumentException("model must not be null: pass the model whose gradients are checked");
        }
        if (layout == null) {
            throw new IllegalArgumentException("layout must not be null");
        }
        if (naming == null) {
            throw new IllegalArgumentException("naming must not be null: use GradientNaming.standard() for dW1, db1, ...");
        }
        return new ModelFunction<>(model, layout, batch, naming);
    }

    /** {@return the layout of the parameter vector; never null} */
    public ParameterLayout layout() {
        return layout;
    }

    /** A function over the model's copy for another thread, or null if the model declares none. */
    @Override
    public DifferentiableFunction copyForThread() {
        GradientModel<B> copy = model.copyForThread();
        return copy == null ? null : new ModelFunction<>(copy, layout, batch, naming);
    }

    @Override
    public double value(double[] point) {
        return model.cost(viewOf(point), batch);
    }

    /**
     * The view of {@code point}: the last one made, if it views the same array, so that the checker's
     * per-coordinate evaluations of one array allocate nothing. A view is immutable, so a race only costs a new one.
     */
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
        Map<String, ?> gradients = model.gradients(viewOf(point), batch);
        if (gradients == null) {
            throw new IllegalArgumentException("the model's gradients(...) returned null: return a map with "
                    + naming.gradientKey(layout.blocks().get(0).name()) + " and the other gradients");
        }
        return layout.rollGradients(gradients, naming);
    }
}
