package org.gradcheck.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.gradcheck.function.VectorFunction;
import org.gradcheck.layout.ParameterLayout;
import org.junit.jupiter.api.Test;

/** The peers' rules themselves, on functions whose numbers can be worked out by hand. */
class PeerRulesTests {

    private static final ToDoubleFunction<double[]> SQUARE = x -> x[0] * x[0];

    @Test
    void centralDifferencesDivideByTwiceTheStepAndLeaveThePointAlone() {
        double[] point = {3};
        double[] numerical = PeerRules.centralDifferences(x -> new double[] {x[0] * x[0], x[0] * x[0] * x[0]}, point, 0.01);
        assertEquals(6, numerical[0], 1e-12);
        assertEquals(27.0001, numerical[1], 1e-10);
        assertEquals(3, point[0]);
    }

    @Test
    void pytorchPassesTheSquareAtThree() {
        Outcome outcome = PeerRules.PYTORCH.check(gradientCase(SQUARE, x -> new double[] {6}, 3));
        assertTrue(outcome.passed(), outcome::account);
        assertEquals(List.of(), outcome.failing());
        assertEquals(6, PeerRules.centralDifferences(x -> new double[] {SQUARE.applyAsDouble(x)}, new double[] {3}, 1e-6)[0],
                1e-9);
    }

    @Test
    void pytorchFailsAWrongGradientAndNamesTheEntry() {
        Outcome outcome = PeerRules.PYTORCH.check(gradientCase(SQUARE, x -> new double[] {6.01}, 3));
        assertFalse(outcome.passed());
        assertEquals(List.of("x[0]"), outcome.failing());
        assertTrue(outcome.localises());
        assertTrue(outcome.account().startsWith("failed 1 of 1; worst x[0]: analytic 6.010e+00, numerical 6.000e+00, allowed "
                + "6.010e-03"), outcome::account);
    }

    @Test
    void pytorchAllowsItsAbsoluteTolerancePlusItsRelativeToleranceTimesTheNumericalValue() {
        assertTrue(PeerRules.PYTORCH.check(gradientCase(SQUARE, x -> new double[] {6.0055}, 3)).passed(),
                "|6.0055 - 6| <= 1e-5 + 1e-3 * 6");
        assertFalse(PeerRules.PYTORCH.check(gradientCase(SQUARE, x -> new double[] {6.0065}, 3)).passed(),
                "|6.0065 - 6| > 1e-5 + 1e-3 * 6");
        assertTrue(PeerRules.PYTORCH.check(gradientCase(SQUARE, x -> new double[] {8e-6}, 0)).passed(),
                "near zero the absolute tolerance 1e-5 decides");
    }

    @Test
    void pytorchCountsANonFiniteNumericalValueAsAFailure() {
        Outcome outcome = PeerRules.PYTORCH.check(gradientCase(x -> Math.sqrt(x[0]), x -> new double[] {0.5 / Math.sqrt(x[0])},
                5e-7));
        assertFalse(outcome.passed());
        assertEquals(List.of("x[0]"), outcome.failing());
        assertTrue(outcome.account().contains("numerical NaN"), outcome::account);
    }

    @Test
    void pytorchJudgesAJacobianEntryByEntry() {
        Function<double[], double[]> value = x -> new double[] {x[0] * x[1], x[0] + x[1]};
        double[] point = {2, 3};
        assertTrue(PeerRules.PYTORCH.check(jacobianCase(value, x -> new double[][] {{x[1], x[0]}, {1, 1}}, point)).passed());
        Outcome wrong = PeerRules.PYTORCH.check(jacobianCase(value, x -> new double[][] {{x[1], x[0]}, {2, 1}}, point));
        assertFalse(wrong.passed());
        assertEquals(List.of("y[1] / x[0]"), wrong.failing());
        assertEquals(List.of("y[1] / x[0]"), wrong.worst(1));
    }

