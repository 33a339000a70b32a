package org.gradcheck.engine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.gradcheck.StepSize;
import org.gradcheck.Tolerance;
import org.gradcheck.layout.Block;

/**
 * The screening strategy: directional derivatives per block decide where to look; every verdict comes from a
 * parameter checked one by one by the {@link Kernel}, as in a full check.
 *
 * <h2>Directions that cannot hide an entry</h2>
 * A direction moves parameter {@code i} by {@code w_i = z_i lambda_i} with {@code z_i = s (1 + u)}, a random sign
 * {@code s} and {@code u} uniform in {@code [0, 1)}: {@code |z_i| >= 1}, so no parameter's share of the directional
 * derivative is ever small. {@code lambda_i} is {@value #MOVE} times the parameter's own step, times how much the
 * noise of moving every input exceeds the noise of moving a few (measured once along all inputs,
 * {@link Noise#alongLine}: a sum of a million terms rounds far worse when all of them change), so that one wrong
 * entry adds as much to a directional difference, against its noise, as to its own difference in a full check.
 * Where the tolerance needs less, {@code lambda_i <= }{@value #MOVE}{@code  R / (relative |g_i| + absolute)},
 * {@code R} the rounding of a directional difference: of its two values and of the moved inputs (for a function
 * whose terms vanish at the point, the second is the larger by far). Where the noise is measured along all inputs
 * (more than {@value Noise#MOVED}), the first direction of each block is that one, its moves scaled up and capped, so
 * that it is not drawn twice, and the second is drawn in the same pass from other bits of the same random words
 * ({@link #secondUnit}).
 *
 * <h2>A strict comparison, as sharp as a full check</h2>
 * The directional derivative {@code D = (f(x + w) - f(x - w)) / 2} is compared with the analytic prediction
 * {@code a = sum g_i w_i}. They agree when {@code |a - D|} is at most the estimate's own error: the rounding of the
 * two values, the rounding of the sum and of the moves. Not a tolerance aggregated from every parameter's allowance:
 * many small allowed errors may cost bisection, but the leaves decide, so they never fail a check. A disagreement, and
 * an agreement that cannot yet promise to see an error of the tolerance in a typical entry, is re-estimated by
 * Ridders' method along the direction from {@value Kernel#RIDDERS_START} times the moves, then at moves
 * {@value Kernel#UPWARD_RATIO} times larger while rounding, not truncation, limits the estimate (a full check refines
 * such entries at larger steps too); larger moves are not tried where the direction's own curvature would swamp them,
 * and an estimate that contradicts the smaller moves' one is discarded, since the derivative is the local one.
 *
 * <h2>Power and miss probabilities</h2>
 * A direction with allowed mismatch {@code A} and smallest move {@code lambda} sees for certain one wrong entry whose
 * error exceeds {@code P = }{@value #POWER_FACTOR}{@code  A / lambda}: its share of the directional derivative is at
 * least {@code P lambda}, which exceeds the allowance and the estimate's own error it bounds. The report states
 * {@code P} per block ("would see an error of ..."), from the block's sharpest direction. Two entries with equal and
 * opposite errors {@code +-e} cancel in a direction of power {@code P} only if their signs agree and their
 * {@code |z|} differ by less than {@code P / e}: probability at most {@code P / e}. Each block is tested along
 * {@value #TOP_DIRECTIONS} independent directions, the first sharpened as described above, the second re-estimated
 * only when it disagrees; such a pair is missed with probability at most {@code (P1 / e) (P2 / e)}, the two
 * directions' powers, and {@code (P / e)^2} where the cheap estimate is already sharp enough: below 1e-6 for errors a
 * thousand times the power ({@code ScreeningTests} measures it at {@code P / e = 0.1}).
 *
 * <h2>Bisection and evidence</h2>
 * A part that disagrees is halved and each half tested along a fresh direction, judged by the noise of the inputs it
 * moves, down to {@value #LEAF_SIZE} parameters, which are checked one by one. A part whose halves both agree is never
 * dropped: its halves are tested again along fresh directions, then it is checked one by one (up to
 * {@value #CONTRADICTION_LEAF} parameters) or tested again as a whole along fresh directions; only if those agree is
 * the first disagreement taken as noise. Consecutive blocks of at most {@value #LEAF_SIZE} parameters are screened
 * together, and blocks (or such runs) of at most {@value #ONE_BY_ONE} parameters are checked one by one. The report
 * says, per block, how many directions ran, which parameters were checked one by one, and the power.
 */
final class Screening {

    /** Parts of a block this small are checked one by one instead of bisected further. */
    static final int LEAF_SIZE = 8;

    /**
     * Blocks (and runs of small blocks screened together) of at most this many parameters are checked one by one:
     * two evaluations each cost less than two directions re-estimated by Ridders' method.
     */
    static final int ONE_BY_ONE = 16;

