package org.gradcheck.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.gradcheck.CheckRefusedException;
import org.gradcheck.DifferenceScheme;
import org.gradcheck.KinkPolicy;
import org.gradcheck.Refinement;
import org.gradcheck.StepSize;
import org.gradcheck.Tolerance;

/**
 * The one place where an entry is judged: the step, the first estimate and its error model, refinement, the kink
 * test, the subgradient test at ties and the verdict, with every constant they use. Every check (gradient, Jacobian,
 * Hessian, the leaves of screening, the blocks the Taylor strategy flags) judges its entries here; the exact oracle
 * and the consistency checks between derivative forms use {@link #agreesExactly}.
 *
 * <h2>The rule</h2>
 * An entry with analytic value {@code a}, reference {@code n} and error bound {@code e} <em>agrees</em> when
 * {@code |a - n| <= absolute + relative max(|a|, |n|) + e} ({@link Tolerance}), and its reference is
 * <em>resolved</em> when {@code e <= }{@value #RESOLVED}{@code  |n|}: the bound is clearly smaller than the reference.
 * Then:
 * <ul>
 * <li>PASS: it agrees and is resolved, or {@code a} and {@code n} are both indistinguishable from zero
 *     ({@code |a| <= }{@value #NEGLIGIBLE}{@code  e} and {@code |n| <= e}: dead or saturated units), counted as
 *     negligible;</li>
 * <li>FAIL: it does not agree and the reference is resolved, or it does not agree even with a bound that is not;</li>
 * <li>KINK: the point sits on a kink of the function in this input (see below) and {@code a} is a subgradient;</li>
 * <li>UNRESOLVED: anything else. A bound that is infinite, or as large as the values, is never permission to pass.</li>
 * </ul>
 *
 * <h2>Estimates and their errors</h2>
 * The first estimate is the checker's scheme at the step {@code h = c scale(x)} ({@link StepSize}), divided by the step
 * realised in floating point; a side whose position would overflow is left out (a one-sided difference). Its bound is
 * the rounding of two noisy values, {@code 3 sqrt(2) sigma / realised step}, with {@code sigma} the output's measured
 * noise ({@link Noise}). The first estimate settles an entry only if it agrees without the bound's help ({@code |a -
 * n|} within the tolerance alone) and its mismatch is within its rounding bound or {@value #FIRST_SHARE} of the
 * tolerance; an agreement that needs the bound is refined like a disagreement, since larger steps shrink the rounding
 * and show a small error the first bound hid, and so is one that takes more of the tolerance than the noise explains,
 * since the first estimate does not bound its truncation. Refinement:
 * <ol>
 * <li>Ridders' method from {@value #RIDDERS_START} times the step, whose error estimate bounds truncation; the bound
 *     is {@value #SAFETY_FACTOR} times (Ridders' error plus rounding at the step of the chosen estimate). A
 *     disagreement it resolves is tested for a kink at the point by the ladder below, started from Ridders' first
 *     step; unless the ladder finds the kink, or smaller steps contradict Ridders' value, the disagreement fails;</li>
 * <li>if that is not resolved because the function changes too fast for the step (a pole or a kink inside it, a
 *     domain edge, a fast oscillation), a ladder of steps {@value #LADDER_RATIO} times smaller each, down to the
 *     smallest step the noise allows: at each step the central and both one-sided differences. The entry is
 *     resolved at the steps where the function is smooth (the one-sided derivatives approach each other like the
 *     step) and the central differences converge (Richardson's error estimate); the best such bound decides, unless
 *     a smaller step contradicts it: two neighbouring steps can agree by chance where the function oscillates faster
 *     than they follow, so the smaller step's estimate replaces it and stands once the next step agrees (left
 *     unresolved if none does). A side
 *     where the function is not finite is left out, and one-sided differences decide;</li>
 * <li>if the differences are below the function's rounding while the analytic value is not negligible, steps up to
 *     {@value #LARGEST_STEP} of the input's scale, with Ridders' method again; a pass there whose bound, set by
 *     rounding, is still above {@value #LOOSE_BOUND} of its estimate goes on up;</li>
 * <li>where no central step resolves the entry because the steps that would beat the rounding reach a kink, an edge
 *     or a change of regime on one side (larger steps contradicted the smaller ones, or the ladder left it
 *     unresolved): one-sided Ridders estimates on each side, which may pass the entry or withdraw a pass but never
 *     fail it (see {@code Column.oneSided}).</li>
 * </ol>
 *
 * <h2>Kinks</h2>
 * A kink shows as a gap between the left and right one-sided derivatives that keeps its size as the step shrinks.
 * The point sits on the kink only if the gap persists down to the smallest step at which the noise still resolves
 * it; a kink farther away than that is stepped under, and the entry is judged as a derivative. At a kink, an analytic
 * value between the one-sided derivatives is a subgradient. When several inputs of one output sit on kinks of the same
 * kind (a tie of a maximum), their analytic values must also be a subgradient together: along the sum of their moves
 * (and along pairs or random combinations of them), the analytic prediction must lie between the function's left and
 * right changes, so a maximum whose gradient is given to every tied input fails.
 */
final class Kernel {

    /** Three standard deviations of the difference of two values that each carry noise {@code sigma}. */
    static final double ROUNDING_BOUND = 3 * Math.sqrt(2);

    /** A single result rounded once has an error of about this many units of its precision. */
    static final double ROUNDING_UNITS = 2;

    /** Refined error estimates (Ridders', Richardson's) are multiplied by this factor. */
    static final double SAFETY_FACTOR = 4;

    /** A reference is resolved when its error bound is at most this fraction of the reference. */
    static final double RESOLVED = 0.1;

    /** Errors below this fraction of the largest analytic entry of an entry's input block cannot matter. */
    static final double SIGNIFICANCE = 1e-8;

    /** Both values are negligible when the analytic one is at most this fraction of the bound and the reference within it. */
    static final double NEGLIGIBLE = 0.1;

    /**
     * On the first estimate, an entry is negligible only if its analytic value is at most this fraction of the
     * rounding bound: larger steps may resolve the others.
     */
    static final double FIRST_NEGLIGIBLE = 1e-3;

    /**
     * The relative margin by which a block's extremes of {@code |g_i| scale(x_i)} must clear the negligible limit to
     * decide every entry of the block ({@link #negligibleIn}): far above the few units of rounding between
     * {@code c (|g_i| scale(x_i))} and {@code |g_i| (c scale(x_i))}.
     */
    static final double BLOCK_MARGIN = 1e-12;

    /** Values at the same point may differ by this much, relatively, as rounding noise (a sum in another order). */
    static final double DETERMINISM_SPREAD = 0x1p-40;

    /** ... or by this many units of a lower declared precision. */
    static final double DETERMINISM_UNITS = 16;

    /** Analytic derivatives at the same point may differ by this much of the row's largest as rounding noise. */
    static final double ANALYTIC_SPREAD = 1e-8;

    /** Measured relative noise above this is reported as "single or lower" precision. */
    static final double DOUBLE_NOISE_LIMIT = 1e-10;

    /** The measured relative noise sets steps up to this; beyond it differences say nothing anyway. */
    static final double LARGEST_RELATIVE_NOISE = 1e-4;

    /** Under {@code KinkPolicy.FAIL}, one-sided derivatives this far apart, relatively, make an entry a kink suspect. */
    static final double KINK_CANDIDATE_GAP = 0.1;

    /**
     * A first estimate whose mismatch its rounding does not explain passes only within this share of the tolerance;
     * the rest allows for its truncation, which it does not bound. Beyond it, the entry is refined.
     */
    static final double FIRST_SHARE = 0.1;

    /**
     * One-sided Ridders estimates have their error estimates multiplied by this, twice {@link #SAFETY_FACTOR}: with
     * every power of the step to remove, the extrapolation is rougher, and on the tails of the NIST Gauss2 model it
     * missed by up to twice its own estimate.
     */
    static final double ONE_SIDED_SAFETY_FACTOR = 2 * SAFETY_FACTOR;

    /** One-sided estimates on the way up are confirmed from this many times smaller a start. */
    static final double ONE_SIDED_RESTART = 4;

    /** Ridders' ladder starts this many times above the first step. */
    static final double RIDDERS_START = 8;

    /** After this many refined entries that all still fail, the others are judged on their first estimate. */
    static final int REFINEMENT_SAMPLE = 200;

    /** Each step of the ladder is this many times smaller than the one before. */
    static final double LADDER_RATIO = 4;

    /** The ladder's longest descent. */
    static final int LADDER_LEVELS = 24;

    /** The ladder stops at steps below this fraction of the input's scale. */
    static final double SMALLEST_STEP = 0x1p-60;

    /** A gap between one-sided derivatives is seen when it exceeds this many times their rounding. */
    static final double KINK_NOISE = 8;

    /** A gap persists when from one step to the next it keeps between half and twice its size. */
    static final double KINK_PERSISTENCE = 0.5;

    /**
     * A pass at larger steps that leans on its bound is tried at larger steps still when Ridders' error is within this
     * many times the rounding at its step (the error estimate of noisy differences is itself noisy, and larger steps
     * shrink rounding) ...
     */
    static final double LEANING_ROUNDING = 4;

    /** ... and when its bound exceeds this share of the estimate: an error that large could hide under it. */
    static final double LOOSE_BOUND = 1e-3;

    /** Upward steps for derivatives below the rounding grow by this factor. */
    static final double UPWARD_RATIO = 16;

