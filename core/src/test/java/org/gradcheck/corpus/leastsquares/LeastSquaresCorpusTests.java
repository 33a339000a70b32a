package org.gradcheck.corpus.leastsquares;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The least-squares corpus: pins the corpus itself (its size, that every hand-written Jacobian is exact, that every
 * mutant is wrong), and asserts what GradCheck's defaults must do on it: pass every correct check and fail every
 * mutant that finite differences can resolve, naming a mutated entry. The scoreboard
 * ({@link LeastSquaresScoreboard}) prints the same figures for every rule.
 */
class LeastSquaresCorpusTests {

    static Stream<CheckPoint> checks() {
        return LeastSquaresCorpus.get().checks().stream();
    }

    static Stream<Mutant> resolvableMutants() {
        return LeastSquaresCorpus.get().mutants().stream().filter(Mutant::resolvable);
    }

    static Stream<Mutant> resolvableObjectiveMutants() {
        return LeastSquaresCorpus.get().mutants().stream().filter(Mutant::gradientResolvable);
    }

    static Stream<LeastSquaresProblem> problems() {
        return LeastSquaresCorpus.get().problems().stream();
    }

    /** The corpus itself: what is in it, and that it is what it claims to be. */
    @Nested
    class Corpus {

        @Test
        void hasItsSize() {
            LeastSquaresCorpus corpus = LeastSquaresCorpus.get();
            assertEquals(62, corpus.problems().size());
            assertEquals(35, corpus.problems().stream().filter(p -> p.family() == LeastSquaresProblem.Family.MGH).count());
            assertEquals(253, corpus.checks().size());
            assertEquals(List.of("MGH 6 Jennrich and Sampson at 100 x0"), corpus.excludedPoints());
            assertEquals(2140, corpus.mutants().size());
            assertEquals(34, corpus.droppedMutants());
            assertEquals(2120, corpus.mutants().stream().filter(Mutant::resolvable).count());
            assertEquals(1971, corpus.mutants().stream().filter(Mutant::gradientWrong).count());
            assertEquals(1938, corpus.mutants().stream().filter(Mutant::gradientResolvable).count());
        }

        @Test
        void hasEveryKindOfMutant() {
            for (Mutant.Kind kind : Mutant.Kind.values()) {
                long count = LeastSquaresCorpus.get().mutants().stream().filter(m -> m.kind() == kind).count();
                assertTrue(count >= 150, kind + ": " + count + " mutants");
            }
        }

