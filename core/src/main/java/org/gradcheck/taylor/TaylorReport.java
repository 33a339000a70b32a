package org.gradcheck.taylor;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.gradcheck.report.NumberFormatter;
import org.gradcheck.report.TextTable;

/**
 * The immutable result of a {@link TaylorRemainderCheck}: the measured convergence order of the Taylor remainder
 * along each random direction, and the verdicts.
 *
 * <p>{@link #toString()} renders a summary row per direction and, step by step, the remainders of the worst
 * direction, so a reader sees the order change where rounding takes over.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TaylorReport {

    private final List<DirectionResult> directions;
    private final boolean perBlock;
    private final double minimumOrder;
    private final long seed;
    private final double value;
    private final long evaluations;
    private final Duration elapsed;

    TaylorReport(List<DirectionResult> directions, double minimumOrder, long seed, double value, long evaluations,
            Duration elapsed) {
        this.directions = List.copyOf(directions);
        this.perBlock = !directions.isEmpty() && directions.get(0).block() != null;
        this.minimumOrder = minimumOrder;
        this.seed = seed;
        this.value = value;
        this.evaluations = evaluations;
        this.elapsed = elapsed;
    }

    /**
     * Whether every direction passed (its order is at least the required one, or its remainder is at rounding level).
     *
     * @return whether every direction passed (its order is at least the required one, or its remainder is at
     *     rounding level)
     */
    public boolean passed() {
        return directions.stream().allMatch(d -> d.verdict().passes());
    }

    /**
     * The results per direction, in the order drawn; never null.
     *
     * @return the results per direction, in the order drawn; never null
     */
    public List<DirectionResult> directions() {
        return directions;
    }

    /**
     * The measured order of each direction (NaN where there was no fit), in the order drawn.
     *
     * @return the measured order of each direction (NaN where there was no fit), in the order drawn
     */
    public double[] orders() {
        return directions.stream().mapToDouble(DirectionResult::order).toArray();
    }

    /**
     * The lowest measured order over the directions with a fit; NaN if none had one.
     *
     * @return the lowest measured order over the directions with a fit; NaN if none had one
     */
    public double lowestOrder() {
        return directions.stream().mapToDouble(DirectionResult::order).filter(o -> !Double.isNaN(o)).min().orElse(Double.NaN);
    }

    /**
     * The order a direction needs to pass.
     *
     * @return the order a direction needs to pass
     */
    public double minimumOrder() {
        return minimumOrder;
    }

    /**
     * The seed of the random directions.
     *
     * @return the seed of the random directions
     */
    public long seed() {
        return seed;
    }

    /**
     * The function's value at the point.
     *
     * @return the function's value at the point
     */
    public double value() {
        return value;
    }

    /**
     * How many times the function (value or gradient) was evaluated.
     *
     * @return how many times the function (value or gradient) was evaluated
     */
    public long evaluations() {
        return evaluations;
    }

    /**
     * How long the check took.
     *
     * @return how long the check took
     */
    public Duration elapsed() {
        return elapsed;
    }

    /**
     * The worst direction: a failing or inconclusive one first, then the one with the lowest order.
     *
     * @return the worst direction: a failing or inconclusive one first, then the one with the lowest order
     */
    public DirectionResult worst() {
        return directions.stream().min(Comparator.comparing((DirectionResult d) -> d.verdict().passes())
                .thenComparingDouble(d -> Double.isNaN(d.order()) ? Double.POSITIVE_INFINITY : d.order())
                .thenComparingInt(DirectionResult::direction)).orElseThrow();
    }

    /**
     * The first line of the text.
     *
     * @return the first line of the text
     */
    public String headline() {
        DirectionResult worst = worst();
        if (passed()) {
            double lowest = lowestOrder();
            return "Taylor remainder check passed: " + (Double.isNaN(lowest)
                    ? "the remainder is at rounding level along all " + directions.size() + " directions"
                    : "the remainder converges with order >= " + order(lowest) + " along " + directions.size()
                    + " directions (required >= " + order(minimumOrder) + ")");
        }
        if (worst.verdict() == ConvergenceVerdict.INCONCLUSIVE) {
            return "Taylor remainder check inconclusive along direction " + worst.direction() + where(worst) + ": no range of steps shows a "
                    + "steady order above the rounding floor (a kink near the point, a noisy function, or a step range that "
                    + "is too small)";
        }
        return "Taylor remainder check failed: the remainder converges with order " + order(worst.order())
                + " along direction " + worst.direction() + where(worst) + " (required >= " + order(minimumOrder)
                + "): the gradient is wrong, its directional derivative is off by about "
                + NumberFormatter.format(worst.directionalError());
    }

    private static String where(DirectionResult direction) {
        return direction.block() == null ? "" : " of block " + direction.block();
    }

    /**
     * The blocks with a failing or inconclusive direction, in layout order; empty for a check without a layout.
     *
     * @return the blocks with a failing or inconclusive direction, in layout order; empty for a check without a
     *     layout
     */
    public List<String> failingBlocks() {
        return directions.stream().filter(d -> d.block() != null && !d.verdict().passes()).map(DirectionResult::block)
                .distinct().collect(Collectors.toList());
    }

    private static String order(double order) {
        return Double.isNaN(order) ? "-" : String.format(Locale.ROOT, "%.2f", order);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "-" : NumberFormatter.format(value);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(headline()).append('\n');
        DirectionResult first = directions.get(0);
        text.append("  remainder r(h) = |f(x + h d) - f(x) - <g, h d>|: order 2 for a right gradient, 1 for a wrong one\n");
        text.append("  steps: ").append(NumberFormatter.brief(first.step(0))).append(" down to ")
                .append(NumberFormatter.brief(first.step(first.stepCount() - 1))).append(", halved ")
                .append(first.stepCount() - 1).append(" times; ")
                .append(perBlock ? directions.stream().filter(d -> d.block().equals(first.block())).count() : directions.size())
                .append(" random directions").append(first.block() == null ? "" : " per block").append(" (seed ")
                .append(seed).append(")\n");
        text.append("  function value: ").append(NumberFormatter.format(value)).append(", evaluations: ").append(evaluations)
                .append('\n');
        text.append('\n');
        TextTable summary = new TextTable("direction", "order", "fit from h", "fit to h", "<g, d>", "r/h", "verdict");
        for (DirectionResult direction : directions) {
            String name = direction.block() == null ? Integer.toString(direction.direction())
                    : TextTable.shorten(direction.block(), 24) + " " + direction.direction();
            summary.add(name, order(direction.order()),
                    number(direction.fitLargestStep()), number(direction.fitSmallestStep()),
                    number(direction.directionalDerivative()), number(direction.directionalError()),
                    direction.verdict().name());
        }
        text.append(summary.render());
        DirectionResult worst = worst();
        text.append('\n').append("direction ").append(worst.direction()).append(where(worst)).append(", step by step:\n");
        TextTable steps = new TextTable("h", "remainder", "floor", "local order", "fit");
        for (int k = 0; k < worst.stepCount(); k++) {
            steps.add(NumberFormatter.format(worst.step(k)), NumberFormatter.format(worst.remainder(k)),
                    NumberFormatter.format(worst.roundingFloor(k)), order(worst.localOrder(k)),
                    worst.fitted(k) ? "*" : worst.usable(k) ? "" : "below floor");
        }
        text.append(steps.render());
        return text.toString();
    }
}
