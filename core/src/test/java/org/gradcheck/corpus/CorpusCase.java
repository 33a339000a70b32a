package org.gradcheck.corpus;

import java.util.Set;
import java.util.function.Supplier;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.layout.ParameterLayout;

/**
 * One case of the verdict corpus: a function, a point, and what a checker with default settings must say.
 *
 * @param name short description
 * @param kind what the case is
 * @param category group on the scoreboard (e.g. "wrong sign", "scale")
 * @param functions makes the function under test; a function with state (a call counter, a generator) is made
 *     afresh for every check, so that every rule sees it from its first call
 * @param point the point to check at
 * @param layout names of the parameters
 * @param wrongParameters for a bug, the parameters whose analytic gradient is wrong; for an unresolvable case, those
 *     whose partial derivative does not exist at the point; empty otherwise
 * @param expectedMessage for a non-deterministic case or bad input, a fragment the error message must contain
 */
record CorpusCase(String name, Kind kind, String category, Supplier<DifferentiableFunction> functions, double[] point,
        ParameterLayout layout, Set<String> wrongParameters, String expectedMessage) implements Case {

    /** What a case is and so what must be said of it. */
    enum Kind {
        /** A wrong gradient: the check must fail and name exactly the wrong parameters. */
        BUG,
        /** A correct gradient of a hard function: the check must pass. */
        CORRECT,
        /**
         * A function with no derivative at the point in some parameter (a jump, a cusp): no finite-difference check
         * can tell whether the analytic value is right, so the check must not pass: a failing report that fails
         * only those parameters, or a refusal ({@code CheckRefusedException}).
         */
        UNRESOLVABLE,
        /** A function that gives different values for the same point: the check must say so. */
        NONDETERMINISTIC,
        /** An input the check must reject with a clear error. */
        BAD_INPUT
    }

    /** {@return the function under test, fresh if it has state} */
    DifferentiableFunction function() {
        return functions.get();
    }

    @Override
    public String form() {
        return "gradient";
    }

    @Override
    public String toString() {
        return kind + " " + category + ": " + name;
    }
}
