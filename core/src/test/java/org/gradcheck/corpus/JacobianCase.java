package org.gradcheck.corpus;

import java.util.Set;
import java.util.function.Supplier;
import org.gradcheck.function.VectorFunction;
import org.gradcheck.layout.ParameterLayout;

/**
 * One case of the Jacobian corpus: a vector function with a hand-written Jacobian, a point, and what a Jacobian
 * checker with default settings must say. Outputs are named {@code y[i]}, entries {@code y[i] / x[j]}.
 *
 * @param name short description
 * @param kind what the case is
 * @param category group on the scoreboard, as in the gradient corpus
 * @param functions makes the function under test, afresh for every check if it has state
 * @param point the point to check at
 * @param inputLayout names of the inputs
 * @param wrongParameters for a bug, the entries whose analytic value is wrong; for an unresolvable case, those whose
 *     derivative does not exist at the point; empty otherwise
 * @param expectedMessage for a non-deterministic case or bad input, a fragment the error message must contain
 */
record JacobianCase(String name, CorpusCase.Kind kind, String category, Supplier<VectorFunction> functions, double[] point,
        ParameterLayout inputLayout, Set<String> wrongParameters, String expectedMessage) implements Case {

    /** {@return the name of entry {@code (output, input)}: {@code y[0] / x[1]}} */
    static String entryName(String output, String input) {
        return output + " / " + input;
    }

    /** {@return the name of the entry of output {@code i} and input {@code j} of {@code inputLayout}} */
    static String entryName(int i, int j, ParameterLayout inputLayout) {
        return entryName("y[" + i + "]", inputLayout.nameOf(j));
    }

    /** {@return the function under test, fresh if it has state} */
    VectorFunction function() {
        return functions.get();
    }

    @Override
    public String form() {
        return "jacobian";
    }

    @Override
    public String toString() {
        return kind + " " + category + " (Jacobian): " + name;
    }
}
