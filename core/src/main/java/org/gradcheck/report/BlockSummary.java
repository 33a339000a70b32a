package org.gradcheck.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The results of one parameter block (or, in a Jacobian or Hessian, of one input block): how many entries, how
 * many were checked one by one, failed, could not be resolved, sat on kinks or were indistinguishable from zero,
 * the worst relative error and the block's own overall difference.
 *
 * @param name the block's name: {@code W1}
 * @param count number of entries of the block
 * @param checked number of entries checked one by one (all of them in a full check)
 * @param failures number of failing entries
 * @param unresolved number of entries the check could not resolve
 * @param kinks number of entries at kinks (accepted as subgradients, or failed under {@code KinkPolicy.FAIL})
 * @param negligible number of entries whose analytic and reference values are both indistinguishable from zero
 * @param maxRelativeError the largest relative error of an entry checked one by one
 * @param worstEntry the name of the block's worst entry, {@code -} when none was checked one by one
 * @param difference {@code ||a - n|| / (||a|| + ||n||)} over this block's checked entries; 0 when both are zero
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record BlockSummary(String name, int count, int checked, int failures, int unresolved, int kinks, int negligible,
        double maxRelativeError, String worstEntry, double difference) {

    /** A block is barely tested when more than this fraction of its entries are negligible. */
    public static final double BARELY_TESTED_FRACTION = 0.5;

    /** {@return whether no entry of the block failed or stayed unresolved} */
    public boolean passed() {
        return failures == 0 && unresolved == 0;
    }

    /** {@return whether more than half of the block's entries could not be told from zero} */
    public boolean barelyTested() {
        return negligible > BARELY_TESTED_FRACTION * count;
    }
}
