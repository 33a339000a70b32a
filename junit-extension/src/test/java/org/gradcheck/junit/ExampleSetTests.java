package org.gradcheck.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleSetTests {

    @Test
    void listSetGivesTheChosenExamplesInIndexOrder() {
        ExampleSet<List<String>> set = ExampleSet.of(List.of("a", "b", "c", "d"));

        assertEquals(4, set.size());
        assertEquals(List.of("b", "d"), set.batch(new int[] {1, 3}));
        assertThrows(UnsupportedOperationException.class, () -> set.batch(new int[] {0}).add("e"));
    }

    @Test
    void listSetCopiesTheList() {
        List<String> examples = new ArrayList<>(List.of("a", "b"));
        ExampleSet<List<String>> set = ExampleSet.of(examples);

        examples.set(0, "changed");
        examples.add("c");

        assertEquals(2, set.size());
        assertEquals(List.of("a"), set.batch(new int[] {0}));
    }

    @Test
    void invalidListsAndIndicesAreRejectedWithTheirValue() {
        IllegalArgumentException nullList = assertThrows(IllegalArgumentException.class, () -> ExampleSet.of(null));
        assertEquals("examples must not be null: pass the list of examples to draw from", nullList.getMessage());
        IllegalArgumentException nullElement = assertThrows(IllegalArgumentException.class,
                () -> ExampleSet.of(Arrays.asList("a", null)));
        assertEquals("examples must not hold null but the element at index 1 is null: remove it or replace it by an example",
                nullElement.getMessage());
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> ExampleSet.of(List.of("a", "b")).batch(new int[] {2}));
        assertEquals("index 2 is outside the set's 2 examples: use indices from 0 to 1", outside.getMessage());
    }
}
