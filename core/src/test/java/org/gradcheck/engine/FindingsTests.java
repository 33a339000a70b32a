package org.gradcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The reports' loops over entries: runs of unchecked entries skipped, and flags counted, eight at a time. */
class FindingsTests {

    /** Findings of {@code size} entries, each checked with probability {@code checked}, flagged with {@code flagged}. */
    private static Findings random(int size, double checked, double flagged, SplittableRandom random) {
        Findings findings = new Findings(1, size, new double[size]);
        for (int k = 0; k < size; k++) {
            findings.verdicts[k] = random.nextDouble() < checked ? (byte) random.nextInt(Findings.NOT_CHECKED)
                    : Findings.NOT_CHECKED;
            findings.flags[k] = (byte) (random.nextInt(32) & ~Findings.NEGLIGIBLE
                    | (random.nextDouble() < flagged ? Findings.NEGLIGIBLE : 0));
        }
        return findings;
    }

    private static int plainNext(Findings findings, int from, int to) {
        for (int k = from; k < to; k++) {
            if (findings.verdicts[k] != Findings.NOT_CHECKED) {
                return k;
            }
        }
        return to;
    }

    private static int plainCount(Findings findings, int from, int to, byte flag) {
        int count = 0;
        for (int k = from; k < to; k++) {
            count += (findings.flags[k] & flag) != 0 ? 1 : 0;
        }
        return count;
    }

    @Test
    void theNextCheckedEntryIsTheOneAPlainLoopFinds() {
        SplittableRandom random = new SplittableRandom(31);
        for (double checked : new double[] {0, 0.001, 0.05, 0.5, 1}) {
            for (int trial = 0; trial < 200; trial++) {
                int size = random.nextInt(1, 300);
                Findings findings = random(size, checked, 0.5, random);
                int from = random.nextInt(size);
                int to = random.nextInt(from, size + 1);
                for (int k = from; k <= to; k++) {
                    assertEquals(plainNext(findings, k, to), findings.nextChecked(k, to),
                            "from " + k + " to " + to + " of " + size + ", checked " + checked);
                }
            }
        }
    }

    @Test
    void flaggedEntriesAreCountedAsAPlainLoopCountsThem() {
        SplittableRandom random = new SplittableRandom(32);
        byte[] flags = {Findings.NEGLIGIBLE, Findings.SUSPECT, Findings.REFINED, Findings.ONE_SIDED_GAP,
            Findings.KINK_CANDIDATE};
        for (double flagged : new double[] {0, 0.01, 0.5, 1}) {
            for (int trial = 0; trial < 300; trial++) {
                int size = random.nextInt(1, 300);
                Findings findings = random(size, 0.1, flagged, random);
                int from = random.nextInt(size);
                int to = random.nextInt(from, size + 1);
                for (byte flag : flags) {
                    assertEquals(plainCount(findings, from, to, flag), findings.countFlagged(from, to, flag),
                            "flag " + flag + " from " + from + " to " + to + " of " + size);
                }
            }
        }
    }

    @Test
    void checkedColumnsAreCountedInAGradientAndInAJacobian() {
        Findings gradient = new Findings(1, 20, new double[20]);
        java.util.Arrays.fill(gradient.verdicts, Findings.NOT_CHECKED);
        gradient.verdicts[0] = Findings.PASS;
        gradient.verdicts[9] = Findings.FAIL;
        gradient.verdicts[19] = Findings.KINK;
        assertEquals(3, gradient.checkedColumnCount());
        Findings jacobian = new Findings(2, 10, new double[20]);
        java.util.Arrays.fill(jacobian.verdicts, Findings.NOT_CHECKED);
        jacobian.verdicts[3] = Findings.PASS;
        jacobian.verdicts[10 + 3] = Findings.PASS;
        jacobian.verdicts[10 + 7] = Findings.UNRESOLVED;
        assertEquals(2, jacobian.checkedColumnCount());
    }
}
