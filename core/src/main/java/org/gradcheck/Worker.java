package org.gradcheck;

import java.util.Arrays;
import org.gradcheck.DifferenceScheme;
import org.gradcheck.function.DifferentiableFunction;

/**
 * The per-coordinate finite difference of one thread: its own evaluator of the function and its own copy
 * of the point, perturbed in place one coordinate at a time and restored to the exact original value.
 */
final class Worker {

    private final CheckRun run;
    private final DifferentiableFunction function;
    final double[] x;
    long evaluations;
    private int[] kinkCandidates = new int[0];
    private int kinkCandidateCount;

    Worker(CheckRun run, DifferentiableFunction function, double[] x) {
        this.run = run;
        this.function = function;
        this.x = x;
    }

    /**
     * Estimates the partial derivative of parameter {@code index} by the checker's scheme and writes it, with
     * its rounding error bound, into the run's arrays. Allocates nothing.
     */
    void differentiate(int index) {
        DifferenceScheme scheme = run.settings.scheme;
        double value = run.value;
        double xi = x[index];
        double h = run.stepFor(xi, scheme);
        double plus = value;
        double minus = value;
        double upper = xi;
        double lower = xi;
        if (scheme != DifferenceScheme.BACKWARD) {
            upper = xi + h;
            plus = evaluate(index, upper, xi);
        }
        if (scheme != DifferenceScheme.FORWARD) {
            lower = xi - h;
            minus = evaluate(index, lower, xi);
        }
        double realised = upper - lower;
        if (realised == 0) {
            throw new GradientCheckException("the step " + h + " vanishes next to " + run.layout.nameOf(index) + " = " + xi
                    + ": x + h == x in double precision. Use a larger or relative step (StepSize.automatic()).");
        }
        run.numerical[index] = (plus - minus) / realised;
        double rounding = run.roundingOf(plus, minus);
        run.numericalError[index] = CheckRun.ROUNDING_BOUND * rounding / realised;
        if (run.findKinks && scheme == DifferenceScheme.CENTRAL) {
            noteKinkCandidate(index, (plus - value) / (upper - xi), (value - minus) / (xi - lower),
                    CheckRun.ROUNDING_BOUND * rounding / Math.min(upper - xi, xi - lower));
        }
    }

    /** The function's value with coordinate {@code index} set to {@code at}; the coordinate is restored to {@code from}. */
    double evaluate(int index, double at, double from) {
        x[index] = at;
        double result;
        try {
            result = function.value(x);
        } catch (GradientCheckException e) {
            x[index] = from;
            throw e;
        } catch (RuntimeException e) {
            x[index] = from;
            throw new GradientCheckException("the function threw " + e + " while evaluating the numerical derivative of "
                    + run.layout.nameOf(index) + " (index " + index + ") at " + run.layout.nameOf(index) + " = " + at
                    + " (perturbed from " + from + ")", e);
        }
        x[index] = from;
        evaluations++;
        if (!Double.isFinite(result)) {
            throw new GradientCheckException("the function's value is " + result + " when " + run.layout.nameOf(index)
                    + " (index " + index + ") is perturbed to " + at + " (from " + from
                    + "): a gradient check needs finite values near the point; use a smaller step or check the function's domain");
        }
        return result;
    }

    /** Remembers a parameter whose one-sided derivatives differ by more than a tenth and more than their noise. */
    private void noteKinkCandidate(int index, double right, double left, double rounding) {
        double gap = Math.abs(right - left);
        if (gap > CheckRun.KINK_CANDIDATE_GAP * Math.max(Math.abs(right), Math.abs(left))
                && gap > GradientChecker.SAFETY_FACTOR * 2 * rounding) {
            if (kinkCandidateCount == kinkCandidates.length) {
                kinkCandidates = Arrays.copyOf(kinkCandidates, Math.max(16, 2 * kinkCandidateCount));
            }
            kinkCandidates[kinkCandidateCount++] = index;
        }
    }

    /** The kink candidates this worker found, in the order found. */
    int[] kinkCandidates() {
        return Arrays.copyOf(kinkCandidates, kinkCandidateCount);
    }
}
