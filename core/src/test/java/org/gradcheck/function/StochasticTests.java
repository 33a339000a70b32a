package org.gradcheck.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.gradcheck.CheckRefusedException;
import org.gradcheck.GradientChecker;
import org.gradcheck.layout.Parameters;
import org.gradcheck.report.GradientReport;
import org.junit.jupiter.api.Test;

class StochasticTests {

    private static final double KEEP = 0.5;

    /** sum_i m_i x_i^2 / keep with a fresh Bernoulli mask m drawn from {@code random} in every call. */
    private static DifferentiableFunction droppedSquares(Random random, boolean scaleGradient) {
        return DifferentiableFunction.of(x -> {
            double sum = 0;
            for (double xi : x) {
                sum += random.nextDouble() < KEEP ? xi * xi / KEEP : 0;
            }
            return sum;
        }, x -> {
            double[] g = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                g[i] = random.nextDouble() < KEEP ? 2 * x[i] / (scaleGradient ? KEEP : 1) : 0;
            }
            return g;
        });
    }

    private static final double[] POINT = {0.3, -1.2, 0.8, 2.0, -0.4, 1.1};

    @Test
    void withoutResetADropoutFunctionIsNotDeterministic() {
        CheckRefusedException error = assertThrows(CheckRefusedException.class,
                () -> GradientChecker.defaults().check(droppedSquares(new Random(3), true), POINT));

        assertTrue(error.getMessage().startsWith("the function is not deterministic"), error::getMessage);
    }

    @Test
    void withResetTheSameMaskIsDrawnInEveryEvaluationAndTheGradientIsChecked() {
        Random random = new Random(3);
        DifferentiableFunction checked = Stochastic.withReset(droppedSquares(random, true), Stochastic.reseeding(random, 3));

        GradientReport report = GradientChecker.defaults().check(checked, POINT);

        assertTrue(report.passed(), report::toString);
        int dropped = 0;
        for (int i = 0; i < POINT.length; i++) {
            if (report.parameter(i).analytic() == 0) {
                dropped++;
                assertEquals(0, report.parameter(i).numerical(), 1e-9);
            } else {
                assertEquals(2 * POINT[i] / KEEP, report.parameter(i).analytic(), 1e-15);
            }
        }
        assertTrue(dropped > 0 && dropped < POINT.length, "the mask keeps some units and drops others: " + dropped);
    }

    @Test
    void withResetAWrongDropoutGradientIsCaught() {
        Random random = new Random(3);
        DifferentiableFunction unscaled = Stochastic.withReset(droppedSquares(random, false), Stochastic.reseeding(random, 3));

        GradientReport report = GradientChecker.defaults().check(unscaled, POINT);

        assertFalse(report.passed());
        assertTrue(report.failureCount() > 0);
        assertEquals(report.failureCount(), report.parameters().stream().filter(p -> p.analytic() != 0).count());
    }

    @Test
    void theResetRunsBeforeEveryCallOfAModelAndOfAVectorFunction() {
        AtomicInteger resets = new AtomicInteger();
        GradientModel<Void> model = new GradientModel<>() {
            @Override
            public double cost(Parameters parameters, Void batch) {
                return parameters.values()[0] * resets.get();
            }

            @Override
            public Map<String, ?> gradients(Parameters parameters, Void batch) {
                return Map.of("dw", new double[] {resets.get()});
            }
        };
        GradientModel<Void> counted = Stochastic.withReset(model, resets::incrementAndGet);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("w", new double[] {2});
        Parameters view = Parameters.copyOf(parameters);

        assertEquals(2, counted.cost(view, null));
        assertEquals(4, counted.cost(view, null));
        assertEquals(3, ((double[]) counted.gradients(view, null).get("dw"))[0]);

        AtomicInteger vectorResets = new AtomicInteger();
        VectorFunction vector = Stochastic.withReset(
                VectorFunction.of(x -> new double[] {x[0]}, x -> new double[][] {{1}}), vectorResets::incrementAndGet);
        GradientChecker.defaults().checkJacobian(vector, new double[] {1});
        // two values and two Jacobians at the point, eight to measure the noise, two perturbed values, two values at the
        // end, and one call of each product form the consistency checks find unimplemented
        assertEquals(2 + 2 + 8 + 2 + 2 + 2, vectorResets.get());
    }

    @Test
    void argumentsAreValidatedWithMessages() {
        assertEquals("reset must not be null: pass what resets the randomness, for example Stochastic.reseeding(random, seed)",
                assertThrows(IllegalArgumentException.class,
                        () -> Stochastic.withReset(droppedSquares(new Random(1), true), null)).getMessage());
        assertEquals("function must not be null: pass the stochastic function to check",
                assertThrows(IllegalArgumentException.class,
                        () -> Stochastic.withReset((DifferentiableFunction) null, () -> { })).getMessage());
        assertEquals("random must not be null: pass the generator the function draws its random numbers from",
                assertThrows(IllegalArgumentException.class, () -> Stochastic.reseeding(null, 1)).getMessage());
    }
}
