package org.gradcheck.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.gradcheck.corpus.CorpusCase.Kind;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.layout.ParameterLayout;

/** Collects the cases of the gradient corpus; every family of cases adds its own through these methods. */
final class Cases {

    /** A wrong parameter is one whose buggy partial derivative differs from the right one by more than this, relatively. */
    static final double WRONG = 1e-4;

    private final List<CorpusCase> cases = new ArrayList<>();

    /** {@return the cases added so far, in order; unmodifiable} */
    List<CorpusCase> list() {
        return Collections.unmodifiableList(new ArrayList<>(cases));
    }

    /** A bug case on a plain vector {@code x}; the wrong parameters are found by comparing the two gradients at the point. */
    void bug(String name, String category, ToDoubleFunction<double[]> value, Function<double[], double[]> rightGradient,
            Function<double[], double[]> wrongGradient, double[] point) {
        bug(name, category, ParameterLayout.vector("x", point.length), value, rightGradient, wrongGradient, point);
    }

    /** A bug case; the wrong parameters are those whose buggy partial derivative differs from the right one. */
    void bug(String name, String category, ParameterLayout layout, ToDoubleFunction<double[]> value,
            Function<double[], double[]> rightGradient, Function<double[], double[]> wrongGradient, double[] point) {
        double[] wrong = wrongGradient.apply(point);
        double[] right = rightGradient.apply(point);
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < wrong.length; i++) {
            double scale = Math.max(Math.abs(right[i]), Math.abs(wrong[i]));
            if (Math.abs(wrong[i] - right[i]) > WRONG * scale) {
                names.add(layout.nameOf(i));
            }
        }
        bug(name, category, layout, value, wrongGradient, point, names);
    }

    /**
     * A bug case whose wrong parameters are named: at a tie a gradient is wrong as a vector (no convex combination of
     * the one-sided gradients gives it), though each of its entries may lie between its own one-sided derivatives.
     */
    void bug(String name, String category, ParameterLayout layout, ToDoubleFunction<double[]> value,
            Function<double[], double[]> wrongGradient, double[] point, Set<String> wrongParameters) {
        if (wrongParameters.isEmpty()) {
            throw new IllegalStateException("bug case '" + name + "' has no wrong parameter at its point");
        }
        add(name, Kind.BUG, category, stateless(value, wrongGradient), point, layout, wrongParameters, null);
    }

    void correct(String name, String category, ToDoubleFunction<double[]> value, Function<double[], double[]> gradient,
            double[] point) {
        correct(name, category, ParameterLayout.vector("x", point.length), value, gradient, point);
    }

    void correct(String name, String category, ParameterLayout layout, ToDoubleFunction<double[]> value,
            Function<double[], double[]> gradient, double[] point) {
        add(name, Kind.CORRECT, category, stateless(value, gradient), point, layout, Set.of(), null);
    }

    /** A correct case whose function has state: {@code functions} makes a fresh one for every check. */
    void correct(String name, String category, ParameterLayout layout, Supplier<DifferentiableFunction> functions,
            double[] point) {
        add(name, Kind.CORRECT, category, functions, point, layout, Set.of(), null);
    }

    /** A function without a derivative in {@code undecidable} at the point, whatever {@code gradient} says there. */
    void unresolvable(String name, String category, ParameterLayout layout, ToDoubleFunction<double[]> value,
            Function<double[], double[]> gradient, double[] point, Set<String> undecidable) {
        if (undecidable.isEmpty()) {
            throw new IllegalStateException("unresolvable case '" + name + "' names no parameter without a derivative");
        }
        add(name, Kind.UNRESOLVABLE, category, stateless(value, gradient), point, layout, undecidable, null);
    }

    void nondeterministic(String name, String category, ParameterLayout layout, Supplier<DifferentiableFunction> functions,
            double[] point, String message) {
        add(name, Kind.NONDETERMINISTIC, category, functions, point, layout, Set.of(), message);
    }

    void bad(String name, String category, ParameterLayout layout, ToDoubleFunction<double[]> value,
            Function<double[], double[]> gradient, double[] point, String message) {
        add(name, Kind.BAD_INPUT, category, stateless(value, gradient), point, layout, Set.of(), message);
    }

    private void add(String name, Kind kind, String category, Supplier<DifferentiableFunction> functions, double[] point,
            ParameterLayout layout, Set<String> names, String message) {
        cases.add(new CorpusCase(name, kind, category, functions, point, layout, Collections.unmodifiableSet(names), message));
    }

    private static Supplier<DifferentiableFunction> stateless(ToDoubleFunction<double[]> value,
            Function<double[], double[]> gradient) {
        DifferentiableFunction function = DifferentiableFunction.of(value, gradient);
        return () -> function;
    }
}
