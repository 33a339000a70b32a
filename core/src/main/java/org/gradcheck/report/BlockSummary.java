package org.gradcheck.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The results of one parameter block: how many parameters, how many failed, sat on kinks or were
 * indistinguishable from zero, the worst relative error and the block's own overall difference.
 *
 * @param name the block's name: {@code W1}
 * @param count number of parameters in the block
 * @param checked number of parameters checked one by one (all of them in a full check)
 * @param failures number of failing parameters
 * @param kinks number of parameters at kinks whose analytic value was accepted as a subgradient
 * @param negligible number of parameters whose analytic and numerical gradients are both indistinguishable
 *     from zero
 * @param maxRelativeError the largest relative error of a parameter in the block
 * @param worstParameter the name of the block's worst parameter (largest error ratio)
 * @param difference {@code ||g - n|| / (||g|| + ||n||)} over this block alone; 0 when both are zero
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record BlockSummary(String name, int count, int checked, int failures, int kinks, int negligible, double maxRelativeError,
        String worstParameter, double difference) {

    /** A block is barely tested when more than this fraction of its parameters are negligible. */
    public static final double BARELY_TESTED_FRACTION = 0.5;

    /** {@return whether no parameter of the block failed} */
    public boolean passed() {
        return failures == 0;
    }

    /** {@return whether more than half of the block's parameters could not be told from zero} */
    public boolean barelyTested() {
        return negligible > BARELY_TESTED_FRACTION * count;
    }
}
