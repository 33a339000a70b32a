package org.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.report.Entry;
import org.gradcheck.report.GradientReport;
import org.gradcheck.report.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Screening's promises, on {@code f = sum x_i^2 / 2} at {@code x_i = 0.5} with 1000 parameters: no pass without
 * evidence after a disagreement, equal and opposite errors that do not cancel, a miss probability as stated, and a
 * stated power that holds.
 */
class ScreeningTests {

    private static final int N = 1000;
    private static final Pattern POWER = Pattern.compile("would see an error of ([0-9.e+-]+) in any entry");

    /** The gradient {@code x}, with {@code errors[k]} added to entry {@code entries[k]}. */
    private static DifferentiableFunction withErrors(int[] entries, double[] errors) {
        return DifferentiableFunction.of(x -> {
            double sum = 0;
            for (double v : x) {
                sum += v * v / 2;
            }
            return sum;
        }, x -> {
            double[] g = x.clone();
            for (int k = 0; k < entries.length; k++) {
                g[entries[k]] += errors[k];
            }
            return g;
        });
    }

    private static double[] point() {
        return point(N);
    }

    private static double[] point(int n) {
        double[] x = new double[n];
        Arrays.fill(x, 0.5);
        return x;
    }

    private static GradientReport screen(DifferentiableFunction function, long seed) {
        return screen(function, seed, N);
    }

    private static GradientReport screen(DifferentiableFunction function, long seed, int n) {
        return GradientChecker.defaults().withStrategy(Strategy.screening()).withSeed(seed).check(function, point(n));
    }

    private static boolean failsNaming(GradientReport report, int... entries) {
        if (report.passed()) {
            return false;
        }
        for (int entry : entries) {
            if (report.parameter(entry).verdict() != Verdict.FAIL) {
                return false;
            }
        }
        return true;
    }

    /** The power a block's note states. */
    private static double statedPower(GradientReport report) {
        Matcher matcher = POWER.matcher(report.strategyNotes().get(0));
        assertTrue(matcher.find(), report.strategyNotes()::toString);
        return Double.parseDouble(matcher.group(1));
    }

    /**
     * The case that used to pass after it disagreed: {@code g[7] + 0.1} and {@code g[8] - 0.1}; halves that agree
     * after their part disagreed are tested again or checked one by one, never dropped.
     */
    @Test
    void equalAndOppositeErrorsFailWhateverTheSeed() {
        DifferentiableFunction function = withErrors(new int[] {7, 8}, new double[] {0.1, -0.1});
        for (long seed = 1; seed <= 60; seed++) {
            GradientReport report = screen(function, seed);
            assertTrue(failsNaming(report, 7, 8), "seed " + seed + ": " + report);
            assertEquals(2, report.failureCount(), "seed " + seed);
        }
    }

