package org.gradcheck.layout;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * Named parameter blocks over one flat vector: what a {@link org.gradcheck.function.GradientModel} reads
 * its parameters from.
 *
 * <p>A {@code Parameters} object is a view: the checker perturbs the flat vector in place and the view
 * sees the change, so nothing is copied per evaluation unless the model asks for a copy
 * ({@link #matrix(String)}, {@link #vector(String)}). Performance-minded models read the flat vector
 * directly through {@link #values()} and {@link Block#offset()}.
 *
 * <p>A {@linkplain Block#isSinglePrecision() single-precision block} ({@code float[]} or {@code float[][]} in
 * the dictionary) is read as a single-precision model holds it: {@link #get(String, int)},
 * {@link #get(String, int, int)}, {@link #vector(String)}, {@link #matrix(String)}, {@link #floatVector(String)},
 * {@link #floatMatrix(String)} and {@link #toMap()} give each value rounded to the nearest {@code float}, also
 * while a checker has moved it to a point between two floats. Only {@link #values()} shows the unrounded
 * vector. The values of a {@link #copyOf(Map) copy} of {@code float} arrays are floats to begin with.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Parameters {

    private final ParameterLayout layout;
    private final double[] values;

    private Parameters(ParameterLayout layout, double[] values) {
        this.layout = layout;
        this.values = values;
    }

    /**
     * A view of {@code values} (not copied) laid out by {@code layout}.
     *
     * @param layout the layout that names the parameters
     * @param values the flat vector; not copied, so changes to it show through the view
     * @return a view of {@code values} (not copied) laid out by {@code layout}
     * @throws IllegalArgumentException if an argument is null or the vector's length is not the layout's size
     */
    public static Parameters view(ParameterLayout layout, double[] values) {
        if (layout == null) {
            throw new IllegalArgumentException("layout must not be null: build one with ParameterLayout.builder() or ParameterLayout.of(map)");
        }
        layout.checkVector(values, "values");
        return new Parameters(layout, values);
    }

    /**
     * A copy of a parameter dictionary, laid out in the dictionary's iteration order: {@code double[]} and
     * {@code double[][]} values, {@code float[]} and {@code float[][]} values as single-precision blocks (copied
     * exactly), and {@code Double} values as scalars.
     *
     * @param dictionary the values, by block name
     * @return a copy of the dictionary's values, laid out in the dictionary's iteration order
     * @throws IllegalArgumentException as {@link ParameterLayout#of(Map)} does
     */
    public static Parameters copyOf(Map<String, ?> dictionary) {
        ParameterLayout layout = ParameterLayout.of(dictionary);
        return new Parameters(layout, layout.roll(dictionary));
    }

    /** {@return the layout; never null} */
    public ParameterLayout layout() {
        return layout;
    }

    /**
     * The flat vector itself, not a copy: read it, never modify it. Block {@code X} starts at
     * {@code layout().block("X").offset()} and is stored row-major.
     *
     * @return the flat vector itself, not a copy: read it, never modify it
     */
    public double[] values() {
        return values;
    }

    /**
     * The value of scalar block {@code name}.
     *
     * @param name the scalar block's name, such as {@code hi}
     * @return the value of scalar block {@code name}
     * @throws IllegalArgumentException if there is no such block or it is not a scalar
     */
    public double get(String name) {
        Block block = layout.block(name);
        if (!block.isScalar()) {
            throw new IllegalArgumentException("block " + name + " is a " + (block.isMatrix() ? "matrix" : "vector")
                    + " of shape " + block.shapeText() + ": use get(\"" + name + "\", "
                    + (block.isMatrix() ? "row, column" : "index") + ")");
        }
        return values[block.offset()];
    }

    /**
     * Element {@code (row, column)} of matrix block {@code name}; rounded to the nearest {@code float} in a
     * single-precision block.
     *
     * @param name the matrix block's name
     * @param row the row, from 0
     * @param column the column, from 0
     * @return the value of element {@code (row, column)} of matrix block {@code name}
     * @throws IllegalArgumentException if there is no such block or the element is outside it
     */
    public double get(String name, int row, int column) {
        Block block = layout.block(name);
        double value = values[block.flatIndex(row, column)];
        return block.isSinglePrecision() ? (float) value : value;
    }

    /**
     * Element {@code index} of vector block {@code name} (or of a matrix block with one column); rounded to the
     * nearest {@code float} in a single-precision block.
     *
     * @param name the vector block's name
     * @param index the index of the element in the block, from 0
     * @return the value of element {@code index} of vector block {@code name} (or of a matrix block with one column)
     * @throws IllegalArgumentException if there is no such block, the index is outside it, or the block is a
     *     matrix with more than one column
     */
    public double get(String name, int index) {
        Block block = layout.block(name);
        if (block.columns() != 1) {
            throw new IllegalArgumentException("block " + name + " is a matrix of shape " + block.shapeText()
                    + ": use get(\"" + name + "\", row, column)");
        }
        double value = values[block.flatIndex(index, 0)];
        return block.isSinglePrecision() ? (float) value : value;
    }

    /**
     * A copy of block {@code name} as a matrix {@code double[rows][columns]} (a vector block as one column).
     *
     * @param name the block's name
     * @return a copy of block {@code name} as a matrix {@code double[rows][columns]} (a vector block as one column)
     */
    public double[][] matrix(String name) {
        return ParameterLayout.matrixOf(layout.block(name), values);
    }

    /**
     * A copy of block {@code name} as a flat {@code double[]} in row-major order.
     *
     * @param name the block's name
     * @return a copy of block {@code name} as a flat {@code double[]} in row-major order
     */
    public double[] vector(String name) {
        return ParameterLayout.vectorOf(layout.block(name), values);
    }

    /**
     * A copy of block {@code name} as a matrix {@code float[rows][columns]} (a vector block as one column), each
     * value rounded to the nearest {@code float}: what a single-precision model computes with.
     *
     * @param name the block's name
     * @return a copy of block {@code name} as a matrix of floats
     * @throws IllegalArgumentException if there is no such block
     */
    public float[][] floatMatrix(String name) {
        return ParameterLayout.floatMatrixOf(layout.block(name), values);
    }

    /**
     * A copy of block {@code name} as a flat {@code float[]} in row-major order, each value rounded to the nearest
     * {@code float}.
     *
     * @param name the block's name
     * @return a copy of block {@code name} as a flat array of floats
     * @throws IllegalArgumentException if there is no such block
     */
    public float[] floatVector(String name) {
        return ParameterLayout.floatVectorOf(layout.block(name), values);
    }

    /** {@return a copy of all blocks as a dictionary, as {@link ParameterLayout#unroll(double[])} gives it} */
    public Map<String, Object> toMap() {
        return layout.unroll(values);
    }

    @Override
    public String toString() {
        return "Parameters" + layout;
    }
}
