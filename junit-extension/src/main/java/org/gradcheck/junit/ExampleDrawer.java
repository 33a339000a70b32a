package org.gradcheck.junit;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws distinct example indices uniformly at random, without replacement, with Floyd's algorithm: {@code k}
 * draws and {@code O(k)} memory whatever the size of the data set. The indices are returned sorted ascending.
 */
final class ExampleDrawer {

    private ExampleDrawer() {
    }

    /** {@code count} distinct indices from {@code [0, size)}, ascending, drawn from {@code seed}. */
    static int[] draw(long seed, int count, int size) {
        if (count < 1 || count > size) {
            throw new IllegalArgumentException("count must be in [1, " + size + "] but was " + count);
        }
        SplittableRandom random = new SplittableRandom(seed);
        Set<Integer> chosen = new HashSet<>(2 * count);
        int[] indices = new int[count];
        int drawn = 0;
        for (int candidateBound = size - count; candidateBound < size; candidateBound++) {
            int candidate = random.nextInt(candidateBound + 1);
            int index = chosen.add(candidate) ? candidate : candidateBound;
            if (index == candidateBound) {
                chosen.add(candidateBound);
            }
            indices[drawn++] = index;
        }
        Arrays.sort(indices);
        return indices;
    }
}
