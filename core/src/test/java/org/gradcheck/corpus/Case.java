package org.gradcheck.corpus;

import java.util.Set;

/** A case of the verdict corpus, gradient or Jacobian, seen only as what a rule must say of it. */
interface Case {

    /** {@return short description, unique within its corpus} */
    String name();

    /** {@return what the case is} */
    CorpusCase.Kind kind();

    /** {@return group on the scoreboard (e.g. "wrong sign", "tie")} */
    String category();

    /** {@return "gradient" or "jacobian": which corpus the case belongs to} */
    String form();

    /**
     * {@return for a bug, the entries whose analytic value is wrong; for an unresolvable case, the entries whose
     * derivative does not exist at the point; empty otherwise}
     */
    Set<String> wrongParameters();

    /** {@return for a non-deterministic case or bad input, a fragment the error message must contain; null otherwise} */
    String expectedMessage();
}
