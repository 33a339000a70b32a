package org.gradcheck.layout;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * One named block of a {@link ParameterLayout}: a vector ({@code b1}, shape {@code [n]}) or a matrix
 * ({@code W1}, shape {@code [rows, cols]}) stored row-major at a fixed offset of the flat parameter vector.
 *
 * <p>Instances are immutable and are created by a layout; they know their place in it.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Block {

    private final String name;
    private final int rows;
    private final int columns;
    private final boolean matrix;
    private final int offset;

    Block(String name, int rows, int columns, boolean matrix, int offset) {
        this.name = name;
        this.rows = rows;
        this.columns = columns;
        this.matrix = matrix;
        this.offset = offset;
    }

    /** {@return the block's name, as the parameter dictionary keys it ({@code "W1"}); never null} */
    public String name() {
        return name;
    }

    /** {@return whether the block is a matrix ({@code double[][]}) rather than a vector ({@code double[]})} */
    public boolean isMatrix() {
        return matrix;
    }

    /** {@return the number of rows of a matrix block; the length of a vector block} */
    public int rows() {
        return rows;
    }

    /** {@return the number of columns of a matrix block; 1 for a vector block} */
    public int columns() {
        return columns;
    }

    /** {@return the number of scalar parameters in the block} */
    public int size() {
        return rows * columns;
    }

    /** {@return the index of the block's first coordinate in the flat parameter vector} */
    public int offset() {
        return offset;
    }

    /** {@return the shape as an array: {@code [n]} for a vector, {@code [rows, cols]} for a matrix; a new array} */
    public int[] shape() {
        return matrix ? new int[] {rows, columns} : new int[] {rows};
    }

    /** {@return the shape as text: {@code [5]} or {@code [5, 12288]}} */
    public String shapeText() {
        return Arrays.toString(shape());
    }

    /**
     * Flat index of element {@code (row, column)} of a matrix block, or of element {@code row} of a vector.
     *
     * @param row the row, from 0
     * @param column the column, from 0
     * @return the flat index of the element
     */
    public int flatIndex(int row, int column) {
        if (row < 0 || row >= rows || column < 0 || column >= columns) {
            throw new IllegalArgumentException("index (" + row + ", " + column + ") is outside block " + name
                    + " of shape " + shapeText() + ": use 0 <= row < " + rows + " and 0 <= column < " + columns);
        }
        return offset + row * columns + column;
    }

    /**
     * The readable name of the coordinate at {@code localIndex} within this block: {@code W1[2,3]} for a
     * matrix, {@code b2[4]} for a vector.
     *
     * @param localIndex the index within the block, from 0
     * @return the readable name of the coordinate at {@code localIndex} within this block: {@code W1[2,3]} for a matrix, {@code b2[4]} for a vector
     */
    public String coordinateName(int localIndex) {
        if (localIndex < 0 || localIndex >= size()) {
            throw new IllegalArgumentException("local index " + localIndex + " is outside block " + name
                    + " of size " + size());
        }
        if (!matrix) {
            return name + "[" + localIndex + "]";
        }
        return name + "[" + (localIndex / columns) + "," + (localIndex % columns) + "]";
    }

    @Override
    public String toString() {
        return name + shapeText();
    }
}
