package org.gradcheck.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scalar blocks: one coordinate each, named without an index ({@code hi}, not {@code hi[0]}). */
class ScalarBlocksTests {

    private final ParameterLayout bounds = ParameterLayout.scalars("lo", "hi");

    @Test
    void scalarsAreNamedWithoutAnIndex() {
        assertEquals(2, bounds.size());
        assertEquals("lo", bounds.nameOf(0));
        assertEquals("hi", bounds.nameOf(1));
        assertEquals(1, bounds.indexOf("hi"));
        assertEquals(0, bounds.indexOf(" lo "));
        assertEquals("[lo, hi]", bounds.toString());
    }

    @Test
    void aScalarBlockHasAnEmptyShapeAndOneCoordinate() {
        Block hi = bounds.block("hi");

        assertTrue(hi.isScalar());
        assertFalse(hi.isMatrix());
        assertFalse(hi.isSinglePrecision());
        assertEquals(1, hi.size());
        assertEquals(1, hi.rows());
        assertEquals(1, hi.columns());
        assertEquals(1, hi.offset());
        assertArrayEquals(new int[0], hi.shape());
        assertEquals("[]", hi.shapeText());
        assertEquals("hi", hi.toString());
        assertEquals("hi", hi.coordinateName(0));
        assertEquals(1, hi.flatIndex(0, 0));
    }

    @Test
    void scalarsMixWithVectorsAndMatrices() {
        ParameterLayout layout = ParameterLayout.builder().scalar("scale").vector("b", 2).matrix("W", 1, 2).scalar("shift").build();

        assertEquals(List.of("scale", "b[0]", "b[1]", "W[0,0]", "W[0,1]", "shift"),
                List.of(layout.nameOf(0), layout.nameOf(1), layout.nameOf(2), layout.nameOf(3), layout.nameOf(4), layout.nameOf(5)));
        assertEquals(5, layout.indexOf("shift"));
        assertEquals("[scale, b[2], W[1, 2], shift]", layout.toString());
    }

    @Test
    void aScalarIsADifferentLayoutFromAVectorOfOne() {
        ParameterLayout vectors = ParameterLayout.builder().vector("lo", 1).vector("hi", 1).build();

        assertNotEquals(bounds, vectors);
        assertEquals(bounds, ParameterLayout.builder().scalar("lo").scalar("hi").build());
        assertEquals("hi[0]", vectors.nameOf(1));
    }

    @Test
    void aDictionaryOfDoublesIsALayoutOfScalars() {
        Map<String, Object> dictionary = new LinkedHashMap<>();
        dictionary.put("lo", -1.0);
        dictionary.put("w", new double[] {3, 4});
        dictionary.put("hi", 2.0);

        ParameterLayout layout = ParameterLayout.of(dictionary);
        Map<String, Object> back = layout.unroll(new double[] {-1.5, 3, 4, 2.5});

        assertEquals("[lo, w[2], hi]", layout.toString());
        assertArrayEquals(new double[] {-1, 3, 4, 2}, layout.roll(dictionary));
        assertEquals(-1.5, back.get("lo"));
        assertEquals(2.5, back.get("hi"));
        assertArrayEquals(new double[] {3, 4}, (double[]) back.get("w"));
    }

    @Test
    void gradientsOfScalarsAreDoublesOrFloats() {
        assertArrayEquals(new double[] {0.25, -0.5}, bounds.rollGradients(Map.of("dlo", 0.25, "dhi", -0.5f), GradientNaming.standard()));
    }

    @Test
    void aScalarGradientOfAnotherTypeNamesBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bounds.rollGradients(Map.of("dlo", 0.25, "dhi", new double[] {-0.5}), GradientNaming.standard()));

        assertEquals("gradient dhi is a double[] but block hi is a scalar: give dhi as a Double or a Float", e.getMessage());
    }

    @Test
    void aScalarParameterMustBeADouble() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bounds.roll(Map.of("lo", 1.0, "hi", 2.0f)));

        assertEquals("parameter hi is a Float but block hi is a scalar: give hi as a Double", e.getMessage());
    }

    @Test
    void aNumberForAVectorBlockIsAShapeError() {
        ParameterLayout layout = ParameterLayout.vector("b", 2);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> layout.rollGradients(Map.of("db", 1.0), GradientNaming.standard()));

        assertEquals("gradient db has shape [] (a Double) but block b has shape [2]: give db the shape of b", e.getMessage());
    }

    @Test
    void aScalarNamedWithAnIndexIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bounds.indexOf("hi[0]"));

        assertEquals("coordinate name 'hi[0]' has an index but block hi is a scalar: write hi", e.getMessage());
    }

    @Test
    void anUnknownScalarNameListsTheBlocks() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bounds.indexOf("high"));

        assertEquals("no parameter block named high; the blocks are [lo, hi]", e.getMessage());
    }

    @Test
    void parametersReadAScalarByItsName() {
        Parameters parameters = Parameters.view(bounds, new double[] {-1, 2});

        assertEquals(2, parameters.get("hi"));
        assertEquals(-1, parameters.get("lo", 0));
        assertEquals(Map.of("lo", -1.0, "hi", 2.0), parameters.toMap());
    }

    @Test
    void getByNameAloneIsOnlyForScalars() {
        Parameters parameters = Parameters.view(ParameterLayout.builder().matrix("W", 2, 3).vector("b", 2).build(), new double[8]);

        assertEquals("block W is a matrix of shape [2, 3]: use get(\"W\", row, column)",
                assertThrows(IllegalArgumentException.class, () -> parameters.get("W")).getMessage());
        assertEquals("block b is a vector of shape [2]: use get(\"b\", index)",
                assertThrows(IllegalArgumentException.class, () -> parameters.get("b")).getMessage());
        assertEquals("no parameter block named c; the blocks are [W, b]",
                assertThrows(IllegalArgumentException.class, () -> parameters.get("c")).getMessage());
    }

    @Test
    void scalarsNeedNames() {
        assertEquals("names must not be empty: give the name of every scalar, e.g. scalars(\"lo\", \"hi\")",
                assertThrows(IllegalArgumentException.class, () -> ParameterLayout.scalars()).getMessage());
        assertEquals("names must not be null: give the name of every scalar, e.g. scalars(\"lo\", \"hi\")",
                assertThrows(IllegalArgumentException.class, () -> ParameterLayout.scalars((String[]) null)).getMessage());
        assertEquals("block name must not be null or blank: name each block, e.g. W1 or b1",
                assertThrows(IllegalArgumentException.class, () -> ParameterLayout.scalars("lo", null)).getMessage());
        assertEquals("block name hi is used twice: block names must be unique",
                assertThrows(IllegalArgumentException.class, () -> ParameterLayout.scalars("hi", "hi")).getMessage());
        assertEquals("block name 'hi[0]' must not contain brackets: they are used to name coordinates, e.g. W1[2,3]",
                assertThrows(IllegalArgumentException.class, () -> ParameterLayout.scalars("hi[0]")).getMessage());
    }
}
