package org.gradcheck;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.gradcheck.difference.DifferenceScheme;
import org.gradcheck.difference.FunctionNoise;
import org.gradcheck.difference.RiddersDifferentiator;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.GradientReport;
import org.gradcheck.report.NumberFormatter;

/** One full check: the algorithm described in {@link GradientChecker}'s class comment, and its state. */
final class CheckRun {

    /** Factor of sqrt(2) sigma: three standard deviations of the difference of two noisy values. */
    private static final double ROUNDING_BOUND = 3 * Math.sqrt(2);

    /** A single result rounded once has an error of about this many units of its precision. */
    private static final double ROUNDING_UNITS = 2;

    /** Values at the same point may differ by this many units of the precision before the function counts as non-deterministic. */
    private static final double NONDETERMINISM_UNITS = 16;

    /** Relative noise above this is reported as "single precision or noisier". */
    private static final double DOUBLE_NOISE_LIMIT = 1e-10;

    /** The measured relative noise is clamped to this, beyond which differences say nothing anyway. */
    private static final double LARGEST_RELATIVE_NOISE = 1e-4;

    /** Ridders' ladder starts this many times above the first estimate's step. */
    private static final double RIDDERS_START = 8;

    /** Under KinkPolicy.FAIL, one-sided derivatives this far apart, relatively, make a parameter a kink candidate. */
    private static final double KINK_CANDIDATE_GAP = 0.1;

    /** A jump between one-sided derivatives is a kink when at a quarter of the step it keeps this much of its size. */
    private static final double KINK_PERSISTENCE = 0.5;

    private final GradientChecker.Settings settings;
    private final DifferentiableFunction function;
    private final double[] original;
    private final double[] point;
    private final ParameterLayout layout;
    private long evaluations;
    /** Under {@link KinkPolicy#FAIL}: parameters whose one-sided derivatives differ noticeably in the first pass. */
    private int[] kinkCandidates = new int[0];
    private int kinkCandidateCount;

    CheckRun(GradientChecker.Settings settings, DifferentiableFunction function, double[] original, ParameterLayout layout) {
        this.settings = settings;
        this.function = function;
        this.original = original;
        this.point = original.clone();
        this.layout = layout;
    }

    GradientReport execute() {
        long start = System.nanoTime();
        double value = valueAtPoint("f(x)");
        double[] analytic = analyticGradient("the analytic gradient");
        double again = valueAtPoint("f(x) a second time");
        double[] analyticAgain = analyticGradient("the analytic gradient a second time");
        double unit = settings.precision.relativeNoise();
        requireDeterministic(value, again, analytic, analyticAgain, unit);

        double noise = Math.max(ROUNDING_UNITS * unit * Math.abs(value), Math.abs(again - value));
        String precision;
        if (settings.precision == Precision.AUTOMATIC) {
            double measured = measureNoise(value);
            noise = Math.max(noise, measured);
            double relative = value == 0 ? 0 : measured / Math.abs(value);
            precision = (relative > DOUBLE_NOISE_LIMIT ? "single or lower" : "double") + " (measured noise "
                    + NumberFormatter.brief(relative) + " of |f|)";
        } else {
            precision = settings.precision.name().toLowerCase(Locale.ROOT) + " (declared)";
        }
        double relativeNoise = value == 0 ? unit : Math.min(Math.max(noise / Math.abs(value), unit), LARGEST_RELATIVE_NOISE);

        int n = point.length;
        double[] numerical = new double[n];
        double[] numericalError = new double[n];
        differentiate(value, noise, relativeNoise, unit, numerical, numericalError);
        GradientReport.Builder report = GradientReport.builder(layout);
        int refined = settings.refinement == Refinement.RIDDERS
                ? new Refiner(value, noise, relativeNoise, unit, analytic, numerical, numericalError, report).refine()
                : 0;
        requireUnmodified("the numerical derivatives");
        return report.gradients(analytic, numerical, numericalError)
                .judgedBy(settings.tolerance, settings.kinkPolicy, settings.untestedPolicy)
                .settings(settings.scheme, settings.stepSize.describe(settings.scheme, relativeNoise),
                        "full: every parameter", precision)
                .statistics(value, evaluations, refined, Duration.ofNanos(System.nanoTime() - start))
                .build();
    }

