package org.gradcheck.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gradcheck.CheckRefusedException;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.layout.ParameterLayout;
import org.junit.jupiter.api.Test;

/**
 * The evaluator's one working copy of the point: moves along a direction are undone by the next evaluation that needs
 * the point, and every evaluation sees the point exactly as it asked for it.
 */
class EvaluatorTests {

    private static final double[] POINT = {0.5, -1.5, 2.0, 3.25, -0.75, 4.0};

    /** {@code sum sin(x_i)}: records a copy of every point it is evaluated at; modifies its input when told to. */
    private static final class Recorder implements DifferentiableFunction {
        final List<double[]> seen = new ArrayList<>();
        int modifyAt = -1;

        @Override
        public double value(double[] x) {
            seen.add(x.clone());
            if (modifyAt >= 0) {
                x[modifyAt] += 1;
            }
            return Arrays.stream(x).map(Math::sin).sum();
        }

        @Override
        public double[] gradient(double[] x) {
            seen.add(x.clone());
            return Arrays.stream(x).map(Math::cos).toArray();
        }
    }

    private static Evaluator evaluator(Recorder recorder) {
        GradientProblem problem = new GradientProblem(recorder, ParameterLayout.vector("x", POINT.length));
        return new Evaluator(problem, POINT.clone(), new Evaluator.Control());
    }

    private static double[] moved(double[] w, int from, int to, double t) {
        double[] expected = POINT.clone();
        for (int i = from; i < to; i++) {
            expected[i] = POINT[i] + t * w[i];
        }
        return expected;
    }

    @Test
    void everyEvaluationAfterAMoveSeesOnlyWhatItMoves() {
        Recorder recorder = new Recorder();
        Evaluator evaluator = evaluator(recorder);
        double[] w = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
        double[] out = new double[1];
        evaluator.along(w, 1, 5, 1, out, "a test move");
        assertArrayEquals(moved(w, 1, 5, 1), recorder.seen.get(0));
        evaluator.along(w, 1, 5, -2, out, "a test move");
        assertArrayEquals(moved(w, 1, 5, -2), recorder.seen.get(1));
        // a move over a narrower range restores what the last one moved outside it
        evaluator.along(w, 2, 3, 1, out, "a test move");
        assertArrayEquals(moved(w, 2, 3, 1), recorder.seen.get(2));
        evaluator.along(w, 0, 6, 1, out, "a test move");
        evaluator.withColumn(3, 10, out);
        double[] one = POINT.clone();
        one[3] = 10;
        assertArrayEquals(one, recorder.seen.get(4));
        evaluator.along(w, 0, 2, 1, out, "a test move");
        evaluator.withColumns(new int[] {4, 5}, new double[] {-7, 7}, out);
        double[] two = POINT.clone();
        two[4] = -7;
        two[5] = 7;
        assertArrayEquals(two, recorder.seen.get(6));
        evaluator.along(w, 0, 6, 1, out, "a test move");
        evaluator.atPoint(out, "f(x)");
        assertArrayEquals(POINT, recorder.seen.get(8));
        evaluator.along(w, 0, 6, 1, out, "a test move");
        double[] gradient = evaluator.analytic("the gradient");
        assertArrayEquals(POINT, recorder.seen.get(10));
        assertEquals(Math.cos(POINT[3]), gradient[3]);
        evaluator.along(w, 3, 6, 1, out, "a test move");
        assertArrayEquals(POINT, evaluator.x());
        assertArrayEquals(POINT, evaluator.original());
        assertEquals(12, evaluator.evaluations);
        evaluator.requireUnmodified("the test");
    }

    @Test
    void aFunctionThatModifiesItsInputDuringAMoveIsCaught() {
        Recorder recorder = new Recorder();
        Evaluator evaluator = evaluator(recorder);
        double[] w = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
        double[] out = new double[1];
        // outside the range moved: the next evaluation of that column notices it
        recorder.modifyAt = 4;
        evaluator.along(w, 0, 2, 1, out, "a test move");
        recorder.modifyAt = -1;
        CheckRefusedException e = assertThrows(CheckRefusedException.class, () -> evaluator.withColumn(4, 1, out));
        assertTrue(e.getMessage().contains("x[4] (index 4) was -0.75 and became 0.25"), e::getMessage);
        // and so does the comparison at the end of a check
        Evaluator other = evaluator(recorder);
        recorder.modifyAt = 5;
        other.along(w, 0, 3, 1, out, "a test move");
        assertThrows(CheckRefusedException.class, () -> other.requireUnmodified("the test"));
    }

    @Test
    void theAnalyticGradientIsTheCheckersOwnCopy() {
        double[] buffer = new double[POINT.length];
        DifferentiableFunction reusing = DifferentiableFunction.of(x -> 0, x -> buffer);
        GradientProblem problem = new GradientProblem(reusing, ParameterLayout.vector("x", POINT.length));
        Evaluator evaluator = new Evaluator(problem, POINT.clone(), new Evaluator.Control());
        buffer[2] = 5;
        double[] first = evaluator.analytic("the gradient");
        buffer[2] = 6;
        assertEquals(5, first[2]);
        double[] second = evaluator.analytic("the gradient a second time");
        assertEquals(6, second[2]);
        assertEquals(5, first[2]);
    }

    @Test
    void durationsReadInTenthsOfASecondBelowAMinute() {
        assertEquals("0.0 s", Run.readable(Duration.ofMillis(0)));
        assertEquals("0.0 s", Run.readable(Duration.ofMillis(49)));
        assertEquals("0.1 s", Run.readable(Duration.ofMillis(50)));
        assertEquals("1.0 s", Run.readable(Duration.ofSeconds(1)));
        assertEquals("1.2 s", Run.readable(Duration.ofMillis(1150)));
        assertEquals("59.9 s", Run.readable(Duration.ofMillis(59_940)));
        assertEquals("1 min 0 s", Run.readable(Duration.ofSeconds(60)));
        assertEquals("10 min 10 s", Run.readable(Duration.ofSeconds(610)));
        assertEquals("2 h 5 min", Run.readable(Duration.ofMinutes(125)));
    }
}
