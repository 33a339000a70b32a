package org.gradcheck.junit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The {@link ExampleSet} over a list: a batch is the list of the chosen examples. */
final class ListExampleSet<E> implements ExampleSet<List<E>> {

    private final List<E> examples;

    ListExampleSet(List<E> examples) {
        this.examples = examples;
    }

    @Override
    public int size() {
        return examples.size();
    }

    @Override
    public List<E> batch(int[] indices) {
        if (indices == null) {
            throw new IllegalArgumentException("indices must not be null: pass the indices of the examples to take");
        }
        List<E> batch = new ArrayList<>(indices.length);
        for (int index : indices) {
            if (index < 0 || index >= examples.size()) {
                throw new IllegalArgumentException("index " + index + " is outside the set's " + examples.size()
                        + " examples: use indices from 0 to " + (examples.size() - 1));
            }
            batch.add(examples.get(index));
        }
        return Collections.unmodifiableList(batch);
    }

    @Override
    public String toString() {
        return "ExampleSet of " + examples.size() + " examples";
    }
}
