package org.gradcheck.corpus;

import java.util.Set;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.layout.ParameterLayout;

/**
 * One case of the verdict corpus: a function, a point, and what a checker with default settings must say.
 *
 * @param name short description
 * @param kind what the case is
 * @param category group on the scoreboard (e.g. "wrong sign", "scale")
 * @param function the function under test
 * @param point the point to check at
 * @param layout names of the parameters
 * @param wrongParameters for a bug, the parameters whose analytic gradient is wrong; empty otherwise
 * @param expectedMessage for a non-deterministic case or bad input, a fragment the error message must contain
 */
record CorpusCase(String name, Kind kind, String category, DifferentiableFunction function, double[] point,
        ParameterLayout layout, Set<String> wrongParameters, String expectedMessage) {

    /** What a case is and so what must be said of it. */
    enum Kind {
        /** A wrong gradient: the check must fail and name the wrong parameters. */
        BUG,
        /** A correct gradient of a hard function: the check must pass. */
        CORRECT,
        /** A function that gives different values for the same point: the check must say so. */
        NONDETERMINISTIC,
        /** An input the check must reject with a clear error. */
        BAD_INPUT
    }

    @Override
    public String toString() {
        return kind + " " + category + ": " + name;
    }
}
