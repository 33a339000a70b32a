package org.gradcheck.junit;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Derives every seed of a {@code @GradientCheck} method from its root seed with the SplitMix64 finaliser
 * {@code mix}: trial {@code t} (from 1) has the seed {@code mix(root + t * G)} and stream {@code k} of a trial
 * the seed {@code mix(trialSeed + k * G)}, where {@code G = 0x9e3779b97f4a7c15}. The examples are stream 1; the
 * {@code @RandomPoint} parameter at position {@code p} is stream {@code 2 + p}; {@code Random} parameters are
 * seeded with the trial seed itself. Trials and streams are therefore independent of each other, of the order in
 * which parameters are resolved and of other trials running in parallel.
 */
final class SeedSequence {

    static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    static final int EXAMPLE_STREAM = 1;

    /** Fresh root seeds stay below this bound so that they are short enough to read and type. */
    static final long FRESH_SEED_BOUND = 1_000_000_000_000L;

    private SeedSequence() {
    }

    /** The seed of trial {@code trial} (from 1). */
    static long trialSeed(long rootSeed, int trial) {
        return mix(rootSeed + trial * GOLDEN_GAMMA);
    }

    /** The seed of the trial's stream {@code stream}. */
    static long streamSeed(long trialSeed, int stream) {
        return mix(trialSeed + stream * GOLDEN_GAMMA);
    }

    /** The seed of the {@code @RandomPoint} parameter at {@code parameterIndex}. */
    static long pointSeed(long trialSeed, int parameterIndex) {
        return streamSeed(trialSeed, 2 + parameterIndex);
    }

    /** A fresh, unpredictable root seed in {@code [0, 10^12)}. */
    static long freshSeed() {
        return ThreadLocalRandom.current().nextLong(FRESH_SEED_BOUND);
    }

    /** SplitMix64's finaliser (Steele, Lea and Flood, 2014): a bijection that scatters nearby inputs. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
