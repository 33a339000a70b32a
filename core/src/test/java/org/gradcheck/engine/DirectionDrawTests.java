package org.gradcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.LongToDoubleFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The moves of screening's directions, {@code s (1 + u)}, written straight into the bits of a double. */
class DirectionDrawTests {

    /** The arithmetic form the bits stand for: the sign from the lowest bit, {@code u} from the top 52. */
    private static double arithmetic(long bits) {
        return ((bits & 1) == 0 ? 1 : -1) * (1 + (bits >>> 12) * 0x1p-52);
    }

    /** {@code form} equals {@code arithmetic} on the edge words and on 100,000 random ones. */
    private static void assertSameAs(LongToDoubleFunction arithmetic, LongToDoubleFunction form, long[] edges, long seed) {
        LongStream words = LongStream.concat(LongStream.of(edges), new SplittableRandom(seed).longs(100_000));
        words.forEach(bits -> assertEquals(arithmetic.applyAsDouble(bits), form.applyAsDouble(bits),
                () -> "bits " + Long.toHexString(bits)));
    }

    @Test
    void theBitsAreTheSignAndTheMagnitudeOfTheArithmeticForm() {
        assertSameAs(DirectionDrawTests::arithmetic, Screening::signedUnit,
                new long[] {0, 1, -1, 2, Long.MIN_VALUE, Long.MAX_VALUE, 0xFFFL, 0x1000L, 0x1001L}, 11);
    }

    /** The second form of the same bits: the sign from bit 1, {@code u} from bits 2 to 33. */
    private static double secondArithmetic(long bits) {
        return ((bits >>> 1 & 1) == 0 ? 1 : -1) * (1 + (bits >>> 2 & 0xFFFF_FFFFL) * 0x1p-32);
    }

    @Test
    void theSecondFormIsItsOwnBitsOfTheSameWord() {
        assertSameAs(DirectionDrawTests::secondArithmetic, Screening::secondUnit,
                new long[] {0, 1, 2, 3, -1, 0x3_FFFF_FFFCL, 0x4_0000_0000L, Long.MIN_VALUE, Long.MAX_VALUE}, 13);
    }

    /**
     * What a cancellation of two entries needs in one direction, signs that agree and magnitudes within {@code d}, says
     * nothing of the other direction drawn from the same words: over pairs of random words, the second direction's
     * event is as likely given the first's as without it (each has probability {@code (2 d - d^2) / 2}, here 0.095).
     */
    @Test
    void aCancellationInTheFirstFormSaysNothingOfTheSecond() {
        SplittableRandom random = new SplittableRandom(14);
        double d = 0.1;
        int pairs = 2_000_000;
        int first = 0;
        int second = 0;
        int both = 0;
        for (int k = 0; k < pairs; k++) {
            long a = random.nextLong();
            long b = random.nextLong();
            boolean one = Math.abs(Screening.signedUnit(a) - Screening.signedUnit(b)) < d;
            boolean two = Math.abs(Screening.secondUnit(a) - Screening.secondUnit(b)) < d;
            first += one ? 1 : 0;
            second += two ? 1 : 0;
            both += one && two ? 1 : 0;
        }
        double p1 = first / (double) pairs;
        double p2 = second / (double) pairs;
        // each 0.5 (signs) times 2 d - d^2 (magnitudes) = 0.095, standard error 2.1e-4; both 0.009, standard error 6.7e-5
        // (the same form twice would give 0.095)
        assertEquals(0.095, p1, 1e-3);
        assertEquals(0.095, p2, 1e-3);
        assertEquals(p1 * p2, both / (double) pairs, 3e-4, "the two forms' cancellations are not independent");
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
