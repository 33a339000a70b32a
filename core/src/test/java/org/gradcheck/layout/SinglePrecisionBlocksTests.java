package org.gradcheck.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Single-precision blocks: {@code float[]} and {@code float[][]} parameters, rolled exactly and read as floats. */
class SinglePrecisionBlocksTests {

    /** {@code W} a 2x3 float matrix, {@code b} a float vector, {@code c} a double vector. */
    private static Map<String, Object> mixed() {
        Map<String, Object> dictionary = new LinkedHashMap<>();
        dictionary.put("W", new float[][] {{0.1f, 0.2f, 0.3f}, {-1.7f, 2.5f, 1e-3f}});
        dictionary.put("b", new float[] {0.7f, -0.9f});
        dictionary.put("c", new double[] {0.1});
        return dictionary;
    }

    private final ParameterLayout layout = ParameterLayout.of(mixed());

    @Test
    void floatArraysAreSinglePrecisionBlocks() {
        assertTrue(layout.block("W").isSinglePrecision());
        assertTrue(layout.block("W").isMatrix());
        assertTrue(layout.block("b").isSinglePrecision());
        assertFalse(layout.block("b").isMatrix());
        assertFalse(layout.block("c").isSinglePrecision());
        assertTrue(layout.hasSinglePrecisionBlocks());
        assertFalse(ParameterLayout.vector("x", 3).hasSinglePrecisionBlocks());
        assertEquals("[W[2, 3] (float), b[2] (float), c[1]]", layout.toString());
        assertEquals("W[1,2]", layout.nameOf(5));
        assertEquals("[2, 3]", layout.block("W").shapeText());
    }

    @Test
    void theBuilderMakesTheSameLayout() {
        ParameterLayout built = ParameterLayout.builder().floatMatrix("W", 2, 3).floatVector("b", 2).vector("c", 1).build();

        assertEquals(layout, built);
        assertEquals(layout.hashCode(), built.hashCode());
        assertNotEquals(layout, ParameterLayout.builder().matrix("W", 2, 3).vector("b", 2).vector("c", 1).build());
    }

    @Test
    void floatsAreRolledExactly() {
        double[] vector = layout.roll(mixed());

        assertArrayEquals(new double[] {0.1f, 0.2f, 0.3f, -1.7f, 2.5f, 1e-3f, 0.7f, -0.9f, 0.1}, vector);
        assertArrayEquals(vector, Parameters.copyOf(mixed()).values());
    }