    private void requireDeterministic(double value, double again, double[] analytic, double[] analyticAgain, double unit) {
        double relativeAllowance = Math.max(NONDETERMINISM_UNITS * unit, settings.nondeterminismTolerance);
        if (Math.abs(again - value) > relativeAllowance * Math.abs(value)) {
            throw new GradientCheckException("the function is not deterministic: f(x) was " + value + " and then " + again
                    + " at the same point (a relative difference of " + NumberFormatter.brief(Math.abs(again - value) / Math.abs(value))
                    + "). A gradient check compares values at nearby points, so it needs the same value for the same point. "
                    + "The usual causes: dropout or another random layer left on (check with it off, or reset its random "
                    + "generator before each evaluation), an unseeded random generator inside the function, or state carried "
                    + "from one call to the next. If the difference is expected, state it with withNondeterminismTolerance(...).");
        }
        double scale = 0;
        for (double g : analytic) {
            scale = Math.max(scale, Math.abs(g));
        }
        for (int i = 0; i < analytic.length; i++) {
            double difference = Math.abs(analytic[i] - analyticAgain[i]);
            if (difference > relativeAllowance * Math.max(Math.abs(analytic[i]), settings.nondeterminismTolerance > 0 ? scale : 0)) {
                throw new GradientCheckException("the analytic gradient is not deterministic: " + layout.nameOf(i) + " (index " + i
                        + ") was " + analytic[i] + " and then " + analyticAgain[i] + " at the same point. The usual causes: "
                        + "dropout or another random layer left on, an unseeded random generator, or state carried from one "
                        + "call to the next (such as gradients accumulated into a buffer that is not cleared).");
            }
        }
    }

    private double measureNoise(double value) {
        try {
            return FunctionNoise.measure(this::evaluateElsewhere, point, value, settings.noiseSeed);
        } catch (IllegalStateException e) {
            throw new GradientCheckException(e.getMessage() + ": a gradient check needs finite values near the point;"
                    + " check the function's domain, or declare the precision with withPrecision(...) to skip the noise measurement", e);
        } catch (RuntimeException e) {
            throw new GradientCheckException("the function threw " + e + " while its noise was measured at points near the point"
                    + " being checked; declare the precision with withPrecision(...) to skip the measurement", e);
        }
    }

    private double evaluateElsewhere(double[] elsewhere) {
        evaluations++;
        return function.value(elsewhere);
    }

    private double valueAtPoint(String what) {
        double value;
        try {
            value = function.value(point);
        } catch (RuntimeException e) {
            throw new GradientCheckException("the function threw " + e + " while computing " + what
                    + " at the point being checked", e);
        }
        evaluations++;
        if (!Double.isFinite(value)) {
            throw new GradientCheckException("the function's value " + what + " is " + value
                    + " at the point being checked: a gradient check needs a finite value; check the inputs and parameters");
        }
        requireUnmodified(what);
        return value;
    }