    /**
     * Upward steps stay below this many times the input's scale: a derivative below the rounding of a huge value (an
     * energy of 1e12 with a small term in some parameters) is resolved only by steps far beyond the parameter's size,
     * where Ridders' error estimate still shows whether the function is smooth enough there.
     */
    static final double LARGEST_STEP = 1e4;

    /** Inputs tied at kinks are tested pairwise up to this many; above, along their sum and random combinations. */
    static final int PAIRWISE_TIES = 8;

    /** Random sign combinations of a large tie. */
    static final int TIE_COMBINATIONS = 3;

    private final Problem problem;
    private final Findings findings;
    private final Noise noise;
    private final Tolerance tolerance;
    private final KinkPolicy kinkPolicy;
    private final DifferenceScheme scheme;
    private final StepSize stepSize;
    private final Refinement refinement;
    private final double[] point;
    private final double[] value;
    private final double factor;
    private final int m;
    private final int n;
    /** Columns whose first estimate met a non-finite value. */
    private final boolean[] edge;
    /** How much two analytic derivatives at the same point differed, entry by entry; null when not at all. */
    private final double[] spread;
    /** The largest analytic magnitude of each input block, over every output. */
    private final double[] significance;
    /** The largest analytic magnitude of all. */
    private final double largestDerivative;
    /** Each output's rounding at every relative distance beyond {@link #sameRoundingBeyond}'s. */
    private final double[] farRounding;
    /** The relative distance beyond which each output's rounding is {@link #farRounding}'s ({@link Noise#sameRoundingBeyond}). */
    private final double[] sameRoundingBeyond;
    private final long seed;

    Kernel(Problem problem, Findings findings, Noise noise, Settings settings, double[] point, double[] value,
            double[] spread, double[] significance) {
        this.problem = problem;
        this.findings = findings;
        this.noise = noise;
        this.tolerance = settings.tolerance;
        this.kinkPolicy = settings.kinkPolicy;
        this.scheme = settings.scheme;
        this.stepSize = settings.stepSize;
        this.refinement = settings.refinement;
        this.seed = settings.seed;
        this.point = point;
        this.value = value;
        this.factor = stepSize.factor(scheme, noise.relative);
        this.m = findings.rows;
        this.n = findings.columns;
        this.edge = new boolean[n];
        this.spread = spread;
        farRounding = new double[m];
        sameRoundingBeyond = new double[m];
        for (int i = 0; i < m; i++) {
            double beyond = noise.sameRoundingBeyond(i);
            sameRoundingBeyond[i] = beyond;
            farRounding[i] = beyond == 0 ? noise.rounding(i, value[i], value[i], 1)
                    : beyond < Double.POSITIVE_INFINITY ? noise.rounding(i, value[i], value[i], 2 * beyond) : Double.NaN;
        }
        this.significance = significance;
        double largest = 0;
        for (double blockLargest : significance) {
            largest = Math.max(largest, blockLargest);
        }
        this.largestDerivative = largest;
        findings.uncheckedBound = firstBounds(n, factor, stepSize, point, noise, value, sameRoundingBeyond, farRounding);
    }

    /** The input block of {@code column}. */
    private int blockOf(int column) {
        return problem.inputs.blockIndexAt(column);
    }

    // ------------------------------------------------------------------ the rule

    /** Whether analytic {@code a} agrees with reference {@code reference} of error bound {@code error}: the decision rule. */
    boolean agrees(double a, double reference, double error) {
        return Math.abs(a - reference) <= tolerance.allowed(a, reference, error);
    }

    /**
     * Whether a reference with bound {@code error} is resolved: the bound is at most {@value #RESOLVED} of the
     * reference itself. The analytic value does not count: a large one must not make a rough estimate look precise.
     */
    static boolean resolved(double reference, double error) {
        return error <= RESOLVED * Math.abs(reference);
    }

    /** Whether the reference of entry {@code entry} is resolved ({@link #resolved(double, double)}). */
    boolean resolved(int entry, double reference, double error) {
        return resolved(reference, error);
    }

    /**
     * The last word on an entry no step resolved: it passes, counted as negligible, when it agrees and its bound is
     * below {@value #SIGNIFICANCE} of the largest analytic entry of its input block (an error that small is beyond
     * the floating-point significance of the derivative in that block, so it cannot matter); otherwise it stays
     * unresolved for {@code reason}.
     */
    private void settleUnresolved(int entry, double reference, double error, String reason) {
        double a = findings.analytic[entry];
        if (Double.isFinite(error) && agrees(a, reference, error)
                && error <= RESOLVED * SIGNIFICANCE * significance[blockOf(entry % n)]) {
            findings.decide(entry, Findings.PASS, reference, error);
            findings.flags[entry] |= Findings.NEGLIGIBLE;
            findings.reasons.put(entry, "resolved only to " + Numbers.brief(error) + ", below " + Numbers.brief(SIGNIFICANCE)
                    + " of the largest derivative of its block (" + Numbers.brief(significance[blockOf(entry % n)])
                    + "): too small to matter");
            return;
        }
        findings.decide(entry, Findings.UNRESOLVED, reference, error);
        findings.reasons.put(entry, reason);
    }

    /** Whether both values are indistinguishable from zero at bound {@code error}, a bound set by rounding. */
    static boolean negligible(double a, double reference, double error) {
        return Math.abs(a) <= NEGLIGIBLE * error && Math.abs(reference) <= error;
    }

    /**
     * The rule for an exact reference (forward-mode derivatives, another derivative form): {@code |a - reference| <=
     * allowed}, where {@code allowed} is the reference's rounding.
     */
    static boolean agreesExactly(double a, double reference, double allowed) {
        return Math.abs(a - reference) <= allowed;
    }

    /** An error bound widened by the analytic value's own spread between calls (a reduction in another order). */
    private double withSpread(int entry, double error) {
        return spread == null ? error : error + 2 * spread[entry];
    }

    /**
     * Every column not checked one by one, in one pass: its entries keep the {@code NOT_CHECKED} verdict and the
     * {@code NaN} reference the run began with, and are flagged negligible where the analytic value is below the
     * rounding bound their first estimate would have had. The bound itself is not stored: the report computes it
     * when asked ({@link Findings#bound(int)}). A screening or sampled check of a large model leaves almost every
     * column, so this stays a plain loop.
     */
    void markUnchecked() {
        markUnchecked(0, n);
    }

    /**
     * {@link #markUnchecked()} for the columns {@code [from, to)}. Screening marks a block right after its first
     * direction has read the block's inputs and derivatives, while they are still in the cache; a column checked one
     * by one later clears the mark when its first estimate begins ({@link #first}).
     */
    void markUnchecked(int from, int to) {
        byte[] verdicts = findings.verdicts;
        double[] analytic = findings.analytic;
        byte[] flags = findings.flags;
        if (m == 1) {
            markUncheckedInputs(from, to, verdicts, analytic, flags);
            return;
        }
        for (int column = from; column < to; column++) {
            // a column is checked one by one whole, so its first row tells
            if (verdicts[column] != Findings.NOT_CHECKED) {
                continue;
            }
            double x = point[column];
            double h = firstStep(column);
            for (int i = 0, k = column; i < m; i++, k += n) {
                flags[k] |= Math.abs(analytic[k]) <= NEGLIGIBLE * firstBound(i, h, x) ? Findings.NEGLIGIBLE : 0;
            }
        }
    }

    /**
     * {@link #markUnchecked(int, int)} for one output (a gradient), without a division where the rounding is the same
     * at the input's first distance: {@code |a| <= }{@value #NEGLIGIBLE}{@code  R r / (2 h)} compared as
     * {@code |a| h <= }{@value #NEGLIGIBLE}{@code  R r / 2}.
     */
    private void markUncheckedInputs(int from, int to, byte[] verdicts, double[] analytic, byte[] flags) {
        double beyond = negligibleDistance();
        double limit = negligibleLimit();
        for (int column = from; column < to; column++) {
            if (verdicts[column] != Findings.NOT_CHECKED) {
                continue;
            }
            double x = point[column];
            flags[column] |= negligible(analytic[column], factor * stepSize.scaleOf(x), x, beyond, limit)
                    ? Findings.NEGLIGIBLE : 0;
        }
    }

    /**
     * Whether a gradient entry {@code a} not checked one by one, of an input {@code x} with first step {@code h}, is
     * negligible: below the rounding bound of its first estimate. {@code beyond} and {@code limit} are
     * {@link #negligibleDistance()} and {@link #negligibleLimit()}, read once per loop; the rounding is computed only
     * where the step does not reach beyond the distance where it is the same for every input (rare).
     */
    boolean negligible(double a, double h, double x, double beyond, double limit) {
        double magnitude = Math.abs(a);
        return beyond(beyond, h, x) ? magnitude * h <= limit : magnitude <= NEGLIGIBLE * firstBound(0, h, x);
    }

    /** What {@link #negligibleIn} decides for a whole block: every entry negligible, none, or each to be tested. */
    enum BlockNegligibility { ALL, NONE, EACH }