    @Test
    void unrollGivesFloatArraysBack() {
        Map<String, Object> back = layout.unroll(layout.roll(mixed()));

        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f}, ((float[][]) back.get("W"))[0]);
        assertArrayEquals(new float[] {-1.7f, 2.5f, 1e-3f}, ((float[][]) back.get("W"))[1]);
        assertArrayEquals(new float[] {0.7f, -0.9f}, (float[]) back.get("b"));
        assertArrayEquals(new double[] {0.1}, (double[]) back.get("c"));
    }

    @Test
    void aViewReadsSinglePrecisionValuesRoundedToFloat() {
        double[] values = layout.roll(mixed());
        // between two floats, as a checker's perturbation puts it
        values[4] = 2.5 + 1e-9;
        values[6] = 0.7;
        values[8] = 0.1 + 1e-12;
        Parameters parameters = Parameters.view(layout, values);

        assertEquals(2.5, parameters.get("W", 1, 1));
        assertEquals(0.7f, parameters.get("b", 0));
        assertEquals(0.1 + 1e-12, parameters.get("c", 0));
        assertArrayEquals(new double[] {-1.7f, 2.5, 1e-3f}, parameters.matrix("W")[1]);
        assertArrayEquals(new double[] {0.7f, -0.9f}, parameters.vector("b"));
        assertArrayEquals(new float[] {-1.7f, 2.5f, 1e-3f}, parameters.floatMatrix("W")[1]);
        assertArrayEquals(new float[] {0.7f, -0.9f}, parameters.floatVector("b"));
        assertArrayEquals(new float[] {0.7f, -0.9f}, (float[]) parameters.toMap().get("b"));
        assertEquals(2.5 + 1e-9, parameters.values()[4]);
    }

    @Test
    void floatCopiesOfDoubleBlocksAreRounded() {
        Parameters parameters = Parameters.view(ParameterLayout.builder().matrix("W", 1, 2).vector("b", 1).build(),
                new double[] {0.1, 1.0 / 3, 0.2});

        assertArrayEquals(new float[] {0.1f, 1.0f / 3}, parameters.floatMatrix("W")[0]);
        assertArrayEquals(new float[] {0.1f, 1.0f / 3}, parameters.floatVector("W"));
        assertArrayEquals(new float[][] {{0.2f}}, parameters.floatMatrix("b"));
        assertEquals(1.0 / 3, parameters.get("W", 0, 1));
    }

    @Test
    void gradientsMayBeFloatOrDoubleForAnyBlock() {
        Map<String, Object> gradients = new LinkedHashMap<>();
        gradients.put("dW", new double[][] {{1, 2, 3}, {4, 5, 6}});
        gradients.put("db", new float[] {0.5f, 0.25f});
        gradients.put("dc", new float[] {0.1f});

        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 0.5, 0.25, 0.1f}, layout.rollGradients(gradients, GradientNaming.standard()));
    }

    @Test
    void aFloatMatrixGradientIsRolledRowMajor() {
        ParameterLayout matrix = ParameterLayout.builder().matrix("W", 2, 2).build();

        assertArrayEquals(new double[] {1, 2, 3, 4},
                matrix.rollGradients(Map.of("dW", new float[][] {{1, 2}, {3, 4}}), GradientNaming.standard()));
    }

    @Test
    void aMisShapedFloatGradientNamesBothShapes() {
        Map<String, Object> gradients = new LinkedHashMap<>();
        gradients.put("dW", new float[][] {{1, 2, 3}, {4, 5}});
        gradients.put("db", new float[2]);
        gradients.put("dc", new double[1]);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> layout.rollGradients(gradients, GradientNaming.standard()));

        assertEquals("gradient dW has shape [2, ragged] but block W has shape [2, 3]: give dW the shape of W", e.getMessage());
    }

    @Test
    void aSinglePrecisionBlockTakesNoDoubleParameters() {
        Map<String, Object> dictionary = mixed();
        dictionary.put("W", new double[2][3]);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> layout.roll(dictionary));

        assertEquals("parameter W is a double[][] but block W holds floats: give W as a float[][]", e.getMessage());
    }

    @Test
    void aDoubleBlockTakesFloatParametersExactly() {
        ParameterLayout doubles = ParameterLayout.vector("c", 2);

        assertArrayEquals(new double[] {0.1f, 0.2f}, doubles.roll(Map.of("c", new float[] {0.1f, 0.2f})));
    }

    @Test
    void malformedFloatParametersAreRejected() {
        assertEquals("parameter W is ragged: row 0 has 2 columns, row 1 has 1; matrix blocks must be rectangular",
                assertThrows(IllegalArgumentException.class,
                        () -> ParameterLayout.of(Map.of("W", new float[][] {{1, 2}, {3}}))).getMessage());
        assertEquals("parameter W has a null row 1", assertThrows(IllegalArgumentException.class,
                () -> ParameterLayout.of(Map.of("W", new float[][] {{1, 2}, null}))).getMessage());
        assertEquals("parameter W has no rows: blocks must hold at least one value", assertThrows(IllegalArgumentException.class,
                () -> ParameterLayout.of(Map.of("W", new float[0][]))).getMessage());
        assertEquals("block b has shape [0]: every dimension must be at least 1", assertThrows(IllegalArgumentException.class,
                () -> ParameterLayout.of(Map.of("b", new float[0]))).getMessage());
        assertEquals("block W has shape [2, 0]: every dimension must be at least 1", assertThrows(IllegalArgumentException.class,
                () -> ParameterLayout.builder().floatMatrix("W", 2, 0)).getMessage());
    }
}
