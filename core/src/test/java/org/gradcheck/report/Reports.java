package org.gradcheck.report;

import java.time.Duration;
import org.gradcheck.Tolerance;
import org.gradcheck.DifferenceScheme;
import org.gradcheck.StepSize;
import org.gradcheck.layout.ParameterLayout;

/** Small reports with known numbers, built directly so that every figure in them can be checked by hand. */
public final class Reports {

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
    public static GradientReport create(ParameterLayout layout, double[] analytic, double[] numerical, double[] numericalError,
            Tolerance tolerance, DifferenceScheme scheme, String stepDescription, double value, long evaluations,
            Duration elapsed) {
        return GradientReport.builder(layout).gradients(analytic, numerical, numericalError)
                .judgedBy(tolerance, org.gradcheck.KinkPolicy.ACCEPT_SUBGRADIENT, org.gradcheck.UntestedPolicy.WARN)
                .settings(scheme, stepDescription, "full: every parameter", "double (declared)")
                .statistics(value, evaluations, 0, elapsed)
                .build();
    }

    /** A report over {@code layout} with the given gradients, no noise and the default tolerance. */
    static GradientReport of(ParameterLayout layout, double[] analytic, double[] numerical) {
        return create(layout, analytic, numerical, new double[analytic.length], Tolerance.defaults(),
                DifferenceScheme.CENTRAL, "h", 1, 2 + 2L * analytic.length, Duration.ZERO);
    }
}