    /** Independent directions per block at the top level. */
    static final int TOP_DIRECTIONS = 2;

    /** A direction moves each parameter by up to this many times its own step (times the noise spread). */
    static final double MOVE = 4;

    /**
     * A direction sees for certain an error whose share of the directional derivative is this many times its allowed
     * mismatch: the share must exceed the allowance, and the estimate's own error, which the allowance bounds, may
     * take that much away again. The power a block states is this share divided by its smallest move.
     */
    static final double POWER_FACTOR = 2;

    /** Larger moves are not tried where a central difference would be off by more than this many derivatives. */
    static final double CURVATURE_LIMIT = 16;

    /** Moves re-estimated at larger scales stay below this fraction of each input's scale. */
    static final double LARGEST_RELATIVE_MOVE = 1;

    /** The directional noise is measured at points this fraction of a direction apart. */
    static final double NOISE_SPACING = 1e-3;

    /** A part whose halves agree after it disagreed is checked one by one up to this size. */
    static final int CONTRADICTION_LEAF = 256;

    /** Times a contradiction is resolved by fresh directions before the part is checked one by one regardless. */
    static final int RETRIES = 2;

    /** The step of the counters: the golden ratio's odd 64-bit multiple, SplitMix64's. */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /** The bits of the double 1.0: its exponent, with sign and fraction zero. */
    private static final long ONE_BITS = 0x3FF0000000000000L;

    /**
     * The rounding of the moved inputs in a directional difference, in units of {@code sqrt(sum (g_i max(|x_i|, 1))^2)}:
     * half a unit per input and value, both values, independent roundings adding like a random walk (with margin).
     */
    static final double MOVED_ROUNDING = 1.5;

    /** Names of parameters checked one by one listed per block in the report. */
    private static final int LISTED = 8;

    private final Run run;
    private final Kernel kernel;
    private final double[] x;
    private final double[] g;
    private final double[] w;
    /**
     * Where the noise is measured along all inputs, every block's second direction, drawn in the same pass as that
     * one ({@link #fillAndMark}) from other bits of the same random words; null otherwise.
     */
    private final double[] second;
    private final double[] plus = new double[1];
    private final double[] minus = new double[1];
    private final BitSet leaves;
    private final Tolerance tolerance;
    /** The noise of directional differences: of the function when all inputs move. */
    private final double sigma;
    /**
     * How much larger {@link #sigma} is than the noise of moving a few inputs, which sets the checker's steps: the
     * directions move each input this much farther, so that one wrong entry adds as much, against this noise, to
     * a directional difference as it adds to its own finite difference in a full check.
     */
    private final double spread;
    /** The noise of moving a few inputs ({@link Noise}). */
    private final double few;
    /**
     * The bound of a full check's first estimate of an entry of scale 1: an agreement whose power is above it (and
     * above the tolerance of a typical entry) could hide an error a full check would see, so it is not taken as one.
     */
    private final double entryBound;
    /**
     * Whether {@link #w} still holds, outside the blocks screened so far, the moves the noise was measured along: the
     * first direction of each block is that direction, scaled up and capped, without drawing it again; the inputs not
     * checked one by one were then marked as it was drawn ({@link #fillAndMark}).
     */
    private boolean noiseDirection;
    /**
     * Per layout block: {@code sum g_i w_i} over the noise direction's moves and over {@link #second}'s, and the
     * largest {@code (relative |g_i| + absolute) h_i}, {@code h_i} the first step, which tells whether a block's
     * top directions, scaled up, are capped anywhere; null without a noise direction.
     */
    private double[] noiseProjections;
    private double[] secondProjections;
    private double[] largestShares;
    /** Agreements of the block being screened set aside as too blunt. */
    private int weak;
    private final double unit;
    private long directionCounter;
    /** The block being screened, and its sums of {@code (g_i max(|x_i|, 1))^2} and of {@code g_i^2}. */
    private int blockFirst;
    private int blockLast;
    private int blockFrom;
    private int blockTo;
    private double blockPositions;
    private double blockSquares;
    /** Bounds over the block: of {@code sum |g_i w_i|}, of the smallest move before the cap, of the largest allowance. */
    private double blockMagnitude;
    private double blockSmallestStep;
    private double blockLargestShare;
    private int directions;
    private double power;
    private final List<Integer> listed = new ArrayList<>();
    private final List<String> notReproduced = new ArrayList<>();

    Screening(Run run) {
        this.run = run;
        this.kernel = run.kernel;
        this.x = run.point;
        this.g = run.findings.analytic;
        // above the noise direction's threshold the drawing pass writes every entry of both before any is read
        this.w = x.length > Noise.MOVED ? run.scratch(x.length) : new double[x.length];
        this.second = x.length > Noise.MOVED ? run.scratch(x.length) : null;
        this.leaves = new BitSet(x.length);
        this.tolerance = run.settings.tolerance;
        this.unit = run.noise.unit;
        this.few = run.noise.sigma(0);
        this.sigma = directionalNoise();
        this.spread = Math.max(1, sigma / few);
        this.entryBound = kernel.firstBound(0, kernel.stepFactor(), 1);
    }

