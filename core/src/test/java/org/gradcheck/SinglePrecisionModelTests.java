package org.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradcheck.function.GradientModel;
import org.gradcheck.layout.Parameters;
import org.gradcheck.report.Entry;
import org.gradcheck.report.GradientReport;
import org.junit.jupiter.api.Test;

/** A model whose parameters are {@code float[]} blocks is checked at float precision without being told. */
class SinglePrecisionModelTests {

    /** Examples {x0, x1, y} of a logistic regression. */
    private static final float[][] EXAMPLES = {{1, 2, 1}, {-1, 0.5f, 0}, {0.3f, -2, 1}, {2, -0.7f, 0}};

    /** Logistic regression computed in float, as a single-precision network is; {@code db} scaled by {@code biasFactor}. */
    private static final class FloatLogistic implements GradientModel<float[][]> {

        private final float biasFactor;

        FloatLogistic(float biasFactor) {
            this.biasFactor = biasFactor;
        }

        @Override
        public double cost(Parameters theta, float[][] examples) {
            float[] w = theta.floatVector("w");
            float b = (float) theta.get("b", 0);
            float cost = 0;
            for (float[] example : examples) {
                float z = w[0] * example[0] + w[1] * example[1] + b;
                cost += (float) Math.log1p(Math.exp(-z)) + (1 - example[2]) * z;
            }
            return cost / examples.length;
        }

        @Override
        public Map<String, ?> gradients(Parameters theta, float[][] examples) {
            float[] w = theta.floatVector("w");
            float b = (float) theta.get("b", 0);
            float[] dw = new float[2];
            float[] db = new float[1];
            for (float[] example : examples) {
                float z = w[0] * example[0] + w[1] * example[1] + b;
                float error = (float) (1 / (1 + Math.exp(-z))) - example[2];
                dw[0] += error * example[0] / examples.length;
                dw[1] += error * example[1] / examples.length;
                db[0] += biasFactor * error / examples.length;
            }
            return Map.of("dw", dw, "db", db);
        }
    }

    private static Map<String, Object> floatParameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("w", new float[] {0.5f, -0.25f});
        parameters.put("b", new float[] {0.1f});
        return parameters;
    }

    @Test
    void floatParametersAreCheckedAtFloatPrecision() {
        GradientReport report = GradientChecker.defaults().check(new FloatLogistic(1), floatParameters(), EXAMPLES);

        assertTrue(report.passed(), report::toString);
        assertEquals("float (declared)", report.precisionDescription());
        assertEquals("4.922e-03 * max(|x|, 1) (automatic)", report.stepDescription());
        // no noise measurement: the value and the gradient twice at the point, two values per parameter, the value
        // twice at the end (12), and Ridders' re-estimates of the three entries (44): computed in float, their first
        // estimates agree within their rounding bound only (mismatches of 1e-6 to 5e-6 relative), so larger steps
        // are tried for an error the first bound may hide
        assertEquals(56, report.evaluations());
        assertEquals(3, report.refinedCount());
    }

    @Test
    void aBiasGradientOnePercentOffFailsAndIsNamed() {
        GradientReport report = GradientChecker.defaults().check(new FloatLogistic(1.01f), floatParameters(), EXAMPLES);

        assertEquals(List.of("b[0]"), report.failures().stream().map(Entry::name).toList());
        assertEquals("float (declared)", report.precisionDescription());
    }

    @Test
    void aDeclaredPrecisionIsKept() {
        GradientReport report = GradientChecker.defaults().withPrecision(Precision.DOUBLE)
                .check(new FloatLogistic(1), floatParameters(), EXAMPLES);

        assertEquals("double (declared)", report.precisionDescription());
    }

    @Test
    void doubleParametersKeepTheMeasuredPrecision() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("w", new double[] {0.5, -0.25});
        parameters.put("b", new double[] {0.1});

        GradientReport report = GradientChecker.defaults().check(new FloatLogistic(1), parameters, EXAMPLES);

        assertTrue(report.precisionDescription().startsWith("single or lower (measured noise "), report.precisionDescription());
    }
}