    @Test
    void theArticlesRuleOnItsWorkedExample() {
        PeerRules.Article rule = new PeerRules.Article(0.01, 1e-7);
        double twoSided = PeerRules.centralDifferences(x -> new double[] {SQUARE.applyAsDouble(x)}, new double[] {3}, 0.01)[0];
        assertEquals(6, twoSided, 1e-12);
        assertTrue(rule.check(gradientCase(SQUARE, x -> new double[] {6}, 3)).passed());
        double rightHand = ((3.01 * 3.01) - 9) / 0.01;
        assertEquals(6.01, rightHand, 1e-12);
        assertEquals(0.01 / 12.01, PeerRules.Article.difference(new double[] {rightHand}, new double[] {twoSided}), 1e-12);
        Outcome outcome = rule.check(gradientCase(SQUARE, x -> new double[] {rightHand}, 3));
        assertFalse(outcome.passed());
        assertEquals("failed: difference 8.326e-04 above 1e-07", outcome.account());
    }

    @Test
    void theArticlesDifferenceIsZeroWhenBothGradientsAreZero() {
        assertEquals(0, PeerRules.Article.difference(new double[] {0, 0}, new double[] {0, 0}));
        assertTrue(PeerRules.ARTICLE.check(gradientCase(x -> 5, x -> new double[] {0}, 1)).passed());
    }

    @Test
    void theArticlesRuleJudgesTheWholeGradientAndNamesNoEntry() {
        CorpusCase wrongSign = gradientCase(SQUARE, x -> new double[] {-2 * x[0]}, 3);
        Outcome outcome = PeerRules.ARTICLE.check(wrongSign);
        assertFalse(outcome.passed());
        assertFalse(outcome.localises());
        assertEquals(List.of(), outcome.failing());
        assertEquals(1, PeerRules.Article.difference(new double[] {-6}, new double[] {6}), 1e-12);
        assertTrue(PeerRules.ARTICLE.check(gradientCase(SQUARE, x -> new double[] {6 * (1 + 1e-8)}, 3)).passed(),
                "a relative error of 1e-8 is a difference of 5e-9, below 1e-7");
    }

    @Test
    void aRuleReportsTheExceptionOfTheFunctionUnderTest() {
        IllegalStateException boom = new IllegalStateException("boom");
        Outcome outcome = PeerRules.PYTORCH.check(gradientCase(x -> {
            throw boom;
        }, x -> new double[] {0}, 1));
        assertSame(boom, outcome.error());
        assertTrue(outcome.refused());
        assertFalse(outcome.passed());
        assertEquals("refused: java.lang.IllegalStateException: boom", outcome.account());
    }

    @Test
    void theRulesTakeTheirDefaults() {
        assertEquals("PyTorch's gradcheck defaults (eps 1e-06, |a - n| <= 1e-05 + 1e-03 |n| per entry)",
                PeerRules.PYTORCH.title());
        assertEquals("the article's rule (eps 1e-07, ||g - n|| / (||g|| + ||n||) <= 1e-07)", PeerRules.ARTICLE.title());
        assertEquals(1e-6, PeerRules.PYTORCH.step);
        assertEquals(1e-7, PeerRules.ARTICLE.step);
    }

    @Test
    void aVerdictIsJudgedLikeGradChecksReport() {
        Outcome correct = PeerRules.PYTORCH.check(gradientCase(SQUARE, x -> new double[] {6}, 3));
        assertTrue(correct.asRequired());
        assertNull(correct.error());
        Cases cases = new Cases();
        cases.bug("square, wrong", "test", SQUARE, x -> new double[] {2 * x[0]}, x -> new double[] {7}, new double[] {3});
        Outcome bug = PeerRules.PYTORCH.check(cases.list().get(0));
        assertTrue(bug.detected() && bug.localised() && bug.asRequired(), bug::describe);
        Outcome article = PeerRules.ARTICLE.check(cases.list().get(0));
        assertTrue(article.detected() && !article.localised() && article.asRequired(),
                "a rule that names no entry is not asked to localise");
        assertInstanceOf(PeerRules.PeerOutcome.class, article);
    }

    private static CorpusCase gradientCase(ToDoubleFunction<double[]> value, Function<double[], double[]> gradient,
            double at) {
        Cases cases = new Cases();
        cases.correct("peer rule fixture", "test", value, gradient, new double[] {at});
        return cases.list().get(0);
    }

    private static JacobianCase jacobianCase(Function<double[], double[]> value, Function<double[], double[][]> jacobian,
            double[] point) {
        return new JacobianCase("peer rule fixture", CorpusCase.Kind.CORRECT, "test", () -> VectorFunction.of(value, jacobian),
                point, ParameterLayout.vector("x", point.length), Set.of(), null);
    }
}
