package org.gradcheck.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.gradcheck.corpus.CorpusCase.Kind;
import org.gradcheck.function.VectorFunction;
import org.gradcheck.layout.ParameterLayout;

/** Collects the cases of the Jacobian corpus, as {@link Cases} does those of the gradient corpus. */
final class JacobianCases {

    /** A wrong entry is one whose buggy value differs from the right one by more than this, relatively. */
    private static final double WRONG = Cases.WRONG;

    private final List<JacobianCase> cases = new ArrayList<>();

    /** {@return the cases added so far, in order; unmodifiable} */
    List<JacobianCase> list() {
        return Collections.unmodifiableList(new ArrayList<>(cases));
    }

    void bug(String name, String category, ParameterLayout layout, Function<double[], double[]> value,
            Function<double[], double[][]> rightJacobian, Function<double[], double[][]> wrongJacobian, double[] point) {
        double[][] right = rightJacobian.apply(point);
        double[][] wrong = wrongJacobian.apply(point);
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < right.length; i++) {
            for (int j = 0; j < right[i].length; j++) {
                double scale = Math.max(Math.abs(right[i][j]), Math.abs(wrong[i][j]));
                if (Math.abs(wrong[i][j] - right[i][j]) > WRONG * scale) {
                    names.add(JacobianCase.entryName(i, j, layout));
                }
            }
        }
        bug(name, category, layout, value, wrongJacobian, point, names);
    }

    void bug(String name, String category, ParameterLayout layout, Function<double[], double[]> value,
            Function<double[], double[][]> wrongJacobian, double[] point, Set<String> wrongEntries) {
        if (wrongEntries.isEmpty()) {
            throw new IllegalStateException("bug case '" + name + "' has no wrong entry at its point");
        }
        add(name, Kind.BUG, category, stateless(value, wrongJacobian), point, layout, wrongEntries, null);
    }

    void correct(String name, String category, ParameterLayout layout, Function<double[], double[]> value,
            Function<double[], double[][]> jacobian, double[] point) {
        add(name, Kind.CORRECT, category, stateless(value, jacobian), point, layout, Set.of(), null);
    }

    void correct(String name, String category, ParameterLayout layout, Supplier<VectorFunction> functions,
            double[] point) {
        add(name, Kind.CORRECT, category, functions, point, layout, Set.of(), null);
    }

    void unresolvable(String name, String category, ParameterLayout layout, Function<double[], double[]> value,
            Function<double[], double[][]> jacobian, double[] point, Set<String> undecidable) {
        add(name, Kind.UNRESOLVABLE, category, stateless(value, jacobian), point, layout, undecidable, null);
    }

    void nondeterministic(String name, String category, ParameterLayout layout, Supplier<VectorFunction> functions,
            double[] point, String message) {
        add(name, Kind.NONDETERMINISTIC, category, functions, point, layout, Set.of(), message);
    }

    void bad(String name, String category, ParameterLayout layout, Function<double[], double[]> value,
            Function<double[], double[][]> jacobian, double[] point, String message) {
        add(name, Kind.BAD_INPUT, category, stateless(value, jacobian), point, layout, Set.of(), message);
    }

    private void add(String name, Kind kind, String category, Supplier<VectorFunction> functions, double[] point,
            ParameterLayout layout, Set<String> names, String message) {
        cases.add(new JacobianCase(name, kind, category, functions, point, layout, Collections.unmodifiableSet(names),
                message));
    }

    private static Supplier<VectorFunction> stateless(Function<double[], double[]> value,
            Function<double[], double[][]> jacobian) {
        VectorFunction function = VectorFunction.of(value, jacobian);
        return () -> function;
    }

    /** The names of the entries {@code (i0, j0), (i1, j1), ...}. */
    static Set<String> entries(ParameterLayout layout, int... outputAndInput) {
        Set<String> names = new LinkedHashSet<>();
        for (int k = 0; k < outputAndInput.length; k += 2) {
            names.add(JacobianCase.entryName(outputAndInput[k], outputAndInput[k + 1], layout));
        }
        return names;
    }
}