        @Test
        void mutantsAreTheSameEveryTime() {
            LeastSquaresCorpus corpus = LeastSquaresCorpus.get();
            for (CheckPoint check : corpus.checks()) {
                List<Mutant> again = Mutations.of(check).stream().filter(Mutant::wrong).toList();
                List<Mutant> kept = corpus.mutants().stream().filter(m -> m.point() == check).toList();
                assertEquals(kept.size(), again.size(), check.name());
                for (int k = 0; k < kept.size(); k++) {
                    assertEquals(kept.get(k).description(), again.get(k).description());
                    assertTrue(Arrays.deepEquals(kept.get(k).jacobian(), again.get(k).jacobian()),
                            kept.get(k).name());
                }
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.gradcheck.corpus.leastsquares.LeastSquaresCorpusTests#checks")
        void handWrittenJacobianIsTheExactOne(CheckPoint check) {
            List<String> mismatches = new ArrayList<>();
            for (int i = 0; i < check.rows(); i++) {
                for (int j = 0; j < check.columns(); j++) {
                    double hand = check.jacobian(i, j);
                    double exact = check.exactJacobian(i, j);
                    if (Math.abs(hand - exact) > 1e-12 * Math.max(Math.abs(hand), Math.abs(exact))) {
                        mismatches.add(String.format(Locale.ROOT, "%s: hand-written %s, exact %s",
                                Mutations.entryName(i, j), hand, exact));
                    }
                }
            }
            assertTrue(mismatches.isEmpty(), () -> mismatches.size() + " entries differ from the exact Jacobian by more"
                    + " than 1e-12 relative: " + String.join("; ", mismatches.subList(0, Math.min(5, mismatches.size()))));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.gradcheck.corpus.leastsquares.LeastSquaresCorpusTests#checks")
        void doubleResidualsAreTheFieldDefinition(CheckPoint check) {
            double[] x = check.x();
            RoundingBound[] point = new RoundingBound[x.length];
            for (int j = 0; j < x.length; j++) {
                point[j] = RoundingBound.exact(x[j]);
            }
            RoundingBound[] field = check.problem().residuals(point);
            double[] residuals = check.residuals();
            for (int i = 0; i < residuals.length; i++) {
                double allowed = 2 * field[i].bound() + Math.ulp(residuals[i]);
                assertTrue(Math.abs(residuals[i] - field[i].value()) <= allowed, "y[" + i + "]: double " + residuals[i]
                        + ", field " + field[i].value() + ", rounding bound " + field[i].bound());
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.gradcheck.corpus.leastsquares.LeastSquaresCorpusTests#problems")
        void everyPointOfAProblemIsInTheCorpusUnlessExcluded(LeastSquaresProblem problem) {
            long checks = LeastSquaresCorpus.get().checks().stream().filter(c -> c.problem() == problem).count();
            long excluded = LeastSquaresCorpus.get().excludedPoints().stream()
                    .filter(p -> p.startsWith(problem.name() + " at ")).count();
            assertEquals(problem.points().size(), checks + excluded);
            assertTrue(checks >= 3, problem + " has " + checks + " points");
        }

        @Test
        void everyMutantIsWrongAgainstTheExactJacobian() {
            for (Mutant mutant : LeastSquaresCorpus.get().mutants()) {
                CheckPoint point = mutant.point();
                boolean wrong = false;
                for (int[] entry : mutant.mutatedEntries()) {
                    double difference = Math.abs(mutant.jacobian(entry[0], entry[1]) - point.exactJacobian(entry[0], entry[1]));
                    double magnitude = Math.max(Math.abs(mutant.jacobian(entry[0], entry[1])),
                            Math.abs(point.exactJacobian(entry[0], entry[1])));
                    wrong |= difference > 1e-6 * magnitude && difference > 1e-12 * point.rowScale(entry[0]);
                }
                assertTrue(wrong, mutant.name());
                assertFalse(mutant.mutatedEntries().isEmpty(), mutant.name());
            }
        }

        @Test
        void resolvableEntriesAreMutatedEntries() {
            for (Mutant mutant : LeastSquaresCorpus.get().mutants()) {
                for (int[] entry : mutant.resolvableEntries()) {
                    assertTrue(mutant.isMutated(entry[0], entry[1]), mutant.name());
                }
            }
        }

        /**
         * The initial residual norms {@code ||r(x0)||} of these problems as the MINPACK-1 test runs print them, to four
         * significant digits: a check that the residuals were transcribed from the published definitions.
         */
        @Test
        void residualNormsAtTheStandardStartsAreThePublishedOnes() {
            Map<String, String> norms = Map.ofEntries(Map.entry("MGH 1 Rosenbrock", "4.919"),
                    Map.entry("MGH 2 Freudenstein and Roth", "20.01"), Map.entry("MGH 7 helical valley", "50.00"),
                    Map.entry("MGH 13 Powell singular", "14.66"), Map.entry("MGH 8 Bard", "6.456"),
                    Map.entry("MGH 15 Kowalik and Osborne", "0.07289"), Map.entry("MGH 10 Meyer", "4.115E+4"),
                    Map.entry("MGH 20 Watson (n = 6)", "5.477"), Map.entry("MGH 12 Box three-dimensional", "32.11"),
                    Map.entry("MGH 16 Brown and Dennis", "2815"));
            int compared = 0;
            for (LeastSquaresProblem problem : LeastSquaresCorpus.get().problems()) {
                String published = norms.get(problem.name());
                if (published == null) {
                    continue;
                }
                double sum = 0;
                for (double r : problem.residuals(problem.points().get(0).x())) {
                    sum += r * r;
                }
                BigDecimal value = new BigDecimal(published);
                assertEquals(value.doubleValue(), Math.sqrt(sum), value.ulp().doubleValue() / 2, problem.name());
                compared++;
            }
            assertEquals(norms.size(), compared);
        }

        @Test
        void resolutionOfACentralDifferenceIsPinned() {
            // sin at 1: c3 = -cos(1) / 6, c5 = cos(1) / 120, c7 = -cos(1) / 5040; rounding bound 1e-16
            double c = Math.cos(1);
            double[] taylor = {Math.sin(1), c, -Math.sin(1) / 2, -c / 6, Math.sin(1) / 24, c / 120, -Math.sin(1) / 720,
                -c / 5040};
            double[] best = Resolution.best(taylor, 1e-16, 1);
            // minimum of |c3| h^2 + B / h at h = cbrt(B / (2 |c3|)) is 1.5 (2 |c3|)^(1/3) B^(2/3)
            double expected = 1.5 * Math.cbrt(2 * c / 6) * Math.pow(1e-16, 2.0 / 3);
            assertEquals(expected, best[0], 0.01 * expected);
            assertEquals(Math.cbrt(1e-16 / (2 * c / 6)), best[1], 0.1 * best[1]);
            // a linear function: the largest step, max(|x|, 1), wins
            assertEquals(1e-16 / 4, Resolution.bestError(new double[8], 1e-16, -4), 1e-30);
            assertTrue(Resolution.resolvable(1e-4, 1, 1e-14));
            assertFalse(Resolution.resolvable(1e-12, 1e-9, 1e-14), "below a thousand times the best error");
            assertFalse(Resolution.resolvable(5e-6, 1, 1e-20), "below 1e-5 relative");
        }

        @Test
        void roundingBoundAddsOneRoundingPerOperation() {
            RoundingBound x = RoundingBound.exact(3);
            RoundingBound sum = x.add(RoundingBound.exact(1e-3)).multiply(2);
            double first = RoundingBound.UNIT * 3.001;
            assertEquals(2 * first + RoundingBound.UNIT * 6.002, sum.bound(), 1e-30);
            assertEquals(0, RoundingBound.exact(2).negate().bound());
        }
    }

    /** What GradCheck's defaults must do on the corpus. */
    @Nested
    class GradCheckDefaults {

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.gradcheck.corpus.leastsquares.LeastSquaresCorpusTests#checks")
        void passCorrectJacobian(CheckPoint check) {
            Outcome outcome = GradCheckRules.JACOBIAN.judge(check, check.jacobian());
            if (!outcome.passed()) {
                fail("JacobianChecker.defaults() rejected the correct Jacobian of " + check.name() + ": "
                        + describe(check, outcome, check.jacobian(), check.exactJacobian()));
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.gradcheck.corpus.leastsquares.LeastSquaresCorpusTests#resolvableMutants")
        void failResolvableMutantNamingAMutatedEntry(Mutant mutant) {
            Outcome outcome = GradCheckRules.JACOBIAN.judge(mutant.point(), mutant.jacobian());
            assertFalse(outcome.passed(), () -> "JacobianChecker.defaults() passed " + mutant.name() + ", which finite"
                    + " differences can resolve: " + describeMutated(mutant, outcome));
            assertEquals(Outcome.Status.FAILED, outcome.status(), () -> mutant.name() + ": " + outcome.error());
            boolean named = mutant.mutatedEntries().stream().anyMatch(e -> outcome.failed(e[0], e[1]));
            assertTrue(named, () -> "JacobianChecker.defaults() failed " + mutant.name() + " but named no mutated entry: "
                    + describe(mutant.point(), outcome, mutant.jacobian(), mutant.point().exactJacobian()));
        }

        @Test
        void onlyTheExactFitObjectivesAreLeftUnresolved() {
            List<String> unresolved = new ArrayList<>();
            for (CheckPoint check : LeastSquaresCorpus.get().checks()) {
                Outcome outcome = GradCheckRules.objective(check, check.gradient());
                if (!outcome.passed()) {
                    assertTrue(GradCheckRules.unresolvedAtRounding(check, outcome), check::name);
                    unresolved.add(check.name());
                }
            }
            assertEquals(GradCheckRules.OBJECTIVE_AT_ROUNDING, java.util.Set.copyOf(unresolved));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.gradcheck.corpus.leastsquares.LeastSquaresCorpusTests#checks")
        void passCorrectObjectiveGradient(CheckPoint check) {
            Outcome outcome = GradCheckRules.objective(check, check.gradient());
            if (!outcome.passed() && !GradCheckRules.unresolvedAtRounding(check, outcome)) {
                fail("GradientChecker.defaults() rejected the correct gradient J^T r of 1/2 ||r||^2 of " + check.name()
                        + ": " + describe(check, outcome, new double[][] {check.gradient()},
                                new double[][] {check.exactGradient()}));
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.gradcheck.corpus.leastsquares.LeastSquaresCorpusTests#resolvableObjectiveMutants")
        void failResolvableObjectiveMutantNamingAWrongEntry(Mutant mutant) {
            Outcome outcome = GradCheckRules.objective(mutant.point(), mutant.gradient());
            double[][] analytic = {mutant.gradient()};
            double[][] exact = {mutant.point().exactGradient()};
            assertFalse(outcome.passed(), () -> "GradientChecker.defaults() passed the gradient M^T r of " + mutant.name()
                    + ", which finite differences of 1/2 ||r||^2 can resolve: "
                    + describe(mutant.point(), outcome, analytic, exact));
            if (GradCheckRules.OBJECTIVE_AT_ROUNDING.contains(mutant.point().name())) {
                return;
            }
            boolean named = mutant.resolvableGradientEntries().stream().anyMatch(j -> outcome.failed(0, j));
            assertTrue(named, () -> "GradientChecker.defaults() failed " + mutant.name() + " but named none of the"
                    + " resolvable gradient entries " + mutant.resolvableGradientEntries());
        }

        private String describeMutated(Mutant mutant, Outcome outcome) {
            StringBuilder text = new StringBuilder();
            for (int[] entry : mutant.resolvableEntries()) {
                int i = entry[0];
                int j = entry[1];
                text.append(String.format(Locale.ROOT, "%n  %s analytic %.6e, exact %.6e, numerical %.6e, numerical error"
                        + " %.6e; a central difference resolves %.3e at step %.3e", Mutations.entryName(i, j),
                        mutant.jacobian(i, j), mutant.point().exactJacobian(i, j), outcome.numerical(i, j),
                        outcome.numericalError(i, j), mutant.point().bestError(i, j), mutant.point().bestStep(i, j)));
                if (text.length() > 2000) {
                    break;
                }
            }
            return text.toString();
        }

        private String describe(CheckPoint point, Outcome outcome, double[][] analytic, double[][] exact) {
            if (outcome.status() == Outcome.Status.ERROR) {
                return "the check stopped: " + outcome.error();
            }
            StringBuilder text = new StringBuilder(outcome.failureCount() + " failing entries");
            int shown = 0;
            for (int i = 0; i < analytic.length && shown < 5; i++) {
                for (int j = 0; j < analytic[i].length && shown < 5; j++) {
                    if (outcome.failed(i, j)) {
                        text.append(String.format(Locale.ROOT, "%n  %s analytic %.6e, exact %.6e, numerical %.6e,"
                                + " numerical error %.6e", analytic.length == 1 && point.rows() > 1 ? "x[" + j + "]"
                                : Mutations.entryName(i, j), analytic[i][j], exact[i][j], outcome.numerical(i, j),
                                outcome.numericalError(i, j)));
                        shown++;
                    }
                }
            }
            return text.toString();
        }
    }

    /** Coarse facts about the peer rules (their exact figures are the scoreboard's, not pinned here). */
    @Nested
    class PeerRulesOnTheCorpus {

        @Test
        void pyTorchsRuleMissesResolvableMutantsAndRaisesFalseAlarms() {
            assertTrue(misses(PeerRules.PYTORCH) >= 10, "PyTorch's rule misses " + misses(PeerRules.PYTORCH));
            assertTrue(falseAlarms(PeerRules.PYTORCH) >= 1);
        }

        @Test
        void articlesRuleMissesMoreThanPyTorchs() {
            assertTrue(misses(PeerRules.ARTICLE) > misses(PeerRules.PYTORCH));
            assertTrue(falseAlarms(PeerRules.ARTICLE) >= 1);
        }

        private long misses(JacobianRule rule) {
            return LeastSquaresCorpus.get().mutants().stream().filter(Mutant::resolvable)
                    .filter(m -> rule.judge(m.point(), m.jacobian()).passed()).count();
        }

        private long falseAlarms(JacobianRule rule) {
            return LeastSquaresCorpus.get().checks().stream().filter(c -> !rule.judge(c, c.jacobian()).passed()).count();
        }
    }
}
