package org.gradcheck.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.gradcheck.GradientChecker;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Jacobian case, checked with {@code GradientChecker.defaults().checkJacobian}: every bug fails at exactly its
 * wrong entries, no correct case fails, no unresolvable case passes, and every non-deterministic function and bad input
 * gets its error.
 */
class JacobianCorpusTests {

    static Stream<JacobianCase> cases() {
        return JacobianCorpus.cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void defaultSettingsSayWhatTheCaseRequires(JacobianCase jacobianCase) {
        JacobianVerdicts verdicts = JacobianVerdicts.of(jacobianCase, GradientChecker.defaults());
        assertTrue(verdicts.asRequired(), verdicts::describe);
    }
}