    /**
     * Whether {@link #negligible} holds for every gradient entry of a block, for none, or must be tested entry by
     * entry, from the block's smallest and largest {@code |g_i| scale(x_i)} ({@link BlockTotals}). Where every first
     * step reaches beyond the distance where the rounding is the same ({@link #negligibleDistance()} 0, the usual
     * case) an entry is negligible when {@code |g_i| h_i <= limit}, {@code h_i = c scale(x_i)}: the block's extremes
     * decide it for every entry but where one of them is within {@value #BLOCK_MARGIN} of the limit (the two products
     * round differently), and the marks of a block of a million parameters cost no test per entry.
     */
    BlockNegligibility negligibleIn(double smallestScaled, double largestScaled) {
        if (negligibleDistance() != 0) {
            return BlockNegligibility.EACH;
        }
        double limit = negligibleLimit();
        if (factor * smallestScaled > limit * (1 + BLOCK_MARGIN)) {
            return BlockNegligibility.NONE;
        }
        if (factor * largestScaled * (1 + BLOCK_MARGIN) <= limit) {
            return BlockNegligibility.ALL;
        }
        return BlockNegligibility.EACH;
    }

    /** The relative distance beyond which the gradient's rounding is the same at every input: for {@link #negligible}. */
    double negligibleDistance() {
        return sameRoundingBeyond[0];
    }

    /** {@value #NEGLIGIBLE}{@code  R r / 2}, {@code r} the gradient's rounding far from the point: for {@link #negligible}. */
    double negligibleLimit() {
        return NEGLIGIBLE * ROUNDING_BOUND * farRounding[0] / 2;
    }

    /**
     * The rounding bound of a first estimate of output {@code row} at step {@code h} of an input of value {@code x},
     * without evaluating: what {@link #markUnchecked()} compares with, what the report states for an entry not checked
     * one by one, and what screening compares its power with.
     */
    double firstBound(int row, double h, double x) {
        return firstBound(noise, value, sameRoundingBeyond, farRounding, row, h, x);
    }

    private static double firstBound(Noise noise, double[] value, double[] sameRoundingBeyond, double[] farRounding, int row,
            double h, double x) {
        double rounding = beyond(sameRoundingBeyond[row], h, x) ? farRounding[row]
                : noise.rounding(row, value[row], value[row], Noise.distance(h, x));
        return ROUNDING_BOUND * rounding / (2 * h);
    }

    /**
     * Whether step {@code h} of an input of value {@code x} reaches beyond relative distance {@code distance}: the
     * relative distance {@code h / |x|} ({@code h} at 0) compared without a division.
     */
    private static boolean beyond(double distance, double h, double x) {
        return h > distance * (x == 0 ? 1 : Math.abs(x));
    }

    /**
     * The first bounds of entries not checked one by one, for the report: from what they need only, so that a report
     * keeps neither the kernel nor the function.
     */
    private static IntToDoubleFunction firstBounds(int n, double factor, StepSize stepSize, double[] point, Noise noise,
            double[] value, double[] sameRoundingBeyond, double[] farRounding) {
        return k -> {
            double x = point[k % n];
            return firstBound(noise, value, sameRoundingBeyond, farRounding, k / n, factor * stepSize.scaleOf(x), x);
        };
    }

    /** The first step of every input as a fraction of its scale. */
    double stepFactor() {
        return factor;
    }

    /** The step rule, for the inputs' scales. */
    StepSize stepSize() {
        return stepSize;
    }

    /** The first step of input {@code column}: the factor times the input's scale, computed without cube roots. */
    double firstStep(int column) {
        return factor * stepSize.scaleOf(point[column]);
    }

    // ------------------------------------------------------------------ first estimate

    /** The first estimate of every entry of {@code column}, and its verdict where it settles one. Allocates nothing. */
    void first(Evaluator evaluator, int column, double[] plus, double[] minus) {
        for (int i = 0, k = column; i < m; i++, k += n) {
            // a mark left while the column was not checked; the estimates decide now
            findings.flags[k] &= ~Findings.NEGLIGIBLE;
        }
        double x = point[column];
        double h = firstStep(column);
        double upper = scheme == DifferenceScheme.BACKWARD ? x : problem.representable(column, x + h);
        double lower = scheme == DifferenceScheme.FORWARD ? x : problem.representable(column, x - h);
        if (!Double.isFinite(upper)) {
            upper = x;
        }
        if (!Double.isFinite(lower)) {
            lower = x;
        }
        double up = upper - x;
        double down = x - lower;
        if (up <= 0 && down <= 0) {
            throw new CheckRefusedException("the step " + h + " vanishes next to " + problem.inputs.nameOf(column) + " = " + x
                    + ": x + h == x in double precision. Use a larger or relative step (StepSize.automatic()).");
        }
        boolean finite = true;
        if (up > 0) {
            finite &= evaluator.withColumn(column, upper, plus);
        } else {
            System.arraycopy(value, 0, plus, 0, m);
        }
        if (down > 0) {
            finite &= evaluator.withColumn(column, lower, minus);
        } else {
            System.arraycopy(value, 0, minus, 0, m);
        }
        edge[column] = !finite;
        double realised = up + down;
        boolean kinkSuspects = kinkPolicy == KinkPolicy.FAIL;
        for (int i = 0, k = column; i < m; i++, k += n) {
            double a = findings.analytic[k];
            double estimate = (plus[i] - minus[i]) / realised;
            double error = withSpread(k, ROUNDING_BOUND * noise.rounding(i, plus[i], minus[i], Noise.distance(h, x)) / realised);
            if (!Double.isFinite(estimate)) {
                findings.decide(k, Findings.UNRESOLVED, Double.NaN, Double.POSITIVE_INFINITY);
                findings.flags[k] |= Findings.SUSPECT;
                continue;
            }
            boolean suspect;
            if (agrees(a, estimate, error) && resolved(k, estimate, error)) {
                findings.decide(k, Findings.PASS, estimate, error);
                // an agreement that needs the bound is refined: larger steps shrink the rounding, and a small error the
                // first bound hid shows up; so is a mismatch the noise does not explain that takes more than a share of
                // the tolerance: the first estimate does not bound its truncation
                double mismatch = Math.abs(a - estimate);
                double allowed = tolerance.allowed(a, estimate, 0);
                suspect = mismatch > allowed || (mismatch > error && mismatch > FIRST_SHARE * allowed);
            } else if (flat(k, a, estimate, error, plus[i], minus[i], value[i], up, down)) {
                findings.decide(k, Findings.PASS, estimate, error);
                findings.flags[k] |= Findings.NEGLIGIBLE;
                suspect = false;
            } else {
                findings.decide(k, Findings.FAIL, estimate, error);
                suspect = true;
            }
            if (up > 0 && down > 0) {
                double right = (plus[i] - value[i]) / up;
                double left = (value[i] - minus[i]) / down;
                double gap = Math.abs(right - left);
                boolean resolvedGap = gap > KINK_NOISE * ROUNDING_BOUND * noise.rounding(i, plus[i], minus[i],
                        Noise.distance(h, x)) / Math.min(up, down);
                boolean candidate = resolvedGap && gap > KINK_CANDIDATE_GAP * Math.max(Math.abs(right), Math.abs(left));
                if (resolvedGap) {
                    findings.flags[k] |= Findings.ONE_SIDED_GAP;
                }
                if (candidate) {
                    findings.flags[k] |= Findings.KINK_CANDIDATE;
                }
                if (kinkSuspects && !suspect) {
                    suspect = candidate;
                }
            }
            if (suspect) {
                findings.flags[k] |= Findings.SUSPECT;
            }
        }
    }

    /**
     * Whether an entry is flat at its first step: the analytic value is zero, or negligible against the rounding bound
     * and tiny against its block ({@value #SIGNIFICANCE} of the block's largest); the central difference is within
     * rounding of zero; and so are both one-sided differences (a cusp like {@code sqrt|x|} has a central difference of
     * zero too). Dead and saturated units are flat; an entry that is merely below the rounding at this step is not,
     * and is refined with larger steps.
     */
    private boolean flat(int entry, double a, double estimate, double error, double plus, double minus, double centre,
            double up, double down) {
        if (!tiny(entry, a, error) || Math.abs(estimate) > error) {
            return false;
        }
        if (up > 0 && Math.abs(plus - centre) / up > error * (up + down) / Math.min(up, down)) {
            return false;
        }
        return !(down > 0 && Math.abs(centre - minus) / down > error * (up + down) / Math.min(up, down));
    }

    /**
     * Whether an analytic value counts as zero before larger steps were tried: zero, or negligible against the bound
     * and tiny against its block ({@value #SIGNIFICANCE} of the block's largest); and the bound itself below
     * {@value #SIGNIFICANCE} of the largest derivative of all, so that a zero given for a derivative the bound could
     * still hide (a term's derivative forgotten where the function is large) is refined like any other. The value is
     * not judged against the whole derivative: a block whose derivatives are below the rounding of a huge value is
     * resolved by larger steps, and a wrong one there must fail; a block of saturated units, whose derivatives are
     * all 1e-16, costs larger steps too, which then contradict the smaller ones and leave it negligible.
     */
    private boolean tiny(int entry, double a, double error) {
        return (a == 0 || (Math.abs(a) <= FIRST_NEGLIGIBLE * error
                && Math.abs(a) <= SIGNIFICANCE * significance[blockOf(entry % n)]))
                && error <= SIGNIFICANCE * largestDerivative;
    }

    // ------------------------------------------------------------------ refinement

    /**
     * Refines every suspect entry of the given columns (all when null), borderline ones first, then tests ties of
     * kinks as vectors. After {@value #REFINEMENT_SAMPLE} refined entries that all still fail, the rest are judged on
     * their first estimate. Runs on the checking thread.
     */
    void refine(Evaluator evaluator, int[] columns) {
        refine(evaluator, List.of(), columns);
    }

