package org.gradcheck.examples;

import java.util.Arrays;

/**
 * A batch of examples: an input matrix {@code X} of {@code features x size} (one column per example, as in
 * the article) and one label per example.
 *
 * <p>The columns are stored one after another in a flat array, so the features of one example are
 * contiguous: a forward pass reads them in order. Labels are doubles: {@code 0}/{@code 1} for a binary
 * classifier, the class index {@code 0..K-1} for a multi-class one.
 *
 * <p>Batches are immutable.
 *
 * @since 0.1
 */
public final class Batch {

    private final int features;
    private final int size;
    /** Column-major: example {@code e}'s features are {@code inputs[e * features .. (e + 1) * features)}. */
    private final double[] inputs;
    private final double[] labels;

    private Batch(int features, int size, double[] inputs, double[] labels) {
        this.features = features;
        this.size = size;
        this.inputs = inputs;
        this.labels = labels;
    }

    /**
     * A batch from a matrix {@code x} of {@code features x size} (one column per example) and one label per
     * column. The arrays are copied.
     *
     * @param x the inputs, one row per feature and one column per example
     * @param labels one label per example
     * @return the batch
     * @throws IllegalArgumentException if {@code x} is null, empty or ragged, or the labels' count is not the
     *     number of columns
     */
    public static Batch of(double[][] x, double[] labels) {
        if (x == null || x.length == 0 || x[0] == null || x[0].length == 0) {
            throw new IllegalArgumentException("x must be a non-empty matrix of features x examples (one column per example)");
        }
        int features = x.length;
        int size = x[0].length;
        for (int row = 0; row < features; row++) {
            if (x[row] == null || x[row].length != size) {
                throw new IllegalArgumentException("x is ragged: row 0 has " + size + " columns but row " + row + " has "
                        + (x[row] == null ? "none" : Integer.toString(x[row].length)) + "; give every feature one value per example");
            }
        }
        double[] inputs = new double[features * size];
        for (int row = 0; row < features; row++) {
            for (int example = 0; example < size; example++) {
                inputs[example * features + row] = x[row][example];
            }
        }
        return new Batch(features, size, inputs, checkedLabels(labels, size));
    }

    /**
     * A batch from inputs already stored column by column: example {@code e}'s features are
     * {@code columns[e * features .. (e + 1) * features)}. The arrays are copied.
     *
     * @param features the number of features of an example
     * @param columns the inputs, example after example
     * @param labels one label per example
     * @return the batch
     * @throws IllegalArgumentException if {@code features < 1}, the arrays are null, or their lengths disagree
     */
    public static Batch ofColumns(int features, double[] columns, double[] labels) {
        if (features < 1) {
            throw new IllegalArgumentException("features must be >= 1 but was " + features);
        }
        if (columns == null || labels == null) {
            throw new IllegalArgumentException("columns and labels must not be null");
        }
        if (columns.length != features * labels.length) {
            throw new IllegalArgumentException("columns has length " + columns.length + " but " + labels.length
                    + " examples of " + features + " features need " + (long) features * labels.length);
        }
        return new Batch(features, labels.length, columns.clone(), checkedLabels(labels, labels.length));
    }

    private static double[] checkedLabels(double[] labels, int size) {
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null: give one label per example");
        }
        if (labels.length != size) {
            throw new IllegalArgumentException("there are " + labels.length + " labels for " + size
                    + " examples: give one label per example (column of x)");
        }
        return labels.clone();
    }

    /** {@return the number of input features: the rows of {@code X} (12288 for the cat images)} */
    public int features() {
        return features;
    }

    /** {@return the number of examples: the columns of {@code X}} */
    public int size() {
        return size;
    }

    /**
     * Input {@code feature} of example {@code example}: {@code X[feature, example]}.
     *
     * @param feature the feature, in {@code [0, features())}
     * @param example the example, in {@code [0, size())}
     * @return the input
     * @throws IndexOutOfBoundsException if either index is outside its range
     */
    public double x(int feature, int example) {
        checkExample(example);
        if (feature < 0 || feature >= features) {
            throw new IndexOutOfBoundsException("feature " + feature + " is outside [0, " + features + ")");
        }
        return inputs[example * features + feature];
    }

    /**
     * The label of example {@code example}.
     *
     * @param example the example, in {@code [0, size())}
     * @return its label
     * @throws IndexOutOfBoundsException if the index is outside {@code [0, size())}
     */
    public double y(int example) {
        checkExample(example);
        return labels[example];
    }

    /** {@return a copy of all labels in example order} */
    public double[] labels() {
        return labels.clone();
    }

    /**
     * A copy of the inputs of example {@code example}: column {@code example} of {@code X}.
     *
     * @param example the example, in {@code [0, size())}
     * @return its inputs, a new array of {@code features()} values
     * @throws IndexOutOfBoundsException if the index is outside {@code [0, size())}
     */
    public double[] column(int example) {
        checkExample(example);
        return Arrays.copyOfRange(inputs, example * features, (example + 1) * features);
    }

    /**
     * The flat inputs, not a copy, for fast loops in this package: example {@code e}'s features start at
     * {@code e * features()}. Never modified.
     */
    double[] inputs() {
        return inputs;
    }

    /**
     * The examples at {@code indices}, in that order (repeats allowed).
     *
     * @param indices the examples, each in {@code [0, size())}
     * @return a new batch of those examples
     * @throws IllegalArgumentException if no index is given
     * @throws IndexOutOfBoundsException if an index is outside {@code [0, size())}
     */
    public Batch select(int... indices) {
        if (indices == null || indices.length == 0) {
            throw new IllegalArgumentException("select needs at least one example index");
        }
        double[] selected = new double[indices.length * features];
        double[] selectedLabels = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            checkExample(indices[i]);
            System.arraycopy(inputs, indices[i] * features, selected, i * features, features);
            selectedLabels[i] = labels[indices[i]];
        }
        return new Batch(features, indices.length, selected, selectedLabels);
    }

    /**
     * This batch with every input multiplied by {@code factor}: {@code scaled(1 / 255.0)} maps pixels to [0, 1].
     *
     * @param factor the factor
     * @return a new batch with the same labels
     */
    public Batch scaled(double factor) {
        double[] scaledInputs = inputs.clone();
        for (int i = 0; i < scaledInputs.length; i++) {
            scaledInputs[i] *= factor;
        }
        return new Batch(features, size, scaledInputs, labels);
    }

    private void checkExample(int example) {
        if (example < 0 || example >= size) {
            throw new IndexOutOfBoundsException("example " + example + " is outside [0, " + size + ")");
        }
    }

    @Override
    public String toString() {
        return "Batch[" + features + " features x " + size + (size == 1 ? " example]" : " examples]");
    }
}
