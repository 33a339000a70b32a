package org.gradcheck.junit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExampleDrawerTests {

    @Test
    void indicesAreDistinctSortedAndInRange() {
        for (long seed = 0; seed < 200; seed++) {
            int[] indices = ExampleDrawer.draw(seed, 7, 12);
            assertEquals(7, indices.length);
            for (int i = 0; i < indices.length; i++) {
                assertTrue(indices[i] >= 0 && indices[i] < 12, Arrays.toString(indices));
                assertTrue(i == 0 || indices[i - 1] < indices[i], "distinct and ascending: " + Arrays.toString(indices));
            }
        }
    }

    @Test
    void drawingEveryExampleGivesAllIndices() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, ExampleDrawer.draw(9, 5, 5));
    }

    @Test
    void sameSeedSameIndicesAndEveryIndexEquallyLikely() {
        assertArrayEquals(ExampleDrawer.draw(42, 3, 209), ExampleDrawer.draw(42, 3, 209));
        int[] counts = new int[10];
        int draws = 30_000;
        for (int seed = 0; seed < draws; seed++) {
            for (int index : ExampleDrawer.draw(SeedSequence.mix(seed), 3, 10)) {
                counts[index]++;
            }
        }
        // Each index is drawn with probability 3/10: 9000 of 30000 expected, standard deviation about 79.
        for (int index = 0; index < counts.length; index++) {
            assertTrue(Math.abs(counts[index] - 9000) < 400, "index " + index + " drawn " + counts[index] + " times");
        }
    }
}
