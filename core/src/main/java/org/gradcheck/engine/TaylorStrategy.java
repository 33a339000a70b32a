package org.gradcheck.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.gradcheck.layout.Block;
import org.gradcheck.report.TaylorDirection;
import org.gradcheck.report.Verdict;

/**
 * The Taylor strategy: step-free. Along {@value #DIRECTIONS} seeded random directions per block, the remainder
 * {@code r(h) = |f(x + h d) - f(x) - h <g, d>|} shrinks like {@code h^2} when the block's gradient is right and like
 * {@code h} when it is wrong. Over steps from {@value #LARGEST_STEP} down to {@value #SMALLEST_STEP}, halved each time,
 * the remainders above the rounding floor (the noise of two values, as the {@link Noise} measured it, and the rounding
 * of the sum {@code <g, d>}) give the order by least squares over {@value #WINDOW} consecutive steps whose local
 * orders agree to {@value #STEADINESS}. An order of at least {@value #MINIMUM_ORDER} passes; a lower one fails the
 * check even where no single parameter is outside the tolerance, and its block is checked one by one to name what the
 * per-parameter rule can see; a direction without a steady order has its block checked one by one as well.
 */
final class TaylorStrategy {

    static final int DIRECTIONS = 3;
    static final double LARGEST_STEP = 1e-1;
    static final double SMALLEST_STEP = 1e-10;
    static final int WINDOW = 4;
    static final double STEADINESS = 0.25;
    static final double MINIMUM_ORDER = 1.5;
    /** Orders below this are rounding, not convergence. */
    static final double NOISE_ORDER = 0.5;
    /** A remainder is usable when it is at least this many times its rounding floor. */
    static final double FLOOR_MARGIN = 100;

    private final Run run;

    TaylorStrategy(Run run) {
        this.run = run;
    }

    void run() {
        int n = run.n;
        double[] x = run.point;
        double[] g = run.findings.analytic;
        double value = run.value[0];
        Random random = new Random(run.settings.seed);
        int count = 1 + (int) Math.floor(Math.log(LARGEST_STEP / SMALLEST_STEP) / Math.log(2) + 1e-9);
        double[] direction = new double[n];
        double[] out = new double[1];
        String failure = null;
        for (Block block : run.problem.inputs.blocks()) {
            int from = block.offset();
            int to = from + block.size();
            List<String> orders = new ArrayList<>();
            boolean passes = true;
            for (int k = 1; k <= DIRECTIONS; k++) {
                double largest = 0;
                for (int i = from; i < to; i++) {
                    direction[i] = random.nextGaussian();
                    largest = Math.max(largest, Math.abs(direction[i]));
                }
                for (int i = from; i < to; i++) {
                    direction[i] = direction[i] / largest * Math.max(Math.abs(x[i]), 1.0);
                }
                double[] steps = new double[count];
                double[] remainders = new double[count];
                boolean[] usable = new boolean[count];
                double h = LARGEST_STEP;
                String what = "block " + block.name() + " along Taylor direction " + k;
                for (int s = 0; s < count; s++, h /= 2) {
                    double linear = 0;
                    double magnitude = 0;
                    for (int i = from; i < to; i++) {
                        double moved = run.problem.representable(i, x[i] + h * direction[i]) - x[i];
                        double term = g[i] * moved;
                        linear += term;
                        magnitude += Math.abs(term);
                    }
                    boolean finite = run.main.along(direction, from, to, h, out, what);
                    steps[s] = h;
                    remainders[s] = Math.abs(out[0] - value - linear);
                    double floor = Kernel.ROUNDING_BOUND * run.noise.rounding(0, value, out[0], h)
                            + 4 * run.noise.unit * magnitude;
                    usable[s] = finite && remainders[s] > 0 && remainders[s] >= FLOOR_MARGIN * floor;
                }
                TaylorDirection result = fit(block.name(), k, steps, remainders, usable);
                run.taylor.add(result);
                orders.add(result.verdict() == Verdict.PASS && Double.isNaN(result.order()) ? "exact"
                        : Double.isNaN(result.order()) ? "-" : String.format(Locale.ROOT, "%.2f", result.order()));
                passes &= result.verdict() == Verdict.PASS;
                if (result.verdict() == Verdict.FAIL && failure == null) {
                    failure = "the Taylor remainder of block " + block.name() + " converges with order "
                            + String.format(Locale.ROOT, "%.2f", result.order()) + " along direction " + k
                            + " (a right gradient gives 2, a wrong one 1)";
                }
            }
            String name = block.name() + " " + block.shapeText();
            if (passes) {
                String agreed = name + ": remainder orders " + String.join(", ", orders) + " (a right gradient gives 2)";
                run.description.notes.add(() -> agreed);
                continue;
            }
            run.checkColumns(from, to);
            String failed = name + ": remainder orders " + String.join(", ", orders) + " (a wrong gradient gives 1, '-' no"
                    + " steady order); " + (block.size() == 1 ? "its 1 parameter checked on its own" : "its "
                            + block.size() + " parameters checked one by one");
            run.description.notes.add(() -> failed);
        }
        int[] columns = run.findings.checkedColumns();
        run.kernel.refine(run.main, columns);
        run.kernel.markUnchecked();
        run.description.strategyFailure = failure;
    }

    private static TaylorDirection fit(String block, int k, double[] steps, double[] remainders, boolean[] usable) {
        boolean any = false;
        for (boolean u : usable) {
            any |= u;
        }
        if (!any) {
            return new TaylorDirection(block, k, Double.NaN, Verdict.PASS);
        }
        for (int to = steps.length - 1; to - WINDOW + 1 >= 0; to--) {
            int from = to - WINDOW + 1;
            boolean all = true;
            for (int s = from; s <= to; s++) {
                all &= usable[s];
            }
            if (!all) {
                continue;
            }
            double order = slope(steps, remainders, from, to);
            if (order < NOISE_ORDER) {
                continue;
            }
            boolean steady = true;
            for (int s = from; s < to; s++) {
                double local = Math.log(remainders[s] / remainders[s + 1]) / Math.log(steps[s] / steps[s + 1]);
                steady &= Math.abs(local - order) <= STEADINESS;
            }
            if (steady) {
                return new TaylorDirection(block, k, order, order >= MINIMUM_ORDER ? Verdict.PASS : Verdict.FAIL);
            }
        }
        return new TaylorDirection(block, k, Double.NaN, Verdict.UNRESOLVED);
    }

    /** The least-squares slope of {@code log r} against {@code log h} over {@code [from, to]}. */
    static double slope(double[] steps, double[] remainders, int from, int to) {
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
