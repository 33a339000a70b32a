package org.gradcheck.engine;

import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import org.gradcheck.DifferenceScheme;
import org.gradcheck.GradientChecker;
import org.gradcheck.Precision;
import org.gradcheck.StepSize;
import org.gradcheck.Tolerance;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.GradientReport;

/**
 * Small gradient reports with known numbers, built from findings directly (as a check builds them) so that every
 * figure in them can be checked by hand. Each entry's verdict is decided by the kernel's rule for a settled estimate:
 * PASS when the values agree and the reference is resolved, PASS (negligible) when both are indistinguishable from
 * zero, FAIL when a resolved reference disagrees, UNRESOLVED otherwise.
 */
final class Reports {

    private Reports() {
    }

    /** W [2, 2] and b [2]; only W[1,1] is wrong (analytic 4, numerical 4.4). */
    static GradientReport failing() {
        ParameterLayout layout = ParameterLayout.builder().matrix("W", 2, 2).vector("b", 2).build();
        return create(layout, new double[] {1, -2, 3, 4, 0.5, 0}, new double[] {1, -2, 3, 4.4, 0.5, 0},
                new double[] {1e-10, 1e-10, 1e-10, 1e-10, 2e-11, 2e-11}, Tolerance.defaults(), DifferenceScheme.CENTRAL,
                StepSize.automatic().describe(DifferenceScheme.CENTRAL), 0.6931471805599453, 14, Duration.ofMillis(3));
    }

    /** x [2], forward difference, both parameters within the tolerance. */
    static GradientReport passing() {
        return create(ParameterLayout.vector("x", 2), new double[] {6, -0.25}, new double[] {6.000000000001, -0.25},
                new double[] {1e-10, 0}, Tolerance.of(1e-7, 1e-9), DifferenceScheme.FORWARD,
                StepSize.absolute(1e-7).describe(DifferenceScheme.FORWARD), 9, 4, Duration.ZERO);
    }

    /** A full-check report built from its parts, as the checker builds one. */
    static GradientReport create(ParameterLayout layout, double[] analytic, double[] numerical, double[] numericalError,
            Tolerance tolerance, DifferenceScheme scheme, String stepDescription, double value, long evaluations,
            Duration elapsed) {
        Outcome.Description description = description(stepDescription, "full: every parameter", evaluations, elapsed);
        return outcome(layout, analytic, numerical, numericalError, null, settings(tolerance, scheme), description, value);
    }

    /** A report over {@code layout} with the given gradients, no noise and the default tolerance. */
    static GradientReport of(ParameterLayout layout, double[] analytic, double[] numerical) {
        return create(layout, analytic, numerical, new double[analytic.length], Tolerance.defaults(),
                DifferenceScheme.CENTRAL, "h", 1, 2 + 2L * analytic.length, Duration.ZERO);
    }

    static Settings settings(Tolerance tolerance, DifferenceScheme scheme) {
        return new Settings(GradientChecker.defaults().withTolerance(tolerance).withScheme(scheme));
    }

    static Outcome.Description description(String step, String strategy, long evaluations, Duration elapsed) {
        Outcome.Description description = new Outcome.Description();
        description.step = () -> step;
        description.strategy = () -> strategy;
        description.precision = () -> "double (declared)";
        description.evaluations = evaluations;
        description.elapsed = elapsed;
        return description;
    }

    /**
     * Findings whose entries outside {@code checked} (all when null) were not checked one by one (no reference,
     * negligible when their analytic value is within the kernel's fraction of their bound), the others judged by
     * {@code settings}' tolerance and the kernel's rule.
     */
    static Findings findings(double[] analytic, double[] numerical, double[] numericalError, BitSet checked,
            Settings settings) {
        Kernel kernel = kernel(settings, analytic.length);
        Findings findings = new Findings(1, analytic.length, analytic.clone());
        for (int k = 0; k < analytic.length; k++) {
            double a = analytic[k];
            double reference = numerical[k];
            double error = numericalError[k];
            if (checked != null && !checked.get(k)) {
                findings.decide(k, Findings.NOT_CHECKED, Double.NaN, error);
                if (Math.abs(a) <= Kernel.NEGLIGIBLE * error) {
                    findings.flags[k] |= Findings.NEGLIGIBLE;
                }
                continue;
            }
            boolean resolved = Kernel.resolved(reference, error);
            if (kernel.agrees(a, reference, error) && resolved) {
                findings.decide(k, Findings.PASS, reference, error);
            } else if (Kernel.negligible(a, reference, error)) {
                findings.decide(k, Findings.PASS, reference, error);
                findings.flags[k] |= Findings.NEGLIGIBLE;
            } else {
                findings.decide(k, resolved ? Findings.FAIL : Findings.UNRESOLVED, reference, error);
            }
        }
        if (checked != null) {
            findings.checkedColumns = checked;
        }
        return findings;
    }

    static GradientOutcome outcome(ParameterLayout layout, double[] analytic, double[] numerical, double[] numericalError,
            BitSet checked, Settings settings, Outcome.Description description, double value) {
        return new GradientOutcome("Gradient", layout, findings(analytic, numerical, numericalError, checked, settings),
                settings, description, value, List.of());
    }

    /** A kernel with {@code settings} for a function of {@code n} inputs whose precision is declared (nothing evaluated). */
    static Kernel kernel(Settings settings, int n) {
        double[] point = new double[n];
        GradientProblem problem = new GradientProblem(DifferentiableFunction.of(x -> 0, x -> new double[n]),
                ParameterLayout.vector("x", n));
        Evaluator evaluator = new Evaluator(problem, point, new Evaluator.Control());
        Noise noise = Noise.of(evaluator, new double[1], new double[1], new double[1], Precision.DOUBLE, 0, 1);
        return new Kernel(problem, new Findings(1, n, new double[n]), noise, settings, point, new double[1], null,
                new double[1]);
    }
}