    private double[] analyticGradient(String what) {
        double[] gradient;
        try {
            gradient = function.gradient(point);
        } catch (GradientCheckException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new GradientCheckException(what + " could not be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new GradientCheckException("the function threw " + e + " while computing " + what, e);
        }
        if (gradient == null) {
            throw new GradientCheckException(what + " is null: gradient(point) must return an array of length " + point.length);
        }
        if (gradient.length != point.length) {
            throw new GradientCheckException(what + " has length " + gradient.length + " but the point has "
                    + point.length + " parameters: return one partial derivative per parameter");
        }
        for (int i = 0; i < gradient.length; i++) {
            if (!Double.isFinite(gradient[i])) {
                throw new GradientCheckException(what + " is " + gradient[i] + " at " + layout.nameOf(i)
                        + " (index " + i + "): a gradient check needs finite values; look for a division by zero or an overflow");
            }
        }
        requireUnmodified(what);
        return gradient.clone();
    }

    private void requireUnmodified(String what) {
        if (!Arrays.equals(point, original)) {
            int index = firstDifference(point, original);
            throw new GradientCheckException("the function modified the point it was given while computing " + what + ": "
                    + layout.nameOf(index) + " (index " + index + ") was " + original[index] + " and became " + point[index]
                    + ". Functions must treat their input as read-only; copy it before changing it.");
        }
    }

    /** The flat per-coordinate loop: perturb in place, evaluate, restore the exact value. */
    private void differentiate(double value, double noise, double relativeNoise, double unit, double[] numerical,
            double[] numericalError) {
        DifferenceScheme scheme = settings.scheme;
        int n = point.length;
        int reportEvery = Math.max(1, n / 100);
        double[] x = point;
        int index = 0;
        double perturbed = 0;
        ProgressListener progress = settings.progress;
        boolean findKinks = settings.kinkPolicy == KinkPolicy.FAIL;
        try {
            for (index = 0; index < n; index++) {
                double xi = x[index];
                double h = settings.stepSize.stepFor(xi, scheme, relativeNoise);
                double plus = value;
                double minus = value;
                double upper = xi;
                double lower = xi;
                if (scheme != DifferenceScheme.BACKWARD) {
                    upper = xi + h;
                    perturbed = upper;
                    x[index] = upper;
                    plus = function.value(x);
                    evaluations++;
                    checkFinite(plus, index, upper, xi);
                }
                if (scheme != DifferenceScheme.FORWARD) {
                    lower = xi - h;
                    perturbed = lower;
                    x[index] = lower;
                    minus = function.value(x);
                    evaluations++;
                    checkFinite(minus, index, lower, xi);
                }
                x[index] = xi;
                double realised = upper - lower;
                if (realised == 0) {
                    throw new GradientCheckException("the step " + h + " vanishes next to " + layout.nameOf(index) + " = " + xi
                            + ": x + h == x in double precision. Use a larger or relative step (StepSize.automatic()).");
                }
                numerical[index] = (plus - minus) / realised;
                double rounding = Math.max(noise, ROUNDING_UNITS * unit * Math.max(Math.abs(plus), Math.abs(minus)));
                numericalError[index] = ROUNDING_BOUND * rounding / realised;
                if (findKinks && scheme == DifferenceScheme.CENTRAL) {
                    noteKinkCandidate(index, (plus - value) / (upper - xi), (value - minus) / (xi - lower),
                            ROUNDING_BOUND * rounding / Math.min(upper - xi, xi - lower));
                }
                if (index % reportEvery == 0) {
                    progress.progress(index, n);
                }
            }
        } catch (GradientCheckException e) {
            x[index] = original[index];
            throw e;
        } catch (RuntimeException e) {
            throw new GradientCheckException("the function threw " + e + " while evaluating the numerical derivative of "
                    + layout.nameOf(index) + " (index " + index + ") at " + layout.nameOf(index) + " = " + perturbed
                    + " (perturbed from " + original[index] + ")", e);
        }
        progress.progress(n, n);
    }

    /** Remembers a parameter whose one-sided derivatives differ by more than a tenth and more than their noise. */
    private void noteKinkCandidate(int index, double right, double left, double rounding) {
        double gap = Math.abs(right - left);
        if (gap > KINK_CANDIDATE_GAP * Math.max(Math.abs(right), Math.abs(left))
                && gap > GradientChecker.SAFETY_FACTOR * 2 * rounding) {
            if (kinkCandidateCount == kinkCandidates.length) {
                kinkCandidates = Arrays.copyOf(kinkCandidates, Math.max(16, 2 * kinkCandidateCount));
            }
            kinkCandidates[kinkCandidateCount++] = index;
        }
    }

    private void checkFinite(double value, int index, double perturbed, double from) {
        if (!Double.isFinite(value)) {
            throw new GradientCheckException("the function's value is " + value + " when " + layout.nameOf(index)
                    + " (index " + index + ") is perturbed to " + perturbed + " (from " + from
                    + "): a gradient check needs finite values near the point; use a smaller step or check the function's domain");
        }
    }

    /** The value of the function with coordinate {@code index} set to {@code at}; the coordinate is restored. */
    double valueWith(int index, double at) {
        double saved = point[index];
        point[index] = at;
        double value;
        try {
            value = function.value(point);
        } catch (RuntimeException e) {
            point[index] = saved;
            throw new GradientCheckException("the function threw " + e + " while re-estimating the derivative of "
                    + layout.nameOf(index) + " (index " + index + ") at " + layout.nameOf(index) + " = " + at
                    + " (perturbed from " + saved + ")", e);
        }
        point[index] = saved;
        evaluations++;
        checkFinite(value, index, at, saved);
        return value;
    }

    private static int firstDifference(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Double.doubleToLongBits(a[i]) != Double.doubleToLongBits(b[i])) {
                return i;
            }
        }
        return -1;
    }

    /** The second stage: re-estimates disagreeing parameters with Ridders' method and looks for kinks. */
    private final class Refiner {

        private final double value;
        private final double noise;
        private final double relativeNoise;
        private final double unit;
        private final double[] analytic;
        private final double[] numerical;
        private final double[] numericalError;
        private final GradientReport.Builder report;

        Refiner(double value, double noise, double relativeNoise, double unit, double[] analytic, double[] numerical,
                double[] numericalError, GradientReport.Builder report) {
            this.value = value;
            this.noise = noise;
            this.relativeNoise = relativeNoise;
            this.unit = unit;
            this.analytic = analytic;
            this.numerical = numerical;
            this.numericalError = numericalError;
            this.report = report;
        }

        /** Refines the disagreeing parameters, borderline ones first; returns how many were refined. */
        int refine() {
            int[] suspects = disagreeing();
            lookForKinksAmongCandidates(suspects);
            if (suspects.length == 0) {
                return 0;
            }
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
        private void lookForKinksAmongCandidates(int[] suspects) {
            int[] sortedSuspects = suspects.clone();
            Arrays.sort(sortedSuspects);
            for (int k = 0; k < kinkCandidateCount; k++) {
                int index = kinkCandidates[k];
                if (Arrays.binarySearch(sortedSuspects, index) < 0) {
                    double xi = point[index];
                    kink(index, xi, settings.stepSize.stepFor(xi, DifferenceScheme.CENTRAL, relativeNoise), analytic[index]);
                }
            }
        }

        /** Indices of parameters that disagree on the first estimate, ordered by error ratio, smallest first. */
        private int[] disagreeing() {
            Tolerance tolerance = settings.tolerance;
            int count = 0;
            int[] indices = new int[16];
            for (int i = 0; i < analytic.length; i++) {
                if (Math.abs(analytic[i] - numerical[i]) > tolerance.allowed(analytic[i], numerical[i], numericalError[i])) {
                    if (count == indices.length) {
                        indices = Arrays.copyOf(indices, count * 2);
                    }
                    indices[count++] = i;
                }
            }
            double[] ratios = new double[count];
            Integer[] order = new Integer[count];
            for (int k = 0; k < count; k++) {
                int i = indices[k];
                ratios[k] = Math.abs(analytic[i] - numerical[i]) / tolerance.allowed(analytic[i], numerical[i], numericalError[i]);
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
        private boolean refine(int index) {
            Tolerance tolerance = settings.tolerance;
            double xi = point[index];
            double h = settings.stepSize.stepFor(xi, DifferenceScheme.CENTRAL, relativeNoise);
            RiddersDifferentiator.Estimate estimate = RiddersDifferentiator.derivative(
                    at -> valueWith(index, at), xi, RIDDERS_START * h);
            double rounding = ROUNDING_BOUND * noise / (2 * estimate.finestStep());
            double error = GradientChecker.SAFETY_FACTOR * (estimate.error() + rounding);
            double g = analytic[index];
            numerical[index] = estimate.value();
            numericalError[index] = error;
            if (Math.abs(g - estimate.value()) <= tolerance.allowed(g, estimate.value(), error)) {
                return true;
            }
            return kink(index, xi, h, g);
        }

        /**
         * Looks for a kink at parameter {@code index}: a jump between the one-sided derivatives that keeps its
         * size when the step shrinks fourfold. Records an accepted kink; returns whether it was accepted.
         */
        private boolean kink(int index, double xi, double h, double g) {
            double[] wide = oneSided(index, xi, h);
            double[] narrow = oneSided(index, xi, h / 4);
            double wideGap = wide[1] - wide[0];
            double narrowGap = narrow[1] - narrow[0];
            double narrowStep = Math.min(narrow[2], narrow[3]);
            double rounding = ROUNDING_BOUND * Math.max(noise, ROUNDING_UNITS * unit * Math.abs(value)) / narrowStep;
            boolean jump = Math.abs(narrowGap) > GradientChecker.SAFETY_FACTOR * 2 * rounding
                    && Math.abs(narrowGap) > KINK_PERSISTENCE * Math.abs(wideGap)
                    && Math.signum(narrowGap) == Math.signum(wideGap);
            if (!jump) {
                return false;
            }
            double left = narrow[0];
            double right = narrow[1];
            double slack = settings.tolerance.allowed(left, right, GradientChecker.SAFETY_FACTOR * rounding)
                    + Math.abs(wideGap - narrowGap);
            if (g < Math.min(left, right) - slack || g > Math.max(left, right) + slack) {
                return false;
            }
            report.kink(index, left, right);
            return settings.kinkPolicy == KinkPolicy.ACCEPT_SUBGRADIENT;
        }

        /** {left derivative, right derivative, left step, right step} at step {@code h}. */
        private double[] oneSided(int index, double xi, double h) {
            double upper = xi + h;
            double lower = xi - h;
            double right = (valueWith(index, upper) - value) / (upper - xi);
            double left = (value - valueWith(index, lower)) / (xi - lower);
            return new double[] {left, right, xi - lower, upper - xi};
        }
    }
}
