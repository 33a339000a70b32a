package org.gradcheck.junit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;

/**
 * What became of a check in the test it ran in: a failed check is a failure only if its test failed too. A test that
 * passed although its check failed expected the failure ({@code assertThrows(DerivativeMismatchError.class, ...)}, an
 * example that fails by design), so the suite report does not count it among the failures. Immutable.
 *
 * @param checkPassed whether the check passed
 * @param test what became of the test
 */
record CheckOutcome(boolean checkPassed, TestResult test) {

    /** What became of the test (or container) a check ran in. */
    enum TestResult {
        PASSED("passed"),
        FAILED("failed"),
        ABORTED("was aborted"),
        /** No result: the test had not finished when the run ended. */
        UNFINISHED("did not finish");

        private final String text;

        TestResult(String text) {
            this.text = text;
        }

        /** The result of a test that finished with {@code status}, or {@link #UNFINISHED} without one. */
        static TestResult of(Optional<TestExecutionResult.Status> status) {
            if (status.isEmpty()) {
                return UNFINISHED;
            }
            switch (status.get()) {
                case SUCCESSFUL:
                    return PASSED;
                case ABORTED:
                    return ABORTED;
                default:
                    return FAILED;
            }
        }
    }

    /** The groups of the page's summary line, in the order the index lists them. */
    enum Group {
        /** Failed checks of tests that failed or were aborted. */
        FAILED,
        /** Failed checks of tests that did not finish. */
        UNFINISHED,
        /** Failed checks of tests that passed. */
        EXPECTED,
        /** Passed checks, whatever became of their tests. */
        PASSED
    }

    /**
     * How many checks of a run have each outcome, for the page's summary line.
     *
     * @param checks all checks
     * @param passed the passed checks, whatever became of their tests
     * @param passedInTestsThatDidNotPass those of them whose tests did not pass
     * @param expected the failed checks of tests that passed
     * @param failed the failed checks of tests that failed or were aborted
     * @param unfinished the failed checks of tests that did not finish
     */
    record Counts(int checks, int passed, int passedInTestsThatDidNotPass, int expected, int failed, int unfinished) {

        static Counts of(List<CheckOutcome> outcomes) {
            int[] groups = new int[Group.values().length];
            int passedInTestsThatDidNotPass = 0;
            for (CheckOutcome outcome : outcomes) {
                groups[outcome.group().ordinal()]++;
                passedInTestsThatDidNotPass += outcome.passedButTestDidNot() ? 1 : 0;
            }
            return new Counts(outcomes.size(), groups[Group.PASSED.ordinal()], passedInTestsThatDidNotPass,
                    groups[Group.EXPECTED.ordinal()], groups[Group.FAILED.ordinal()], groups[Group.UNFINISHED.ordinal()]);
        }

        /**
         * {@code 60 checks: 40 passed, 20 failed as their tests expected, 0 failed.}, with the passed checks of tests
         * that did not pass and the failed checks of tests that did not finish where there are any.
         */
        String text() {
            StringBuilder text = new StringBuilder();
            text.append(checks).append(checks == 1 ? " check: " : " checks: ").append(passed).append(" passed");
            if (passedInTestsThatDidNotPass > 0) {
                text.append(" (").append(passedInTestsThatDidNotPass)
                        .append(passedInTestsThatDidNotPass == 1 ? " of them in a test that did not pass)"
                        : " of them in tests that did not pass)");
            }
            text.append(", ").append(expected).append(expected == 1 ? " failed as its test expected, "
                    : " failed as their tests expected, ").append(failed).append(" failed");
            if (unfinished > 0) {
                text.append(", ").append(unfinished)
                        .append(unfinished == 1 ? " failed in a test that did not finish" : " failed in tests that did not finish");
            }
            return text.append('.').toString();
        }
    }

    CheckOutcome {
        if (test == null) {
            throw new IllegalArgumentException("test must not be null: use TestResult.UNFINISHED for a test without result");
        }
    }

    /**
     * {@code passed}, {@code failed}, {@code failed as the test expected}, or the check's verdict and what became of
     * its test: {@code passed; its test failed}, {@code failed; its test did not finish}.
     */
    String text() {
        if (checkPassed && test == TestResult.PASSED) {
            return "passed";
        }
        if (!checkPassed && test == TestResult.FAILED) {
            return "failed";
        }
        if (!checkPassed && test == TestResult.PASSED) {
            return "failed as the test expected";
        }
        return (checkPassed ? "passed" : "failed") + "; its test " + test.text;
    }

    Group group() {
        if (checkPassed) {
            return Group.PASSED;
        }
        switch (test) {
            case PASSED:
                return Group.EXPECTED;
            case UNFINISHED:
                return Group.UNFINISHED;
            default:
                return Group.FAILED;
        }
    }

    /** A passed check whose test did not pass (a test that expected it to fail, say). */
    boolean passedButTestDidNot() {
        return checkPassed && test != TestResult.PASSED;
    }

    /**
     * The outcome's name in the page's markup: {@code passed}, {@code failed}, {@code failed-as-expected}, else the
     * verdict and the test's result, {@code passed-test-failed}, {@code failed-test-unfinished}.
     */
    String key() {
        if (group() == Group.EXPECTED) {
            return "failed-as-expected";
        }
        String verdict = checkPassed ? "passed" : "failed";
        if (test == (checkPassed ? TestResult.PASSED : TestResult.FAILED)) {
            return verdict;
        }
        return verdict + "-test-" + test.name().toLowerCase(Locale.ROOT);
    }
}
