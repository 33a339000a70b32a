package org.gradcheck.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gradcheck.GradientChecker;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.junit.CheckOutcome.Group;
import org.gradcheck.junit.CheckOutcome.TestResult;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult.Status;

class CheckOutcomeTests {

    @Test
    void aFailedCheckIsAFailureOnlyIfItsTestDidNotPass() {
        assertOutcome(false, TestResult.FAILED, "failed", "failed", Group.FAILED);
        assertOutcome(false, TestResult.PASSED, "failed as the test expected", "failed-as-expected", Group.EXPECTED);
        assertOutcome(false, TestResult.ABORTED, "failed; its test was aborted", "failed-test-aborted", Group.FAILED);
        assertOutcome(false, TestResult.UNFINISHED, "failed; its test did not finish", "failed-test-unfinished",
                Group.UNFINISHED);
    }

    @Test
    void aPassedCheckSaysWhenItsTestDidNotPass() {
        assertOutcome(true, TestResult.PASSED, "passed", "passed", Group.PASSED);
        assertOutcome(true, TestResult.FAILED, "passed; its test failed", "passed-test-failed", Group.PASSED);
        assertOutcome(true, TestResult.ABORTED, "passed; its test was aborted", "passed-test-aborted", Group.PASSED);
        assertOutcome(true, TestResult.UNFINISHED, "passed; its test did not finish", "passed-test-unfinished", Group.PASSED);
    }

    @Test
    void theTestResultComesFromTheStatusOfTheFinishedTest() {
        assertEquals(TestResult.PASSED, TestResult.of(Optional.of(Status.SUCCESSFUL)));
        assertEquals(TestResult.FAILED, TestResult.of(Optional.of(Status.FAILED)));
        assertEquals(TestResult.ABORTED, TestResult.of(Optional.of(Status.ABORTED)));
        assertEquals(TestResult.UNFINISHED, TestResult.of(Optional.empty()));
    }

    @Test
    void theSummaryCountsExpectedFailuresApartFromFailures() {
        List<CheckOutcome> outcomes = new ArrayList<>();
        add(outcomes, 40, true, TestResult.PASSED);
        add(outcomes, 20, false, TestResult.PASSED);
        assertEquals("60 checks: 40 passed, 20 failed as their tests expected, 0 failed.",
                CheckOutcome.Counts.of(outcomes).text());

        add(outcomes, 1, false, TestResult.FAILED);
        add(outcomes, 1, false, TestResult.ABORTED);
        add(outcomes, 1, true, TestResult.FAILED);
        add(outcomes, 1, false, TestResult.UNFINISHED);
        assertEquals("64 checks: 41 passed (1 of them in a test that did not pass), 20 failed as their tests expected,"
                + " 2 failed, 1 failed in a test that did not finish.", CheckOutcome.Counts.of(outcomes).text());

        assertEquals("1 check: 0 passed, 1 failed as its test expected, 0 failed.",
                CheckOutcome.Counts.of(List.of(new CheckOutcome(false, TestResult.PASSED))).text());
        add(outcomes, 1, true, TestResult.UNFINISHED);
        add(outcomes, 1, false, TestResult.UNFINISHED);
        assertEquals(new CheckOutcome.Counts(66, 42, 2, 20, 2, 2), CheckOutcome.Counts.of(outcomes));
        assertEquals("66 checks: 42 passed (2 of them in tests that did not pass), 20 failed as their tests expected,"
                + " 2 failed, 2 failed in tests that did not finish.", CheckOutcome.Counts.of(outcomes).text());
    }

    @Test
    void aFailedCheckOfATestThatDidNotFinishIsCountedApartAndDrawnInAmber() {
        CheckRecord failed = CheckRecord.of(1, "Tests > interrupted()", "[test:interrupted()]", null,
                GradientChecker.defaults().check(DifferentiableFunction.of(x -> x[0] * x[0], x -> new double[] {3 * x[0]}),
                        new double[] {0.5}));
        List<CheckOutcome> outcomes = List.of(new CheckOutcome(false, TestResult.UNFINISHED));

        String html = HtmlReportWriter.write(List.of(failed), outcomes);

        assertTrue(html.contains("<p class=\"summary\">1 check: 0 passed, 0 failed as their tests expected, 0 failed, 1 failed"
                + " in a test that did not finish. "), html.substring(0, 2000));
        assertTrue(html.contains("<title>GradCheck report: 1 check, 1 failed</title>"));
        assertTrue(html.contains("<tr class=\"warning-row\" data-check=\"1\" data-outcome=\"failed-test-unfinished\">"));
        assertTrue(html.contains("<span class=\"outcome warning\">failed; its test did not finish</span>"));
        assertTrue(JsonReportWriter.write(List.of(failed), outcomes).contains("\"verdict\": \"failed\", \"outcome\":"
                + " \"failed; its test did not finish\", \"testResult\": null,"));
    }

    @Test
    void theWritersWantAnOutcomePerCheck() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> HtmlReportWriter.write(List.of(), List.of(new CheckOutcome(true, TestResult.PASSED))));
        assertEquals("1 outcome for 0 checks: give one outcome per check", thrown.getMessage());
        thrown = assertThrows(IllegalArgumentException.class,
                () -> JsonReportWriter.write(List.of(), List.of(new CheckOutcome(true, TestResult.PASSED))));
        assertEquals("1 outcome for 0 checks: give one outcome per check", thrown.getMessage());
    }

    @Test
    void anOutcomeNeedsATestResult() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> new CheckOutcome(true, null));
        assertEquals("test must not be null: use TestResult.UNFINISHED for a test without result", thrown.getMessage());
    }

    private static void assertOutcome(boolean checkPassed, TestResult test, String text, String key, Group group) {
        CheckOutcome outcome = new CheckOutcome(checkPassed, test);
        assertEquals(text, outcome.text());
        assertEquals(key, outcome.key());
        assertEquals(group, outcome.group());
    }

    private static void add(List<CheckOutcome> outcomes, int count, boolean checkPassed, TestResult test) {
        for (int i = 0; i < count; i++) {
            outcomes.add(new CheckOutcome(checkPassed, test));
        }
    }
}
