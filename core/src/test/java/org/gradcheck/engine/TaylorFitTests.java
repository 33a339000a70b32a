package org.gradcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The least-squares fit of the Taylor strategy and the constants that replaced its old options. */
class TaylorFitTests {

    @Test
    void theSlopeIsFittedByLeastSquares() {
        double[] steps = {8, 4, 2, 1};
        double[] remainders = {64, 16, 4, 1};

        assertEquals(2.0, TaylorStrategy.slope(steps, remainders, 0, 3), 1e-12);
        assertEquals(1.0, TaylorStrategy.slope(steps, new double[] {8, 4, 2, 1}, 0, 3), 1e-12);
        assertEquals(2.0, TaylorStrategy.slope(steps, new double[] {100, 64, 16, 4}, 1, 3), 1e-12);
    }

    @Test
    void stepsMinimumOrderAndDirectionsAreConstants() {
        assertEquals(1e-1, TaylorStrategy.LARGEST_STEP);
        assertEquals(1e-10, TaylorStrategy.SMALLEST_STEP);
        assertEquals(1.5, TaylorStrategy.MINIMUM_ORDER);
        assertEquals(3, TaylorStrategy.DIRECTIONS);
    }
}
