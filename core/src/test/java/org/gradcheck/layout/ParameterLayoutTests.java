package org.gradcheck.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParameterLayoutTests {

    /** W1 2x3, b1 [2], W2 1x2 (1xN), b2 1x1 (Nx1 with N = 1), c 3x1 (Nx1): 14 parameters. */
    static ParameterLayout mixedLayout() {
        return ParameterLayout.builder()
                .matrix("W1", 2, 3)
                .vector("b1", 2)
                .matrix("W2", 1, 2)
                .matrix("b2", 1, 1)
                .matrix("c", 3, 1)
                .build();
    }

    /** Values 1, 2, 3, ... in flat order, so every coordinate's position is visible in its value. */
    static double[] counting(int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = i + 1;
        }
        return values;
    }

    static Stream<Arguments> dictionaries() {
        return Stream.of(
                Arguments.of("one vector", map("x", new double[] {1, 2, 3}), new double[] {1, 2, 3}),
                Arguments.of("one matrix", map("W", new double[][] {{1, 2, 3}, {4, 5, 6}}), new double[] {1, 2, 3, 4, 5, 6}),
                Arguments.of("1xN matrix", map("row", new double[][] {{7, 8, 9, 10}}), new double[] {7, 8, 9, 10}),
                Arguments.of("Nx1 matrix", map("column", new double[][] {{7}, {8}, {9}}), new double[] {7, 8, 9}),
                Arguments.of("1x1 matrix", map("s", new double[][] {{-2.5}}), new double[] {-2.5}),
                Arguments.of("the article's order W1 b1 W2 b2",
                        map("W1", new double[][] {{1, 2}, {3, 4}}, "b1", new double[][] {{5}, {6}},
                                "W2", new double[][] {{7, 8}}, "b2", new double[][] {{9}}),
                        new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}),
                Arguments.of("biases first, vector blocks",
                        map("b", new double[] {-1, -2}, "W", new double[][] {{1, 2}, {3, 4}, {5, 6}}, "a", new double[] {0.5}),
                        new double[] {-1, -2, 1, 2, 3, 4, 5, 6, 0.5}));
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dictionaries")
    void rollFollowsTheDictionaryOrderAndRowMajorOrder(String description, Map<String, Object> dictionary, double[] expected) {
        ParameterLayout layout = ParameterLayout.of(dictionary);

        assertArrayEquals(expected, layout.roll(dictionary));
        assertEquals(expected.length, layout.size());
        assertEquals(new ArrayList<>(dictionary.keySet()), layout.blocks().stream().map(Block::name).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dictionaries")
    void unrollGivesBackTheDictionaryWithItsShapesAndOrder(String description, Map<String, Object> dictionary, double[] expected) {
        ParameterLayout layout = ParameterLayout.of(dictionary);

        Map<String, Object> back = layout.unroll(expected);

        assertEquals(new ArrayList<>(dictionary.keySet()), new ArrayList<>(back.keySet()));
        for (Map.Entry<String, Object> entry : dictionary.entrySet()) {
            Object original = entry.getValue();
            Object copy = back.get(entry.getKey());
            assertEquals(original.getClass(), copy.getClass(), entry.getKey());
            if (original instanceof double[]) {
                assertArrayEquals((double[]) original, (double[]) copy, entry.getKey());
            } else {
                double[][] matrix = (double[][]) original;
                double[][] restored = (double[][]) copy;
                assertEquals(matrix.length, restored.length, entry.getKey());
                for (int r = 0; r < matrix.length; r++) {
                    assertArrayEquals(matrix[r], restored[r], entry.getKey() + " row " + r);
                }
            }
        }
        assertArrayEquals(expected, layout.roll(back));
    }

    @Test
    void unrollCopiesAndLeavesTheVectorUnmodified() {
        ParameterLayout layout = mixedLayout();
        double[] vector = counting(layout.size());

        Map<String, Object> dictionary = layout.unroll(vector);
        ((double[][]) dictionary.get("W1"))[0][0] = 100;
        ((double[]) dictionary.get("b1"))[1] = 200;

        assertArrayEquals(counting(layout.size()), vector);
        assertArrayEquals(new double[] {7, 200}, (double[]) dictionary.get("b1"));
        assertArrayEquals(new double[] {7, 8}, (double[]) layout.unroll(vector).get("b1"));
        assertNotSame(dictionary.get("W2"), layout.unroll(vector).get("W2"));
    }

    @Test
    void rollIgnoresEntriesThatAreNotBlocks() {
        ParameterLayout layout = ParameterLayout.builder().vector("a", 2).build();

        assertArrayEquals(new double[] {1, 2}, layout.roll(map("cache", "anything", "a", new double[] {1, 2})));
    }

    @Test
    void blocksKnowTheirOffsetsShapesAndSizes() {
        ParameterLayout layout = mixedLayout();

        assertEquals(14, layout.size());
        assertEquals("[W1[2, 3], b1[2], W2[1, 2], b2[1, 1], c[3, 1]]", layout.toString());
        int[] offsets = layout.blocks().stream().mapToInt(Block::offset).toArray();
        assertArrayEquals(new int[] {0, 6, 8, 10, 11}, offsets);
        Block w1 = layout.block("W1");
        assertTrue(w1.isMatrix());
        assertEquals(2, w1.rows());
        assertEquals(3, w1.columns());
        assertEquals(6, w1.size());
        assertArrayEquals(new int[] {2, 3}, w1.shape());
        assertEquals("[2, 3]", w1.shapeText());
        assertEquals("W1[2, 3]", w1.toString());
        Block b1 = layout.block("b1");
        assertFalse(b1.isMatrix());
        assertEquals(1, b1.columns());
        assertArrayEquals(new int[] {2}, b1.shape());
        assertEquals(5, w1.flatIndex(1, 2));
        assertEquals(7, b1.flatIndex(1, 0));
        assertTrue(layout.hasBlock("c"));
        assertFalse(layout.hasBlock("d"));
    }

    @Test
    void blockAtFindsTheBlockOfEveryIndex() {
        ParameterLayout layout = mixedLayout();
        String[] expected = {"W1", "W1", "W1", "W1", "W1", "W1", "b1", "b1", "W2", "W2", "b2", "c", "c", "c"};

        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], layout.blockAt(i).name(), "index " + i);
            assertEquals(expected[i], layout.blocks().get(layout.blockIndexAt(i)).name(), "index " + i);
        }
    }

    @Test
    void nameOfNamesEveryIndexAndIndexOfInvertsIt() {
        ParameterLayout layout = mixedLayout();
        List<String> expected = List.of("W1[0,0]", "W1[0,1]", "W1[0,2]", "W1[1,0]", "W1[1,1]", "W1[1,2]", "b1[0]", "b1[1]",
                "W2[0,0]", "W2[0,1]", "b2[0,0]", "c[0,0]", "c[1,0]", "c[2,0]");
        List<String> names = new ArrayList<>();

        for (int i = 0; i < layout.size(); i++) {
            String name = layout.nameOf(i);
            names.add(name);
            assertEquals(i, layout.indexOf(name), name);
        }

        assertEquals(expected, names);
    }

    @Test
    void indexOfAcceptsASpaceAfterTheCommaAndSurroundingBlanks() {
        ParameterLayout layout = mixedLayout();

        assertEquals(5, layout.indexOf("W1[1, 2]"));
        assertEquals(7, layout.indexOf(" b1[1] "));
    }

    @Test
    void aLargeLayoutNamesItsCoordinatesLikeTheArticlesNetwork() {
        ParameterLayout layout = ParameterLayout.builder()
                .matrix("W1", 5, 12288).matrix("b1", 5, 1).matrix("W2", 5, 5).matrix("b2", 5, 1).matrix("W3", 1, 5).matrix("b3", 1, 1)
                .build();

        assertEquals(61_481, layout.size());
        assertEquals("W1[0,2]", layout.nameOf(2));
        assertEquals("W1[4,12287]", layout.nameOf(61_439));
        assertEquals("b1[0,0]", layout.nameOf(61_440));
        assertEquals("b3[0,0]", layout.nameOf(61_480));
        assertEquals(2 * 12288 + 3, layout.indexOf("W1[2,3]"));
    }

    static Stream<Arguments> malformedNames() {
        return Stream.of(
                Arguments.of("W1", "coordinate name 'W1' has no index but block W1 is a matrix of shape [2, 3]: write W1[row,column]"),
                Arguments.of("b1", "coordinate name 'b1' has no index but block b1 is a vector of shape [2]: write b1[index]"),
                Arguments.of("d", "no parameter block named d; the blocks are [W1, b1, W2, b2, c]"),
                Arguments.of("W1[]", "coordinate name 'W1[]' is not of the form W1[2,3] (matrix), b2[4] (vector) or hi (scalar)"),
                Arguments.of("W1[1,2,3]", "coordinate name 'W1[1,2,3]' is not of the form W1[2,3] (matrix), b2[4] (vector) or hi (scalar)"),
                Arguments.of("W1[-1,0]", "coordinate name 'W1[-1,0]' is not of the form W1[2,3] (matrix), b2[4] (vector) or hi (scalar)"),
                Arguments.of("b1[x]", "coordinate name 'b1[x]' is not of the form W1[2,3] (matrix), b2[4] (vector) or hi (scalar)"),
                Arguments.of("[0]", "coordinate name '[0]' is not of the form W1[2,3] (matrix), b2[4] (vector) or hi (scalar)"),
                Arguments.of("d[0]", "no parameter block named d; the blocks are [W1, b1, W2, b2, c]"),
                Arguments.of("W1[1]", "coordinate name 'W1[1]' has one index but block W1 is a matrix of shape [2, 3]: write W1[row,column]"),
                Arguments.of("b1[0,0]", "coordinate name 'b1[0,0]' has two indices but block b1 is a vector of shape [2]: write b1[index]"),
                Arguments.of("W1[2,0]", "index (2, 0) is outside block W1 of shape [2, 3]: use 0 <= row < 2 and 0 <= column < 3"),
                Arguments.of("W1[0,3]", "index (0, 3) is outside block W1 of shape [2, 3]: use 0 <= row < 2 and 0 <= column < 3"),
                Arguments.of("b1[2]", "index (2, 0) is outside block b1 of shape [2]: use 0 <= row < 2 and 0 <= column < 1"),
                Arguments.of("b1[99999999999]", "coordinate name 'b1[99999999999]' has index 99999999999, outside block b1 of shape [2]"),
                Arguments.of("W1[0,99999999999]", "coordinate name 'W1[0,99999999999]' has index 99999999999, outside block W1 of shape [2, 3]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedNames")
    void indexOfRejectsMalformedOrUnknownNames(String name, String message) {
        ParameterLayout layout = mixedLayout();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> layout.indexOf(name));

        assertEquals(message, e.getMessage());
    }

    @Test
    void indexOfRejectsNull() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mixedLayout().indexOf(null));

        assertEquals("coordinate name must not be null: use a name such as W1[2,3] or b2[4]", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 14, Integer.MAX_VALUE})
    void nameOfAndBlockAtRejectIndicesOutsideTheVector(int index) {
        ParameterLayout layout = mixedLayout();
        String message = "index " + index + " is outside the parameter vector: use 0 <= index < 14";

        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> layout.nameOf(index)).getMessage());
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> layout.blockAt(index)).getMessage());
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> layout.blockIndexAt(index)).getMessage());
    }

    @Test
    void blockRejectsUnknownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mixedLayout().block("W3"));

        assertEquals("no parameter block named W3; the blocks are [W1, b1, W2, b2, c]", e.getMessage());
    }

    @Test
    void blockRejectsLocalIndicesOutsideIt() {
        Block w1 = mixedLayout().block("W1");

        assertEquals("local index 6 is outside block W1 of size 6",
                assertThrows(IllegalArgumentException.class, () -> w1.coordinateName(6)).getMessage());
        assertEquals("local index -1 is outside block W1 of size 6",
                assertThrows(IllegalArgumentException.class, () -> w1.coordinateName(-1)).getMessage());
        assertEquals("index (0, -1) is outside block W1 of shape [2, 3]: use 0 <= row < 2 and 0 <= column < 3",
                assertThrows(IllegalArgumentException.class, () -> w1.flatIndex(0, -1)).getMessage());
    }

    @Test
    void layoutsWithTheSameBlocksAreEqual() {
        ParameterLayout one = ParameterLayout.builder().matrix("W", 2, 3).vector("b", 2).build();
        ParameterLayout same = ParameterLayout.of(map("W", new double[2][3], "b", new double[2]));
        ParameterLayout transposed = ParameterLayout.builder().matrix("W", 3, 2).vector("b", 2).build();
        ParameterLayout reordered = ParameterLayout.builder().vector("b", 2).matrix("W", 2, 3).build();

        assertEquals(one, same);
        assertEquals(one.hashCode(), same.hashCode());
        assertNotEquals(one, transposed);
        assertNotEquals(one, reordered);
        assertNotEquals(one, ParameterLayout.builder().vector("W", 6).vector("b", 2).build());
        assertNotEquals(one, "[W[2, 3], b[2]]");
    }

    @Test
    void vectorMakesAOneBlockLayout() {
        ParameterLayout layout = ParameterLayout.vector("x", 3);

        assertEquals(3, layout.size());
        assertEquals("x[2]", layout.nameOf(2));
        assertEquals("[x[3]]", layout.toString());
    }

    @Nested
    class Gradients {

        private final ParameterLayout layout = ParameterLayout.builder().matrix("W1", 2, 3).vector("b1", 2).build();

        @Test
        void standardNamingReadsDW1ForW1AndIgnoresOtherEntries() {
            Map<String, Object> gradients = map(
                    "dA1", new double[][] {{100, 100, 100}},
                    "db1", new double[] {7, 8},
                    "dW1", new double[][] {{1, 2, 3}, {4, 5, 6}},
                    "dA0", "not an array");

            assertArrayEquals(counting(8), layout.rollGradients(gradients, GradientNaming.standard()));
        }

        @Test
        void aCustomPrefixNamesTheGradients() {
            Map<String, Object> gradients = map("grad_b1", new double[] {7, 8}, "grad_W1", new double[][] {{1, 2, 3}, {4, 5, 6}},
                    "dW1", new double[][] {{0, 0, 0}, {0, 0, 0}});

            assertArrayEquals(counting(8), layout.rollGradients(gradients, GradientNaming.prefixed("grad_")));
        }

        @Test
        void gradientsCanBeKeyedLikeTheirParameters() {
            Map<String, Object> gradients = map("W1", new double[][] {{1, 2, 3}, {4, 5, 6}}, "b1", new double[] {7, 8});

            assertArrayEquals(counting(8), layout.rollGradients(gradients, GradientNaming.sameAsParameters()));
        }

        @Test
        void aLambdaCanNameTheGradients() {
            Map<String, Object> gradients = map("W1_grad", new double[][] {{1, 2, 3}, {4, 5, 6}}, "b1_grad", new double[] {7, 8});

            assertArrayEquals(counting(8), layout.rollGradients(gradients, name -> name + "_grad"));
        }

        @Test
        void rollingIntoADestinationOverwritesIt() {
            double[] destination = {-1, -1, -1, -1, -1, -1, -1, -1};
            Map<String, Object> gradients = map("dW1", new double[][] {{1, 2, 3}, {4, 5, 6}}, "db1", new double[] {7, 8});

            layout.rollGradients(gradients, GradientNaming.standard(), destination);

            assertArrayEquals(counting(8), destination);
        }

        @Test
        void aMissingGradientNamesTheBlockItsShapeAndTheKeysThereAre() {
            Map<String, Object> gradients = map("dW1", new double[2][3], "dA1", new double[2][3]);

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> layout.rollGradients(gradients, GradientNaming.standard()));

            assertEquals("the gradient dictionary has no entry db1 for block b1 of shape [2]; it has [dW1, dA1]", e.getMessage());
        }

        @Test
        void aTransposedGradientNamesTheBlockAndBothShapes() {
            Map<String, Object> gradients = map("dW1", new double[3][2], "db1", new double[2]);

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> layout.rollGradients(gradients, GradientNaming.standard()));

            assertEquals("gradient dW1 has shape [3, 2] but block W1 has shape [2, 3]: give dW1 the shape of W1", e.getMessage());
        }

        @Test
        void aGradientOfTheWrongLengthNamesTheBlockAndBothShapes() {
            Map<String, Object> gradients = map("dW1", new double[2][3], "db1", new double[3]);

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> layout.rollGradients(gradients, GradientNaming.standard()));

            assertEquals("gradient db1 has shape [3] but block b1 has shape [2]: give db1 the shape of b1", e.getMessage());
        }

        @Test
        void aMatrixGradientForAVectorBlockIsAShapeError() {
            Map<String, Object> gradients = map("dW1", new double[2][3], "db1", new double[][] {{1, 2}});

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> layout.rollGradients(gradients, GradientNaming.standard()));

            assertEquals("gradient db1 has shape [1, 2] but block b1 has shape [2]: give db1 the shape of b1", e.getMessage());
        }

        @Test
        void aRaggedGradientIsAShapeError() {
            Map<String, Object> gradients = map("dW1", new double[][] {{1, 2, 3}, {4, 5}}, "db1", new double[2]);

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> layout.rollGradients(gradients, GradientNaming.standard()));

            assertEquals("gradient dW1 has shape [2, ragged] but block W1 has shape [2, 3]: give dW1 the shape of W1", e.getMessage());
        }

        @Test
        void aGradientOfAnotherTypeIsNamed() {
            Map<String, Object> gradients = map("dW1", new int[2][3], "db1", new double[2]);

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> layout.rollGradients(gradients, GradientNaming.standard()));

            assertEquals("gradient dW1 has shape int[][] (expected a Double (a scalar), double[], double[][], float[] or "
                    + "float[][]) but block W1 has shape [2, 3]: give dW1 the shape of W1", e.getMessage());
            // a float[][] gradient of a double block is read as it is
            assertEquals(6.0, layout.rollGradients(map("dW1", new float[][] {{0, 0, 0}, {0, 0, 6}}, "db1", new double[2]),
                    GradientNaming.standard())[5]);
        }

        @Test
        void aNullGradientEntryIsNamed() {
            Map<String, Object> gradients = map("dW1", null, "db1", new double[2]);

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> layout.rollGradients(gradients, GradientNaming.standard()));

            assertEquals("the gradient dictionary's entry dW1 for block W1 of shape [2, 3] is null: give it a value of that shape",
                    e.getMessage());
        }

        @Test
        void aNullDictionaryListsTheExpectedKeys() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> layout.rollGradients(null, GradientNaming.standard()));

            assertEquals("the gradient dictionary is null: expected entries for [dW1, db1]", e.getMessage());
        }

        @Test
        void aNullNamingIsRejected() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> layout.rollGradients(Map.of(), null));

            assertEquals("naming must not be null: use GradientNaming.standard() for dW1, db1, ...", e.getMessage());
        }

        @Test
        void aNamingThatGivesNoKeyIsRejected() {
            GradientNaming broken = new GradientNaming() {
                @Override
                public String gradientKey(String parameterName) {
                    return null;
                }

                @Override
                public String toString() {
                    return "broken";
                }
            };

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> layout.rollGradients(Map.of("dW1", new double[2][3]), broken));

            assertEquals("the gradient naming broken gave no key (null) for block W1: a naming must return the dictionary key "
                    + "of every block's gradient", e.getMessage());
        }

        @Test
        void theDestinationMustHaveTheLayoutsLength() {
            Map<String, Object> gradients = map("dW1", new double[2][3], "db1", new double[2]);

            assertEquals("destination has length 7 but the layout has 8 parameters", assertThrows(IllegalArgumentException.class,
                    () -> layout.rollGradients(gradients, GradientNaming.standard(), new double[7])).getMessage());
            assertEquals("destination must not be null: pass an array of length 8", assertThrows(IllegalArgumentException.class,
                    () -> layout.rollGradients(gradients, GradientNaming.standard(), null)).getMessage());
        }
    }

    @Nested
    class ParametersAsDictionaries {

        private final ParameterLayout layout = ParameterLayout.builder().matrix("W1", 2, 3).vector("b1", 2).build();

        @Test
        void aMissingParameterIsNamed() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> layout.roll(map("W1", new double[2][3])));

            assertEquals("the parameter dictionary has no entry b1 for block b1 of shape [2]; it has [W1]", e.getMessage());
        }

        @Test
        void aParameterOfTheWrongShapeIsNamed() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> layout.roll(map("W1", new double[2][2], "b1", new double[2])));

            assertEquals("parameter W1 has shape [2, 2] but block W1 has shape [2, 3]: give W1 the shape of W1", e.getMessage());
        }

        @Test
        void aNullDictionaryIsRejected() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> layout.roll(null));

            assertEquals("the parameter dictionary is null: expected entries for [W1, b1]", e.getMessage());
        }

        @Test
        void unrollRejectsVectorsOfTheWrongLength() {
            assertEquals("vector has length 7 but the layout [W1[2, 3], b1[2]] has 8 parameters",
                    assertThrows(IllegalArgumentException.class, () -> layout.unroll(new double[7])).getMessage());
            assertEquals("vector must not be null: pass a vector of length 8",
                    assertThrows(IllegalArgumentException.class, () -> layout.unroll(null)).getMessage());
        }
    }

    @Nested
    class Builder {

        @Test
        void aNameUsedTwiceIsRejected() {
            ParameterLayout.Builder builder = ParameterLayout.builder().matrix("W1", 2, 2);

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder.vector("W1", 3));

            assertEquals("block name W1 is used twice: block names must be unique", e.getMessage());
        }

        @Test
        void zeroOrNegativeDimensionsAreRejected() {
            assertEquals("block b has shape [0]: every dimension must be at least 1", assertThrows(IllegalArgumentException.class,
                    () -> ParameterLayout.builder().vector("b", 0)).getMessage());
            assertEquals("block W has shape [3, 0]: every dimension must be at least 1", assertThrows(IllegalArgumentException.class,
                    () -> ParameterLayout.builder().matrix("W", 3, 0)).getMessage());
            assertEquals("block W has shape [-1, 2]: every dimension must be at least 1", assertThrows(IllegalArgumentException.class,
                    () -> ParameterLayout.builder().matrix("W", -1, 2)).getMessage());
            assertEquals("block x has shape [0]: every dimension must be at least 1", assertThrows(IllegalArgumentException.class,
                    () -> ParameterLayout.vector("x", 0)).getMessage());
        }

        @ParameterizedTest
        @ValueSource(strings = {"W[1]", "W[", "]"})
        void namesWithBracketsAreRejected(String name) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParameterLayout.builder().vector(name, 2));

            assertEquals("block name '" + name + "' must not contain brackets: they are used to name coordinates, e.g. W1[2,3]",
                    e.getMessage());
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "  "})
        void blankNamesAreRejected(String name) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParameterLayout.builder().matrix(name, 2, 2));

            assertEquals("block name must not be null or blank: name each block, e.g. W1 or b1", e.getMessage());
        }

        @Test
        void aNullNameIsRejected() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParameterLayout.builder().vector(null, 2));

            assertEquals("block name must not be null or blank: name each block, e.g. W1 or b1", e.getMessage());
        }

        @Test
        void anEmptyLayoutIsRejected() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParameterLayout.builder().build());

            assertEquals("a layout needs at least one block: call vector(...) or matrix(...) first", e.getMessage());
        }

        @Test
        void aLayoutLongerThanAnArrayIsRejected() {
            ParameterLayout.Builder builder = ParameterLayout.builder().matrix("W1", 65_536, 16_384);

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder.matrix("W2", 65_536, 16_384));

            assertEquals("block W2 makes the parameter vector 2147483648 long, more than a Java array can hold", e.getMessage());
        }
    }

    @Nested
    class FromDictionary {

        private static final String TYPES = "a Double (a scalar), double[], double[][], float[] or float[][]";

        @Test
        void aRaggedMatrixIsRejected() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ParameterLayout.of(map("W1", new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8}})));

            assertEquals("parameter W1 is ragged: row 0 has 3 columns, row 2 has 2; matrix blocks must be rectangular", e.getMessage());
        }

        @Test
        void aMatrixWithANullRowIsRejected() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ParameterLayout.of(map("W1", new double[][] {{1, 2}, null})));

            assertEquals("parameter W1 has a null row 1", e.getMessage());
        }

        @Test
        void aMatrixWithoutRowsIsRejected() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ParameterLayout.of(map("W1", new double[0][])));

            assertEquals("parameter W1 has no rows: blocks must hold at least one value", e.getMessage());
        }

        @Test
        void emptyRowsAndEmptyVectorsAreRejected() {
            assertEquals("block W1 has shape [2, 0]: every dimension must be at least 1", assertThrows(IllegalArgumentException.class,
                    () -> ParameterLayout.of(map("W1", new double[2][0]))).getMessage());
            assertEquals("block b1 has shape [0]: every dimension must be at least 1", assertThrows(IllegalArgumentException.class,
                    () -> ParameterLayout.of(map("b1", new double[0]))).getMessage());
        }

        static Stream<Arguments> wrongTypes() {
            return Stream.of(
                    Arguments.of(new int[] {1, 2}, "parameter b1 is a int[]: parameter blocks must be " + TYPES),
                    Arguments.of(new Double[] {1.0, 2.0}, "parameter b1 is a Double[]: parameter blocks must be " + TYPES),
                    Arguments.of(new ArrayList<>(List.of(1.0, 2.0)), "parameter b1 is a ArrayList: parameter blocks must be " + TYPES),
                    Arguments.of(new double[1][2][3], "parameter b1 is a double[][][]: parameter blocks must be " + TYPES),
                    Arguments.of(2.0f, "parameter b1 is a Float: parameter blocks must be " + TYPES),
                    Arguments.of(2, "parameter b1 is a Integer: parameter blocks must be " + TYPES));
        }

        @ParameterizedTest
        @MethodSource("wrongTypes")
        void valuesOfOtherTypesAreRejected(Object value, String message) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ParameterLayout.of(map("W1", new double[2][2], "b1", value)));

            assertEquals(message, e.getMessage());
        }

        @Test
        void aNullValueIsRejected() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParameterLayout.of(map("b1", null)));

            assertEquals("parameter b1 is null: parameter blocks must be " + TYPES, e.getMessage());
        }

        /** A {@code float[]} is a vector block in single precision, a {@code Double} a scalar block. */
        @Test
        void floatArraysAndDoublesAreBlocks() {
            ParameterLayout layout = ParameterLayout.of(map("W1", new double[2][2], "b1", new float[] {1, 2}, "c", 2.0));

            assertEquals(2 * 2 + 2 + 1, layout.size());
            assertTrue(layout.block("b1").isSinglePrecision());
            assertEquals(2, layout.block("b1").size());
            assertEquals(1, layout.block("c").size());
            assertTrue(layout.hasSinglePrecisionBlocks());
            assertEquals("b1[1]", layout.nameOf(5));
            assertEquals("c", layout.nameOf(6));
        }

        @Test
        void aNullOrEmptyDictionaryIsRejected() {
            assertEquals("parameters must not be null: pass a map from block name to double[] or double[][]",
                    assertThrows(IllegalArgumentException.class, () -> ParameterLayout.of(null)).getMessage());
            assertEquals("parameters must not be empty: a gradient check needs at least one parameter block",
                    assertThrows(IllegalArgumentException.class, () -> ParameterLayout.of(Map.of())).getMessage());
        }

        @Test
        void aNullKeyIsRejected() {
            Map<String, Object> dictionary = new LinkedHashMap<>();
            dictionary.put(null, new double[] {1});

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParameterLayout.of(dictionary));

            assertEquals("block name must not be null or blank: name each block, e.g. W1 or b1", e.getMessage());
        }
    }
}