    /**
     * The noise of the function when every input moves, measured once along a seeded direction over all of them
     * ({@link Noise#alongLine}), and no less than the noise of moving a few: with many inputs it is the larger one.
     */
    private double directionalNoise() {
        double few = run.noise.sigma(0);
        if (x.length <= Noise.MOVED) {
            return few;
        }
        fillAndMark(mix(run.settings.seed ^ 0x5DEECE66DL));
        noiseDirection = true;
        double measured = Noise.alongLine(run.main, w, 0, x.length, NOISE_SPACING,
                "every parameter along a random direction (to measure the noise of directional derivatives)");
        return Double.isFinite(measured) ? Math.max(few, measured) : few;
    }

    /**
     * The noise of moving {@code size} inputs together: the measured noise of moving all, in proportion to the square
     * root of the share moved (rounding errors drawn anew for each input moved add up like independent ones), and no
     * less than the noise of moving a few. A part bisected out of a block is judged more sharply than the block, so
     * that an error seen at the edge of the block's power shows more clearly in the half that holds it; noise
     * underestimated this way costs bisection, never a verdict, since the parameters checked one by one decide.
     */
    private double partNoise(int size) {
        return Math.max(few, sigma * Math.sqrt(size / (double) x.length));
    }

    /**
     * Fills {@code w} over every input with the seeded moves {@code z_i h_i} of the noise direction, {@code h_i} the
     * input's first step and {@code |z_i|} in {@code [1, 2)} (the moves of {@link #moves} at scale 1 without a cap),
     * fills {@link #second} with the block's second direction {@code z'_i h_i} from other bits of the same random words
     * ({@link #secondUnit}), sums each block's {@code sum g_i w_i} for both and its largest allowance times step, and in
     * the same loop marks the inputs as not checked one by one ({@link Kernel#markUnchecked(int, int)}): all need
     * {@code h_i} or {@code g_i}, and one pass over the inputs and derivatives costs less than four. A block whose
     * extremes of {@code |g_i| scale(x_i)} decide the marks of all its entries ({@link Kernel#negligibleIn}, the
     * usual case) is marked whole, without a test per entry. A block's first
     * direction then marks nothing and, where no step is capped, each top direction is one of these scaled by its
     * evaluations; an input checked one by one later clears its mark when its first estimate begins.
     */
    private void fillAndMark(long key) {
        double factor = kernel.stepFactor();
        StepSize stepSize = kernel.stepSize();
        byte[] verdicts = run.findings.verdicts;
        byte[] flags = run.findings.flags;
        double beyond = kernel.negligibleDistance();
        double limit = kernel.negligibleLimit();
        double relative = tolerance.relativePart();
        double absolute = tolerance.absolutePart();
        List<Block> blocks = run.problem.inputs.blocks();
        noiseProjections = new double[blocks.size()];
        secondProjections = new double[blocks.size()];
        largestShares = new double[blocks.size()];
        long counter = counter(key, 0);
        for (int b = 0; b < blocks.size(); b++) {
            Block block = blocks.get(b);
            Kernel.BlockNegligibility marks = kernel.negligibleIn(run.totals.smallestScaled(b), run.totals.largestScaled(b));
            boolean each = marks == Kernel.BlockNegligibility.EACH;
            double projection = 0;
            double largestShare = 0;
            double secondProjection = 0;
            for (int i = block.offset(), end = i + block.size(); i < end; i++, counter += GOLDEN) {
                double xi = x[i];
                double gi = g[i];
                double h = factor * stepSize.scaleOf(xi);
                long bits = mixed(counter);
                double move = signedUnit(bits) * h;
                double other = secondUnit(bits) * h;
                w[i] = move;
                second[i] = other;
                projection += gi * move;
                secondProjection += gi * other;
                double share = (relative * Math.abs(gi) + absolute) * h;
                largestShare = share > largestShare ? share : largestShare;
                if (each && verdicts[i] == Findings.NOT_CHECKED && kernel.negligible(gi, h, xi, beyond, limit)) {
                    flags[i] |= Findings.NEGLIGIBLE;
                }
            }
            if (marks == Kernel.BlockNegligibility.ALL) {
                for (int i = block.offset(), end = i + block.size(); i < end; i++) {
                    flags[i] |= verdicts[i] == Findings.NOT_CHECKED ? Findings.NEGLIGIBLE : 0;
                }
            }
            noiseProjections[b] = projection;
            secondProjections[b] = secondProjection;
            largestShares[b] = largestShare;
        }
    }

