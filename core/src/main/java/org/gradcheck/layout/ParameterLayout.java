package org.gradcheck.layout;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * An ordered list of named parameter blocks that rolls a dictionary of named arrays into one flat vector
 * and back, and names every coordinate of that vector ({@code W1[2,3]}, {@code b2[4]}).
 *
 * <p>The layout replaces the three helpers hand-written gradient checks usually need
 * ({@code dictionary_to_vector}, {@code vector_to_dictionary}, {@code gradients_to_vector}) and works for
 * any names, shapes and order. Blocks are stored one after another, each in row-major order:
 * <pre>{@code
 * ParameterLayout layout = ParameterLayout.builder()
 *         .matrix("W1", 5, 12288).matrix("b1", 5, 1)
 *         .matrix("W2", 1, 5).matrix("b2", 1, 1)
 *         .build();
 * double[] theta = layout.roll(parameters);           // dictionary -> vector
 * Map<String, Object> back = layout.unroll(theta);    // vector -> dictionary
 * double[] grad = layout.rollGradients(gradients, GradientNaming.standard()); // dW1, db1, ... ; dA1 ignored
 * layout.nameOf(12290);                               // "W1[0,2]" ... as the index falls
 * }</pre>
 *
 * <p>A block is a matrix ({@code double[][]}), a vector ({@code double[]}) or a scalar (a {@code Double}, named
 * without an index: {@code hi}, as in {@link #scalars(String...) scalars("lo", "hi")}). Matrix and vector blocks
 * may also hold single-precision values ({@code float[][]}, {@code float[]}): they are rolled into the flat
 * {@code double} vector exactly, unrolled as {@code float} arrays, and {@link Parameters} reads their values
 * rounded to {@code float}, as a single-precision model holds them ({@link Block#isSinglePrecision()},
 * {@link #hasSinglePrecisionBlocks()}).
 *
 * <p>Layouts are immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ParameterLayout {

    private static final Pattern COORDINATE = Pattern.compile("(.+)\\[(\\d+)(?:,\\s*(\\d+))?]");

    /** The types a parameter dictionary may hold, as messages name them. */
    private static final String BLOCK_TYPES = "a Double (a scalar), double[], double[][], float[] or float[][]";

    private final List<Block> blocks;
    private final Map<String, Block> blocksByName;
    private final int size;
    /** For each block, the offset of its first coordinate; parallel to {@code blocks}, for binary search. */
    private final int[] offsets;
    private final boolean singlePrecision;

    private ParameterLayout(List<Block> blocks) {
        this.blocks = Collections.unmodifiableList(blocks);
        Map<String, Block> byName = new LinkedHashMap<>();
        int total = 0;
        this.offsets = new int[blocks.size()];
        for (int b = 0; b < blocks.size(); b++) {
            Block block = blocks.get(b);
            byName.put(block.name(), block);
            offsets[b] = total;
            total += block.size();
        }
        this.blocksByName = Collections.unmodifiableMap(byName);
        this.size = total;
        this.singlePrecision = blocks.stream().anyMatch(Block::isSinglePrecision);
    }

    /** {@return a builder that adds blocks in the order of the flat vector} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A layout with one vector block named {@code x} of the given dimension: coordinates are named
     * {@code x[0]}, {@code x[1]}, ...
     *
     * @param name the name of the block, such as {@code x}
     * @param dimension the number of coordinates
     * @return a layout with one vector block named {@code x}
     * @throws IllegalArgumentException if {@code dimension < 1}
     */
    public static ParameterLayout vector(String name, int dimension) {
        return builder().vector(name, dimension).build();
    }

    /**
     * A layout of scalar blocks, one coordinate each, named without an index: {@code scalars("lo", "hi")} names
     * coordinate 1 {@code hi}.
     *
     * @param names the names of the scalars, in the order of the flat vector; at least one, each unique and
     *     without brackets
     * @return a layout of one scalar block per name
     * @throws IllegalArgumentException if {@code names} is null or empty, or a name is null, blank, contains
     *     brackets or is used twice
     */
    public static ParameterLayout scalars(String... names) {
        if (names == null || names.length == 0) {
            throw new IllegalArgumentException("names must not be " + (names == null ? "null" : "empty")
                    + ": give the name of every scalar, e.g. scalars(\"lo\", \"hi\")");
        }
        Builder builder = builder();
        for (String name : names) {
            builder.scalar(name);
        }
        return builder.build();
    }

    /**
     * The layout of a parameter dictionary, in its iteration order (use a {@link LinkedHashMap} or another
     * ordered map). Values must be {@code double[]} (a vector block), rectangular {@code double[][]} (a matrix
     * block), {@code float[]} or rectangular {@code float[][]} (single-precision blocks), or a {@code Double}
     * (a scalar block).
     *
     * @param parameters the parameter values, by block name
     * @return the layout of the dictionary's blocks in its iteration order
     * @throws IllegalArgumentException if the dictionary is null or empty, or a value is null, empty,
     *     ragged or of another type; the message names the entry
     */
    public static ParameterLayout of(Map<String, ?> parameters) {
        if (parameters == null) {
            throw new IllegalArgumentException("parameters must not be null: pass a map from block name to double[] or double[][]");
        }
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("parameters must not be empty: a gradient check needs at least one parameter block");
        }
        Builder builder = builder();
        for (Map.Entry<String, ?> entry : parameters.entrySet()) {
            String name = entry.getKey();
            Object value = entry.getValue();
            if (value instanceof double[]) {
                builder.vector(name, ((double[]) value).length);
            } else if (value instanceof double[][]) {
                builder.matrix(name, ((double[][]) value).length, checkedColumns(name, value));
            } else if (value instanceof float[]) {
                builder.floatVector(name, ((float[]) value).length);
            } else if (value instanceof float[][]) {
                builder.floatMatrix(name, ((float[][]) value).length, checkedColumns(name, value));
            } else if (value instanceof Double) {
                builder.scalar(name);
            } else {
                throw new IllegalArgumentException("parameter " + name + " is "
                        + (value == null ? "null" : "a " + value.getClass().getSimpleName())
                        + ": parameter blocks must be " + BLOCK_TYPES);
            }
        }
        return builder.build();
    }

    /** The number of columns of a rectangular {@code double[][]} or {@code float[][]} parameter value. */
    private static int checkedColumns(String name, Object matrix) {
        int rows = rowCount(matrix);
        if (rows == 0) {
            throw new IllegalArgumentException("parameter " + name + " has no rows: blocks must hold at least one value");
        }
        int columns = rowLength(matrix, 0);
        for (int r = 0; r < rows; r++) {
            int length = rowLength(matrix, r);
            if (length < 0) {
                throw new IllegalArgumentException("parameter " + name + " has a null row " + r);
            }
            if (length != columns) {
                throw new IllegalArgumentException("parameter " + name + " is ragged: row 0 has " + columns
                        + " columns, row " + r + " has " + length + "; matrix blocks must be rectangular");
            }
        }
        return columns;
    }

    /** {@return the blocks in the order of the flat vector; an unmodifiable list, never null} */
    public List<Block> blocks() {
        return blocks;
    }

    /** {@return the number of scalar parameters: the length of the flat vector} */
    public int size() {
        return size;
    }

    /**
     * Whether any block holds single-precision values ({@code float[]} or {@code float[][]}); a gradient
     * checker then takes the model for one computed in {@code float}.
     *
     * @return whether any block holds single-precision values
     */
    public boolean hasSinglePrecisionBlocks() {
        return singlePrecision;
    }

    /**
     * The block named {@code name}.
     *
     * @param name the block's name, such as {@code W1}
     * @return the block named {@code name}
     * @throws IllegalArgumentException if there is no such block; the message lists the blocks there are
     */
    public Block block(String name) {
        Block block = blocksByName.get(name);
        if (block == null) {
            throw new IllegalArgumentException("no parameter block named " + name + "; the blocks are " + blocksByName.keySet());
        }
        return block;
    }

    /**
     * Whether the layout has a block named {@code name}.
     *
     * @param name the block's name, such as {@code W1}
     * @return whether the layout has a block named {@code name}
     */
    public boolean hasBlock(String name) {
        return blocksByName.containsKey(name);
    }

    /**
     * The block that holds flat index {@code index}.
     *
     * @param index the flat index of the parameter, from 0
     * @return the block that holds flat index {@code index}
     * @throws IllegalArgumentException if the index is outside {@code [0, size())}
     */
    public Block blockAt(int index) {
        return blocks.get(blockIndexAt(index));
    }

    /**
     * The position in {@link #blocks()} of the block that holds flat index {@code index}.
     *
     * @param index the flat index of the parameter, from 0
     * @return the position of the block that holds flat index {@code index}
     * @throws IllegalArgumentException if the index is outside {@code [0, size())}
     */
    public int blockIndexAt(int index) {
        checkIndex(index);
        int low = 0;
        int high = offsets.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (offsets[middle] <= index) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /**
     * The readable name of flat index {@code index}: {@code W1[2,3]} for a matrix element (row 2,
     * column 3), {@code b2[4]} for a vector element, {@code hi} for a scalar.
     *
     * @param index the flat index of the parameter, from 0
     * @return the readable name of flat index {@code index}: {@code W1[2,3]} for a matrix element (row 2, column 3),
     *     {@code b2[4]} for a vector element, {@code hi} for a scalar
     * @throws IllegalArgumentException if the index is outside {@code [0, size())}
     */
    public String nameOf(int index) {
        Block block = blockAt(index);
        return block.coordinateName(index - block.offset());
    }

    /**
     * The flat index of a coordinate named as {@link #nameOf(int)} names it ({@code "W1[2,3]"}, {@code "b2[4]"},
     * {@code "hi"}).
     *
     * @param coordinateName the name of the coordinate
     * @return the flat index of a coordinate named as {@link #nameOf(int)} names it ({@code "W1[2,3]"},
     *     {@code "b2[4]"}, {@code "hi"})
     * @throws IllegalArgumentException if the name is malformed, names no block, or is outside the block
     */
    public int indexOf(String coordinateName) {
        if (coordinateName == null) {
            throw new IllegalArgumentException("coordinate name must not be null: use a name such as W1[2,3] or b2[4]");
        }
        String trimmed = coordinateName.trim();
        if (!trimmed.isEmpty() && trimmed.indexOf('[') < 0 && trimmed.indexOf(']') < 0) {
            return indexOfUnindexed(coordinateName, block(trimmed));
        }
        Matcher matcher = COORDINATE.matcher(trimmed);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("coordinate name '" + coordinateName
                    + "' is not of the form W1[2,3] (matrix), b2[4] (vector) or hi (scalar)");
        }
        Block block = block(matcher.group(1));
        if (block.isScalar()) {
            throw new IllegalArgumentException("coordinate name '" + coordinateName + "' has an index but block "
                    + block.name() + " is a scalar: write " + block.name());
        }
        int first = parseIndex(coordinateName, matcher.group(2), block);
        if (matcher.group(3) == null) {
            if (block.isMatrix()) {
                throw new IllegalArgumentException("coordinate name '" + coordinateName + "' has one index but block "
                        + block.name() + " is a matrix of shape " + block.shapeText() + ": write " + block.name() + "[row,column]");
            }
            return block.flatIndex(first, 0);
        }
        if (!block.isMatrix()) {
            throw new IllegalArgumentException("coordinate name '" + coordinateName + "' has two indices but block "
                    + block.name() + " is a vector of shape " + block.shapeText() + ": write " + block.name() + "[index]");
        }
        return block.flatIndex(first, parseIndex(coordinateName, matcher.group(3), block));
    }

    private static int indexOfUnindexed(String coordinateName, Block block) {
        if (block.isScalar()) {
            return block.offset();
        }
        throw new IllegalArgumentException("coordinate name '" + coordinateName + "' has no index but block "
                + block.name() + " is a " + (block.isMatrix() ? "matrix" : "vector") + " of shape " + block.shapeText()
                + ": write " + block.name() + (block.isMatrix() ? "[row,column]" : "[index]"));
    }

    private static int parseIndex(String coordinateName, String digits, Block block) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("coordinate name '" + coordinateName + "' has index " + digits
                    + ", outside block " + block.name() + " of shape " + block.shapeText(), e);
        }
    }

    /**
     * Rolls a parameter dictionary into a new flat vector (the article's {@code dictionary_to_vector}).
     * Entries whose keys are not blocks of this layout are ignored. A scalar block's value is a {@code Double};
     * a vector or matrix block's value a {@code double} or {@code float} array of its shape, copied exactly; a
     * single-precision block's value must be a {@code float} array, so that its values are floats.
     *
     * @param dictionary the values, by block name
     * @return a new flat vector of the dictionary's values in this layout's order
     * @throws IllegalArgumentException if a block is missing or has another shape, or a single-precision block's
     *     value is a {@code double} array
     */
    public double[] roll(Map<String, ?> dictionary) {
        double[] vector = new double[size];
        roll(dictionary, GradientNaming.sameAsParameters(), vector, "parameter");
        return vector;
    }

    /**
     * Rolls a gradient dictionary into a new flat vector in this layout's order; the gradient of block
     * {@code X} is looked up under {@code naming.gradientKey("X")}. Entries that are the gradient of no
     * block (such as {@code dA1}) are ignored. The gradient of a vector or matrix block is a {@code double} or
     * {@code float} array of its shape, whatever the block's precision; that of a scalar block a {@code Double}
     * or a {@code Float}.
     *
     * @param gradients the gradients, by key
     * @param naming how gradient keys are derived from block names
     * @return a new flat vector of the gradients in this layout's order
     * @throws IllegalArgumentException if a gradient is missing or its shape differs from its block's;
     *     the message names the block and both shapes
     */
    public double[] rollGradients(Map<String, ?> gradients, GradientNaming naming) {
        double[] vector = new double[size];
        rollGradients(gradients, naming, vector);
        return vector;
    }

    /**
     * Rolls a gradient dictionary into {@code destination} (modified; length {@link #size()}).
     *
     * @param gradients the gradients, by key
     * @param naming how gradient keys are derived from block names
     * @param destination the array written to; modified
     * @see #rollGradients(Map, GradientNaming)
     */
    public void rollGradients(Map<String, ?> gradients, GradientNaming naming, double[] destination) {
        if (naming == null) {
            throw new IllegalArgumentException("naming must not be null: use GradientNaming.standard() for dW1, db1, ...");
        }
        if (destination == null) {
            throw new IllegalArgumentException("destination must not be null: pass an array of length " + size);
        }
        roll(gradients, naming, destination, "gradient");
    }

    private void roll(Map<String, ?> dictionary, GradientNaming naming, double[] destination, String what) {
        if (dictionary == null) {
            throw new IllegalArgumentException("the " + what + " dictionary is null: expected entries for " + expectedKeys(naming));
        }
        if (destination.length != size) {
            throw new IllegalArgumentException("destination has length " + destination.length + " but the layout has " + size + " parameters");
        }
        for (Block block : blocks) {
            String key = naming.gradientKey(block.name());
            if (key == null) {
                throw new IllegalArgumentException("the gradient naming " + naming + " gave no key (null) for block "
                        + block.name() + ": a naming must return the dictionary key of every block's gradient");
            }
            Object value = dictionary.get(key);
            if (value == null && dictionary.containsKey(key)) {
                throw new IllegalArgumentException("the " + what + " dictionary's entry " + key + " for block "
                        + block.name() + " of shape " + block.shapeText() + " is null: give it a value of that shape");
            }
            if (value == null) {
                throw new IllegalArgumentException("the " + what + " dictionary has no entry " + key + " for block "
                        + block.name() + " of shape " + block.shapeText() + "; it has " + dictionary.keySet());
            }
            if (what.equals("parameter") && block.isSinglePrecision() && (value instanceof double[] || value instanceof double[][])) {
                throw new IllegalArgumentException("parameter " + key + " is a " + value.getClass().getSimpleName()
                        + " but block " + block.name() + " holds floats: give " + key + " as a "
                        + (block.isMatrix() ? "float[][]" : "float[]"));
            }
            copyIn(block, key, value, destination, what);
        }
    }

    private static void copyIn(Block block, String key, Object value, double[] destination, String what) {
        int offset = block.offset();
        switch (block.kind()) {
            case SCALAR:
                if (value instanceof Double || (value instanceof Float && what.equals("gradient"))) {
                    destination[offset] = ((Number) value).doubleValue();
                    return;
                }
                throw new IllegalArgumentException(what + " " + key + " is a " + value.getClass().getSimpleName() + " but block "
                        + block.name() + " is a scalar: give " + key + " as a " + (what.equals("gradient") ? "Double or a Float" : "Double"));
            case VECTOR:
                if (value instanceof double[] && ((double[]) value).length == block.rows()) {
                    System.arraycopy((double[]) value, 0, destination, offset, block.rows());
                    return;
                }
                if (value instanceof float[] && ((float[]) value).length == block.rows()) {
                    float[] vector = (float[]) value;
                    for (int i = 0; i < vector.length; i++) {
                        destination[offset + i] = vector[i];
                    }
                    return;
                }
                break;
            case MATRIX:
                if (value instanceof double[][] && isRectangular(value, block.rows(), block.columns())) {
                    for (double[] row : (double[][]) value) {
                        System.arraycopy(row, 0, destination, offset, row.length);
                        offset += row.length;
                    }
                    return;
                }
                if (value instanceof float[][] && isRectangular(value, block.rows(), block.columns())) {
                    for (float[] row : (float[][]) value) {
                        for (float element : row) {
                            destination[offset++] = element;
                        }
                    }
                    return;
                }
                break;
        }
        throw new IllegalArgumentException(what + " " + key + " has shape " + describeShape(value) + " but block "
                + block.name() + " has shape " + block.shapeText() + ": give " + key + " the shape of " + block.name());
    }

    /** Whether a {@code double[][]} or {@code float[][]} has {@code rows} rows of {@code columns} values. */
    private static boolean isRectangular(Object matrix, int rows, int columns) {
        if (rowCount(matrix) != rows) {
            return false;
        }
        for (int r = 0; r < rows; r++) {
            if (rowLength(matrix, r) != columns) {
                return false;
            }
        }
        return true;
    }

    private static int rowCount(Object matrix) {
        return matrix instanceof double[][] ? ((double[][]) matrix).length : ((float[][]) matrix).length;
    }

    /** The length of row {@code r} of a {@code double[][]} or {@code float[][]}; -1 for a null row. */
    private static int rowLength(Object matrix, int r) {
        Object row = matrix instanceof double[][] ? ((double[][]) matrix)[r] : ((float[][]) matrix)[r];
        if (row == null) {
            return -1;
        }
        return row instanceof double[] ? ((double[]) row).length : ((float[]) row).length;
    }

    static String describeShape(Object value) {
        if (value instanceof double[]) {
            return "[" + ((double[]) value).length + "]";
        }
        if (value instanceof float[]) {
            return "[" + ((float[]) value).length + "]";
        }
        if (value instanceof double[][] || value instanceof float[][]) {
            int rows = rowCount(value);
            if (rows == 0) {
                return "[0, 0]";
            }
            int columns = Math.max(rowLength(value, 0), 0);
            for (int r = 0; r < rows; r++) {
                if (rowLength(value, r) != columns) {
                    return "[" + rows + ", ragged]";
                }
            }
            return "[" + rows + ", " + columns + "]";
        }
        if (value instanceof Double || value instanceof Float) {
            return "[] (a " + value.getClass().getSimpleName() + ")";
        }
        return value.getClass().getSimpleName() + " (expected " + BLOCK_TYPES + ")";
    }

    private String expectedKeys(GradientNaming naming) {
        List<String> keys = new ArrayList<>();
        for (Block block : blocks) {
            keys.add(naming.gradientKey(block.name()));
        }
        return keys.toString();
    }

    /**
     * Unrolls a flat vector into a new dictionary in this layout's order (the article's
     * {@code vector_to_dictionary}): {@code double[][]} for matrix blocks, {@code double[]} for vector blocks,
     * a {@code Double} for scalars, and for single-precision blocks {@code float[][]} and {@code float[]} of the
     * values rounded to the nearest {@code float}. The arrays are copies; {@code vector} is not modified.
     *
     * @param vector the flat vector
     * @return a new dictionary of the blocks in this layout's order
     * @throws IllegalArgumentException if the vector is null or its length is not {@link #size()}
     */
    public Map<String, Object> unroll(double[] vector) {
        checkVector(vector, "vector");
        Map<String, Object> dictionary = new LinkedHashMap<>();
        for (Block block : blocks) {
            dictionary.put(block.name(), valueOf(block, vector));
        }
        return dictionary;
    }

    private static Object valueOf(Block block, double[] vector) {
        if (block.isScalar()) {
            return vector[block.offset()];
        }
        if (block.isSinglePrecision()) {
            return block.isMatrix() ? floatMatrixOf(block, vector) : floatVectorOf(block, vector);
        }
        return block.isMatrix() ? matrixOf(block, vector) : vectorOf(block, vector);
    }

    /** Block {@code block} of {@code vector} as a new matrix; a single-precision block's values rounded to float. */
    static double[][] matrixOf(Block block, double[] vector) {
        double[][] matrix = new double[block.rows()][block.columns()];
        int offset = block.offset();
        for (double[] row : matrix) {
            System.arraycopy(vector, offset, row, 0, row.length);
            if (block.isSinglePrecision()) {
                roundToFloat(row);
            }
            offset += row.length;
        }
        return matrix;
    }

    /** Block {@code block} of {@code vector} as a new flat array; a single-precision block's values rounded to float. */
    static double[] vectorOf(Block block, double[] vector) {
        double[] copy = new double[block.size()];
        System.arraycopy(vector, block.offset(), copy, 0, copy.length);
        if (block.isSinglePrecision()) {
            roundToFloat(copy);
        }
        return copy;
    }

    private static void roundToFloat(double[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) values[i];
        }
    }

    /** Block {@code block} of {@code vector} as a new matrix of floats, each value rounded to the nearest float. */
    static float[][] floatMatrixOf(Block block, double[] vector) {
        float[][] matrix = new float[block.rows()][block.columns()];
        int offset = block.offset();
        for (float[] row : matrix) {
            for (int c = 0; c < row.length; c++) {
                row[c] = (float) vector[offset++];
            }
        }
        return matrix;
    }

    /** Block {@code block} of {@code vector} as a new flat array of floats, each value rounded to the nearest float. */
    static float[] floatVectorOf(Block block, double[] vector) {
        float[] copy = new float[block.size()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = (float) vector[block.offset() + i];
        }
        return copy;
    }

    void checkVector(double[] vector, String argument) {
        if (vector == null) {
            throw new IllegalArgumentException(argument + " must not be null: pass a vector of length " + size);
        }
        if (vector.length != size) {
            throw new IllegalArgumentException(argument + " has length " + vector.length + " but the layout "
                    + this + " has " + size + " parameters");
        }
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " is outside the parameter vector: use 0 <= index < " + size);
        }
    }

    /** The blocks with their shapes: {@code [W1[5, 12288], b1[5, 1]]}, {@code [lo, hi]}, {@code [W[2, 3] (float)]}. */
    @Override
    public String toString() {
        return blocks.toString();
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ParameterLayout)) {
            return false;
        }
        return toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /**
     * Adds blocks in the order of the flat vector.
     *
     * @since 0.1
     */
    public static final class Builder {

        private final List<Block> blocks = new ArrayList<>();
        private final Map<String, Block> names = new LinkedHashMap<>();
        private int offset;

        private Builder() {
        }

        /**
         * Adds a vector block ({@code double[]}) named {@code name} with {@code length} elements.
         *
         * @param name the name of the new block, unique in the layout
         * @param length the number of elements, 1 or more
         * @return this builder
         * @throws IllegalArgumentException if the name is null, blank, contains brackets or is used twice, or the
         *     length is below 1
         */
        public Builder vector(String name, int length) {
            return add(name, Block.Kind.VECTOR, length, 1, false);
        }

        /**
         * Adds a matrix block ({@code double[rows][columns]}) named {@code name}.
         *
         * @param name the name of the new block, unique in the layout
         * @param rows the number of rows, 1 or more
         * @param columns the number of columns, 1 or more
         * @return this builder
         * @throws IllegalArgumentException if the name is null, blank, contains brackets or is used twice, or a
         *     dimension is below 1
         */
        public Builder matrix(String name, int rows, int columns) {
            return add(name, Block.Kind.MATRIX, rows, columns, false);
        }

        /**
         * Adds a scalar block (a {@code Double}) named {@code name}: one coordinate, named {@code name} without an
         * index.
         *
         * @param name the name of the new block, unique in the layout
         * @return this builder
         * @throws IllegalArgumentException if the name is null, blank, contains brackets or is used twice
         */
        public Builder scalar(String name) {
            return add(name, Block.Kind.SCALAR, 1, 1, false);
        }

        /**
         * Adds a single-precision vector block ({@code float[]}) named {@code name} with {@code length} elements.
         *
         * @param name the name of the new block, unique in the layout
         * @param length the number of elements, 1 or more
         * @return this builder
         * @throws IllegalArgumentException as {@link #vector(String, int)}
         */
        public Builder floatVector(String name, int length) {
            return add(name, Block.Kind.VECTOR, length, 1, true);
        }

        /**
         * Adds a single-precision matrix block ({@code float[rows][columns]}) named {@code name}.
         *
         * @param name the name of the new block, unique in the layout
         * @param rows the number of rows, 1 or more
         * @param columns the number of columns, 1 or more
         * @return this builder
         * @throws IllegalArgumentException as {@link #matrix(String, int, int)}
         */
        public Builder floatMatrix(String name, int rows, int columns) {
            return add(name, Block.Kind.MATRIX, rows, columns, true);
        }

        private Builder add(String name, Block.Kind kind, int rows, int columns, boolean singlePrecision) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("block name must not be null or blank: name each block, e.g. W1 or b1");
            }
            if (name.indexOf('[') >= 0 || name.indexOf(']') >= 0) {
                throw new IllegalArgumentException("block name '" + name + "' must not contain brackets: they are used to name coordinates, e.g. W1[2,3]");
            }
            if (names.containsKey(name)) {
                throw new IllegalArgumentException("block name " + name + " is used twice: block names must be unique");
            }
            if (rows < 1 || columns < 1) {
                throw new IllegalArgumentException("block " + name + " has shape "
                        + (kind == Block.Kind.MATRIX ? "[" + rows + ", " + columns + "]" : "[" + rows + "]")
                        + ": every dimension must be at least 1");
            }
            long end = (long) offset + (long) rows * columns;
            if (end > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("block " + name + " makes the parameter vector " + end
                        + " long, more than a Java array can hold");
            }
            Block block = new Block(name, kind, rows, columns, singlePrecision, offset);
            blocks.add(block);
            names.put(name, block);
            offset = (int) end;
            return this;
        }

        /**
         * The layout.
         *
         * @return the layout
         * @throws IllegalArgumentException if no block was added
         */
        public ParameterLayout build() {
            if (blocks.isEmpty()) {
                throw new IllegalArgumentException("a layout needs at least one block: call vector(...) or matrix(...) first");
            }
            return new ParameterLayout(new ArrayList<>(blocks));
        }
    }
}
