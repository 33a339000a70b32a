package org.gradcheck.corpus;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.gradcheck.CheckRefusedException;

/**
 * What one rule (GradCheck's checkers, or a peer's rule) said of one corpus case, and whether that is what the case
 * requires. The rules' own reports are read by small adapters; the judgement lives here, once for every rule.
 */
interface Outcome {

    /** How many of the worst entries must name wrong ones. */
    int WORST_ROWS = 5;

    /** {@return the case} */
    Case corpusCase();

    /** {@return the refusal (an exception instead of a verdict), or null} */
    RuntimeException error();

    /** {@return whether the rule gave a verdict and it is a pass} */
    boolean passed();

    /** {@return the names of the entries that did not pass (failed, or could not be told), worst first} */
    List<String> failing();

    /** {@return the names of the {@code count} entries that disagree most, worst first} */
    List<String> worst(int count);

    /** {@return whether the rule names entries at all (the article's rule gives one verdict for the whole gradient)} */
    boolean localises();

    /** {@return what the rule said, in one line: the verdict and the figures behind it} */
    String account();

    /** {@return whether the rule refused the case} */
    default boolean refused() {
        return error() != null;
    }

    /** {@return whether the rule gave a verdict and it is not a pass} */
    default boolean detected() {
        return !refused() && !passed();
    }

    /**
     * {@return for a bug, whether the failing entries are exactly the wrong ones and the worst rows name them; for an
     * unresolvable case, whether only entries without a derivative fail}
     */
    default boolean localised() {
        if (!detected() || !localises()) {
            return false;
        }
        Set<String> wrong = corpusCase().wrongParameters();
        List<String> failing = failing();
        if (failing.isEmpty() || !wrong.containsAll(failing)) {
            return false;
        }
        if (corpusCase().kind() == CorpusCase.Kind.UNRESOLVABLE) {
            return true;
        }
        return failing.containsAll(wrong) && wrong.containsAll(worst(Math.min(WORST_ROWS, wrong.size())));
    }

    /** {@return the failing entries that are not wrong: false alarms within a case} */
    default Set<String> wronglyFailed() {
        Set<String> names = new TreeSet<>(failing());
        names.removeAll(corpusCase().wrongParameters());
        return names;
    }

    /** {@return whether the refusal says what the case requires it to say} */
    default boolean reportedAsRequired() {
        return refused() && error().getMessage() != null && corpusCase().expectedMessage() != null
                && error().getMessage().contains(corpusCase().expectedMessage());
    }

    /**
     * {@return whether the rule said what the case requires, as far as the rule can say it: a rule that names no
     * entries is not asked to localise}
     */
    default boolean asRequired() {
        switch (corpusCase().kind()) {
            case BUG:
                return detected() && (!localises() || localised());
            case CORRECT:
                return passed();
            case UNRESOLVABLE:
                return refused() ? error() instanceof CheckRefusedException : detected() && (!localises() || localised());
            case BAD_INPUT:
                return reportedAsRequired()
                        && (error() instanceof IllegalArgumentException || error() instanceof CheckRefusedException);
            default:
                return reportedAsRequired();
        }
    }

    /** {@return a one-line account for a failure message: the case, then what the rule said} */
    default String describe() {
        return corpusCase() + "; " + account();
    }
}
