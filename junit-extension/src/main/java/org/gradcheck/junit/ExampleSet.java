package org.gradcheck.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A data set of {@link #size()} examples from which a gradient check draws a few at random, because a check on
 * the whole set is too slow.
 *
 * <p>An implementation turns example indices into the batch type {@code B} its model reads, for instance the
 * columns of a feature matrix together with their labels:
 * <pre>{@code
 * ExampleSet<Batch> trainingSet = new ExampleSet<>() {
 *     public int size() { return labels.length; }
 *     public Batch batch(int[] indices) { return Batch.columns(features, labels, indices); }
 * };
 * }</pre>
 * For examples held in a list, {@link #of(List)} does it: its batch is the list of the chosen examples.
 *
 * @param <B> the type of a batch of examples
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ExampleSet<B> {

    /** {@return the number of examples; indices run from {@code 0} to {@code size() - 1}} */
    int size();

    /**
     * The batch of the examples at {@code indices}, in the order of the indices.
     *
     * <p>Callers pass distinct indices in {@code [0, size())} sorted in ascending order, at least one.
     *
     * @param indices the examples' indices; the implementation may keep the array, the caller does not modify it
     * @return the batch; never null
     */
    B batch(int[] indices);

    /**
     * A set over a copy of {@code examples}; its batch is the unmodifiable list of the chosen examples in the
     * order of their indices.
     *
     * @param <E> the type of an example
     * @param examples the examples; copied
     * @return a set over a copy of {@code examples}
     * @throws IllegalArgumentException if {@code examples} is null or holds a null element
     */
    static <E> ExampleSet<List<E>> of(List<? extends E> examples) {
        if (examples == null) {
            throw new IllegalArgumentException("examples must not be null: pass the list of examples to draw from");
        }
        List<E> copy = new ArrayList<>(examples);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i) == null) {
                throw new IllegalArgumentException("examples must not hold null but the element at index " + i
                        + " is null: remove it or replace it by an example");
            }
        }
        return new ListExampleSet<>(Collections.unmodifiableList(copy));
    }
}
