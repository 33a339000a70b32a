package org.gradcheck.taylor;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apiguardian.api.API;
import org.gradcheck.GradientCheckException;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.layout.Block;
import org.gradcheck.layout.ParameterLayout;

/**
 * The step-free gradient check: along random directions {@code d}, the Taylor remainder
 * {@code r(h) = |f(x + h d) - f(x) - h <g, d>|} is {@code O(h^2)} when the gradient {@code g} is right and
 * {@code h |<g - true gradient, d>| + O(h^2)} when it is wrong, so its convergence order, the slope of
 * {@code log r} against {@code log h}, is 2 or 1. The check measures that order over a geometric range of steps
 * and decides on it; no step size and no tolerance need choosing.
 *
 * <p>Why it catches what a tolerance can hide: a gradient off by a relative {@code 1e-5} passes a finite-difference
 * check with tolerance {@code 1e-4}, but its remainder has order 1 for every step below about {@code 1e-5}, and
 * the check fails it ({@code TaylorRemainderCheckTests} pins both figures).
 *
 * <p>How the order is measured: steps go from {@link #withSteps(double, double) 1e-1 down to 1e-10}, halving each
 * time; each direction is Gaussian, scaled coordinate by coordinate to {@code max(|x_i|, 1)} with largest entry 1
 * in that scale. The linear term uses the displacement realised in floating point, {@code (x + h d) - x}, not
 * {@code h d}. A remainder counts only if it is at least 100 times its rounding floor
 * {@code 8 eps (|f(x)| + |f(x + h d)| + sum |g_i d_i| h)}. Starting from the smallest steps, the order is fitted by
 * least squares over the first 4 consecutive usable steps whose 3 local orders agree within 0.25 of the fit and
 * whose fit is at least 0.5 (a lower slope is rounding noise, not convergence). A direction passes when that order
 * is at least {@link #withMinimumOrder(double) 1.5}; if no remainder is above the floor at all, the function is
 * affine along {@code d} and the gradient matches it to rounding ({@link ConvergenceVerdict#EXACT}); if no window
 * is steady the direction is {@link ConvergenceVerdict#INCONCLUSIVE} and the check fails.
 *
 * <p>Its limit: the order-1 part {@code delta h} of a wrong gradient must stand out over a range of steps
 * between the rounding floor and the steps where the {@code h^2} term dominates, which needs {@code delta}
 * above about {@code sqrt(eps |f| |d^T H d|)}: an estimate of about {@code 1e-7} relative for a well-scaled
 * function. Errors near that limit are measured with an order between 1 and 2 (the fit sits in the crossover).
 *
 * <p>The check says whether the gradient is right, not where it is wrong: use
 * {@link org.gradcheck.GradientChecker} to find the parameter. It costs 3 evaluations plus one per step and
 * direction (93 with the defaults), whatever the number of parameters.
 *
 * <p>Checks are immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TaylorRemainderCheck {

    /** The seed of the random directions unless {@link #withSeed(long)} sets another. */
    public static final long DEFAULT_SEED = 20261127L;

    /** Remainders must be this many times their rounding floor to be used. */
    static final double FLOOR_MARGIN = 100;

    /** Number of consecutive usable steps an order is fitted over. */
    static final int WINDOW = 4;

    /** Largest deviation of a local order from the fitted order in a steady window. */
    static final double STEADINESS = 0.25;

    /** Fitted slopes below this are rounding noise, not convergence. */
    static final double NOISE_ORDER = 0.5;

    private static final double EPSILON = Math.ulp(1.0);

    private static final double ROUNDING_FACTOR = 8;

    private static final TaylorRemainderCheck DEFAULTS = new TaylorRemainderCheck(3, DEFAULT_SEED, 1e-1, 1e-10, 1.5);

    private final int directions;
    private final long seed;
    private final double largestStep;
    private final double smallestStep;
    private final double minimumOrder;

    private TaylorRemainderCheck(int directions, long seed, double largestStep, double smallestStep, double minimumOrder) {
        this.directions = directions;
        this.seed = seed;
        this.largestStep = largestStep;
        this.smallestStep = smallestStep;
        this.minimumOrder = minimumOrder;
    }

    /**
     * The default check: 3 directions, steps from 1e-1 down to 1e-10 (30 steps), required order 1.5.
     *
     * @return the default check: 3 directions, steps from 1e-1 down to 1e-10 (30 steps), required order 1.5
     */
    public static TaylorRemainderCheck defaults() {
        return DEFAULTS;
    }

    /**
     * A copy using {@code directions} random directions.
     *
     * @param directions the number of random directions, 1 or more
     * @return a copy using {@code directions} random directions
     * @throws IllegalArgumentException if {@code directions < 1}
     */
    public TaylorRemainderCheck withDirections(int directions) {
        if (directions < 1) {
            throw new IllegalArgumentException("directions must be >= 1 but was " + directions + ": use for example 3");
        }
        return new TaylorRemainderCheck(directions, seed, largestStep, smallestStep, minimumOrder);
    }

    /**
     * A copy drawing its directions from {@code seed}.
     *
     * @param seed the seed
     * @return a copy drawing its directions from {@code seed}
     */
    public TaylorRemainderCheck withSeed(long seed) {
        return new TaylorRemainderCheck(directions, seed, largestStep, smallestStep, minimumOrder);
    }

    /**
     * A copy trying steps from {@code largest} down to {@code smallest}, halving each time. Steps are relative to
     * the direction, which is scaled to {@code max(|x_i|, 1)}.
     *
     * @param largest the largest step
     * @param smallest the smallest step
     * @return a copy trying steps from {@code largest} down to {@code smallest}, halving each time
     * @throws IllegalArgumentException if the steps are not finite, positive, and at least a factor 8 apart
     */
    public TaylorRemainderCheck withSteps(double largest, double smallest) {
        if (!(smallest > 0) || !(largest < Double.POSITIVE_INFINITY) || !(largest >= 8 * smallest)) {
            throw new IllegalArgumentException("steps must satisfy 0 < smallest and 8 * smallest <= largest < infinity but were "
                    + "largest " + largest + " and smallest " + smallest + ": use for example withSteps(1e-1, 1e-10)");
        }
        return new TaylorRemainderCheck(directions, seed, largest, smallest, minimumOrder);
    }

    /**
     * A copy requiring the order {@code order} (between 1 and 2 separates right from wrong gradients).
     *
     * @param order the required order
     * @return a copy requiring the order {@code order} (between 1 and 2 separates right from wrong gradients)
     * @throws IllegalArgumentException if {@code order} is not in {@code (1, 3]}
     */
    public TaylorRemainderCheck withMinimumOrder(double order) {
        if (!(order > 1 && order <= 3)) {
            throw new IllegalArgumentException("minimum order must be in (1, 3] but was " + order
                    + ": a right gradient converges with order 2, a wrong one with order 1; use for example 1.5");
        }
        return new TaylorRemainderCheck(directions, seed, largestStep, smallestStep, order);
    }

    /**
     * The number of random directions.
     *
     * @return the number of random directions
     */
    public int directions() {
        return directions;
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
     * The order a direction needs to pass.
     *
     * @return the order a direction needs to pass
     */
    public double minimumOrder() {
        return minimumOrder;
    }

    /**
     * Checks {@code function}'s gradient at {@code point}.
     *
     * @param point the point; not modified
     * @param function the function under test
     * @return the report, never null
     * @throws IllegalArgumentException if an argument is null, or the point is empty or not finite
     * @throws GradientCheckException if the function throws, returns a non-finite value or a gradient of the wrong
     *     length, modifies the point, or is not deterministic
     */
    public TaylorReport check(DifferentiableFunction function, double[] point) {
        validate(function, point);
        return new Run(function, point, null).execute();
    }

    private static void validate(DifferentiableFunction function, double[] point) {
        if (function == null) {
            throw new IllegalArgumentException("function must not be null: pass the function whose gradient is checked");
        }
        if (point == null || point.length == 0) {
            throw new IllegalArgumentException("point must not be " + (point == null ? "null" : "empty")
                    + ": pass the point at which to check the gradient");
        }
        for (int i = 0; i < point.length; i++) {
            if (!Double.isFinite(point[i])) {
                throw new IllegalArgumentException("point is not finite at x[" + i + "]: " + point[i]
                        + "; check the parameters' initialisation");
            }
        }
    }

    /**
     * Checks {@code function}'s gradient at {@code point} block by block: each block of {@code layout} gets its
     * own random directions, which move that block only, so a wrong gradient is located to its block
     * ({@code W1}) at a cost of {@code 3 + blocks * directions * steps} evaluations, whatever the number of
     * parameters.
     *
     * @param point the point; not modified
     * @param function the function under test
     * @param layout names the coordinates ({@code W1[0,1]})
     * @return the report, never null
     * @throws IllegalArgumentException as {@link #check(DifferentiableFunction, double[])}, and if the point's length
     *     is not the layout's size
     * @throws GradientCheckException as {@link #check(DifferentiableFunction, double[])}
     */
    public TaylorReport check(DifferentiableFunction function, double[] point, ParameterLayout layout) {
        if (layout == null) {
            throw new IllegalArgumentException("layout must not be null: use check(function, point) for one set of directions "
                    + "over all coordinates");
        }
        if (point != null && point.length != layout.size()) {
            throw new IllegalArgumentException("point has length " + point.length + " but the layout has " + layout.size()
                    + " parameters: give a layout of the point");
        }
        validate(function, point);
        return new Run(function, point, layout).execute();
    }

    /**
     * Checks and asserts: returns the report if every direction passed.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @return the report of the passing check
     * @throws TaylorMismatchError if a direction failed or was inconclusive; its message is the report
     */
    public TaylorReport assertSecondOrder(DifferentiableFunction function, double[] point) {
        TaylorReport report = check(function, point);
        if (!report.passed()) {
            throw new TaylorMismatchError(report);
        }
        return report;
    }

    /**
     * Checks block by block and asserts: returns the report if every direction of every block passed.
     *
     * @param function the function under test
     * @param point the point; not modified
     * @param layout names the coordinates ({@code W1[0,1]})
     * @return the report of the passing check
     * @throws TaylorMismatchError if a direction failed or was inconclusive; its message is the report
     */
    public TaylorReport assertSecondOrder(DifferentiableFunction function, double[] point, ParameterLayout layout) {
        TaylorReport report = check(function, point, layout);
        if (!report.passed()) {
            throw new TaylorMismatchError(report);
        }
        return report;
    }

    int stepCount() {
        return 1 + (int) Math.floor(Math.log(largestStep / smallestStep) / Math.log(2) + 1e-9);
    }

    @Override
    public String toString() {
        return "TaylorRemainderCheck[" + directions + " directions, seed " + seed + ", steps " + largestStep + " to "
                + smallestStep + ", minimum order " + minimumOrder + "]";
    }

    /** One check. */
    private final class Run {

        private final DifferentiableFunction function;
        private final double[] original;
        private final double[] x;
        private final ParameterLayout layout;
        private long evaluations;

        Run(DifferentiableFunction function, double[] original, ParameterLayout layout) {
            this.function = function;
            this.original = original;
            this.x = original.clone();
            this.layout = layout;
        }

        TaylorReport execute() {
            long start = System.nanoTime();
            double value = value(x, "f(x)");
            double[] gradient = gradient();
            double again = value(x, "f(x) a second time");
            if (Double.doubleToLongBits(again) != Double.doubleToLongBits(value)
                    && Math.abs(again - value) > ROUNDING_FACTOR * EPSILON * Math.abs(value)) {
                throw new GradientCheckException("the function is not deterministic: f(x) was " + value + " and then " + again
                        + " at the same point. Switch off dropout and other random behaviour, or reset the random generator "
                        + "before every evaluation with Stochastic.withReset(function, reset).");
            }
            Random random = new Random(seed);
            int n = x.length;
            int count = stepCount();
            double[] direction = new double[n];
            double[] shifted = new double[n];
            List<DirectionResult> results = new ArrayList<>();
            List<Block> blocks = layout == null ? List.of() : layout.blocks();
            int scopes = layout == null ? 1 : blocks.size();
            for (int scope = 0; scope < scopes; scope++) {
                int from = layout == null ? 0 : blocks.get(scope).offset();
                int to = layout == null ? n : from + blocks.get(scope).size();
                String block = layout == null ? null : blocks.get(scope).name();
                for (int k = 1; k <= directions; k++) {
                    Arrays.fill(direction, 0);
                    double largest = 0;
                    for (int i = from; i < to; i++) {
                        direction[i] = random.nextGaussian();
                        largest = Math.max(largest, Math.abs(direction[i]));
                    }
                    double slope = 0;
                    for (int i = from; i < to; i++) {
                        direction[i] = direction[i] / largest * Math.max(Math.abs(x[i]), 1.0);
                        slope += gradient[i] * direction[i];
                    }
                    results.add(direction(k, block, slope, direction, shifted, gradient, value, count));
                }
            }
            if (!Arrays.equals(x, original)) {
                int index = Arrays.mismatch(x, original);
                throw new GradientCheckException("the function modified the point it was given: x[" + index + "] was "
                        + original[index] + " and became " + x[index] + ". Functions must treat their input as read-only.");
            }
            return new TaylorReport(results, minimumOrder, seed, value, evaluations, Duration.ofNanos(System.nanoTime() - start));
        }

        private DirectionResult direction(int k, String block, double slope, double[] direction, double[] shifted,
                double[] gradient, double value, int count) {
            int n = x.length;
            double[] steps = new double[count];
            double[] remainders = new double[count];
            double[] floors = new double[count];
            boolean[] usable = new boolean[count];
            double h = largestStep;
            for (int s = 0; s < count; s++, h /= 2) {
                double linear = 0;
                double linearMagnitude = 0;
                for (int i = 0; i < n; i++) {
                    shifted[i] = x[i] + h * direction[i];
                    double term = gradient[i] * (shifted[i] - x[i]);
                    linear += term;
                    linearMagnitude += Math.abs(term);
                }
                double moved = value(shifted, "f(x + h d) with h = " + h + " along direction " + k
                        + (block == null ? "" : " of block " + block));
                steps[s] = h;
                remainders[s] = Math.abs(moved - value - linear);
                floors[s] = ROUNDING_FACTOR * EPSILON * (Math.abs(value) + Math.abs(moved) + linearMagnitude);
                usable[s] = remainders[s] >= FLOOR_MARGIN * floors[s] && remainders[s] > 0;
            }
            return fit(k, block, slope, steps, remainders, floors, usable);
        }

        private DirectionResult fit(int k, String block, double slope, double[] steps, double[] remainders, double[] floors,
                boolean[] usable) {
            boolean any = false;
            for (boolean u : usable) {
                any |= u;
            }
            if (!any) {
                return new DirectionResult(k, block, slope, steps, remainders, floors, usable, -1, -1, Double.NaN,
                        ConvergenceVerdict.EXACT);
            }
            for (int to = steps.length - 1; to - WINDOW + 1 >= 0; to--) {
                int from = to - WINDOW + 1;
                if (!allUsable(usable, from, to)) {
                    continue;
                }
                double order = leastSquaresSlope(steps, remainders, from, to);
                if (order < NOISE_ORDER) {
                    continue;
                }
                boolean steady = true;
                for (int s = from; s < to; s++) {
                    double local = Math.log(remainders[s] / remainders[s + 1]) / Math.log(steps[s] / steps[s + 1]);
                    steady &= Math.abs(local - order) <= STEADINESS;
                }
                if (steady) {
                    return new DirectionResult(k, block, slope, steps, remainders, floors, usable, from, to, order,
                            order >= minimumOrder ? ConvergenceVerdict.PASS : ConvergenceVerdict.FAIL);
                }
            }
            return new DirectionResult(k, block, slope, steps, remainders, floors, usable, -1, -1, Double.NaN,
                    ConvergenceVerdict.INCONCLUSIVE);
        }

        private double value(double[] at, String what) {
            double result;
            try {
                result = function.value(at);
            } catch (RuntimeException e) {
                throw new GradientCheckException("the function threw " + e + " while computing " + what, e);
            }
            evaluations++;
            if (!Double.isFinite(result)) {
                throw new GradientCheckException("the function's value " + what + " is " + result
                        + ": the Taylor check needs finite values near the point; use smaller steps (withSteps)");
            }
            return result;
        }

        private double[] gradient() {
            double[] gradient;
            try {
                gradient = function.gradient(x);
            } catch (RuntimeException e) {
                throw new GradientCheckException("the function threw " + e + " while computing the analytic gradient", e);
            }
            evaluations++;
            if (gradient == null || gradient.length != x.length) {
                throw new GradientCheckException("the analytic gradient has " + (gradient == null ? "no values" : "length "
                        + gradient.length) + " but the point has " + x.length + " parameters: return one partial derivative per parameter");
            }
            for (int i = 0; i < gradient.length; i++) {
                if (!Double.isFinite(gradient[i])) {
                    throw new GradientCheckException("the analytic gradient is " + gradient[i] + " at x[" + i
                            + "]: a gradient check needs finite values");
                }
            }
            return gradient.clone();
        }
    }

    private static boolean allUsable(boolean[] usable, int from, int to) {
        for (int s = from; s <= to; s++) {
            if (!usable[s]) {
                return false;
            }
        }
        return true;
    }

    /** Slope of {@code log r} against {@code log h} over {@code [from, to]} by least squares. */
    static double leastSquaresSlope(double[] steps, double[] remainders, int from, int to) {
        int count = to - from + 1;
        double meanX = 0;
        double meanY = 0;
        for (int s = from; s <= to; s++) {
            meanX += Math.log(steps[s]);
            meanY += Math.log(remainders[s]);
        }
        meanX /= count;
        meanY /= count;
        double covariance = 0;
        double variance = 0;
        for (int s = from; s <= to; s++) {
            double dx = Math.log(steps[s]) - meanX;
            covariance += dx * (Math.log(remainders[s]) - meanY);
            variance += dx * dx;
        }
        return covariance / variance;
    }
}