    /**
     * As {@link #refine(Evaluator, int[])}, on the checker's threads: the suspects are taken in order on the checking
     * thread until one passes (or the sample is exhausted, and the rest is judged on its first estimate); once one has
     * passed, the order no longer matters, and the others are refined on every thread. Each column is refined from
     * its own evaluations alone, so the verdicts are the same whatever the number of threads.
     */
    void refine(Evaluator evaluator, List<Evaluator> helpers, int[] columns) {
        List<int[]> suspects = suspects(columns);
        int refined = 0;
        boolean anyPassed = false;
        int next = 0;
        for (; next < suspects.size() && !anyPassed; next++) {
            int[] suspect = suspects.get(next);
            int column = suspect[0];
            int[] rows = Arrays.copyOfRange(suspect, 1, suspect.length);
            if (refinement == Refinement.NONE || refined >= REFINEMENT_SAMPLE) {
                settleOnFirstEstimate(column, rows, refinement == Refinement.NONE ? "not refined (Refinement.NONE)"
                        : "not re-estimated: more than " + REFINEMENT_SAMPLE + " entries disagreed on their first estimate and"
                        + " every one re-estimated so far failed");
                continue;
            }
            anyPassed |= new Column(evaluator, column, rows).resolve();
            refined += rows.length;
        }
        int first = next;
        int left = suspects.size() - first;
        if (left > 0) {
            Evaluator.forEach(evaluator, left > 1 ? helpers : List.of(), left, null, (worker, k) -> {
                int[] suspect = suspects.get(first + k);
                new Column(worker, suspect[0], Arrays.copyOfRange(suspect, 1, suspect.length)).resolve();
            }, org.gradcheck.ProgressListener.NONE);
            for (int k = first; k < suspects.size(); k++) {
                refined += suspects.get(k).length - 1;
            }
        }
        findings.refined += refined;
        if (refinement != Refinement.NONE) {
            new Ties(evaluator).test();
        }
    }

    /** The suspect entries of the columns, grouped by column ({column, row, row, ...}), most borderline first. */
    private List<int[]> suspects(int[] columns) {
        List<int[]> groups = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        int count = columns == null ? n : columns.length;
        int[] rows = new int[m];
        for (int c = 0; c < count; c++) {
            int column = columns == null ? c : columns[c];
            int found = 0;
            double smallest = Double.POSITIVE_INFINITY;
            for (int i = 0, k = column; i < m; i++, k += n) {
                if ((findings.flags[k] & Findings.SUSPECT) != 0) {
                    rows[found++] = i;
                    double a = findings.analytic[k];
                    double reference = findings.numerical[k];
                    double allowed = tolerance.allowed(a, reference, findings.bound[k]);
                    double ratio = Double.isFinite(reference) && allowed > 0 ? Math.abs(a - reference) / allowed
                            : Double.POSITIVE_INFINITY;
                    smallest = Math.min(smallest, ratio);
                }
            }
            if (found > 0) {
                int[] group = new int[found + 1];
                group[0] = column;
                System.arraycopy(rows, 0, group, 1, found);
                groups.add(group);
                ratios.add(smallest);
            }
        }
        Integer[] order = new Integer[groups.size()];
        for (int g = 0; g < order.length; g++) {
            order[g] = g;
        }
        Arrays.sort(order, (p, q) -> Double.compare(ratios.get(p), ratios.get(q)));
        List<int[]> sorted = new ArrayList<>(groups.size());
        for (Integer g : order) {
            sorted.add(groups.get(g));
        }
        return sorted;
    }

    /** Judges suspects on their first estimate alone: a resolved disagreement fails, anything else is unresolved. */
    private void settleOnFirstEstimate(int column, int[] rows, String reason) {
        for (int row : rows) {
            int k = row * n + column;
            double a = findings.analytic[k];
            double reference = findings.numerical[k];
            double error = findings.bound[k];
            if (Double.isFinite(error) && !agrees(a, reference, error) && resolved(k, reference, error)) {
                findings.decide(k, Findings.FAIL, reference, error);
                findings.reasons.put(k, reason);
            } else {
                settleUnresolved(k, reference, error, reason);
            }
        }
    }

    /** The refinement of the suspect rows of one column. */
    private final class Column {

        private final Evaluator evaluator;
        private final int column;
        private final double x;
        private final double h;
        /** The suspect rows, in the order given. */
        private final List<Integer> rows = new ArrayList<>();
        /** The rows Ridders' method resolved to a disagreement, and its value and bound for each. */
        private final List<Integer> disagreeing = new ArrayList<>();
        private final List<double[]> disagreement = new ArrayList<>();

        Column(Evaluator evaluator, int column, int[] rows) {
            this.evaluator = evaluator;
            this.column = column;
            this.x = point[column];
            this.h = firstStep(column);
            for (int row : rows) {
                this.rows.add(row);
            }
        }

        /** Resolves the column's suspect rows; returns whether one of them passed. */
        boolean resolve() {
            List<Integer> downward = new ArrayList<>();
            List<Integer> upward = new ArrayList<>();
            if (edge[column]) {
                downward.addAll(rows);
            } else {
                ridders(RIDDERS_START * h, rows, downward, upward, false);
            }
            if (!downward.isEmpty()) {
                List<Integer> fromFirstStep = new ArrayList<>(downward);
                fromFirstStep.removeAll(disagreeing);
                if (!fromFirstStep.isEmpty()) {
                    new Ladder(evaluator, column, toArray(fromFirstStep), h).descend();
                }
                if (!disagreeing.isEmpty()) {
                    new Ladder(evaluator, column, toArray(disagreeing), RIDDERS_START * h).descend();
                    keepSharperDisagreements();
                }
                // what the ladder left unresolved near a kink, an edge or a pole may be resolved by one-sided steps
                // away from it, larger than any central step can be
                List<Integer> unresolved = new ArrayList<>();
                for (int row : downward) {
                    int k = row * n + column;
                    if (findings.verdicts[k] == Findings.UNRESOLVED && Double.isFinite(findings.numerical[k])
                            && Double.isFinite(findings.bound[k])) {
                        unresolved.add(row);
                    }
                }
                if (!unresolved.isEmpty()) {
                    oneSided(RIDDERS_START * h, unresolved, LARGEST_STEP * stepSize.scaleOf(x));
                }
            }
            if (!upward.isEmpty()) {
                ascend(upward);
            }
            boolean passed = false;
            for (int row : rows) {
                byte verdict = findings.verdicts[row * n + column];
                passed |= verdict == Findings.PASS || verdict == Findings.KINK;
            }
            return passed;
        }

        /**
         * A row Ridders' method resolved to a value the analytic one disagrees with goes down the ladder (from Ridders'
         * first step, where the function was seen to be smooth) only to tell a kink at the point. When the ladder finds
         * none and passes the row, or leaves it unresolved, with a wider bound that still contains Ridders' value,
         * smaller steps saw nothing the larger ones missed, and the sharper disagreement stands.
         */
        private void keepSharperDisagreements() {
            for (int r = 0; r < disagreeing.size(); r++) {
                int row = disagreeing.get(r);
                int k = row * n + column;
                double[] ridders = disagreement.get(r);
                byte verdict = findings.verdicts[k];
                boolean consistent = !(Math.abs(findings.numerical[k] - ridders[0]) > findings.bound[k] + ridders[1]);
                boolean overridable = (verdict == Findings.PASS && (findings.flags[k] & Findings.NEGLIGIBLE) == 0)
                        || verdict == Findings.UNRESOLVED;
                if (overridable && consistent && !findings.kinks.containsKey(k)) {
                    findings.decide(k, Findings.FAIL, ridders[0], ridders[1]);
                    findings.reasons.remove(k);
                }
            }
        }

        private double line(double offset, double[] out) {
            double at = problem.representable(column, x + offset);
            if (!Double.isFinite(at)) {
                return Double.NaN;
            }
            evaluator.withColumn(column, at, out);
            return at - x;
        }

