package org.gradcheck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Which parameters a gradient check examines one by one, and how the others are covered.
 *
 * <ul>
 * <li>{@link #full()}: every parameter by finite differences, two evaluations each: the most evidence, the
 *     highest cost (the article's method).</li>
 * <li>{@link #screening()}: per block, directional derivatives along seeded random directions are compared with the
 *     analytic gradient's projection, strictly: the allowed mismatch is the directional estimate's own numerical
 *     error, not a tolerance aggregated over the block, and the directions give every parameter a share of at least
 *     its own step, so one wrong entry anywhere in a block of any size shows. A part that disagrees is bisected down
 *     to a few parameters, which are checked one by one with the same rule as a full check: every verdict comes from a
 *     parameter checked one by one. Cost: about {@code 4 blocks + 2 k log2(N / 8) + 16 k} evaluations for {@code k}
 *     wrong parameters among {@code N}; the report states, per block, the smallest error in one entry it was certain
 *     to see.</li>
 * <li>{@link #sampled(int)}: a seeded sample of {@code k} parameters per block, each checked one by one:
 *     per-parameter evidence at a bounded cost; the report states how many were checked.</li>
 * <li>{@link #taylor()}: step-free. Along seeded random directions, block by block, the Taylor remainder
 *     {@code |f(x + h d) - f(x) - h <g, d>|} shrinks like {@code h^2} when the gradient is right and like {@code h}
 *     when it is wrong; its order of convergence over steps from 1e-1 to 1e-10 decides, with no step or tolerance
 *     to choose, so it also catches errors a tolerance lets through. The blocks that fail are then checked
 *     parameter by parameter. Cost: about {@code 3 + 105 blocks} evaluations, plus a full check of each failing
 *     block.</li>
 * <li>{@link #automatic()}, the default: full when a full check is estimated to take at most
 *     {@link #AUTOMATIC_FULL_TIME} (two evaluations per parameter at the fastest evaluation time measured while the
 *     function's noise is measured, divided by the threads), screening above. Both see the same wrong entries;
 *     screening is thousands of times cheaper for large models. The report states which ran and why.</li>
 * </ul>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Strategy {

    /** The automatic strategy checks every parameter when a full check is estimated to take at most this long. */
    public static final Duration AUTOMATIC_FULL_TIME = Duration.ofSeconds(1);

    /** The kinds of strategy. */
    public enum Kind {
        /** Full when a full check is estimated to take at most {@link Strategy#AUTOMATIC_FULL_TIME}, screening above. */
        AUTOMATIC,
        /** Every parameter. */
        FULL,
        /** Directional screening with localisation by bisection. */
        SCREENING,
        /** A sample of parameters per block. */
        SAMPLED,
        /** The order of convergence of the Taylor remainder, block by block. */
        TAYLOR
    }

    private static final Strategy AUTOMATIC = new Strategy(Kind.AUTOMATIC, 0);
    private static final Strategy FULL = new Strategy(Kind.FULL, 0);
    private static final Strategy SCREENING = new Strategy(Kind.SCREENING, 0);
    private static final Strategy TAYLOR = new Strategy(Kind.TAYLOR, 0);

    private final Kind kind;
    private final int perBlock;

    private Strategy(Kind kind, int perBlock) {
        this.kind = kind;
        this.perBlock = perBlock;
    }

    /** {@return the default strategy: full when quick enough ({@link #AUTOMATIC_FULL_TIME}), screening above} */
    public static Strategy automatic() {
        return AUTOMATIC;
    }

    /** {@return the strategy that checks every parameter, two evaluations each} */
    public static Strategy full() {
        return FULL;
    }

    /** {@return directional screening per block, with bisection down to the wrong parameters, as a strategy} */
    public static Strategy screening() {
        return SCREENING;
    }

    /**
     * The step-free Taylor remainder check, block by block; failing blocks are then checked one by one.
     *
     * @return the Taylor strategy
     */
    public static Strategy taylor() {
        return TAYLOR;
    }

    /**
     * A seeded sample of {@code perBlock} parameters of every block (all of a smaller block).
     *
     * @param perBlock the most parameters checked per block, 1 or more
     * @return a seeded sample of {@code perBlock} parameters of every block (all of a smaller block)
     * @throws IllegalArgumentException if {@code perBlock < 1}
     */
    public static Strategy sampled(int perBlock) {
        if (perBlock < 1) {
            throw new IllegalArgumentException("parameters per block must be >= 1 but was " + perBlock
                    + ": use for example Strategy.sampled(20)");
        }
        return new Strategy(Kind.SAMPLED, perBlock);
    }

    /** {@return the kind of strategy} */
    public Kind kind() {
        return kind;
    }

    /** {@return for a sampled strategy, how many parameters per block; 0 otherwise} */
    public int perBlock() {
        return perBlock;
    }

    /**
     * The strategy {@link #automatic()} runs: full when a full check is estimated to take at most
     * {@link #AUTOMATIC_FULL_TIME}, screening above.
     *
     * @param fullCheckEstimate the estimated time of a full check
     * @return {@link #full()} or {@link #screening()}
     * @throws IllegalArgumentException if the estimate is null or negative
     */
    public static Strategy automaticChoice(Duration fullCheckEstimate) {
        if (fullCheckEstimate == null || fullCheckEstimate.isNegative()) {
            throw new IllegalArgumentException("fullCheckEstimate must be a duration of at least 0 but was " + fullCheckEstimate);
        }
        return fullCheckEstimate.compareTo(AUTOMATIC_FULL_TIME) <= 0 ? FULL : SCREENING;
    }

    @Override
    public String toString() {
        return kind == Kind.SAMPLED ? "sampled(" + perBlock + ")" : kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Strategy && ((Strategy) other).kind == kind && ((Strategy) other).perBlock == perBlock;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, perBlock);
    }
}