    /**
     * Writes the moves of direction {@code key} on {@code [from, to)} into {@code w} and returns {@code sum g_i w_i}:
     * {@code w_i = z_i base scale(x_i)}, capped where {@code (relative |g_i| + absolute) |w_i|} would exceed
     * {@code limit}. A small static method of its own, so that the compiler makes the one loop every direction runs
     * as fast as it can.
     */
    private static double moves(double[] w, double[] g, double[] x, int from, int to, long key, double base,
            StepSize stepSize, double relative, double absolute, double limit) {
        // four sums, so that each addition need not wait for the one before
        double p0 = 0;
        double p1 = 0;
        double p2 = 0;
        double p3 = 0;
        int i = from;
        long counter = counter(key, from);
        for (; i + 3 < to; i += 4, counter += 4 * GOLDEN) {
            p0 += move(w, g, x, i, mixed(counter), base, stepSize, relative, absolute, limit);
            p1 += move(w, g, x, i + 1, mixed(counter + GOLDEN), base, stepSize, relative, absolute, limit);
            p2 += move(w, g, x, i + 2, mixed(counter + 2 * GOLDEN), base, stepSize, relative, absolute, limit);
            p3 += move(w, g, x, i + 3, mixed(counter + 3 * GOLDEN), base, stepSize, relative, absolute, limit);
        }
        for (; i < to; i++, counter += GOLDEN) {
            p0 += move(w, g, x, i, mixed(counter), base, stepSize, relative, absolute, limit);
        }
        return (p0 + p1) + (p2 + p3);
    }

    /** The move of coordinate {@code i}, whose random bits are {@code bits}, into {@code w[i]}; returns {@code g_i w_i}. */
    private static double move(double[] w, double[] g, double[] x, int i, long bits, double base, StepSize stepSize,
            double relative, double absolute, double limit) {
        double z = signedUnit(bits);
        double step = base * stepSize.scaleOf(x[i]);
        double gi = g[i];
        double share = relative * Math.abs(gi) + absolute;
        if (share * step > limit) {
            step = limit / share;
        }
        double move = z * step;
        w[i] = move;
        return gi * move;
    }

