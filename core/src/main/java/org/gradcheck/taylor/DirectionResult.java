package org.gradcheck.taylor;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The Taylor remainders along one random direction {@code d}: for each step {@code h}, the remainder
 * {@code r(h) = |f(x + h d) - f(x) - <g, (x + h d) - x>|}, the local order {@code log(r(h_k) / r(h_k+1)) /
 * log(h_k / h_k+1)}, and the order fitted over the smallest steps that show a steady order above the rounding
 * floor.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class DirectionResult {

    private final int direction;
    private final String block;
    private final double directionalDerivative;
    private final double[] steps;
    private final double[] remainders;
    private final double[] floors;
    private final boolean[] usable;
    private final int fitFrom;
    private final int fitTo;
    private final double order;
    private final ConvergenceVerdict verdict;

    DirectionResult(int direction, String block, double directionalDerivative, double[] steps, double[] remainders, double[] floors,
            boolean[] usable, int fitFrom, int fitTo, double order, ConvergenceVerdict verdict) {
        this.direction = direction;
        this.block = block;
        this.directionalDerivative = directionalDerivative;
        this.steps = steps;
        this.remainders = remainders;
        this.floors = floors;
        this.usable = usable;
        this.fitFrom = fitFrom;
        this.fitTo = fitTo;
        this.order = order;
        this.verdict = verdict;
    }

    /**
     * The direction's number, from 1 (counted within its block for a check by blocks).
     *
     * @return the direction's number, from 1 (counted within its block for a check by blocks)
     */
    public int direction() {
        return direction;
    }

    /**
     * The parameter block the direction moves ({@code W1}), or null when it moves every coordinate (a check
     * without a layout).
     *
     * @return the parameter block the direction moves ({@code W1}), or null when it moves every coordinate (a check
     *     without a layout)
     */
    public String block() {
        return block;
    }

    /**
     * The analytic directional derivative {@code <g, d>}.
     *
     * @return the analytic directional derivative {@code <g, d>}
     */
    public double directionalDerivative() {
        return directionalDerivative;
    }

    /**
     * Number of steps tried.
     *
     * @return number of steps tried
     */
    public int stepCount() {
        return steps.length;
    }

    /**
     * Step {@code k}, largest first.
     *
     * @param k the step, from 0 (the largest)
     * @return step {@code k}, largest first
     */
    public double step(int k) {
        return steps[k];
    }

    /**
     * The remainder at step {@code k}.
     *
     * @param k the step, from 0 (the largest)
     * @return the remainder at step {@code k}
     */
    public double remainder(int k) {
        return remainders[k];
    }

    /**
     * The estimated rounding error of the remainder at step {@code k}.
     *
     * @param k the step, from 0 (the largest)
     * @return the estimated rounding error of the remainder at step {@code k}
     */
    public double roundingFloor(int k) {
        return floors[k];
    }

    /**
     * Whether the remainder at step {@code k} is far enough above its rounding floor to measure an order.
     *
     * @param k the step, from 0 (the largest)
     * @return whether the remainder at step {@code k} is far enough above its rounding floor to measure an order
     */
    public boolean usable(int k) {
        return usable[k];
    }

    /**
     * The local order between steps {@code k} and {@code k + 1}; NaN if either remainder is not usable.
     *
     * @param k the step, from 0 (the largest)
     * @return the local order between steps {@code k} and {@code k + 1}; NaN if either remainder is not usable
     */
    public double localOrder(int k) {
        if (k < 0 || k + 1 >= steps.length || !usable[k] || !usable[k + 1]) {
            return Double.NaN;
        }
        return Math.log(remainders[k] / remainders[k + 1]) / Math.log(steps[k] / steps[k + 1]);
    }

    /**
     * Whether step {@code k} is one of those the order was fitted over.
     *
     * @param k the step, from 0 (the largest)
     * @return whether step {@code k} is one of those the order was fitted over
     */
    public boolean fitted(int k) {
        return fitFrom >= 0 && k >= fitFrom && k <= fitTo;
    }

    /**
     * The largest step of the fit; NaN if there was no fit.
     *
     * @return the largest step of the fit; NaN if there was no fit
     */
    public double fitLargestStep() {
        return fitFrom < 0 ? Double.NaN : steps[fitFrom];
    }

    /**
     * The smallest step of the fit; NaN if there was no fit.
     *
     * @return the smallest step of the fit; NaN if there was no fit
     */
    public double fitSmallestStep() {
        return fitFrom < 0 ? Double.NaN : steps[fitTo];
    }

    /**
     * The measured convergence order: about 2 for a right gradient, about 1 for a wrong one; NaN without a fit.
     *
     * @return the measured convergence order: about 2 for a right gradient, about 1 for a wrong one; NaN without a
     *     fit
     */
    public double order() {
        return order;
    }

    /**
     * The remainder divided by the step at the smallest fitted step: for a wrong gradient (order 1) this
     * estimates the error of the directional derivative {@code |<g - true gradient, d>|}; NaN without a fit.
     *
     * @return the remainder divided by the step at the smallest fitted step: for a wrong gradient (order 1) this
     *     estimates the error of the directional derivative {@code |<g - true gradient, d>|}; NaN without a fit
     */
    public double directionalError() {
        return fitFrom < 0 ? Double.NaN : remainders[fitTo] / steps[fitTo];
    }

    /**
     * The verdict.
     *
     * @return the verdict
     */
    public ConvergenceVerdict verdict() {
        return verdict;
    }
}
