package org.gradcheck.engine;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.analysis.differentiation.SparseGradient;
import org.gradcheck.CheckRefusedException;
import org.gradcheck.GradientChecker;
import org.gradcheck.Tolerance;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.function.FieldFunction;
import org.gradcheck.layout.ParameterLayout;

/**
 * The exact oracle: a hand-written gradient against the exact gradient of the same function written over
 * commons-math3's field elements, by forward-mode automatic differentiation. No finite differences, so no
 * truncation or step; each entry is allowed {@code ulps} units of rounding of its own size plus the gradient's
 * largest entry ({@link Kernel#agreesExactly}).
 */
final class ExactComparison {

    private static final double EPSILON = Math.ulp(1.0);

    private ExactComparison() {
    }

    static GradientOutcome compare(GradientChecker checker, Settings settings, FieldFunction function,
            DifferentiableFunction handWritten, double[] point, ParameterLayout layout) {
        long start = System.nanoTime();
        int n = point.length;
        int ulps = settings.exactUlps;
        double value;
        try {
            value = handWritten.value(point.clone());
        } catch (RuntimeException e) {
            throw new CheckRefusedException("the hand-written function threw " + e + " while computing f(x)", e);
        }
        SparseGradient[] variables = new SparseGradient[n];
        for (int i = 0; i < n; i++) {
            variables[i] = SparseGradient.createVariable(i, point[i]);
        }
        SparseGradient result;
        try {
            result = function.value(variables);
        } catch (RuntimeException e) {
            throw new CheckRefusedException("the field function threw " + e + " while computing the exact gradient", e);
        }
        if (result == null) {
            throw new CheckRefusedException("the field function returned null: return the value computed from the point");
        }
        if (!Double.isFinite(result.getValue())) {
            throw new CheckRefusedException("the field function's value is " + result.getValue()
                    + " at the point: an exact gradient check needs a finite value");
        }
        if (Math.abs(value - result.getValue()) > ulps * EPSILON * Math.max(Math.abs(value), Math.abs(result.getValue()))) {
            throw new CheckRefusedException("the hand-written function's value " + value + " differs from the field "
                    + "function's value " + result.getValue() + " at the point: they do not compute the same function, so"
                    + " their gradients cannot be compared. Check that both implement the same formula.");
        }
        double[] exact = new double[n];
        double largest = 0;
        for (int i = 0; i < n; i++) {
            exact[i] = result.getDerivative(i);
            if (!Double.isFinite(exact[i])) {
                throw new CheckRefusedException("the exact gradient is " + exact[i] + " at " + layout.nameOf(i)
                        + ": the function is not differentiable there (or overflows)");
            }
            largest = Math.max(largest, Math.abs(exact[i]));
        }
        double[] copy = point.clone();
        double[] gradient;
        try {
            gradient = handWritten.gradient(copy);
        } catch (RuntimeException e) {
            throw new CheckRefusedException("the hand-written gradient threw " + e, e);
        }
        if (gradient == null || gradient.length != n) {
            throw new CheckRefusedException("the hand-written gradient has " + (gradient == null ? "no values"
                    : "length " + gradient.length) + " but the point has " + n
                    + " parameters: return one partial derivative per parameter");
        }
        int modified = Arrays.mismatch(copy, point);
        if (modified >= 0) {
            throw new CheckRefusedException("the hand-written gradient modified the point: " + layout.nameOf(modified)
                    + " was " + point[modified] + " and became " + copy[modified]
                    + ". Functions must treat their input as read-only.");
        }
        Findings findings = new Findings(1, n, gradient.clone());
        // the rule is the checker's, with a tolerance of a few units of rounding and no numerical error: the reference
        // is exact, and the report's allowed errors and tolerance are the ones the verdicts used
        Tolerance exactTolerance = Tolerance.of(ulps * EPSILON, ulps * EPSILON * largest);
        for (int i = 0; i < n; i++) {
            double a = findings.analytic[i];
            if (!Double.isFinite(a)) {
                throw new CheckRefusedException("the hand-written gradient is " + a + " at " + layout.nameOf(i)
                        + ": a gradient check needs finite values");
            }
            double allowed = exactTolerance.allowed(a, exact[i], 0);
            findings.decide(i, Kernel.agreesExactly(a, exact[i], allowed) ? Findings.PASS : Findings.FAIL, exact[i], 0);
            if (Math.abs(a) <= allowed && Math.abs(exact[i]) <= allowed) {
                findings.flags[i] |= Findings.NEGLIGIBLE;
            }
        }
        settings = Settings.withTolerance(checker, exactTolerance);
        Outcome.Description description = new Outcome.Description();
        description.step = () -> "none (exact derivatives)";
        description.strategy = () -> "exact: forward-mode automatic differentiation (commons-math3 SparseGradient)";
        description.precision = () -> "exact (forward mode)";
        description.tolerance = "|g - e| <= " + ulps + " ulps * (max(|g|, |e|) + max |e|)";
        description.evaluations = 3;
        description.elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new GradientOutcome("Exact gradient", layout, findings, settings, description, value, List.of());
    }
}
