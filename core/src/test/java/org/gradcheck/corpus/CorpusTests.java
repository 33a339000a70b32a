package org.gradcheck.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.gradcheck.GradientChecker;
import org.gradcheck.Strategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus case, checked with the default settings: every bug fails and is localised, no correct case
 * fails, every non-deterministic function is reported as such and every bad input gets its clear error.
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
}
