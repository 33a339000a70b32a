package org.gradcheck.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The Taylor remainder along one seeded direction of one block: how fast {@code |f(x + h d) - f(x) - h <g, d>|}
 * shrinks with {@code h}. A right gradient gives order 2, a wrong one order 1.
 *
 * @param block the block the direction moves
 * @param direction the direction's number within the block, from 1
 * @param order the measured order of convergence; {@code NaN} when the remainder stayed below the rounding floor
 *     at every step (the function is linear along the direction) or no steady order was found
 * @param verdict {@link Verdict#PASS} for an order of at least the minimum (or a remainder below the rounding floor
 *     everywhere), {@link Verdict#FAIL} for a lower order, {@link Verdict#UNRESOLVED} when no steady order was found
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TaylorDirection(String block, int direction, double order, Verdict verdict) {
}