        /**
         * Ridders' method from {@code start} for {@code wanted}: decides the rows it resolves and sorts the others into
         * {@code truncated} (the function is not smooth at these steps) and {@code roundingLimited} (the differences
         * are below the rounding). A resolved disagreement fails when {@code failResolved}, else it goes to
         * {@code truncated} so that the ladder can tell a kink at the point from a wrong derivative.
         */
        private void ridders(double start, List<Integer> wanted, List<Integer> truncated, List<Integer> roundingLimited,
                boolean failResolved) {
            int[] rowsWanted = toArray(wanted);
            // each row's ladder stops once its error is at the rounding of its step: smaller steps only round worse
            double[] stopAt = new double[rowsWanted.length];
            for (int r = 0; r < rowsWanted.length; r++) {
                stopAt[r] = ROUNDING_BOUND * noise.rounding(rowsWanted[r], 0, 0, Noise.distance(start, x)) / 2;
            }
            Ridders.Estimates estimates = Ridders.derivatives(this::line, rowsWanted, m, start, stopAt);
            for (int r = 0; r < rowsWanted.length; r++) {
                int row = rowsWanted[r];
                int k = row * n + column;
                double a = findings.analytic[k];
                double estimate = estimates.value[r];
                double distance = Noise.distance(estimates.finestStep[r], x);
                double rounding = ROUNDING_BOUND * noise.rounding(row, 0, 0, distance) / (2 * estimates.finestStep[r]);
                double roundingOnly = ROUNDING_BOUND * noise.rounding(row, 0, 0, distance) / (2 * estimates.finestStep[r]);
                double error = withSpread(k, SAFETY_FACTOR * (estimates.error[r] + rounding));
                findings.flags[k] |= Findings.REFINED;
                boolean finite = Double.isFinite(error) && Double.isFinite(estimate);
                if (failResolved && finite && Double.isFinite(findings.numerical[k]) && Double.isFinite(findings.bound[k])
                        && Math.abs(estimate - findings.numerical[k]) > error + findings.bound[k]) {
                    // larger steps contradict the smaller ones: they cross what the function does farther away (a
                    // saturated unit coming back to life), not its derivative, which is the smaller steps' to tell
                    truncated.add(row);
                    continue;
                }
                if (finite && resolved(k, estimate, error)) {
                    if (agrees(a, estimate, error)) {
                        findings.decide(k, Findings.PASS, estimate, error);
                        boolean leansOnBound = Math.abs(a - estimate) > tolerance.allowed(a, estimate, 0);
                        if (!failResolved && (findings.flags[k] & Findings.KINK_CANDIDATE) != 0) {
                            truncated.add(row);
                        } else if (leansOnBound && (!failResolved && estimates.error[r] <= roundingOnly
                                || error > LOOSE_BOUND * Math.abs(estimate)
                                        && estimates.error[r] <= LEANING_ROUNDING * roundingOnly)) {
                            // a pass that leans on a bound set by rounding goes on up; a loose one on the way up too:
                            // larger steps shrink the rounding, and a bound of a few percent must not let a 1% error
                            // through
                            roundingLimited.add(row);
                        }
                    } else if (failResolved) {
                        findings.decide(k, Findings.FAIL, estimate, error);
                    } else {
                        truncated.add(row);
                        disagreeing.add(row);
                        disagreement.add(new double[] {estimate, error});
                    }
                } else if (finite && estimates.error[r] <= roundingOnly && rounding <= 2 * roundingOnly
                        && (findings.flags[k] & Findings.ONE_SIDED_GAP) == 0) {
                    if (!failResolved && negligible(a, estimate, error) && tiny(k, a, error)) {
                        findings.decide(k, Findings.PASS, estimate, error);
                        findings.flags[k] |= Findings.NEGLIGIBLE;
                    } else {
                        findings.decide(k, Findings.UNRESOLVED, estimate, error);
                        roundingLimited.add(row);
                    }
                } else {
                    truncated.add(row);
                }
            }
        }

        /**
         * Rows no central step resolves because the steps large enough to beat the rounding reach a kink, an edge or a
         * unit coming back to life on one side (the larger central steps contradicted the smaller ones, or the ladder
         * left the row unresolved) are estimated by one-sided differences on each side, from {@code start} and from a
         * {@value #ONE_SIDED_RESTART}th of it. A side counts when its two estimates confirm each other (the side is
         * smooth on their scale, not crossing what the central steps crossed) and agree with the smaller steps'
         * estimate within their bounds. The row passes when a counted side resolves it and agrees with the analytic
         * value, and no counted side that resolves it disagrees. One that disagrees leaves it unresolved, and withdraws
         * a pass from smaller steps, but never fails it: one-sided extrapolation is rougher than central, and on the
         * exact-fit objective of NIST Lanczos1 both starts agreed on a value 0.8% off with a bound of 1e-5, so it may
         * confirm an entry, not convict one. A pass whose bound is above {@value #LOOSE_BOUND} of its estimate goes on up while steps up to
         * {@code largest} allow, as central passes do, and so does a row a counted side does not resolve yet; what
         * larger steps that count find decides instead. Rows negligible at a bound below {@value #SIGNIFICANCE} of the
         * largest derivative are left as they are. Returns the rows decided; the others stay as they were.
         */
        private List<Integer> oneSided(double start, List<Integer> rows, double largest) {
            // rows whose every possible derivative is insignificant (a saturated unit) are left to the negligible rule:
            // larger steps could not change what their verdict means, and there may be thousands of them
            List<Integer> contradicted = new ArrayList<>();
            for (int row : rows) {
                int k = row * n + column;
                if (!(negligible(findings.analytic[k], findings.numerical[k], findings.bound[k])
                        && findings.bound[k] <= SIGNIFICANCE * largestDerivative)) {
                    contradicted.add(row);
                }
            }
            if (contradicted.isEmpty()) {
                return contradicted;
            }
            // estimates[side][start][row]: sides backward and forward, from start and from the restart
            int[] wanted = toArray(contradicted);
            double[][][] estimate = new double[2][2][];
            double[][][] error = new double[2][2][];
            for (int side = 0; side < 2; side++) {
                for (int from = 0; from < 2; from++) {
                    double initial = from == 0 ? start : start / ONE_SIDED_RESTART;
                    double[] stopAt = new double[wanted.length];
                    for (int r = 0; r < wanted.length; r++) {
                        stopAt[r] = ROUNDING_BOUND * noise.rounding(wanted[r], 0, 0, Noise.distance(initial, x));
                    }
                    Ridders.Estimates found = Ridders.derivatives(this::line, wanted, m, initial, stopAt, 2 * side - 1, value);
                    estimate[side][from] = found.value;
                    error[side][from] = new double[wanted.length];
                    for (int r = 0; r < wanted.length; r++) {
                        double step = found.finestStep[r];
                        double rounding = ROUNDING_BOUND * noise.rounding(wanted[r], 0, 0, Noise.distance(step, x)) / step;
                        error[side][from][r] = withSpread(wanted[r] * n + column,
                                ONE_SIDED_SAFETY_FACTOR * (found.error[r] + rounding));
                    }
                }
            }
            List<Integer> decided = new ArrayList<>();
            List<Integer> loose = new ArrayList<>();
            List<Integer> higher = new ArrayList<>();
            for (int r = 0; r < wanted.length; r++) {
                int row = wanted[r];
                int k = row * n + column;
                double a = findings.analytic[k];
                double smaller = findings.numerical[k];
                double smallerBound = findings.bound[k];
                int counted = 0;
                int disagreeingSides = 0;
                double passValue = Double.NaN;
                double passError = Double.NaN;
                double failValue = Double.NaN;
                double failError = Double.POSITIVE_INFINITY;
                String passSide = null;
                for (int side = 0; side < 2; side++) {
                    double e0 = estimate[side][0][r];
                    double b0 = error[side][0][r];
                    double e1 = estimate[side][1][r];
                    double b1 = error[side][1][r];
                    boolean confirmed = Double.isFinite(e0) && Double.isFinite(b0) && Double.isFinite(e1) && Double.isFinite(b1)
                            && Math.abs(e0 - e1) <= b0 + b1;
                    double value = b0 <= b1 ? e0 : e1;
                    double bound = Math.min(b0, b1);
                    if (!confirmed || !(Math.abs(value - smaller) <= bound + smallerBound)) {
                        continue;
                    }
                    counted++;
                    if (!resolved(k, value, bound)) {
                        continue;
                    }
                    if (agrees(a, value, bound)) {
                        if (passSide == null || bound < passError) {
                            passValue = value;
                            passError = bound;
                            passSide = side == 0 ? "backward" : "forward";
                        }
                    } else {
                        disagreeingSides++;
                        if (bound < failError) {
                            failValue = value;
                            failError = bound;
                        }
                    }
                }
                String why = " (central steps large enough to resolve it reach a kink, an edge or a change of regime on one"
                        + " side)";
                if (passSide != null && disagreeingSides == 0) {
                    findings.decide(k, Findings.PASS, passValue, passError);
                    findings.reasons.put(k, "judged by " + passSide + " differences from steps of " + Numbers.brief(start) + why);
                    decided.add(row);
                    if (passError > LOOSE_BOUND * Math.abs(passValue)) {
                        loose.add(row);
                    }
                } else if (disagreeingSides > 0) {
                    // unresolved, not failed, and a pass from smaller steps withdrawn (see the method's comment);
                    // negligible if the smaller steps' bound is too small to matter in its block
                    settleUnresolved(k, smaller, smallerBound, "one-sided differences from steps of "
                            + Numbers.brief(start) + " resolve " + Numbers.format(failValue) + " +- "
                            + Numbers.brief(failError) + ", which the analytic value " + Numbers.format(a) + " is outside;"
                            + " one-sided estimates are not sure enough to fail it" + why);
                    decided.add(row);
                } else if (counted > 0) {
                    // a smooth side that does not resolve the row yet: larger steps on it may
                    higher.add(row);
                }
            }
            List<Integer> up = new ArrayList<>(loose);
            up.addAll(higher);
            if (!up.isEmpty() && start * UPWARD_RATIO <= largest) {
                List<Integer> decidedHigher = oneSided(start * UPWARD_RATIO, up, largest);
                decidedHigher.removeAll(loose);
                decided.addAll(decidedHigher);
            }
            return decided;
        }

