package org.gradcheck.layout;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * One named block of a {@link ParameterLayout}: a scalar ({@code hi}, shape {@code []}), a vector ({@code b1},
 * shape {@code [n]}) or a matrix ({@code W1}, shape {@code [rows, cols]}) stored row-major at a fixed offset of
 * the flat parameter vector, in double or in single precision.
 *
 * <p>Instances are immutable and are created by a layout; they know their place in it.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Block {

    /** What a block looks like in a dictionary: a number, an array or an array of rows. */
    enum Kind {
        SCALAR, VECTOR, MATRIX
    }

    private final String name;
    private final Kind kind;
    private final int rows;
    private final int columns;
    private final boolean singlePrecision;
    private final int offset;

    Block(String name, Kind kind, int rows, int columns, boolean singlePrecision, int offset) {
        this.name = name;
        this.kind = kind;
        this.rows = rows;
        this.columns = columns;
        this.singlePrecision = singlePrecision;
        this.offset = offset;
    }

    Kind kind() {
        return kind;
    }

    /** {@return the block's name, as the parameter dictionary keys it ({@code "W1"}); never null} */
    public String name() {
        return name;
    }

    /** {@return whether the block is a matrix ({@code double[][]} or {@code float[][]}) rather than a vector or a scalar} */
    public boolean isMatrix() {
        return kind == Kind.MATRIX;
    }

    /**
     * Whether the block is a single value named without an index ({@code hi}, not {@code hi[0]}); a dictionary
     * holds it as a {@code Double}.
     *
     * @return whether the block is a single value named without an index
     */
    public boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    /**
     * Whether the block holds single-precision values: a dictionary holds it as {@code float[]} or
     * {@code float[][]}, and {@link Parameters} reads its values rounded to {@code float}.
     *
     * @return whether the block holds single-precision values
     */
    public boolean isSinglePrecision() {
        return singlePrecision;
    }

    /** {@return the number of rows of a matrix block; the length of a vector block; 1 for a scalar} */
    public int rows() {
        return rows;
    }

    /** {@return the number of columns of a matrix block; 1 for a vector block or a scalar} */
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

    /**
     * The shape as an array: {@code []} for a scalar, {@code [n]} for a vector, {@code [rows, cols]} for a matrix.
     *
     * @return the shape as a new array
     */
    public int[] shape() {
        return switch (kind) {
            case SCALAR -> new int[0];
            case VECTOR -> new int[] {rows};
            case MATRIX -> new int[] {rows, columns};
        };
    }

    /** {@return the shape as text: {@code []}, {@code [5]} or {@code [5, 12288]}} */
    public String shapeText() {
        return Arrays.toString(shape());
    }

    /**
     * Flat index of element {@code (row, column)} of a matrix block, or of element {@code row} of a vector.
     *
     * @param row the row, from 0
     * @param column the column, from 0
     * @return the flat index of the element
     * @throws IllegalArgumentException if the element is outside the block
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
     * matrix, {@code b2[4]} for a vector, the block's name for a scalar.
     *
     * @param localIndex the index within the block, from 0
     * @return the readable name of the coordinate at {@code localIndex} within this block
     * @throws IllegalArgumentException if the index is outside the block
     */
    public String coordinateName(int localIndex) {
        if (localIndex < 0 || localIndex >= size()) {
            throw new IllegalArgumentException("local index " + localIndex + " is outside block " + name
                    + " of size " + size());
        }
        return switch (kind) {
            case SCALAR -> name;
            case VECTOR -> name + "[" + localIndex + "]";
            case MATRIX -> name + "[" + (localIndex / columns) + "," + (localIndex % columns) + "]";
        };
    }

    /** The name with the shape, and {@code (float)} for a single-precision block: {@code W1[5, 3] (float)}, {@code hi}. */
    @Override
    public String toString() {
        return (kind == Kind.SCALAR ? name : name + shapeText()) + (singlePrecision ? " (float)" : "");
    }
}
