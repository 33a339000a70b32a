package org.gradcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The moves of screening's directions, {@code s (1 + u)}, written straight into the bits of a double. */
class DirectionDrawTests {

    /** The arithmetic form the bits stand for: the sign from the lowest bit, {@code u} from the top 52. */
    private static double arithmetic(long bits) {
        return ((bits & 1) == 0 ? 1 : -1) * (1 + (bits >>> 12) * 0x1p-52);
    }

    @Test
    void theBitsAreTheSignAndTheMagnitudeOfTheArithmeticForm() {
        long[] edges = {0, 1, -1, 2, Long.MIN_VALUE, Long.MAX_VALUE, 0xFFFL, 0x1000L, 0x1001L};
        for (long bits : edges) {
            assertEquals(arithmetic(bits), Screening.signedUnit(bits), "bits " + Long.toHexString(bits));
        }
        SplittableRandom random = new SplittableRandom(11);
        for (int k = 0; k < 100_000; k++) {
            long bits = random.nextLong();
            assertEquals(arithmetic(bits), Screening.signedUnit(bits), "bits " + Long.toHexString(bits));
        }
    }

    @Test
    void magnitudesFillOneToTwoAndSignsAreEven() {
        SplittableRandom random = new SplittableRandom(12);
        int draws = 200_000;
        int negative = 0;
        double sum = 0;
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        for (int k = 0; k < draws; k++) {
            double z = Screening.signedUnit(random.nextLong());
            negative += z < 0 ? 1 : 0;
            double magnitude = Math.abs(z);
            sum += magnitude;
            smallest = Math.min(smallest, magnitude);
            largest = Math.max(largest, magnitude);
        }
        assertTrue(smallest >= 1 && smallest < 1.001, "smallest " + smallest);
        assertTrue(largest < 2 && largest > 1.999, "largest " + largest);
        // mean 1.5 with a standard error of 0.29 / sqrt(draws) = 6.5e-4; sign count 0.5 with 1.1e-3
        assertEquals(1.5, sum / draws, 4e-3);
        assertEquals(0.5, negative / (double) draws, 6e-3);
    }
}
