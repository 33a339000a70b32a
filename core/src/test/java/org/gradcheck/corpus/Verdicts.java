package org.gradcheck.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.gradcheck.CheckRefusedException;
import org.gradcheck.GradientChecker;
import org.gradcheck.report.Entry;
import org.gradcheck.report.GradientReport;

/** What a checker said of one corpus case, and whether that is what the case requires. */
record Verdicts(CorpusCase corpusCase, GradientReport report, RuntimeException error) {

    /** How many of the worst rows must name wrong parameters. */
    static final int WORST_ROWS = 5;

    static Verdicts of(CorpusCase corpusCase, GradientChecker checker) {
        try {
            return new Verdicts(corpusCase, checker.check(corpusCase.function(), corpusCase.point(), corpusCase.layout()), null);
        } catch (IllegalArgumentException | CheckRefusedException e) {
            return new Verdicts(corpusCase, null, e);
        }
    }

    /** A bug the check failed. */
    boolean detected() {
        return report != null && !report.passed();
    }

    /**
     * The worst rows name only wrong parameters, and every parameter the report names (failing or unresolved) is a
     * wrong one.
     */
    boolean localised() {
        if (!detected()) {
            return false;
        }
        Set<String> wrong = corpusCase.wrongParameters();
        int rows = Math.min(WORST_ROWS, wrong.size());
        for (Entry check : report.worst(rows)) {
            if (!wrong.contains(check.name())) {
                return false;
            }
        }
        for (Entry check : named()) {
            if (!wrong.contains(check.name())) {
                return false;
            }
        }
        return true;
    }

    /** The parameters the report names as not passing: the failing ones and the ones it could not resolve. */
    List<Entry> named() {
        List<Entry> named = new ArrayList<>(report.failures());
        named.addAll(report.unresolved());
        return named;
    }

    /** The failing or unresolved parameters that are not wrong: false alarms within a case. */
    Set<String> wronglyFailed() {
        Set<String> names = new TreeSet<>();
        if (report != null) {
            for (Entry check : named()) {
                if (!corpusCase.wrongParameters().contains(check.name())) {
                    names.add(check.name());
                }
            }
        }
        return names;
    }

    /** The error says what the case requires it to say. */
    boolean reportedAsRequired() {
        return error != null && error.getMessage() != null && error.getMessage().contains(corpusCase.expectedMessage());
    }

    /** Whether the checker said what the case requires. */
    boolean asRequired() {
        switch (corpusCase.kind()) {
            case BUG:
                return detected() && localised();
            case CORRECT:
                return report != null && report.passed();
            default:
                return reportedAsRequired() && (corpusCase.kind() != CorpusCase.Kind.BAD_INPUT
                        || error instanceof IllegalArgumentException || error instanceof CheckRefusedException);
        }
    }

    /** A one-line account for a failure message. */
    String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(corpusCase.toString());
        if (error != null) {
            parts.add("error: " + error.getMessage());
        } else {
            parts.add(report.passed() ? "passed" : "failed " + report.failureCount() + " and left " + report.unresolvedCount()
                    + " unresolved of " + report.size());
            if (!report.passed()) {
                parts.add("worst " + report.worst(1).get(0));
                if (!wronglyFailed().isEmpty()) {
                    parts.add("wrongly failed " + wronglyFailed());
                }
            }
        }
        return String.join("; ", parts);
    }
}
