package org.gradcheck.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
// README: begin finding-imports
import org.apache.commons.math3.analysis.function.Logit;
import org.gradcheck.GradientChecker;
import org.gradcheck.function.ParametricCurveFunction;
import org.gradcheck.report.JacobianReport;
// README: end finding-imports
import org.junit.jupiter.api.Test;

/**
 * The README tour's first finding in the wild, as the tour shows it (imports included): commons-math3 3.6.1's
 * {@code Logit.Parametric} has the wrong sign in its derivative with respect to {@code hi}.
 * {@link CommonsMathParametricTests} checks every {@code Parametric} function of the package.
 */
class ReadmeFindingTests {

    @Test
    void logitsDerivativeWithRespectToHiHasTheWrongSign() {
        // README: begin finding
        ParametricCurveFunction logit = ParametricCurveFunction.of(new Logit.Parametric(),
                new double[] {-0.25, 0, 0.5, 1, 1.25}, "lo", "hi");        // sample points x, inside (lo, hi)

        JacobianReport report = GradientChecker.defaults()
                .checkJacobian(logit, new double[] {-1, 2}, logit.parameterLayout(), logit.sampleLayout());
        // README: end finding

        assertEquals(List.of("f(-0.25) / hi", "f(0.0) / hi", "f(0.5) / hi", "f(1.0) / hi", "f(1.25) / hi"),
                report.failures().stream().map(entry -> entry.name()).sorted().toList());
        assertEquals("Jacobian check failed: 5 of 10 entries disagree", report.headline());
        assertEquals("f(0.5) / hi", report.worst(1).get(0).name());
    }
}
