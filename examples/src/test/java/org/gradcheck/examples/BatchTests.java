package org.gradcheck.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BatchTests {

    private final Batch batch = Batch.of(new double[][] {{1, 2, 3}, {4, 5, 6}}, new double[] {0, 1, 0});

    @Test
    void holdsOneColumnPerExample() {
        assertEquals(2, batch.features());
        assertEquals(3, batch.size());
        assertArrayEquals(new double[] {2, 5}, batch.column(1));
        assertEquals(6, batch.x(1, 2));
        assertEquals(1, batch.y(1));
    }

    @Test
    void selectsExamplesInTheGivenOrder() {
        Batch selected = batch.select(2, 0);

        assertEquals(2, selected.size());
        assertArrayEquals(new double[] {3, 6}, selected.column(0));
        assertArrayEquals(new double[] {1, 4}, selected.column(1));
        assertArrayEquals(new double[] {0, 0}, selected.labels());
    }

    @Test
    void scalesInputsButNotLabels() {
        Batch scaled = batch.scaled(0.5);

        assertArrayEquals(new double[] {1.5, 3}, scaled.column(2));
        assertArrayEquals(batch.labels(), scaled.labels());
    }

    @Test
    void rejectsARaggedMatrixNamingTheRow() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Batch.of(new double[][] {{1, 2}, {3}}, new double[] {0, 1}));

        assertEquals("x is ragged: row 0 has 2 columns but row 1 has 1; give every feature one value per example", error.getMessage());
    }

    @Test
    void rejectsALabelCountThatIsNotTheExampleCount() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Batch.of(new double[][] {{1, 2}}, new double[] {0}));

        assertEquals("there are 1 labels for 2 examples: give one label per example (column of x)", error.getMessage());
    }
}
