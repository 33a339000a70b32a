package org.gradcheck;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.gradcheck.DifferenceScheme;
import org.gradcheck.difference.RiddersDifferentiator;
import org.gradcheck.layout.Block;
import org.gradcheck.report.NumberFormatter;

/**
 * The screening strategy: per block, the directional derivative along a seeded random direction against the
 * analytic gradient's projection; where they disagree, bisection down to a few parameters checked one by one.
 *
 * <p>The direction moves parameter {@code i} by {@code ±h_i}, its own automatic step, with a random sign.
 * The directional derivative {@code D = (f(x + w) - f(x - w)) / 2} is compared with {@code a = sum g_i w_i}
 * (over the realised moves). They agree when {@code |a - D|} is at most the directional estimate's rounding
 * error bound, plus the rounding of the sum {@code a} itself ({@code 16 eps sum |g_i w_i|}), plus the
 * tolerance: {@code absolute sum |w_i| + 3 relative sqrt(sum (g_i w_i)^2)}: errors of the size the tolerance
 * allows in every parameter add up like a random walk along a random direction, a wrong parameter adds its
 * whole error. A borderline disagreement is re-estimated by Ridders' method along the direction before it
 * counts.
 */
final class Screener {

    /** Parts of a block this small are checked one by one instead of bisected further. */
    static final int LEAF_SIZE = 8;

    /** A directional mismatch up to this many times the allowed error is re-estimated by Ridders' method. */
    private static final double BORDERLINE = 100;

    /** Rounding of a sum of products: this many units of the precision times the sum of their magnitudes. */
    private static final double SUM_ROUNDING_UNITS = 16;

    private final CheckRun run;
    private final BitSet checked;
    private final double[] y;
    private final double[] move;
    private final SplittableRandom random;
    private int directions;

    Screener(CheckRun run, BitSet checked) {
        this.run = run;
        this.checked = checked;
        this.y = run.original.clone();
        this.move = new double[run.original.length];
        this.random = new SplittableRandom(run.settings.seed);
    }

    void run() {
        for (Block block : run.layout.blocks()) {
            int from = block.offset();
            int to = from + block.size();
            String name = block.name() + " " + block.shapeText();
            if (block.size() <= LEAF_SIZE) {
                checkOneByOne(from, to);
                run.report.strategyNote(name + ": " + block.size() + " parameters checked one by one");
                continue;
            }
            directions = 0;
            Directional whole = directional(from, to, block.name());
            if (whole.agrees) {
                run.report.strategyNote(name + ": directional derivative agreed (mismatch "
                        + NumberFormatter.format(whole.mismatch) + ", allowed " + NumberFormatter.format(whole.allowed) + ")");
                continue;
            }
            int before = checked.cardinality();
            bisect(from, to, block.name());
            run.report.strategyNote(name + ": directional derivative disagreed (mismatch " + NumberFormatter.format(whole.mismatch)
                    + ", allowed " + NumberFormatter.format(whole.allowed) + "); bisection: " + directions
                    + " directional derivatives, " + (checked.cardinality() - before) + " parameters checked one by one");
        }
    }

    private void bisect(int from, int to, String block) {
        int middle = (from + to) >>> 1;
        screen(from, middle, block);
        screen(middle, to, block);
    }

    /** A part of a disagreeing block: left alone if its own directional derivative agrees, else narrowed down. */
    private void screen(int from, int to, String block) {
        if (directional(from, to, block).agrees) {
            return;
        }
        if (to - from <= LEAF_SIZE) {
            checkOneByOne(from, to);
        } else {
            bisect(from, to, block);
        }
    }

    private void checkOneByOne(int from, int to) {
        for (int index = from; index < to; index++) {
            run.main.differentiate(index);
        }
        checked.set(from, to);
    }

    /** The outcome of one directional comparison. */
    private record Directional(boolean agrees, double mismatch, double allowed) {
    }

    private Directional directional(int from, int to, String block) {
        directions++;
        double[] x = run.original;
        double[] g = run.analytic;
        double projection = 0;
        double magnitudes = 0;
        double squares = 0;
        double moves = 0;
        for (int i = from; i < to; i++) {
            double h = run.stepFor(x[i], DifferenceScheme.CENTRAL);
            move[i] = random.nextBoolean() ? h : -h;
            double realised = ((x[i] + move[i]) - (x[i] - move[i])) / 2;
            double term = g[i] * realised;
            projection += term;
            magnitudes += Math.abs(term);
            squares += term * term;
            moves += Math.abs(realised);
        }
        double plus = along(from, to, 1, block);
        double minus = along(from, to, -1, block);
        double estimate = (plus - minus) / 2;
        Tolerance tolerance = run.settings.tolerance;
        double base = tolerance.absolutePart() * moves + 3 * tolerance.relativePart() * Math.sqrt(squares)
                + SUM_ROUNDING_UNITS * run.unit * magnitudes;
        double allowed = base + CheckRun.ROUNDING_BOUND * run.roundingOf(plus, minus) / 2;
        double mismatch = Math.abs(projection - estimate);
        if (mismatch <= allowed) {
            return new Directional(true, mismatch, allowed);
        }
        if (mismatch > BORDERLINE * allowed || run.settings.refinement != Refinement.RIDDERS) {
            return new Directional(false, mismatch, allowed);
        }
        RiddersDifferentiator.Estimate refined = RiddersDifferentiator.derivative(
                t -> along(from, to, t, block), 0, Refiner.RIDDERS_START);
        double refinedAllowed = base + GradientChecker.SAFETY_FACTOR
                * (refined.error() + CheckRun.ROUNDING_BOUND * run.noise / (2 * refined.finestStep()));
        double refinedMismatch = Math.abs(projection - refined.value());
        return new Directional(refinedMismatch <= refinedAllowed, refinedMismatch, refinedAllowed);
    }

    /** {@code f(x + t w)} with {@code w} the current move on {@code [from, to)}; the point is restored. */
    private double along(int from, int to, double t, String block) {
        double[] x = run.original;
        for (int i = from; i < to; i++) {
            y[i] = x[i] + t * move[i];
        }
        double value;
        try {
            value = run.valueAt(y);
        } catch (RuntimeException e) {
            throw new GradientCheckException("the function threw " + e + " while screening block " + block + " ("
                    + run.layout.nameOf(from) + " to " + run.layout.nameOf(to - 1) + ") along a random direction", e);
        } finally {
            System.arraycopy(x, from, y, from, to - from);
        }
        if (!Double.isFinite(value)) {
            throw new GradientCheckException("the function's value is " + value + " when block " + block + " ("
                    + run.layout.nameOf(from) + " to " + run.layout.nameOf(to - 1) + ") is moved along a random direction by"
                    + " its steps: a gradient check needs finite values near the point; check the function's domain");
        }
        return value;
    }
}