    /**
     * The moves of {@link #moves} from the seeded moves {@code z_i h_i} already in {@code w} on {@code [from, to)} (those
     * of {@link #fillAndMark}), {@code h_i} the first step: {@code z_i min(times h_i, limit / (relative |g_i| +
     * absolute))}, the step capped, not the move, so that capped moves keep their random magnitudes {@code |z_i|} (a
     * capped move would make every capped entry's move the same size where the derivatives are alike, and two equal
     * and opposite errors of the same sign would cancel in half the directions). Returns {@code sum g_i w_i}, summed in
     * the same loop. The loop caps by a factor, {@code min(1, cap / step)}, not by a branch: the capped inputs come at
     * random, and a branch taken at random, as a {@code Math.copySign}, costs three times the loop.
     */
    private static double rescaled(double[] w, double[] g, double[] x, int from, int to, double times, double factor,
            StepSize stepSize, double relative, double absolute, double limit) {
        double base = times * factor;
        if (!(limit > 0)) {
            // a limit of 0 (or not a number) has no factor: the capped moves go to 0, as in moves()
            for (int i = from; i < to; i++) {
                double step = base * stepSize.scaleOf(x[i]);
                double move = w[i] * times;
                w[i] = (relative * Math.abs(g[i]) + absolute) * step > limit ? 0 * move : move;
            }
            return projection(w, g, from, to);
        }
        // four sums, so that each addition need not wait for the one before
        double p0 = 0;
        double p1 = 0;
        double p2 = 0;
        double p3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            p0 += rescale(w, g, x, i, times, base, stepSize, relative, absolute, limit);
            p1 += rescale(w, g, x, i + 1, times, base, stepSize, relative, absolute, limit);
            p2 += rescale(w, g, x, i + 2, times, base, stepSize, relative, absolute, limit);
            p3 += rescale(w, g, x, i + 3, times, base, stepSize, relative, absolute, limit);
        }
        for (; i < to; i++) {
            p0 += rescale(w, g, x, i, times, base, stepSize, relative, absolute, limit);
        }
        return (p0 + p1) + (p2 + p3);
    }

    /** The rescaled move of coordinate {@code i} into {@code w[i]} ({@link #rescaled}); returns {@code g_i w_i}. */
    private static double rescale(double[] w, double[] g, double[] x, int i, double times, double base, StepSize stepSize,
            double relative, double absolute, double limit) {
        double step = base * stepSize.scaleOf(x[i]);
        double gi = g[i];
        // the largest step the limit allows, over this one: infinite for an allowance of 0
        double room = limit / (relative * Math.abs(gi) + absolute) / step;
        double move = w[i] * times * Math.min(1.0, room);
        w[i] = move;
        return gi * move;
    }

    /** {@code sum g_i w_i} over {@code [from, to)}, in four sums so that each addition need not wait for the one before. */
    private static double projection(double[] w, double[] g, int from, int to) {
        double p0 = 0;
        double p1 = 0;
        double p2 = 0;
        double p3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            p0 += g[i] * w[i];
            p1 += g[i + 1] * w[i + 1];
            p2 += g[i + 2] * w[i + 2];
            p3 += g[i + 3] * w[i + 3];
        }
        for (; i < to; i++) {
            p0 += g[i] * w[i];
        }
        return (p0 + p1) + (p2 + p3);
    }

    /** {@code sum |g_i w_i|} over a part, which bounds the rounding of its projection. */
    private static double partMagnitude(double[] w, double[] g, int from, int to) {
        double magnitude = 0;
        for (int i = from; i < to; i++) {
            magnitude += Math.abs(g[i] * w[i]);
        }
        return magnitude;
    }

    /**
     * {@code sum (g_i max(|x_i|, 1))^2} over a part, which bounds the rounding of its moved inputs: each moved input
     * {@code x_i + w_i} is rounded by up to half a unit of {@code max(|x_i|, 1)}, which moves f by {@code g_i} times that.
     */
    private static double partPositions(double[] g, double[] x, int from, int to) {
        double positions = 0;
        for (int i = from; i < to; i++) {
            double position = g[i] * Math.max(Math.abs(x[i]), 1.0);
            positions += position * position;
        }
        return positions;
    }

    /**
     * {@code s (1 + u)} from 64 random bits: the sign {@code s} from the lowest bit, {@code u} from the top 52, written
     * straight into the bits of a double (sign, the exponent of 1, the fraction), without a conversion from integer
     * to floating point or a multiplication by the sign: half the cost of the arithmetic form in a loop over every
     * parameter.
     */
    static double signedUnit(long bits) {
        return Double.longBitsToDouble(bits << 63 | ONE_BITS | bits >>> 12);
    }

    /**
     * A second {@code s (1 + u)} from the same 64 bits as {@link #signedUnit}, for another direction: the sign from
     * bit 1, {@code u} from bits 2 to 33 (32 bits of fraction). The only bits the two share are the lowest 22 of the
     * first's {@code u}, below {@code 2^-30} of it: whether two inputs' first moves agree in sign and nearly in
     * magnitude (what a cancellation needs) is decided by the first's top bits, so it says nothing of the second's.
     */
    static double secondUnit(long bits) {
        return Double.longBitsToDouble((bits >>> 1) << 63 | ONE_BITS | (bits >>> 2 & 0xFFFF_FFFFL) << 20);
    }

    /**
     * The counter of coordinate {@code i} of the direction {@code key}, {@code key + (i + 1) GOLDEN}: the loops add
     * {@link #GOLDEN} from one coordinate to the next rather than multiply for each.
     */
    private static long counter(long key, int i) {
        return key + (i + 1L) * GOLDEN;
    }

    /**
     * The random bits of a coordinate from its {@link #counter}: a counter-based generator (the finaliser of SplitMix64),
     * so that coordinates are independent of each other and each is drawn from its counter alone. The sign is the
     * lowest bit, the magnitude the top 52, independent of it.
     */
    private static long mixed(long counter) {
        long z = counter;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    void run() {
        List<Block> blocks = run.problem.inputs.blocks();
        int b = 0;
        while (b < blocks.size()) {
            Block first = blocks.get(b);
            int from = first.offset();
            int last = b;
            if (first.size() <= LEAF_SIZE) {
                while (last + 1 < blocks.size() && blocks.get(last + 1).size() <= LEAF_SIZE) {
                    last++;
                }
            }
            Block end = blocks.get(last);
            int to = end.offset() + end.size();
            String name = names(blocks, b, last);
            screenBlock(name, b, last, from, to);
            b = last + 1;
        }
        int[] leafColumns = leaves.stream().toArray();
        kernel.refine(run.main, leafColumns);
    }

    private static String names(List<Block> blocks, int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int b = from; b <= to; b++) {
            text.append(b == from ? "" : ", ").append(blocks.get(b).name()).append(' ').append(blocks.get(b).shapeText());
        }
        return text.toString();
    }

    /** Screens blocks {@code first} to {@code last}, the inputs {@code [from, to)}. */
    private void screenBlock(String name, int first, int last, int from, int to) {
        blockFirst = first;
        blockLast = last;
        blockFrom = from;
        blockTo = to;
        blockSums(first, last);
        directions = 0;
        weak = 0;
        power = Double.POSITIVE_INFINITY;
        listed.clear();
        notReproduced.clear();
        int before = leaves.cardinality();
        if (to - from <= ONE_BY_ONE) {
            checkOneByOne(from, to);
            int count = to - from;
            run.description.notes.add(() -> name + ": " + count + " parameters checked one by one");
            return;
        }
        boolean agrees = true;
        Directional worst = null;
        for (int d = 0; d < TOP_DIRECTIONS; d++) {
            // the first direction is made as sharp as a full check; the others guard against cancellation at the
            // cheap estimate's power, and are re-estimated only when they disagree
            Directional test = directional(from, to, name, d == 0, d);
            power = Math.min(power, test.power);
            if (worst == null || test.mismatch / test.allowed > worst.mismatch / worst.allowed) {
                worst = test;
            }
            agrees &= test.agrees;
        }
        double blockPower = power;
        if (agrees) {
            // the note is made when a report asks for it: three numbers' texts cost more than a block's loops
            int count = directions;
            double mismatch = worst.mismatch;
            double allowed = worst.allowed;
            run.description.notes.add(() -> name + ": " + count + " directions agreed (largest mismatch "
                    + Numbers.brief(mismatch) + ", allowed " + Numbers.brief(allowed) + ")" + powerText(blockPower));
            return;
        }
        bisect(from, to, name, 0);
        int checked = leaves.cardinality() - before;
        StringBuilder note = new StringBuilder(name).append(": directional derivative disagreed (mismatch ")
                .append(Numbers.brief(worst.mismatch)).append(", allowed ").append(Numbers.brief(worst.allowed))
                .append("); bisection: ").append(directions).append(" directions, ").append(checked)
                .append(checked == 1 ? " parameter" : " parameters").append(" checked one by one");
        if (checked > 0) {
            note.append(" (");
            for (int k = 0; k < listed.size(); k++) {
                note.append(k == 0 ? "" : ", ").append(run.problem.inputs.nameOf(listed.get(k)));
            }
            note.append(checked > listed.size() ? ", ..." : "").append(')');
        }
        for (String part : notReproduced) {
            note.append("; ").append(part);
        }
        if (weak > 0) {
            note.append("; ").append(weak).append(weak == 1 ? " agreement was" : " agreements were").append(" too blunt to"
                    + " count (unable to see an error of ").append(Numbers.brief(entryBound)).append(" in one entry) and"
                    + " looked into");
        }
        String text = note.append(powerText(blockPower)).toString();
        run.description.notes.add(() -> text);
    }

    private static String powerText(double power) {
        return "; would see an error of " + Numbers.brief(power) + " in any entry";
    }

    /**
     * The block's sums and bounds, from the {@link BlockTotals} of the scan of the analytic derivatives (no pass of
     * its own over the block): {@code sum (g_i max(|x_i|, 1))^2}, {@code sum g_i^2}, {@code sum 2 |g_i| m_i} and the
     * smallest {@code m_i}, {@code m_i} the move before the cap ({@value #MOVE} times the spread times the first
     * step), and the largest allowance {@code relative |g_i| + absolute}.
     */
    private void blockSums(int first, int last) {
        BlockTotals totals = run.totals;
        double move = MOVE * spread * kernel.stepFactor();
        blockPositions = totals.positions(first, last);
        blockSquares = totals.squares(first, last);
        blockMagnitude = 2 * move * totals.magnitude(first, last);
        blockSmallestStep = move * totals.smallestScale(first, last);
        blockLargestShare = tolerance.relativePart() * totals.largest(first, last) + tolerance.absolutePart();
    }

    /** Halves a disagreeing part and follows the halves that disagree; never drops a part without evidence. */
    private void bisect(int from, int to, String name, int retries) {
        int middle = (from + to) >>> 1;
        boolean left = directional(from, middle, name, true, -1).agrees;
        boolean right = directional(middle, to, name, true, -1).agrees;
        if (left && right) {
            left = directional(from, middle, name, true, -1).agrees;
            right = directional(middle, to, name, true, -1).agrees;
        }
        if (left && right) {
            if (to - from <= CONTRADICTION_LEAF || retries >= RETRIES) {
                checkOneByOne(from, to);
                return;
            }
            boolean again = true;
            for (int d = 0; d < TOP_DIRECTIONS; d++) {
                again &= directional(from, to, name, d == 0, -1).agrees;
            }
            if (again) {
                notReproduced.add("the disagreement of " + run.problem.inputs.nameOf(from) + " to "
                        + run.problem.inputs.nameOf(to - 1) + " was not reproduced by " + (2 + TOP_DIRECTIONS)
                        + " fresh directions");
                return;
            }
            bisect(from, to, name, retries + 1);
            return;
        }
        if (!left) {
            narrow(from, middle, name, retries);
        }
        if (!right) {
            narrow(middle, to, name, retries);
        }
    }

    private void narrow(int from, int to, String name, int retries) {
        if (to - from <= ONE_BY_ONE) {
            checkOneByOne(from, to);
        } else {
            bisect(from, to, name, retries);
        }
    }

    private void checkOneByOne(int from, int to) {
        run.checkColumns(from, to);
        leaves.set(from, to);
        for (int i = from; i < to && listed.size() < LISTED; i++) {
            listed.add(i);
        }
    }

    /** The outcome of one directional comparison, and the smallest single-entry error it was certain to see. */
    private static final class Directional {
        final boolean agrees;
        final double mismatch;
        final double allowed;
        final double power;
        /** The directional derivative's estimate. */
        final double estimate;
        /** Whether Ridders' error was of the order of the rounding at its step: larger moves would estimate better. */
        boolean roundingLimited;

        Directional(boolean agrees, double mismatch, double allowed, double power) {
            this(agrees, mismatch, allowed, power, Double.NaN);
        }

        Directional(boolean agrees, double mismatch, double allowed, double power, double estimate) {
            this.estimate = estimate;
            this.agrees = agrees;
            this.mismatch = mismatch;
            this.allowed = allowed;
            this.power = power;
        }
    }

    /**
     * One seeded direction over {@code [from, to)}: the cheap estimate, and Ridders' where it disagrees. {@code top}
     * is the index of a block's direction at the top level, -1 for the others; the first one marks the inputs not
     * checked one by one ({@link Kernel#markUnchecked(int, int)}) right after the moves are written, while the inputs
     * and derivatives the moves read are in the cache, unless the noise direction's pass marked them already.
     */
    private Directional directional(int from, int to, String name, boolean sharpen, int top) {
        directions++;
        long state = mix(run.settings.seed ^ (++directionCounter * GOLDEN));
        double noise = partNoise(to - from);
        double rounding = Kernel.ROUNDING_BOUND * noise / 2;
        double relative = tolerance.relativePart();
        double absolute = tolerance.absolutePart();
        boolean whole = from == blockFrom && to == blockTo;
        // a part bisected out of a block has its own sums: the block's would keep the rounding allowed for a part of a
        // large block at the block's, however small the part, so that no part could ever be sharper than the block and
        // an agreement too blunt to count would stay too blunt down to the leaves
        double positions = whole ? blockPositions : partPositions(g, x, from, to);
        // the cap counts both roundings of a directional difference: of its two values, and of the moved inputs, which
        // is the larger where f is about 0 at the point (terms that vanish there), so that moves capped by the first
        // alone would be too small to see anything
        double limit = MOVE * (rounding + MOVED_ROUNDING * unit * Math.sqrt(positions));
        double projection = 0;
        double magnitude = 0;
        double smallestMove = Double.POSITIVE_INFINITY;
        // each move is at most 2 MOVE spread times its step, a fixed fraction of its scale
        double largestRelativeMove = 2 * MOVE * spread * kernel.stepFactor();
        double squares = 0;
        // the direction moves x by t scale w: a block's top directions are those drawn with the noise direction, scaled
        // up by the evaluations themselves where no step is capped, so that they cost no pass of their own
        double scale = 1;
        double[] direction = w;
        if (noiseDirection && (top == 0 || top == 1)) {
            // the first is the direction the noise was measured along (every block's range of w is still that
            // direction's), the second was drawn with it: both are scaled up rather than drawn anew
            direction = top == 0 ? w : second;
            double[] projections = top == 0 ? noiseProjections : secondProjections;
            double times = MOVE * spread;
            double largestShare = 0;
            double drawnProjection = 0;
            for (int b = blockFirst; b <= blockLast; b++) {
                largestShare = Math.max(largestShare, largestShares[b]);
                drawnProjection += projections[b];
            }
            if (times * largestShare <= limit) {
                scale = times;
                projection = times * drawnProjection;
            } else {
                projection = rescaled(direction, g, x, from, to, times, kernel.stepFactor(), kernel.stepSize(), relative,
                        absolute, limit);
            }
        } else {
            projection = moves(w, g, x, from, to, state, MOVE * spread * kernel.stepFactor(), kernel.stepSize(), relative,
                    absolute, limit);
        }
        if (top == 0 && !noiseDirection) {
            kernel.markUnchecked(from, to);
        }
        // the smallest move is bounded by its block's, computed once: the bound it gives only gets safer
        smallestMove = Math.min(blockSmallestStep, blockLargestShare > 0 ? limit / blockLargestShare : Double.POSITIVE_INFINITY);
        if (whole) {
            magnitude = blockMagnitude;
            squares = blockSquares;
        } else {
            magnitude = partMagnitude(direction, g, from, to);
            squares = blockSquares * (to - from) / (blockTo - blockFrom);
        }
        String what = "block " + name + " along a random direction";
        run.main.along(direction, from, to, scale, plus, what);
        run.main.along(direction, from, to, -scale, minus, what);
        double estimate = (plus[0] - minus[0]) / 2;
        double sums = 4 * unit * magnitude + MOVED_ROUNDING * unit * Math.sqrt(positions);
        double allowed = Kernel.ROUNDING_BOUND * Math.max(noise, run.noise.rounding(0, plus[0], minus[0],
                Double.POSITIVE_INFINITY)) / 2 + sums;
        double mismatch = Math.abs(projection - estimate);
        if (!Double.isFinite(estimate)) {
            return new Directional(false, Double.POSITIVE_INFINITY, allowed, Double.POSITIVE_INFINITY);
        }
        // as sharp as a full check: one entry's error at the tolerance of a typical entry must show, so a comparison
        // that cannot promise that is re-estimated by Ridders' method along the direction, at larger and larger moves
        // while rounding, not truncation, limits it (a full check refines such entries at larger steps too)
        boolean cheapAgrees = mismatch <= allowed;
        Directional result = cheapAgrees ? new Directional(true, mismatch, allowed, POWER_FACTOR * allowed / smallestMove, estimate) : null;
        double target = relative * Math.sqrt(squares / (to - from)) + absolute;
        // Ridders' ladder from 8 times the direction descends through the cheap estimate's scale too
        double t = Kernel.RIDDERS_START;
        double room = LARGEST_RELATIVE_MOVE / largestRelativeMove;
        while ((result == null || (sharpen && result.power > target)) && t <= room
                && !tooCurved(estimate, result, t)) {
            Directional refined = ridders(direction, from, to, what, t, scale, projection, sums, smallestMove, noise);
            if (refined == null) {
                break;
            }
            if (result != null && Math.abs(refined.estimate - result.estimate) > refined.allowed + result.allowed) {
                // the larger moves contradict the smaller ones: the function is not smooth on their scale (curvature
                // Ridders' method cannot follow), and the derivative, a local property, is the smaller moves' one
                break;
            }
            if (!refined.agrees) {
                return refined;
            }
            if (result == null || refined.power < result.power) {
                result = refined;
            }
            if (!refined.roundingLimited) {
                break;
            }
            // the last step up goes as far as the largest move allows, if that still gains something
            double next = Math.min(t * Kernel.UPWARD_RATIO, room);
            if (next < 2 * t) {
                break;
            }
            t = next;
        }
        if (result == null) {
            return new Directional(false, mismatch, allowed, Double.POSITIVE_INFINITY);
        }
        if (sharpen && result.agrees && result.power > Math.max(target, entryBound)) {
            // a sharpened agreement still too blunt to see an error a full check would see in one entry (the direction
            // crosses kinks, or the function is not smooth on its scale) is no evidence: the part is looked into
            // instead (the unsharpened second direction guards against cancellation only)
            weak++;
            return new Directional(false, result.mismatch, result.allowed, result.power, result.estimate);
        }
        return result;
    }

    /**
     * Whether moves {@code t} times the direction are too large for Ridders' method: the central difference of the
     * direction itself ({@code cheap}) is off the refined estimate by a relative {@code c}, a truncation that grows
     * like {@code t^2}; beyond {@value #CURVATURE_LIMIT} times the derivative the function changes on the moves'
     * scale (a network's activations) and extrapolation is guesswork, costly to try and contradicted anyway.
     */
    private static boolean tooCurved(double cheap, Directional refined, double t) {
        if (refined == null || refined.estimate == 0 || Double.isNaN(refined.estimate)) {
            return false;
        }
        double relative = Math.abs(cheap - refined.estimate) / Math.abs(refined.estimate);
        return relative * t * t > CURVATURE_LIMIT;
    }

    /**
     * Ridders' estimate of the directional derivative from moves {@code start} times the direction
     * ({@code scale direction}), compared with the analytic {@code projection}; null when the function is not finite
     * along it.
     */
    private Directional ridders(double[] direction, int from, int to, String what, double start, double scale,
            double projection, double sums, double smallestMove, double noise) {
        Ridders.Estimates refined = Ridders.derivatives((t, out) -> {
            run.main.along(direction, from, to, t * scale, out, what);
            return t;
        }, new int[] {0}, 1, start, new double[] {Kernel.ROUNDING_BOUND * noise / 2});
        double rounding = Kernel.ROUNDING_BOUND * noise / (2 * refined.finestStep[0]);
        double refinedAllowed = Kernel.SAFETY_FACTOR * (refined.error[0] + rounding)
                + sums / Math.min(1, refined.finestStep[0]);
        double refinedMismatch = Math.abs(projection - refined.value[0]);
        if (!Double.isFinite(refinedAllowed) || !Double.isFinite(refinedMismatch)) {
            return null;
        }
        Directional result = new Directional(refinedMismatch <= refinedAllowed, refinedMismatch, refinedAllowed,
                POWER_FACTOR * refinedAllowed / smallestMove, refined.value[0]);
        result.roundingLimited = refined.error[0] <= Kernel.SAFETY_FACTOR * rounding;
        return result;
    }

    /** SplitMix64's finaliser: a well-mixed, never-zero state for a direction's generator. */
    private static long mix(long seed) {
        long z = seed + GOLDEN;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return z == 0 ? GOLDEN : z;
    }
}
