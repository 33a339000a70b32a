package org.gradcheck.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParametersTests {

    private final ParameterLayout layout = ParameterLayout.builder().matrix("W", 2, 3).vector("b", 2).matrix("c", 2, 1).build();

    @Test
    void aViewSeesChangesToTheVector() {
        double[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        Parameters parameters = Parameters.view(layout, values);

        values[5] = 60;
        values[7] = 80;

        assertSame(values, parameters.values());
        assertSame(layout, parameters.layout());
        assertEquals(60, parameters.get("W", 1, 2));
        assertEquals(80, parameters.get("b", 1));
        assertEquals(10, parameters.get("c", 1));
        assertEquals(9, parameters.get("c", 0, 0));
        assertArrayEquals(new double[] {4, 5, 60}, parameters.matrix("W")[1]);
        assertArrayEquals(new double[] {7, 80}, parameters.vector("b"));
    }

    @Test
    void matrixAndVectorAreCopies() {
        double[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        Parameters parameters = Parameters.view(layout, values);

        parameters.matrix("W")[0][0] = -1;
        parameters.vector("b")[0] = -1;

        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, values);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, parameters.vector("W"));
        double[][] column = parameters.matrix("b");
        assertEquals(2, column.length);
        assertArrayEquals(new double[] {8}, column[1]);
    }

    @Test
    void copyOfCopiesTheDictionaryInItsOrder() {
        double[][] w = {{1, 2, 3}, {4, 5, 6}};
        Map<String, Object> dictionary = new LinkedHashMap<>();
        dictionary.put("b", new double[] {7, 8});
        dictionary.put("W", w);

        Parameters parameters = Parameters.copyOf(dictionary);
        w[0][0] = 100;

        assertArrayEquals(new double[] {7, 8, 1, 2, 3, 4, 5, 6}, parameters.values());
        assertEquals("Parameters[b[2], W[2, 3]]", parameters.toString());
        Map<String, Object> back = parameters.toMap();
        assertEquals(1, ((double[][]) back.get("W"))[0][0]);
    }

    @Test
    void getByOneIndexOnAMatrixWithSeveralColumnsIsRejected() {
        Parameters parameters = Parameters.view(layout, new double[10]);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parameters.get("W", 1));

        assertEquals("block W is a matrix of shape [2, 3]: use get(\"W\", row, column)", e.getMessage());
    }

    @Test
    void getOutsideABlockIsRejected() {
        Parameters parameters = Parameters.view(layout, new double[10]);

        assertEquals("index (2, 0) is outside block b of shape [2]: use 0 <= row < 2 and 0 <= column < 1",
                assertThrows(IllegalArgumentException.class, () -> parameters.get("b", 2)).getMessage());
        assertEquals("index (0, 3) is outside block W of shape [2, 3]: use 0 <= row < 2 and 0 <= column < 3",
                assertThrows(IllegalArgumentException.class, () -> parameters.get("W", 0, 3)).getMessage());
        assertEquals("no parameter block named V; the blocks are [W, b, c]",
                assertThrows(IllegalArgumentException.class, () -> parameters.matrix("V")).getMessage());
    }

    @Test
    void viewRejectsANullLayoutOrAVectorOfTheWrongLength() {
        assertEquals("layout must not be null: build one with ParameterLayout.builder() or ParameterLayout.of(map)",
                assertThrows(IllegalArgumentException.class, () -> Parameters.view(null, new double[10])).getMessage());
        assertEquals("values has length 9 but the layout [W[2, 3], b[2], c[2, 1]] has 10 parameters",
                assertThrows(IllegalArgumentException.class, () -> Parameters.view(layout, new double[9])).getMessage());
        assertEquals("values must not be null: pass a vector of length 10",
                assertThrows(IllegalArgumentException.class, () -> Parameters.view(layout, null)).getMessage());
    }

    @Test
    void copyOfRejectsAMalformedDictionary() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Parameters.copyOf(Map.of("W", new double[][] {{1, 2}, {3}})));

        assertEquals("parameter W is ragged: row 0 has 2 columns, row 1 has 1; matrix blocks must be rectangular", e.getMessage());
    }
}
