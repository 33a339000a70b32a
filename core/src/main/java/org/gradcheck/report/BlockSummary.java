package org.gradcheck.report;

/**
 * The results of one parameter block: how many parameters, how many failed, the worst relative error and
 * the block's own overall difference.
 *
 * @since 0.1
 */
public final class BlockSummary {

    private final String name;
    private final int count;
    private final int failures;
    private final double maxRelativeError;
    private final String worstParameter;
    private final double difference;

    BlockSummary(String name, int count, int failures, double maxRelativeError, String worstParameter, double difference) {
        this.name = name;
        this.count = count;
        this.failures = failures;
        this.maxRelativeError = maxRelativeError;
        this.worstParameter = worstParameter;
        this.difference = difference;
    }

    /** The block's name: {@code W1}. */
    public String name() {
        return name;
    }

    /** Number of parameters in the block. */
    public int count() {
        return count;
    }

    /** Number of failing parameters in the block. */
    public int failures() {
        return failures;
    }

    /** The largest relative error of a parameter in the block. */
    public double maxRelativeError() {
        return maxRelativeError;
    }

    /** The name of the block's worst parameter (largest error ratio). */
    public String worstParameter() {
        return worstParameter;
    }

    /** {@code ||g - n|| / (||g|| + ||n||)} over this block alone; 0 when both are zero. */
    public double difference() {
        return difference;
    }

    /** Whether no parameter of the block failed. */
    public boolean passed() {
        return failures == 0;
    }
}
