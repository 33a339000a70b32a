package org.gradcheck.examples.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The screening sweep's promise at the sizes a test can afford: screening detects every wrong entry the full check
 * detects, with evaluations that grow like the logarithm of the size, not like the size.
 */
class ScreeningSweepTests {

    static Stream<Arguments> cells() {
        return Stream.of(1_000, 10_000, 100_000)
                .flatMap(n -> ScreeningSweep.Bug.all().stream().map(bug -> Arguments.of(n, bug)));
    }

    @ParameterizedTest(name = "{0} parameters, {1}")
    @MethodSource("cells")
    void screeningSeesWhatTheFullCheckSees(int n, ScreeningSweep.Bug bug) {
        ScreeningSweep.Cell cell = ScreeningSweep.cell(n, bug);
        assertTrue(cell.screeningDetected() || !cell.fullDetected(), () -> "the full check detected " + bug.name()
                + " among " + n + " parameters, screening did not: " + cell);
        // one bisection path of 2 directions per level, each re-estimated at a few scales, the leaves one by one: a
        // few hundred evaluations whatever the size, against 2N for a full check
        double levels = Math.log(n) / Math.log(2);
        assertTrue(cell.screeningEvaluations() <= 60 * levels, () -> "screening used " + cell.screeningEvaluations()
                + " evaluations for " + n + " parameters");
    }
}