        /** Steps up to {@value #LARGEST_STEP} of the scale for derivatives below the rounding at the first step. */
        private void ascend(List<Integer> rounded) {
            List<Integer> rowsLeft = rounded;
            double largest = LARGEST_STEP * stepSize.scaleOf(x);
            double start = RIDDERS_START * h;
            List<Integer> undecided = new ArrayList<>();
            while (!rowsLeft.isEmpty() && start * UPWARD_RATIO <= largest) {
                start *= UPWARD_RATIO;
                List<Integer> notSmooth = new ArrayList<>();
                List<Integer> stillRounded = new ArrayList<>();
                ridders(start, rowsLeft, notSmooth, stillRounded, true);
                if (!notSmooth.isEmpty()) {
                    notSmooth.removeAll(oneSided(start, notSmooth, largest));
                }
                undecided.addAll(notSmooth);
                rowsLeft = stillRounded;
            }
            undecided.addAll(rowsLeft);
            for (int row : undecided) {
                int k = row * n + column;
                if (findings.verdicts[k] == Findings.PASS && resolved(k, findings.numerical[k], findings.bound[k])) {
                    continue;
                }
                if (rowsLeft.contains(row) && Double.isFinite(findings.bound[k])
                        && !agrees(findings.analytic[k], findings.numerical[k], findings.bound[k])) {
                    findings.decide(k, Findings.FAIL, findings.numerical[k], findings.bound[k]);
                    findings.reasons.put(k, "its finite differences stay below the function's rounding up to steps of "
                            + Numbers.brief(start) + ", which bounds the derivative by " + Numbers.brief(findings.bound[k])
                            + ": the analytic value " + Numbers.format(findings.analytic[k]) + " is outside that bound");
                    continue;
                }
                if (negligible(findings.analytic[k], findings.numerical[k], findings.bound[k])) {
                    findings.decide(k, Findings.PASS, findings.numerical[k], findings.bound[k]);
                    findings.flags[k] |= Findings.NEGLIGIBLE;
                    continue;
                }
                settleUnresolved(k, findings.numerical[k], findings.bound[k], "its finite differences are below the"
                        + " function's rounding: with noise "
                        + Numbers.brief(noise.sigma(row)) + " (|" + (m == 1 ? "f" : problem.outputs().nameOf(row)) + "| = "
                        + Numbers.brief(Math.abs(value[row])) + "), steps up to " + Numbers.brief(start)
                        + " resolve derivatives of " + Numbers.brief(findings.bound[k]) + " at best, not enough to tell the"
                        + " analytic value " + Numbers.format(findings.analytic[k]) + " from zero: subtract a constant from"
                        + " the function, check a smaller part of it, or declare its precision");
            }
        }
    }

    private static int[] toArray(List<Integer> list) {
        int[] array = new int[list.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = list.get(i);
        }
        return array;
    }

    /**
     * The descending ladder of one column: steps {@value #LADDER_RATIO} times smaller each, central and one-sided
     * differences at each, until every row is resolved at steps where the function is smooth, confirmed at a kink,
     * or left unresolved at the smallest step the noise allows.
     */
    private final class Ladder {

        private final Evaluator evaluator;
        private final int column;
        private final int[] rows;
        private final double x;
        private final double firstStep;
        private final Track[] tracks;
        private final double[] plus;
        private final double[] minus;

        Ladder(Evaluator evaluator, int column, int[] rows, double start) {
            this.evaluator = evaluator;
            this.column = column;
            this.rows = rows;
            this.x = point[column];
            this.firstStep = start;
            this.tracks = new Track[rows.length];
            for (int r = 0; r < rows.length; r++) {
                tracks[r] = new Track(rows[r]);
            }
            this.plus = new double[m];
            this.minus = new double[m];
        }

        void descend() {
            double step = firstStep;
            int remaining = rows.length;
            double smallest = SMALLEST_STEP * stepSize.scaleOf(x);
            for (int level = 0; level < LADDER_LEVELS && remaining > 0 && step >= smallest; level++, step /= LADDER_RATIO) {
                Level at = evaluate(step);
                if (at == null) {
                    break;
                }
                for (Track track : tracks) {
                    if (!track.closed && track.add(at)) {
                        remaining--;
                    }
                }
                for (Track track : tracks) {
                    if (!track.closed && track.wantsJump()) {
                        Level probe = evaluate(track.jumpStep());
                        if (probe != null && track.confirmKink(probe)) {
                            remaining--;
                        }
                    }
                }
            }
            for (Track track : tracks) {
                if (!track.closed) {
                    track.finish(step * LADDER_RATIO);
                }
            }
        }

        /** The outputs at {@code x +- step}; null when the step vanished. */
        private Level evaluate(double step) {
            double upper = problem.representable(column, x + step);
            double lower = problem.representable(column, x - step);
            if (upper == x || lower == x) {
                return null;
            }
            double up = Double.isFinite(upper) ? upper - x : 0;
            double down = Double.isFinite(lower) ? x - lower : 0;
            if (up <= 0 && down <= 0) {
                return null;
            }
            if (up > 0) {
                evaluator.withColumn(column, upper, plus);
            }
            if (down > 0) {
                evaluator.withColumn(column, lower, minus);
            }
            return new Level(step, up, down, plus.clone(), minus.clone());
        }

        /** The outputs on both sides at one step, with the realised one-sided steps. */
        private final class Level {
            final double step;
            final double up;
            final double down;
            final double[] plusValues;
            final double[] minusValues;

            Level(double step, double up, double down, double[] plusValues, double[] minusValues) {
                this.step = step;
                this.up = up;
                this.down = down;
                this.plusValues = plusValues;
                this.minusValues = minusValues;
            }

            double right(int row) {
                return up > 0 ? (plusValues[row] - value[row]) / up : Double.NaN;
            }

            double left(int row) {
                return down > 0 ? (value[row] - minusValues[row]) / down : Double.NaN;
            }

            double central(int row) {
                return up > 0 && down > 0 ? (plusValues[row] - minusValues[row]) / (up + down) : Double.NaN;
            }

            /** The rounding bound of a one-sided difference at this step. */
            double oneSidedRounding(int row) {
                return ROUNDING_BOUND * noise.rounding(row, plusValues[row], minusValues[row], Noise.distance(step, x))
                        / Math.min(up > 0 ? up : down, down > 0 ? down : up);
            }

            /** The one-sided bound at this step from rounding alone: below it, no smaller step can help. */
            double roundingOnly(int row) {
                return ROUNDING_BOUND * noise.rounding(row, plusValues[row], minusValues[row], Noise.distance(step, x))
                        / Math.min(up > 0 ? up : down, down > 0 ? down : up);
            }

            /** The central bound at this step from rounding alone. */
            double centralRoundingOnly(int row) {
                return ROUNDING_BOUND * noise.rounding(row, plusValues[row], minusValues[row], Noise.distance(step, x))
                        / (up + down);
            }

            double centralRounding(int row) {
                return ROUNDING_BOUND * noise.rounding(row, plusValues[row], minusValues[row], Noise.distance(step, x)) / (up + down);
            }
        }

        /** One row's way down the ladder. */
        private final class Track {
            final int row;
            final int entry;
            final double a;
            boolean closed;
            Level previous;
            double previousDelta = Double.NaN;
            double previousGap = Double.NaN;
            int persistent;
            double firstPersistentStep = Double.NaN;
            int jumps;
            boolean jumpWanted;
            double bestValue = Double.NaN;
            double bestError = Double.POSITIVE_INFINITY;
            double bestRounding = Double.NaN;
            double bestStep = Double.NaN;
            /** Whether a larger step than the best showed a kink, a pole or a domain edge: the reason to say so. */
            boolean rough;
            boolean floor;
            String sideMissing;
            /** The largest gap between one-sided derivatives seen above their rounding, 0 if none. */
            double largestGap;
            /** Whether at the best step a gap seen before had vanished (or none was ever seen): the entry is flat there. */
            boolean bestFlat;
            /** Whether the best estimate contradicted larger steps and no smaller step has agreed with it yet. */
            boolean unconfirmed;
            /** The steps at which the function was finite on at least one side. */
            int finiteLevels;

            Track(int row) {
                this.row = row;
                this.entry = row * n + column;
                this.a = findings.analytic[entry];
            }

