package org.gradcheck.corpus;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.gradcheck.GradientChecker;
import org.gradcheck.Strategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus case, checked with the default settings: every bug fails at exactly its wrong parameters, no correct
 * case fails, no unresolvable case passes, every non-deterministic function is reported as such and every bad input
 * gets its clear error.
 */
class CorpusTests {

    static Stream<CorpusCase> cases() {
        return Corpus.cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void defaultSettingsSayWhatTheCaseRequires(CorpusCase corpusCase) {
        Verdicts verdicts = Verdicts.of(corpusCase, GradientChecker.defaults());
        assertTrue(verdicts.asRequired(), verdicts::describe);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void screeningReachesTheSameVerdictAsTheFullCheck(CorpusCase corpusCase) {
        Verdicts full = Verdicts.of(corpusCase, GradientChecker.defaults().withStrategy(Strategy.full()));
        Verdicts screening = Verdicts.of(corpusCase, GradientChecker.defaults().withStrategy(Strategy.screening()));
        assertTrue(screening.asRequired(), screening::describe);
        assertEquals(full.asRequired(), screening.asRequired());
        if (corpusCase.kind() == CorpusCase.Kind.BUG && full.detected() && screening.detected()) {
            assertEquals(full.failing().get(0), screening.failing().get(0), "both name the same worst parameter");
        }
    }

    @Test
    void corpusIsLargeAndCoversEveryKind() {
        List<CorpusCase> cases = Corpus.cases();
        assertTrue(cases.size() >= 40, "the corpus has " + cases.size() + " cases");
        for (CorpusCase.Kind kind : CorpusCase.Kind.values()) {
            assertTrue(cases.stream().anyMatch(c -> c.kind() == kind), "no case of kind " + kind);
        }
    }

    @Test
    void bothCorporaCoverEveryLaterCategory() {
        for (List<? extends Case> corpus : List.of(Corpus.cases(), JacobianCorpus.cases())) {
            for (String category : Categories.LATER) {
                assertTrue(corpus.stream().anyMatch(c -> c.category().equals(category)),
                        "no " + corpus.get(0).form() + " case of category " + category);
            }
            for (CorpusCase.Kind kind : CorpusCase.Kind.values()) {
                assertTrue(corpus.stream().anyMatch(c -> c.kind() == kind), "no " + corpus.get(0).form() + " case of kind " + kind);
            }
        }
    }

    @Test
    void everyLaterCategoryWithABugHasARightCaseBesideIt() {
        for (List<? extends Case> corpus : List.of(Corpus.cases(), JacobianCorpus.cases())) {
            for (String category : Categories.LATER) {
                boolean bug = corpus.stream().anyMatch(c -> c.category().equals(category) && c.kind() == CorpusCase.Kind.BUG);
                boolean right = corpus.stream().anyMatch(c -> c.category().equals(category) && c.kind() == CorpusCase.Kind.CORRECT);
                assertTrue(!bug || right, "the " + corpus.get(0).form() + " bugs of category " + category
                        + " have no right gradient beside them");
            }
        }
    }

    @Test
    void casesAreWellFormed() {
        for (List<? extends Case> corpus : List.of(Corpus.cases(), JacobianCorpus.cases())) {
            Set<String> names = new HashSet<>();
            for (Case c : corpus) {
                assertTrue(names.add(c.name()), "two " + c.form() + " cases are named " + c.name());
                boolean named = c.kind() == CorpusCase.Kind.BUG || c.kind() == CorpusCase.Kind.UNRESOLVABLE;
                assertEquals(named, !c.wrongParameters().isEmpty(), c + " names its wrong parameters only if it must");
                boolean refused = c.kind() == CorpusCase.Kind.NONDETERMINISTIC || c.kind() == CorpusCase.Kind.BAD_INPUT;
                assertEquals(refused, c.expectedMessage() != null, c + " expects a message only if it must be refused");
            }
        }
        for (CorpusCase c : Corpus.cases()) {
            for (String name : c.wrongParameters()) {
                assertDoesNotThrow(() -> c.layout().indexOf(name), c + " names " + name + ", not in its layout");
            }
        }
    }

    @Test
    void theFirstSixtyOneCasesAreKept() {
        List<CorpusCase> cases = Corpus.cases();
        assertEquals("BUG wrong sign: tanh network [4,4,4,1], WRONG_SIGN_OUTPUT_LAYER", cases.get(0).toString());
        assertEquals("BAD_INPUT bad input: function throws", cases.get(60).toString());
        assertEquals(23, cases.subList(0, 61).stream().filter(c -> c.kind() == CorpusCase.Kind.BUG).count());
        assertEquals(27, cases.subList(0, 61).stream().filter(c -> c.kind() == CorpusCase.Kind.CORRECT).count());
    }
}
