package org.gradcheck;

import java.util.Arrays;
import java.util.BitSet;
import org.gradcheck.DifferenceScheme;
import org.gradcheck.difference.RiddersDifferentiator;

/**
 * The second stage of a check: re-estimates the parameters that disagree on the first estimate with
 * Ridders' method, and looks for kinks where they still disagree.
 */
final class Refiner {

    /** Ridders' ladder starts this many times above the first estimate's step. */
    static final double RIDDERS_START = 8;

    /** A jump between one-sided derivatives is a kink when at a quarter of the step it keeps this much of its size. */
    private static final double KINK_PERSISTENCE = 0.5;

    private final CheckRun run;
    private final BitSet checked;
    private final Tolerance tolerance;

    Refiner(CheckRun run, BitSet checked) {
        this.run = run;
        this.checked = checked;
        this.tolerance = run.settings.tolerance;
    }

    /**
     * Refines the disagreeing parameters, borderline ones first, and tests the kink candidates; returns how
     * many parameters were refined. When more than {@link GradientChecker#REFINEMENT_SAMPLE} disagree and every
     * one refined so far still fails, the rest are judged on their first estimate.
     */
    int refine(int[] kinkCandidates) {
        int[] suspects = disagreeing();
        lookForKinksAmong(kinkCandidates, suspects);
        int refined = 0;
        boolean anyPassed = false;
        for (int suspect : suspects) {
            if (refined >= GradientChecker.REFINEMENT_SAMPLE && !anyPassed) {
                break;
            }
            anyPassed |= refine(suspect);
            refined++;
        }
        return refined;
    }

    /** Under KinkPolicy.FAIL: tests the first pass's kink candidates that agree (suspects are tested when refined). */
    private void lookForKinksAmong(int[] candidates, int[] suspects) {
        int[] sortedSuspects = suspects.clone();
        Arrays.sort(sortedSuspects);
        for (int index : candidates) {
            if (Arrays.binarySearch(sortedSuspects, index) < 0) {
                double xi = run.original[index];
                kink(index, xi, run.stepFor(xi, DifferenceScheme.CENTRAL), run.analytic[index]);
            }
        }
    }

    private boolean isChecked(int index) {
        return checked == null || checked.get(index);
    }

    private boolean disagrees(int index) {
        double g = run.analytic[index];
        double n = run.numerical[index];
        return Math.abs(g - n) > tolerance.allowed(g, n, run.numericalError[index]);
    }

    /** Indices of checked parameters that disagree on the first estimate, ordered by error ratio, smallest first. */
    private int[] disagreeing() {
        int count = 0;
        int[] indices = new int[16];
        for (int i = 0; i < run.analytic.length; i++) {
            if (isChecked(i) && disagrees(i)) {
                if (count == indices.length) {
                    indices = Arrays.copyOf(indices, count * 2);
                }
                indices[count++] = i;
            }
        }
        double[] ratios = new double[count];
        for (int k = 0; k < count; k++) {
            int i = indices[k];
            double g = run.analytic[i];
            double n = run.numerical[i];
            ratios[k] = Math.abs(g - n) / tolerance.allowed(g, n, run.numericalError[i]);
        }
        Integer[] order = new Integer[count];
        for (int k = 0; k < count; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Double.compare(ratios[a], ratios[b]));
        int[] sorted = new int[count];
        for (int k = 0; k < count; k++) {
            sorted[k] = indices[order[k]];
        }
        return sorted;
    }

    /** Re-estimates parameter {@code index}; returns whether it now passes (as a derivative or at a kink). */
    boolean refine(int index) {
        double xi = run.original[index];
        double h = run.stepFor(xi, DifferenceScheme.CENTRAL);
        RiddersDifferentiator.Estimate estimate = RiddersDifferentiator.derivative(
                at -> run.main.evaluate(index, at, xi), xi, RIDDERS_START * h);
        double rounding = CheckRun.ROUNDING_BOUND * run.noise / (2 * estimate.finestStep());
        double error = GradientChecker.SAFETY_FACTOR * (estimate.error() + rounding);
        double g = run.analytic[index];
        run.numerical[index] = estimate.value();
        run.numericalError[index] = error;
        if (Math.abs(g - estimate.value()) <= tolerance.allowed(g, estimate.value(), error)) {
            return true;
        }
        return kink(index, xi, h, g);
    }

    /**
     * Looks for a kink at parameter {@code index}: a jump between the one-sided derivatives that keeps its size
     * when the step shrinks fourfold. Records a kink whose one-sided derivatives bracket the analytic value;
     * returns whether it was accepted.
     */
    private boolean kink(int index, double xi, double h, double g) {
        double[] wide = oneSided(index, xi, h);
        double[] narrow = oneSided(index, xi, h / 4);
        double wideGap = wide[1] - wide[0];
        double narrowGap = narrow[1] - narrow[0];
        double narrowStep = Math.min(narrow[2], narrow[3]);
        double rounding = CheckRun.ROUNDING_BOUND * run.roundingOf(run.value, run.value) / narrowStep;
        boolean jump = Math.abs(narrowGap) > GradientChecker.SAFETY_FACTOR * 2 * rounding
                && Math.abs(narrowGap) > KINK_PERSISTENCE * Math.abs(wideGap)
                && Math.signum(narrowGap) == Math.signum(wideGap);
        if (!jump) {
            return false;
        }
        double left = narrow[0];
        double right = narrow[1];
        double slack = tolerance.allowed(left, right, GradientChecker.SAFETY_FACTOR * rounding) + Math.abs(wideGap - narrowGap);
        if (g < Math.min(left, right) - slack || g > Math.max(left, right) + slack) {
            return false;
        }
        run.report.kink(index, left, right);
        return run.settings.kinkPolicy == KinkPolicy.ACCEPT_SUBGRADIENT;
    }

    /** {left derivative, right derivative, left step, right step} at step {@code h}. */
    private double[] oneSided(int index, double xi, double h) {
        double upper = xi + h;
        double lower = xi - h;
        double right = (run.main.evaluate(index, upper, xi) - run.value) / (upper - xi);
        double left = (run.value - run.main.evaluate(index, lower, xi)) / (xi - lower);
        return new double[] {left, right, xi - lower, upper - xi};
    }
}