            /** Takes one level into account; returns true when the row is decided. */
            boolean add(Level level) {
                double right = level.right(row);
                double left = level.left(row);
                boolean rightFinite = Double.isFinite(right);
                boolean leftFinite = Double.isFinite(left);
                double oneSided = level.oneSidedRounding(row);
                double size = Math.max(Math.abs(a), Math.max(finiteOrZero(right), finiteOrZero(left)));
                if (size > 0 && level.roundingOnly(row) > size && (rightFinite || leftFinite)) {
                    floor = true;
                }
                if (!rightFinite && !leftFinite) {
                    previous = null;
                    rough = true;
                    return false;
                }
                finiteLevels++;
                if (rightFinite && leftFinite) {
                    sideMissing = null;
                    double gap = right - left;
                    double central = level.central(row);
                    if (previous != null && Double.isFinite(previous.central(row))) {
                        double previousCentral = previous.central(row);
                        boolean gapResolved = Math.abs(gap) > KINK_NOISE * oneSided;
                        if (gapResolved) {
                            largestGap = Math.max(largestGap, Math.abs(gap));
                        }
                        boolean shrinking = !gapResolved || Math.abs(gap) <= KINK_PERSISTENCE * Math.abs(previousGap);
                        boolean flat = gapResolved ? shrinking
                                : largestGap == 0 || KINK_NOISE * oneSided <= 0.1 * largestGap;
                        boolean keeping = gapResolved && Double.isFinite(previousGap) && Math.signum(gap) == Math.signum(previousGap)
                                && Math.abs(gap) >= KINK_PERSISTENCE * Math.abs(previousGap)
                                && Math.abs(gap) * KINK_PERSISTENCE <= Math.abs(previousGap);
                        if (keeping) {
                            if (persistent++ == 0) {
                                firstPersistentStep = previous.step;
                            }
                            jumpWanted = persistent >= 2 && jumps < 2;
                        } else {
                            persistent = 0;
                        }
                        double delta = Math.abs(central - previousCentral);
                        rough |= !shrinking;
                        if (shrinking) {
                            double rounding = level.centralRounding(row) + previous.centralRounding(row);
                            double estimate;
                            double error;
                            if (delta <= 2 * rounding) {
                                estimate = central;
                                error = SAFETY_FACTOR * (delta + level.centralRounding(row));
                            } else if (Double.isFinite(previousDelta) && delta <= previousDelta / 2) {
                                estimate = central + (central - previousCentral) / (LADDER_RATIO * LADDER_RATIO - 1);
                                error = SAFETY_FACTOR * (delta / 3 + level.centralRounding(row));
                            } else {
                                estimate = Double.NaN;
                                error = Double.POSITIVE_INFINITY;
                            }
                            if (offer(estimate, error, SAFETY_FACTOR * level.centralRoundingOnly(row), level.step, flat)) {
                                return true;
                            }
                        }
                        previousDelta = delta;
                    }
                    previousGap = gap;
                } else {
                    rough = true;
                    sideMissing = rightFinite ? "x - h" : "x + h";
                    double oneSidedValue = rightFinite ? right : left;
                    double previousOneSided = previous == null ? Double.NaN : (rightFinite ? previous.right(row) : previous.left(row));
                    if (Double.isFinite(previousOneSided)) {
                        double delta = Math.abs(oneSidedValue - previousOneSided);
                        double estimate;
                        double error;
                        if (delta <= 2 * oneSided) {
                            estimate = oneSidedValue;
                            error = SAFETY_FACTOR * (delta + oneSided);
                        } else if (Double.isFinite(previousDelta) && delta <= previousDelta / 2) {
                            estimate = oneSidedValue + (oneSidedValue - previousOneSided) / (LADDER_RATIO - 1);
                            error = SAFETY_FACTOR * (delta / 2 + oneSided);
                        } else {
                            estimate = Double.NaN;
                            error = Double.POSITIVE_INFINITY;
                        }
                        previousDelta = delta;
                        if (offer(estimate, error, SAFETY_FACTOR * level.roundingOnly(row), level.step, false)) {
                            return true;
                        }
                    }
                }
                previous = level;
                if (floor) {
                    if (Double.isFinite(bestError)) {
                        decide();
                    } else {
                        finish(level.step);
                    }
                    return true;
                }
                return false;
            }

            private double finiteOrZero(double v) {
                return Double.isFinite(v) ? Math.abs(v) : 0;
            }

            /**
             * A converged estimate at this step: kept if it is the best so far; the row is decided when the estimates
             * stop improving (the next is not twice as good).
             */
            private boolean offer(double estimate, double rawError, double rounding, double step, boolean flat) {
                if (!Double.isFinite(rawError)) {
                    return false;
                }
                double error = withSpread(entry, rawError);
                if (Double.isFinite(bestError) && Math.abs(estimate - bestValue) > error + bestError) {
                    // a smaller step contradicts the larger ones: their agreement was a coincidence of steps the function
                    // changes too fast for (an oscillation, features crossed at both), and the derivative, a local
                    // property, is the smaller steps' to tell, once the next step confirms it
                    keep(estimate, error, rounding, step, flat);
                    unconfirmed = true;
                    rough = true;
                    return false;
                }
                // an estimate that contradicted the larger steps stands once the next step agrees with it
                unconfirmed = false;
                boolean improved = error < bestError / 2 || !Double.isFinite(bestError);
                if (error < bestError) {
                    keep(estimate, error, rounding, step, flat);
                }
                if (improved || !resolved(entry, bestValue, bestError)) {
                    return false;
                }
                decide();
                return true;
            }

            private void keep(double estimate, double error, double rounding, double step, boolean flat) {
                bestValue = estimate;
                bestError = error;
                bestRounding = rounding;
                bestStep = step;
                bestFlat = flat;
            }

            private void decide() {
                closed = true;
                if (unconfirmed) {
                    settleUnresolved(entry, bestValue, bestError, "the estimate at step " + Numbers.brief(bestStep)
                            + " contradicts those at larger steps and no smaller step confirmed it: the function changes"
                            + " faster than the steps can follow (an oscillation, or features near the point); check at"
                            + " another point, or with a smaller step (StepSize.absolute)");
                    return;
                }
                if (resolved(entry, bestValue, bestError)) {
                    findings.decide(entry, agrees(a, bestValue, bestError) ? Findings.PASS : Findings.FAIL, bestValue, bestError);
                    if (rough) {
                        findings.reasons.put(entry, "judged at step " + Numbers.brief(bestStep) + ", where the function is smooth"
                                + " (the first step " + Numbers.brief(firstStep) + " crossed a kink, a pole or a domain edge, or the"
                                + " function changes too fast for it)");
                    }
                } else if (bestFlat && bestError <= 2 * bestRounding && negligible(a, bestValue, bestError)) {
                    findings.decide(entry, Findings.PASS, bestValue, bestError);
                    findings.flags[entry] |= Findings.NEGLIGIBLE;
                } else if (!agrees(a, bestValue, bestError)) {
                    findings.decide(entry, Findings.FAIL, bestValue, bestError);
                } else {
                    settleUnresolved(entry, bestValue, bestError, "the best estimate, at step " + Numbers.brief(bestStep)
                            + ", has an error bound of " + Numbers.brief(bestError) + ", not clearly smaller than the estimate");
                }
            }

            boolean wantsJump() {
                return jumpWanted;
            }

            /** The smallest step at which the noise still resolves the gap. */
            double jumpStep() {
                jumpWanted = false;
                jumps++;
                double gap = Math.abs(previousGap);
                double sigma = noise.rounding(row, value[row], value[row], 0);
                double smallest = 2 * KINK_NOISE * ROUNDING_BOUND * sigma / gap;
                double ulps = 16 * Math.ulp(x);
                return Math.max(smallest, ulps);
            }

            /** Whether the gap persists at the probe's step too: the point sits on a kink. Decides the row if so. */
            boolean confirmKink(Level probe) {
                if (previous == null || probe.step >= previous.step / LADDER_RATIO) {
                    return false;
                }
                double right = probe.right(row);
                double left = probe.left(row);
                if (!Double.isFinite(right) || !Double.isFinite(left)) {
                    return false;
                }
                double gap = right - left;
                double rounding = probe.oneSidedRounding(row);
                boolean persists = Math.abs(gap) > KINK_NOISE * rounding && Math.signum(gap) == Math.signum(previousGap)
                        && Math.abs(gap) >= KINK_PERSISTENCE * Math.abs(previousGap)
                        && Math.abs(gap) * KINK_PERSISTENCE <= Math.abs(previousGap);
                if (!persists) {
                    return false;
                }
                closed = true;
                if (Double.isFinite(previous.left(row)) && Double.isFinite(previous.right(row))) {
                    left = previous.left(row);
                    right = previous.right(row);
                    rounding = previous.oneSidedRounding(row);
                }
                double error = SAFETY_FACTOR * rounding;
                double low = Math.min(left, right);
                double high = Math.max(left, right);
                double slack = tolerance.allowed(low, high, error);
                double centre = (left + right) / 2;
                if (a < low - slack || a > high + slack) {
                    findings.decide(entry, Findings.FAIL, centre, error);
                    findings.reasons.put(entry, "at a kink of the function (left derivative " + Numbers.format(left)
                            + ", right " + Numbers.format(right) + " down to step " + Numbers.brief(probe.step)
                            + "): the analytic value is not between them, so it is no subgradient");
                } else if (kinkPolicy == KinkPolicy.FAIL) {
                    findings.kinks.put(entry, new double[] {left, right, firstPersistentStep});
                    findings.decide(entry, Findings.FAIL, centre, error);
                    findings.reasons.put(entry, "at a kink of the function (left derivative " + Numbers.format(left)
                            + ", right " + Numbers.format(right) + "), failed by KinkPolicy.FAIL");
                } else {
                    findings.kinks.put(entry, new double[] {left, right, firstPersistentStep});
                    findings.decide(entry, Findings.KINK, centre, error);
                }
                return true;
            }

            /** The ladder ended without deciding the row. */
            void finish(double lastStep) {
                if (Double.isFinite(bestError)) {
                    decide();
                    return;
                }
                closed = true;
                if (finiteLevels == 0) {
                    String name = problem.inputs.nameOf(column);
                    throw new CheckRefusedException("the function" + (m == 1 ? "" : "'s output " + problem.outputs().nameOf(row))
                            + " is not finite on either side of " + name + " (index " + column + ") = " + x + " at any step"
                            + " from " + Numbers.brief(firstStep) + " down to " + Numbers.brief(lastStep) + ": it is finite only"
                            + " at the point itself along this input, so no difference can estimate its derivative; check the"
                            + " function's domain near " + name);
                }
                double reference = findings.numerical[entry];
                boolean refined = (findings.flags[entry] & Findings.REFINED) != 0;
                double error = refined ? findings.bound[entry] : Double.POSITIVE_INFINITY;
                if (sideMissing != null) {
                    settleUnresolved(entry, reference, error, "the function is not finite at " + sideMissing + " for every step from "
                            + Numbers.brief(firstStep) + " down to " + Numbers.brief(lastStep) + ", and one-sided differences"
                            + " did not converge: a domain edge at the point; check the function's domain, or check at a point"
                            + " inside it");
                } else {
                    settleUnresolved(entry, reference, error, "no step resolved the derivative: differences at steps from "
                            + Numbers.brief(firstStep) + " down to " + Numbers.brief(lastStep) + " did not converge (a jump, a"
                            + " pole or a domain edge within every step, or a function that changes faster than any step can"
                            + " follow); check at a point away from the discontinuity, or declare a smaller step");
                }
            }
        }
    }

