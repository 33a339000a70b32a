package org.gradcheck.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.gradcheck.GradientChecker;
import org.gradcheck.function.GradientModel;
import org.gradcheck.layout.GradientNaming;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.layout.Parameters;
import org.junit.jupiter.api.Test;

class ModelFunctionTests {

    private final ParameterLayout layout = ParameterLayout.builder().matrix("W", 1, 2).vector("b", 1).build();

    /** {@code cost = scale * (W[0,0] + 2 W[0,1] + 3 b[0])}, gradients keyed {@code dW}, {@code db} plus {@code dA}. */
    private final GradientModel<Double> linear = new GradientModel<>() {
        @Override
        public double cost(Parameters parameters, Double scale) {
            return scale * (parameters.get("W", 0, 0) + 2 * parameters.get("W", 0, 1) + 3 * parameters.get("b", 0));
        }

        @Override
        public Map<String, ?> gradients(Parameters parameters, Double scale) {
            return Map.of("dW", new double[][] {{scale, 2 * scale}}, "db", new double[] {3 * scale}, "dA", "ignored");
        }
    };

    @Test
    void aModelOnAFixedBatchIsAFunctionOfTheFlatVector() {
        ModelFunction<Double> function = new ModelFunction<>(linear, layout, 10.0, GradientNaming.standard());

        assertEquals(10 * (1 + 4 + 9), function.value(new double[] {1, 2, 3}));
        assertArrayEquals(new double[] {10, 20, 30}, function.gradient(new double[] {1, 2, 3}));
    }

    @Test
    void aNullGradientDictionaryIsNamed() {
        GradientModel<Double> broken = new GradientModel<>() {
            @Override
            public double cost(Parameters parameters, Double batch) {
                return 0;
            }

            @Override
            public Map<String, ?> gradients(Parameters parameters, Double batch) {
                return null;
            }
        };

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ModelFunction<>(broken, layout, 1.0, GradientNaming.prefixed("grad_")).gradient(new double[3]));

        assertEquals("the model's gradients(...) returned null: return a map with grad_W and the other gradients", e.getMessage());
    }

    /** The model function is built by the checker, which rejects a null model, null parameters and a null naming. */
    @Test
    void nullArgumentsAreRejected() {
        GradientChecker checker = GradientChecker.defaults();

        assertEquals("model must not be null: use for example a GradientModel with cost(...) and gradients(...)",
                assertThrows(IllegalArgumentException.class,
                        () -> checker.check((GradientModel<Double>) null, Parameters.view(layout, new double[3]), 1.0))
                        .getMessage());
        assertEquals("parameters must not be null: use for example Parameters.copyOf(map)",
                assertThrows(IllegalArgumentException.class, () -> checker.check(linear, (Parameters) null, 1.0)).getMessage());
        assertEquals("naming must not be null: use for example GradientNaming.standard()",
                assertThrows(IllegalArgumentException.class, () -> checker.withGradientNaming(null)).getMessage());
    }
}
