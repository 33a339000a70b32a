package org.gradcheck.function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.analysis.ParametricUnivariateFunction;
import org.apache.commons.math3.analysis.function.Gaussian;
import org.apache.commons.math3.analysis.polynomials.PolynomialFunction;
import org.gradcheck.CheckRefusedException;
import org.gradcheck.GradientChecker;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.Entry;
import org.gradcheck.report.JacobianReport;
import org.junit.jupiter.api.Test;

class ParametricCurveFunctionTests {

    private static final double[] SAMPLES = {-1, 1, 2};

    /** The line {@code a + b x}, whose gradient with respect to {@code b} is wrongly 1 instead of {@code x}. */
    private static final ParametricUnivariateFunction WRONG_LINE = new ParametricUnivariateFunction() {
        @Override
        public double value(double x, double... parameters) {
            return parameters[0] + parameters[1] * x;
        }

        @Override
        public double[] gradient(double x, double... parameters) {
            return new double[] {1, 1};
        }
    };

    private static JacobianReport check(ParametricCurveFunction function, double... parameters) {
        return GradientChecker.defaults().checkJacobian(function, parameters, function.parameterLayout(), function.sampleLayout());
    }

    private static List<String> failures(JacobianReport report) {
        return report.failures().stream().map(Entry::name).sorted().toList();
    }

    @Test
    void outputsAreTheValuesAtTheSamplePointsAndRowsTheirGradients() {
        Gaussian.Parametric gaussian = new Gaussian.Parametric();
        ParametricCurveFunction function = ParametricCurveFunction.of(gaussian, SAMPLES, "norm", "mean", "sigma");
        double[] p = {2, 0.3, 1.5};

        double[] values = function.value(p);
        double[][] jacobian = function.jacobian(p);

        for (int k = 0; k < SAMPLES.length; k++) {
            assertEquals(gaussian.value(SAMPLES[k], p), values[k]);
            assertArrayEquals(gaussian.gradient(SAMPLES[k], p), jacobian[k]);
        }
        assertEquals("[norm, mean, sigma]", function.parameterLayout().toString());
        assertEquals("[f(-1.0), f(1.0), f(2.0)]", function.sampleLayout().toString());
        assertArrayEquals(SAMPLES, function.samplePoints());
    }

    @Test
    void aRightGradientPassesWithEntriesNamedBySampleAndParameter() {
        JacobianReport report = check(ParametricCurveFunction.of(new Gaussian.Parametric(), SAMPLES, "norm", "mean", "sigma"),
                2, 0.3, 1.5);

        assertTrue(report.passed(), report::toString);
        assertEquals(9, report.size());
        assertEquals("f(2.0) / mean", report.entry(2, 1).name());
    }

    @Test
    void aWrongGradientFailsAtTheEntriesOfTheWrongParameterOnly() {
        JacobianReport report = check(ParametricCurveFunction.of(WRONG_LINE, SAMPLES, "a", "b"), 0.5, -2);

        // at x = 1 the wrong derivative 1 happens to be right
        assertEquals(List.of("f(-1.0) / b", "f(2.0) / b"), failures(report));
        assertEquals("Jacobian check failed: 2 of 6 entries disagree", report.headline());
        assertTrue(report.toString().startsWith(report.headline() + "\n  worst f(-1.0) / b: analytic 1.000e+00, numerical "
                + "-1.000e+00, mismatch "), report::toString);
    }

    @Test
    void aLayoutNamesParametersThatAreAVector() {
        ParametricCurveFunction cubic = ParametricCurveFunction.of(new PolynomialFunction.Parametric(), SAMPLES,
                ParameterLayout.vector("c", 4));

        JacobianReport report = check(cubic, 1, -0.5, 0.25, 2);

        assertTrue(report.passed(), report::toString);
        assertEquals("f(-1.0) / c[3]", report.entry(0, 3).name());
    }

    @Test
    void theSamplePointsAreCopied() {
        double[] samples = SAMPLES.clone();
        ParametricCurveFunction function = ParametricCurveFunction.of(WRONG_LINE, samples, "a", "b");

        samples[0] = 100;
        function.samplePoints()[1] = 100;

        assertArrayEquals(SAMPLES, function.samplePoints());
        assertArrayEquals(new double[] {-1.5, 2.5, 4.5}, function.value(new double[] {0.5, 2}));
    }