    // ------------------------------------------------------------------ ties

    /**
     * Kinks of one output that share the point, judged together: the analytic values of inputs tied at kinks of the
     * same kind must form a subgradient of the function along their combined moves.
     */
    private final class Ties {

        private final Evaluator evaluator;

        Ties(Evaluator evaluator) {
            this.evaluator = evaluator;
        }

        void test() {
            if (findings.kinks.isEmpty()) {
                return;
            }
            for (int row = 0; row < m; row++) {
                List<Integer> convex = new ArrayList<>();
                List<Integer> concave = new ArrayList<>();
                for (int column = 0; column < n; column++) {
                    int k = row * n + column;
                    double[] sides = findings.kinks.get(k);
                    if (sides != null && findings.verdicts[k] == Findings.KINK) {
                        (sides[1] > sides[0] ? convex : concave).add(column);
                    }
                }
                test(row, convex);
                test(row, concave);
            }
            if (m > 1) {
                for (int column = 0; column < n; column++) {
                    combined(column);
                }
            }
        }

        /**
         * A column kinked in several outputs (a sort, a pooling layer with overlapping windows): combinations of those
         * outputs are functions too, and their analytic derivatives, the same combinations of the entries, must lie
         * between their one-sided derivatives. The sum of the two outputs of a sort at a tie is smooth, so a sort that
         * gives both tied outputs the same input fails here while each of its rows is a subgradient.
         */
        private void combined(int column) {
            List<Integer> rows = new ArrayList<>();
            double step = Double.POSITIVE_INFINITY;
            for (int row = 0; row < m; row++) {
                int k = row * n + column;
                if (findings.verdicts[k] == Findings.KINK) {
                    rows.add(row);
                    step = Math.min(step, findings.kinks.get(k)[2]);
                }
            }
            if (rows.size() < 2) {
                return;
            }
            double x = point[column];
            double upper = problem.representable(column, x + step);
            double lower = problem.representable(column, x - step);
            double[] plus = new double[m];
            double[] minus = new double[m];
            evaluator.withColumn(column, upper, plus);
            evaluator.withColumn(column, lower, minus);
            double up = upper - x;
            double down = x - lower;
            List<double[]> patterns = new ArrayList<>();
            double[] sum = new double[rows.size()];
            Arrays.fill(sum, 1);
            patterns.add(sum);
            SplittableRandom random = new SplittableRandom(seed ^ column);
            for (int c = 0; c < TIE_COMBINATIONS; c++) {
                double[] signs = new double[rows.size()];
                for (int r = 0; r < signs.length; r++) {
                    signs[r] = random.nextBoolean() ? 1 : -1;
                }
                patterns.add(signs);
            }
            for (double[] u : patterns) {
                double right = 0;
                double left = 0;
                double predicted = 0;
                double magnitude = 0;
                double rounding = 0;
                for (int r = 0; r < u.length; r++) {
                    int row = rows.get(r);
                    right += u[r] * (plus[row] - value[row]) / up;
                    left += u[r] * (value[row] - minus[row]) / down;
                    double a = findings.analytic[row * n + column];
                    predicted += u[r] * a;
                    magnitude += Math.abs(a);
                    rounding += ROUNDING_BOUND * noise.rounding(row, plus[row], minus[row], Noise.distance(step, x))
                            / Math.min(up, down);
                }
                double slack = tolerance.absolutePart() + tolerance.relativePart() * magnitude + SAFETY_FACTOR * rounding;
                if (predicted >= Math.min(left, right) - slack && predicted <= Math.max(left, right) + slack) {
                    continue;
                }
                StringBuilder names = new StringBuilder();
                for (int r = 0; r < u.length; r++) {
                    names.append(r == 0 ? "" : u[r] > 0 ? " + " : " - ").append(r == 0 && u[r] < 0 ? "-" : "")
                            .append(problem.outputs().nameOf(rows.get(r)));
                }
                String reason = "at kinks of several outputs in " + problem.inputs.nameOf(column) + ": the combination "
                        + names + " has one-sided derivatives " + Numbers.format(left) + " and " + Numbers.format(right)
                        + ", but the analytic entries give " + Numbers.format(predicted) + ": each row is a subgradient,"
                        + " the rows together are not (two outputs given the same input at a tie?)";
                for (int row : rows) {
                    int k = row * n + column;
                    findings.verdicts[k] = Findings.FAIL;
                    findings.reasons.put(k, reason);
                }
                return;
            }
        }

        private void test(int row, List<Integer> tied) {
            if (tied.size() < 2) {
                return;
            }
            int[] columns = toArray(tied);
            double step = Double.POSITIVE_INFINITY;
            for (int column : columns) {
                step = Math.min(step, findings.kinks.get(row * n + column)[2] / stepSize.scaleOf(point[column]));
            }
            for (double[] signs : combinations(columns.length)) {
                String failure = along(row, columns, signs, step);
                if (failure != null) {
                    for (int column : columns) {
                        int k = row * n + column;
                        findings.verdicts[k] = Findings.FAIL;
                        findings.reasons.put(k, failure);
                    }
                    return;
                }
            }
        }

        /**
     * The sign patterns to test: the sum, then pairs moved the same way and opposite ways (few inputs), or seeded random
     * combinations (many). Opposite moves catch analytic values that each pick a different one-sided derivative of one
     * shared kink (a ReLU unit at zero whose mask differs between its weights).
     */
        private List<double[]> combinations(int count) {
            List<double[]> patterns = new ArrayList<>();
            double[] sum = new double[count];
            Arrays.fill(sum, 1);
            patterns.add(sum);
            if (count <= PAIRWISE_TIES) {
                for (int p = 0; p < count; p++) {
                    for (int q = p + 1; q < count; q++) {
                        if (count > 2) {
                            double[] pair = new double[count];
                            pair[p] = 1;
                            pair[q] = 1;
                            patterns.add(pair);
                        }
                        double[] opposite = new double[count];
                        opposite[p] = 1;
                        opposite[q] = -1;
                        patterns.add(opposite);
                    }
                }
                return patterns;
            }
            SplittableRandom random = new SplittableRandom(seed);
            for (int c = 0; c < TIE_COMBINATIONS; c++) {
                double[] signs = new double[count];
                for (int j = 0; j < count; j++) {
                    signs[j] = random.nextBoolean() ? 1 : -1;
                }
                patterns.add(signs);
            }
            return patterns;
        }

        /** Null if the analytic values predict a change between the left and right changes along the move; else why not. */
        private String along(int row, int[] columns, double[] signs, double step) {
            int count = columns.length;
            int[] moved = new int[count];
            double[] forward = new double[count];
            double[] backward = new double[count];
            int used = 0;
            double predictedForward = 0;
            double predictedBackward = 0;
            double magnitude = 0;
            double moves = 0;
            for (int c = 0; c < count; c++) {
                if (signs[c] == 0) {
                    continue;
                }
                int column = columns[c];
                double x = point[column];
                double move = signs[c] * step * stepSize.scaleOf(x);
                moved[used] = column;
                forward[used] = problem.representable(column, x + move);
                backward[used] = problem.representable(column, x - move);
                double a = findings.analytic[row * n + column];
                predictedForward += a * (forward[used] - x);
                predictedBackward += a * (x - backward[used]);
                magnitude += Math.abs(a * move);
                moves += Math.abs(move);
                used++;
            }
            int[] which = Arrays.copyOf(moved, used);
            double[] plus = new double[m];
            double[] minus = new double[m];
            evaluator.withColumns(which, Arrays.copyOf(forward, used), plus);
            evaluator.withColumns(which, Arrays.copyOf(backward, used), minus);
            double right = plus[row] - value[row];
            double left = value[row] - minus[row];
            double predicted = (predictedForward + predictedBackward) / 2;
            double slack = tolerance.absolutePart() * moves + tolerance.relativePart() * magnitude
                    + SAFETY_FACTOR * ROUNDING_BOUND * noise.rounding(row, plus[row], minus[row], Noise.distance(step
                    * stepSize.scaleOf(point[columns[0]]), point[columns[0]]));
            if (predicted >= Math.min(left, right) - slack && predicted <= Math.max(left, right) + slack) {
                return null;
            }
            StringBuilder names = new StringBuilder();
            for (int c = 0; c < used; c++) {
                names.append(c == 0 ? "" : ", ").append(problem.entryName(row, which[c]));
            }
            return "at a tie of kinks (" + names + "): moved together, they change the function by "
                    + Numbers.format(left) + " (backward) and " + Numbers.format(right) + " (forward), but their analytic"
                    + " values predict " + Numbers.format(predicted) + ": each lies between its own one-sided derivatives,"
                    + " yet together they are no subgradient (a maximum whose gradient goes to every tied input?)";
        }
    }
}