    @Test
    void twoSwappedEntriesFailWhateverTheSeed() {
        // the gradient of sum c_i x_i^2 / 2 with c_i = 1 + i / N, entries 500 and 501 swapped
        DifferentiableFunction swapped = DifferentiableFunction.of(x -> {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += (1 + i / (double) N) * x[i] * x[i] / 2;
            }
            return sum;
        }, x -> {
            double[] g = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                g[i] = (1 + i / (double) N) * x[i];
            }
            double first = g[500];
            g[500] = g[501];
            g[501] = first;
            return g;
        });
        for (long seed = 1; seed <= 60; seed++) {
            GradientReport report = screen(swapped, seed);
            assertTrue(failsNaming(report, 500, 501), "seed " + seed + ": " + report);
        }
    }

    /**
     * The stated miss probability of a pair of equal and opposite errors {@code +-e}: a direction misses them only if
     * their signs agree and their magnitudes differ by less than {@code power / e}, probability at most
     * {@code power / e}; the two independent directions at the top both miss with probability at most
     * {@code (power / e)^2}. Here {@code power / e = 0.1}: at most 1% of seeds may miss; a pair of errors 1000 times
     * the power is missed with probability at most 1e-6. With 1000 parameters each direction is drawn on its own;
     * with 3000, above the size where the noise is measured along all of them, the block's two directions are drawn
     * together, from other bits of the same random words: they must be as independent.
     */
    @ParameterizedTest(name = "{0} parameters")
    @ValueSource(ints = {N, 3000})
    void aPairOfOppositeErrorsIsMissedNoMoreOftenThanStated(int n) {
        double power = statedPower(screen(withErrors(new int[0], new double[0]), 1, n));
        double e = 10 * power;
        DifferentiableFunction function = withErrors(new int[] {300, 301}, new double[] {e, -e});
        int seeds = 600;
        int missed = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            missed += screen(function, seed, n).passed() ? 1 : 0;
        }
        double bound = Math.pow(power / e, 2);
        // the binomial count's mean is at most 6; more than 15 has a probability below 0.1% under the bound
        assertTrue(missed <= 15, missed + " of " + seeds + " seeds missed the pair; the stated bound is " + bound);
    }

    /**
     * One wrong entry of the size of the stated power is seen wherever it is (every {@code |z_i|} is at least 1): the
     * directions disagree and bisection brings it to be checked one by one, where the full check's rule judges it
     * (an error that small passes there: it is within the tolerance). Ten times the tolerance, it
     * fails.
     */
    @Test
    void theStatedPowerHoldsForOneWrongEntryAnywhere() {
        double power = statedPower(screen(withErrors(new int[0], new double[0]), 1));
        for (int entry : List.of(0, 1, 499, 998, 999)) {
            for (long seed = 1; seed <= 10; seed++) {
                GradientReport seen = screen(withErrors(new int[] {entry}, new double[] {1.01 * power}), seed);
                assertTrue(seen.parameter(entry).verdict() != Verdict.NOT_CHECKED, "entry " + entry + ", seed " + seed
                        + ": an error of the stated power " + power + " was not seen: " + seen.strategyNotes());
                GradientReport failed = screen(withErrors(new int[] {entry}, new double[] {5e-6}), seed);
                assertTrue(failsNaming(failed, entry), "entry " + entry + ", seed " + seed + ": " + failed);
            }
        }
    }

    /**
     * {@code sum c_i max(0, x_i) + x_i^2 / 2} at 60,000 points drawn from [-2, 2]: every direction crosses dozens of
     * kinks, so its comparisons are blunt (their power is far above what a full check sees in one entry). Such an
     * agreement is no evidence: the parts are looked into down to the parameters checked one by one, so one sign flip
     * fails naming its entry, and the right gradient passes.
     */
    @Test
    void agreementsTooBluntToSeeAnEntryAreLookedInto() {
        int n = 60_000;
        double[] x = new java.util.SplittableRandom(7).doubles(n, -2, 2).toArray();
        int wrong = 33_333;

        GradientReport right = GradientChecker.defaults().withStrategy(Strategy.screening()).check(kinked(-1), x);
        GradientReport flipped = GradientChecker.defaults().withStrategy(Strategy.screening()).check(kinked(wrong), x);

        assertTrue(right.passed(), right::toString);
        assertTrue(!flipped.passed() && flipped.failureCount() == 1
                && flipped.parameter(wrong).verdict() == Verdict.FAIL, flipped::toString);
        assertTrue(flipped.strategyNotes().get(0).contains("too blunt to count"), flipped.strategyNotes()::toString);
    }

    /**
     * A part bisected out of a large block is judged by the rounding of its own projection, not the block's: with the
     * block's, every part of a million-parameter sum of sines below a few thousand parameters had the same allowance,
     * its agreements were too blunt to count at every size, and screening went on to check thousands of parameters
     * one by one (over 10,000 evaluations, minutes of a function that takes 13 ms) to find one entry 1e-3 off.
     */
    @Test
    void aPartOfALargeBlockIsJudgedByTheRoundingOfItsOwnProjection() {
        int n = 1_000_000;
        int wrong = 617_000;
        double[] x = new java.util.SplittableRandom(7).doubles(n, -1.5, 1.5).toArray();
        long[] evaluations = {0};
        DifferentiableFunction sines = DifferentiableFunction.of(p -> {
            if (++evaluations[0] > 2_000) {
                throw new IllegalStateException("more than 2,000 evaluations: screening checks far more than it needs to");
            }
            double sum = 0;
            for (double v : p) {
                sum += Math.sin(v);
            }
            return sum;
        }, p -> {
            double[] g = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                g[i] = Math.cos(p[i]);
            }
            g[wrong] *= 1.001;
            return g;
        });

        GradientReport report = GradientChecker.defaults().check(sines, x);

        assertTrue(failsNaming(report, wrong), report::toString);
        assertTrue(evaluations[0] < 1_000, () -> evaluations[0] + " evaluations");
    }

    /**
     * A function whose value and terms are 0 at the point ({@code sum (x_i - a_i)(x_i + a_i)} at {@code x = a}): the
     * rounding of the moved inputs bounds its directional differences, and the moves are capped by it too. Capped by
     * the rounding of the values alone, they were too small to see an error of the tolerance, and screening checked
     * almost every parameter one by one: 67,036 evaluations for the right gradient, more than a full check's 60,000.
     */
    @Test
    void aFunctionThatVanishesAtThePointIsScreenedWithMovesItsRoundingAllows() {
        int n = 30_000;
        int wrong = 18_510;
        double[] x = new java.util.SplittableRandom(7).doubles(n, -1.5, 1.5).toArray();
        double[] roots = x.clone();
        for (boolean bug : new boolean[] {false, true}) {
            long[] evaluations = {0};
            DifferentiableFunction vanishing = DifferentiableFunction.of(p -> {
                evaluations[0]++;
                double sum = 0;
                for (int i = 0; i < p.length; i++) {
                    sum += (p[i] - roots[i]) * (p[i] + roots[i]);
                }
                return sum;
            }, p -> {
                double[] g = new double[p.length];
                for (int i = 0; i < p.length; i++) {
                    g[i] = 2 * p[i];
                }
                g[wrong] *= bug ? 1.001 : 1;
                return g;
            });

            GradientReport report = GradientChecker.defaults().withStrategy(Strategy.screening()).check(vanishing, x);

            if (bug) {
                assertTrue(failsNaming(report, wrong), report::toString);
                assertTrue(evaluations[0] < 1_000, () -> evaluations[0] + " evaluations");
            } else {
                assertTrue(report.passed(), report::toString);
                assertTrue(evaluations[0] < 200, () -> evaluations[0] + " evaluations");
            }
        }
    }

    /**
     * Above a thousand inputs the entries not checked one by one are marked negligible or not in the pass that draws
     * the noise direction: a block the function ignores is counted as indistinguishable from zero entry by entry, a
     * block it depends on is not, and the entries of a small block checked one by one are judged by their own
     * estimates.
     */
    @Test
    void theEntriesNotCheckedOneByOneAreMarkedInEveryBlock() {
        org.gradcheck.layout.ParameterLayout layout = org.gradcheck.layout.ParameterLayout.builder().vector("ignored", 2000)
                .vector("live", 3000).vector("small", 4).build();
        DifferentiableFunction live = DifferentiableFunction.of(x -> {
            double sum = 0;
            for (int i = 2000; i < 5004; i++) {
                sum += x[i] * x[i] / 2;
            }
            return sum;
        }, x -> {
            double[] g = new double[x.length];
            for (int i = 2000; i < 5004; i++) {
                g[i] = x[i];
            }
            return g;
        });
        double[] x = new java.util.SplittableRandom(3).doubles(5004, 0.5, 1.5).toArray();

        GradientReport report = GradientChecker.defaults().withStrategy(Strategy.screening()).check(live, x, layout);

        assertTrue(report.passed(), report::toString);
        assertEquals(2000, report.blocks().get(0).negligible(), report::toString);
        assertEquals(0, report.blocks().get(1).negligible(), report::toString);
        assertEquals(4, report.blocks().get(2).checked(), report::toString);
        assertEquals(0, report.blocks().get(2).negligible(), report::toString);
    }

    /**
     * A block whose derivatives are partly zero is marked entry by entry, not as a whole: the entries the function
     * ignores are counted as indistinguishable from zero, the others not.
     */
    @Test
    void aBlockOfMixedEntriesIsMarkedEntryByEntry() {
        org.gradcheck.layout.ParameterLayout layout = org.gradcheck.layout.ParameterLayout.builder().vector("live", 3000)
                .vector("mixed", 1500).build();
        DifferentiableFunction function = DifferentiableFunction.of(x -> {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += i < 3000 || i % 3 != 0 ? x[i] * x[i] / 2 : 0;
            }
            return sum;
        }, x -> {
            double[] g = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                g[i] = i < 3000 || i % 3 != 0 ? x[i] : 0;
            }
            return g;
        });
        double[] x = new java.util.SplittableRandom(5).doubles(4500, 0.5, 1.5).toArray();

        GradientReport report = GradientChecker.defaults().withStrategy(Strategy.screening()).check(function, x, layout);

        assertTrue(report.passed(), report::toString);
        assertEquals(0, report.blocks().get(0).negligible(), report::toString);
        assertEquals(500, report.blocks().get(1).negligible(), report::toString);
        for (int i = 3000; i < 4500; i++) {
            assertEquals(i % 3 == 0, report.parameter(i).negligible(), report.parameter(i)::toString);
        }
    }

    /**
     * The marks screening gives whole blocks at once are those the rule for one entry gives: a block whose derivatives
     * span every magnitude from far below the rounding of a first estimate to far above it, one far below and one far
     * above, compared entry by entry with a sampled check, which marks every entry it does not check by the rule for
     * one entry.
     */
    @Test
    void blocksMarkedWholeAgreeWithTheRuleForOneEntry() {
        org.gradcheck.layout.ParameterLayout layout = org.gradcheck.layout.ParameterLayout.builder().vector("spanning", 1200)
                .vector("below", 1000).vector("above", 1000).build();
        double[] c = new double[3200];
        for (int i = 0; i < 3200; i++) {
            c[i] = i < 1200 ? Math.pow(10, -30 + 30.0 * i / 1200) : i < 2200 ? 1e-40 * (1 + i % 7) : 1 + i % 5;
        }
        DifferentiableFunction linear = DifferentiableFunction.of(x -> {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += c[i] * x[i];
            }
            return sum;
        }, x -> c.clone());
        double[] x = new java.util.SplittableRandom(6).doubles(3200, -2, 2).toArray();

        GradientReport screened = GradientChecker.defaults().withStrategy(Strategy.screening()).check(linear, x, layout);
        GradientReport sampled = GradientChecker.defaults().withStrategy(Strategy.sampled(3)).check(linear, x, layout);

        assertTrue(screened.passed() && sampled.passed(), screened::toString);
        int compared = 0;
        int negligible = 0;
        for (int i = 0; i < 3200; i++) {
            if (screened.parameter(i).verdict() == Verdict.NOT_CHECKED && sampled.parameter(i).verdict() == Verdict.NOT_CHECKED) {
                assertEquals(sampled.parameter(i).negligible(), screened.parameter(i).negligible(), screened.parameter(i)::toString);
                compared++;
                negligible += screened.parameter(i).negligible() ? 1 : 0;
            }
        }
        int comparedEntries = compared;
        assertTrue(comparedEntries > 3000, () -> comparedEntries + " entries compared");
        // the spanning block holds both kinds, so its marks were decided entry by entry
        int spanning = screened.blocks().get(0).negligible();
        assertTrue(spanning > 100 && spanning < 1100, screened::toString);
        assertEquals(1000, screened.blocks().get(1).negligible(), screened::toString);
        assertEquals(0, screened.blocks().get(2).negligible(), screened::toString);
        int marked = negligible;
        assertTrue(marked > 1100, () -> marked + " negligible");
    }

    /**
     * A block's entries are flagged negligible or not before bisection decides which are checked one by one: an entry
     * given as 0 looks negligible then, and once checked it is judged by its own estimates (failed, not counted as
     * indistinguishable from zero).
     */
    @Test
    void anEntryCheckedAfterItsBlockWasMarkedIsJudgedByItsOwnEstimates() {
        int n = 30_000;
        int wrong = 12_345;
        double[] x = new java.util.SplittableRandom(8).doubles(n, 0.5, 1.5).toArray();
        DifferentiableFunction zeroed = withErrors(new int[] {wrong}, new double[] {-x[wrong]});

        GradientReport report = GradientChecker.defaults().withStrategy(Strategy.screening()).check(zeroed, x);

        assertTrue(!report.passed() && report.parameter(wrong).verdict() == Verdict.FAIL, report::toString);
        assertTrue(!report.parameter(wrong).negligible(), report::toString);
        assertEquals(0, report.negligibleCount(), report::toString);
        assertEquals(0, report.blocks().get(0).negligible(), report::toString);
    }

    /**
     * An entry screening did not check one by one still reports the rounding bound its first estimate would have had:
     * the rounding over twice its step, the same for every input of magnitude below 1 (step {@code h}) and in inverse
     * proportion to the magnitude above it (step {@code h |x|}).
     */
    @Test
    void anEntryNotCheckedReportsTheBoundOfItsFirstEstimate() {
        double[] x = new java.util.SplittableRandom(9).doubles(30_000, 0.5, 1.5).toArray();
        DifferentiableFunction squares = withErrors(new int[0], new double[0]);

        GradientReport report = GradientChecker.defaults().withStrategy(Strategy.screening()).check(squares, x);

        assertTrue(report.passed(), report::toString);
        double small = Double.NaN;
        double large = Double.NaN;
        for (int j = 0; j < 200; j++) {
            Entry entry = report.parameter(j);
            assertEquals(Verdict.NOT_CHECKED, entry.verdict());
            double bound = entry.numericalError();
            assertTrue(bound > 0 && bound < 1e-4, "bound of " + entry.name() + ": " + bound);
            if (x[j] < 1) {
                small = Double.isNaN(small) ? bound : small;
                assertEquals(small, bound, 1e-12 * small, entry.name());
            } else {
                large = Double.isNaN(large) ? bound * x[j] : large;
                assertEquals(large, bound * x[j], 1e-12 * large, entry.name());
            }
        }
        assertEquals(small, large, 1e-12 * small, "the same rounding over the same step at |x| = 1");
    }

    /** {@code sum c_i max(0, x_i) + x_i^2 / 2}, {@code c_i = 1 + i mod 3}, with the sign of entry {@code flipped} wrong. */
    private static DifferentiableFunction kinked(int flipped) {
        return DifferentiableFunction.of(x -> {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += Math.max(0, x[i]) * (1 + i % 3) + x[i] * x[i] / 2;
            }
            return sum;
        }, x -> {
            double[] g = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                g[i] = (x[i] > 0 ? 1 + i % 3 : 0) + x[i];
            }
            if (flipped >= 0) {
                g[flipped] = -g[flipped];
            }
            return g;
        });
    }

    /** The report of a disagreement says how many directions ran and which parameters were checked one by one. */
    @Test
    void theNoteOfADisagreementNamesTheDirectionsAndTheParametersCheckedOneByOne() {
        GradientReport report = screen(withErrors(new int[] {123}, new double[] {0.5}), 1);

        String note = report.strategyNotes().get(0);
        assertTrue(note.matches("x \\[1000\\]: directional derivative disagreed \\(mismatch [^)]*\\); bisection: [0-9]+"
                + " directions, [0-9]+ parameters checked one by one \\(x\\[[0-9]+\\], .*; would see an error of .* in any"
                + " entry"), note);
        List<Entry> checked = report.parameters().stream().filter(entry -> entry.verdict() != Verdict.NOT_CHECKED).toList();
        assertTrue(checked.stream().anyMatch(entry -> entry.index() == 123), checked::toString);
        assertTrue(note.contains(checked.get(0).name()), note);
        assertEquals(1, report.failureCount());
    }
}