    @Test
    void aFunctionThatChangesItsParametersIsReportedByTheChecker() {
        ParametricUnivariateFunction changing = new ParametricUnivariateFunction() {
            @Override
            public double value(double x, double... parameters) {
                parameters[0] = 0;
                return x * parameters[1];
            }

            @Override
            public double[] gradient(double x, double... parameters) {
                return new double[] {0, x};
            }
        };

        CheckRefusedException e = assertThrows(CheckRefusedException.class,
                () -> check(ParametricCurveFunction.of(changing, SAMPLES, "a", "b"), 0.5, 2));

        assertEquals("the function modified the point it was given while computing the outputs: a (index 0) was 0.5 and "
                + "became 0.0. Functions must treat their input as read-only; copy it before changing it.", e.getMessage());
    }

    @Test
    void parametersOfTheWrongCountAreNamed() {
        ParametricCurveFunction function = ParametricCurveFunction.of(WRONG_LINE, SAMPLES, "a", "b");

        IllegalArgumentException value = assertThrows(IllegalArgumentException.class, () -> function.value(new double[3]));
        IllegalArgumentException jacobian = assertThrows(IllegalArgumentException.class, () -> function.jacobian(new double[1]));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> function.value(null));
        CheckRefusedException checked = assertThrows(CheckRefusedException.class,
                () -> GradientChecker.defaults().checkJacobian(function, new double[] {1, 2, 3}));

        assertEquals("point has length 3 but the function has 2 named parameters [a, b]: pass one value per parameter, "
                + "or name every parameter the function takes", value.getMessage());
        assertEquals("point has length 1 but the function has 2 named parameters [a, b]: pass one value per parameter, "
                + "or name every parameter the function takes", jacobian.getMessage());
        assertEquals("point must not be null: pass one value per parameter [a, b]", none.getMessage());
        assertEquals("the function threw java.lang.IllegalArgumentException: point has length 3 but the function has 2 "
                + "named parameters [a, b]: pass one value per parameter, or name every parameter the function takes while "
                + "computing the outputs at the point being checked", checked.getMessage());
    }

    @Test
    void badArgumentsAreRejected() {
        assertEquals("function must not be null: pass the ParametricUnivariateFunction whose gradient is checked, e.g. "
                + "new Gaussian.Parametric()", message(() -> ParametricCurveFunction.of(null, SAMPLES, "a", "b")));
        assertEquals("samplePoints must not be null: give the points x at which the function is evaluated, e.g. {0, 0.5, 1}",
                message(() -> ParametricCurveFunction.of(WRONG_LINE, null, "a", "b")));
        assertEquals("samplePoints must not be empty: give at least one point x at which the function is evaluated",
                message(() -> ParametricCurveFunction.of(WRONG_LINE, new double[0], "a", "b")));
        assertEquals("samplePoints[1] is Infinity: sample points must be finite",
                message(() -> ParametricCurveFunction.of(WRONG_LINE, new double[] {0, Double.POSITIVE_INFINITY}, "a", "b")));
        assertEquals("samplePoints[2] is 0.5, as samplePoints[0] is: give distinct sample points",
                message(() -> ParametricCurveFunction.of(WRONG_LINE, new double[] {0.5, 1, 0.5}, "a", "b")));
        assertEquals("parameterNames must not be empty: name every parameter of the function in the order of its gradient, "
                + "e.g. \"lo\", \"hi\"", message(() -> ParametricCurveFunction.of(WRONG_LINE, SAMPLES)));
        assertEquals("parameterNames must not be null: name every parameter of the function in the order of its gradient, "
                + "e.g. \"lo\", \"hi\"", message(() -> ParametricCurveFunction.of(WRONG_LINE, SAMPLES, (String[]) null)));
        assertEquals("block name a is used twice: block names must be unique",
                message(() -> ParametricCurveFunction.of(WRONG_LINE, SAMPLES, "a", "a")));
        assertEquals("parameterLayout must not be null: name the parameters, e.g. ParameterLayout.scalars(\"lo\", \"hi\")",
                message(() -> ParametricCurveFunction.of(WRONG_LINE, SAMPLES, (ParameterLayout) null)));
    }

    private static String message(Runnable call) {
        return assertThrows(IllegalArgumentException.class, call::run).getMessage();
    }
}
