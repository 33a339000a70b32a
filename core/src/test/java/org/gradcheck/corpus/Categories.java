package org.gradcheck.corpus;

import java.util.List;

/** The categories of the corpus's later families; the gradient and the Jacobian corpus both cover every one. */
final class Categories {

    static final String JUMP = "jump";
    static final String NO_DERIVATIVE = "no derivative";
    static final String FAST_OSCILLATION = "fast oscillation";
    static final String HUGE_MAGNITUDE = "huge magnitude";
    static final String TIE = "tie";
    static final String RELU_AT_ZERO = "ReLU at exactly zero";
    static final String STEP_OVERFLOW = "step overflows";
    static final String POLE = "pole near the point";
    static final String TINY_SENSITIVE = "tiny sensitive parameter";
    static final String KINKS_NEAR = "kinks near the point";
    static final String LATE_NONDETERMINISM = "late-onset non-determinism";
    static final String REORDERED_SUM = "order-changing reduction";
    static final String BELOW_ROUNDING = "below the value's rounding";
    static final String DOMAIN_EDGE = "domain edge";
    static final String PROBE_THROWS = "throws during noise probe";

    /** Every category above, in scoreboard order. */
    static final List<String> LATER = List.of(JUMP, NO_DERIVATIVE, FAST_OSCILLATION, HUGE_MAGNITUDE, TIE, RELU_AT_ZERO,
            STEP_OVERFLOW, POLE, TINY_SENSITIVE, KINKS_NEAR, LATE_NONDETERMINISM, REORDERED_SUM, BELOW_ROUNDING,
            DOMAIN_EDGE, PROBE_THROWS);

    private Categories() {
    }
}
