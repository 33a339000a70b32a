package org.gradcheck.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedSequenceTests {

    @Test
    void trialSeedsAreTheOutputsOfSplitMix64SeededWithTheRootSeed() {
        // The reference SplitMix64 generator seeded with 0 starts 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4.
        assertEquals(0xe220a8397b1dcdafL, SeedSequence.trialSeed(0, 1));
        assertEquals(0x6e789e6aa1b965f4L, SeedSequence.trialSeed(0, 2));
    }

    @Test
    void trialsAndStreamsHaveDistinctSeeds() {
        Set<Long> seeds = new HashSet<>();
        for (int trial = 1; trial <= 10_000; trial++) {
            long trialSeed = SeedSequence.trialSeed(81273, trial);
            assertTrue(seeds.add(trialSeed), "trial " + trial);
            assertTrue(seeds.add(SeedSequence.streamSeed(trialSeed, SeedSequence.EXAMPLE_STREAM)), "trial " + trial);
        }
        assertNotEquals(SeedSequence.pointSeed(5, 0), SeedSequence.pointSeed(5, 1));
    }

    @Test
    void freshSeedsAreShortAndNotRepeated() {
        Set<Long> seeds = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            long seed = SeedSequence.freshSeed();
            assertTrue(seed >= 0 && seed < SeedSequence.FRESH_SEED_BOUND, Long.toString(seed));
            seeds.add(seed);
        }
        assertTrue(seeds.size() > 95, "fresh seeds repeat: " + seeds.size() + " distinct of 100");
    }
}
