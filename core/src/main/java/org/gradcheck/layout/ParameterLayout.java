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
 * <p>Layouts are immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ParameterLayout {

    private static final Pattern COORDINATE = Pattern.compile("(.+)\\[(\\d+)(?:,\\s*(\\d+))?]");

    private final List<Block> blocks;
    private final Map<String, Block> blocksByName;
    private final int size;
    /** For each block, the offset of its first coordinate; parallel to {@code blocks}, for binary search. */
    private final int[] offsets;

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
     * The layout of a parameter dictionary, in its iteration order (use a {@link LinkedHashMap} or another
     * ordered map). Values must be {@code double[]} (a vector block) or rectangular {@code double[][]}
     * (a matrix block).
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
                double[][] matrix = (double[][]) value;
                builder.matrix(name, matrix.length, checkedColumns(name, matrix));
            } else {
                throw new IllegalArgumentException("parameter " + name + " is "
                        + (value == null ? "null" : "a " + value.getClass().getSimpleName())
                        + ": parameter blocks must be double[] or double[][]");
            }
        }
        return builder.build();
    }

    private static int checkedColumns(String name, double[][] matrix) {
        if (matrix.length == 0) {
            throw new IllegalArgumentException("parameter " + name + " has no rows: blocks must hold at least one value");
        }
        for (int r = 0; r < matrix.length; r++) {
            if (matrix[r] == null) {
                throw new IllegalArgumentException("parameter " + name + " has a null row " + r);
            }
            if (matrix[r].length != matrix[0].length) {
                throw new IllegalArgumentException("parameter " + name + " is ragged: row 0 has " + matrix[0].length
                        + " columns, row " + r + " has " + matrix[r].length + "; matrix blocks must be rectangular");
            }
        }
        return matrix[0].length;
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
        return blocks.get(low);
    }

    /**
     * The readable name of flat index {@code index}: {@code W1[2,3]} for a matrix element (row 2,
     * column 3), {@code b2[4]} for a vector element.
     *
     * @param index the flat index of the parameter, from 0
     * @return the readable name of flat index {@code index}: {@code W1[2,3]} for a matrix element (row 2, column 3), {@code b2[4]} for a vector element
     * @throws IllegalArgumentException if the index is outside {@code [0, size())}
     */
    public String nameOf(int index) {
        Block block = blockAt(index);
        return block.coordinateName(index - block.offset());
    }

    /**
     * The flat index of a coordinate named as {@link #nameOf(int)} names it ({@code "W1[2,3]"}, {@code "b2[4]"}).
     *
     * @param coordinateName the name of the coordinate
     * @return the flat index of a coordinate named as {@link #nameOf(int)} names it ({@code "W1[2,3]"}, {@code "b2[4]"})
     * @throws IllegalArgumentException if the name is malformed, names no block, or is outside the block
     */
    public int indexOf(String coordinateName) {
        if (coordinateName == null) {
            throw new IllegalArgumentException("coordinate name must not be null: use a name such as W1[2,3] or b2[4]");
        }
        Matcher matcher = COORDINATE.matcher(coordinateName.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("coordinate name '" + coordinateName
                    + "' is not of the form W1[2,3] (matrix) or b2[4] (vector)");
        }
        Block block = block(matcher.group(1));
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
     * Entries whose keys are not blocks of this layout are ignored.
     *
     * @param dictionary the values, by block name
     * @return a new flat vector of the dictionary's values in this layout's order
     * @throws IllegalArgumentException if a block is missing or has another shape
     */
    public double[] roll(Map<String, ?> dictionary) {
        double[] vector = new double[size];
        roll(dictionary, GradientNaming.sameAsParameters(), vector, "parameter");
        return vector;
    }

    /**
     * Rolls a gradient dictionary into a new flat vector in this layout's order; the gradient of block
     * {@code X} is looked up under {@code naming.gradientKey("X")}. Entries that are the gradient of no
     * block (such as {@code dA1}) are ignored.
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
            copyIn(block, key, value, destination, what);
        }
    }

    private static void copyIn(Block block, String key, Object value, double[] destination, String what) {
        int offset = block.offset();
        if (!block.isMatrix() && value instanceof double[]) {
            double[] vector = (double[]) value;
            if (vector.length == block.rows()) {
                System.arraycopy(vector, 0, destination, offset, vector.length);
                return;
            }
        } else if (block.isMatrix() && value instanceof double[][]) {
            double[][] matrix = (double[][]) value;
            if (isRectangular(matrix, block.rows(), block.columns())) {
                for (double[] row : matrix) {
                    System.arraycopy(row, 0, destination, offset, row.length);
                    offset += row.length;
                }
                return;
            }
        }
        throw new IllegalArgumentException(what + " " + key + " has shape " + describeShape(value) + " but block "
                + block.name() + " has shape " + block.shapeText() + ": give " + key + " the shape of " + block.name());
    }

    private static boolean isRectangular(double[][] matrix, int rows, int columns) {
        if (matrix.length != rows) {
            return false;
        }
        for (double[] row : matrix) {
            if (row == null || row.length != columns) {
                return false;
            }
        }
        return true;
    }

    static String describeShape(Object value) {
        if (value instanceof double[]) {
            return "[" + ((double[]) value).length + "]";
        }
        if (value instanceof double[][]) {
            double[][] matrix = (double[][]) value;
            if (matrix.length == 0) {
                return "[0, 0]";
            }
            int columns = matrix[0] == null ? 0 : matrix[0].length;
            for (double[] row : matrix) {
                if (row == null || row.length != columns) {
                    return "[" + matrix.length + ", ragged]";
                }
            }
            return "[" + matrix.length + ", " + columns + "]";
        }
        return value.getClass().getSimpleName() + " (expected double[] or double[][])";
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
     * {@code vector_to_dictionary}): {@code double[][]} for matrix blocks, {@code double[]} for vector blocks.
     * The arrays are copies; {@code vector} is not modified.
     *
     * @param vector the flat vector
     * @return a new dictionary of the blocks in this layout's order
     * @throws IllegalArgumentException if the vector is null or its length is not {@link #size()}
     */
    public Map<String, Object> unroll(double[] vector) {
        checkVector(vector, "vector");
        Map<String, Object> dictionary = new LinkedHashMap<>();
        for (Block block : blocks) {
            dictionary.put(block.name(), block.isMatrix() ? matrixOf(block, vector) : vectorOf(block, vector));
        }
        return dictionary;
    }

    static double[][] matrixOf(Block block, double[] vector) {
        double[][] matrix = new double[block.rows()][block.columns()];
        int offset = block.offset();
        for (double[] row : matrix) {
            System.arraycopy(vector, offset, row, 0, row.length);
            offset += row.length;
        }
        return matrix;
    }

    static double[] vectorOf(Block block, double[] vector) {
        double[] copy = new double[block.size()];
        System.arraycopy(vector, block.offset(), copy, 0, copy.length);
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

    /** The blocks with their shapes: {@code [W1[5, 12288], b1[5, 1]]}. */
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
         */
        public Builder vector(String name, int length) {
            return add(name, length, 1, false);
        }

        /**
         * Adds a matrix block ({@code double[rows][columns]}) named {@code name}.
         *
         * @param name the name of the new block, unique in the layout
         * @param rows the number of rows, 1 or more
         * @param columns the number of columns, 1 or more
         * @return this builder
         */
        public Builder matrix(String name, int rows, int columns) {
            return add(name, rows, columns, true);
        }

        private Builder add(String name, int rows, int columns, boolean matrix) {
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
                throw new IllegalArgumentException("block " + name + " has shape " + (matrix ? "[" + rows + ", " + columns + "]" : "[" + rows + "]")
                        + ": every dimension must be at least 1");
            }
            long end = (long) offset + (long) rows * columns;
            if (end > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("block " + name + " makes the parameter vector " + end
                        + " long, more than a Java array can hold");
            }
            Block block = new Block(name, rows, columns, matrix, offset);
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
