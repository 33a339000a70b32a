package org.gradcheck.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.commons.math3.analysis.ParametricUnivariateFunction;
import org.apache.commons.math3.analysis.function.Gaussian;
import org.apache.commons.math3.analysis.function.HarmonicOscillator;
import org.apache.commons.math3.analysis.function.Logistic;
import org.apache.commons.math3.analysis.function.Logit;
import org.apache.commons.math3.analysis.function.Sigmoid;
import org.gradcheck.GradientChecker;
import org.gradcheck.function.ParametricCurveFunction;
import org.gradcheck.report.JacobianReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Example: every {@code Parametric} curve-fitting function that commons-math3 3.6.1 ships in its
 * {@code analysis.function} package, checked through {@link ParametricCurveFunction} at several parameter points
 * and sample points inside its domain.
 *
 * <p>All of them are right but one: {@code Logit.Parametric.gradient} returns {@code 1 / (hi - x)} as the derivative
 * of {@code log((x - lo) / (hi - x))} with respect to {@code hi}, which is {@code -1 / (hi - x)}. A curve fitter
 * that uses it moves {@code hi} the wrong way. The check names exactly the {@code hi} entries, at every sample
 * point, and none of the {@code lo} entries.
 */
class CommonsMathParametricTests {

    /** The sample points x: inside (lo, hi) for every Logit point below, and anywhere for the other functions. */
    private static final double[] SAMPLES = {-0.25, 0, 0.5, 1, 1.25};

    /** One function, its parameter names in the order of its parameter array, and the points it is checked at. */
    private record Case(ParametricUnivariateFunction function, List<String> parameters, double[]... points) {

        ParametricCurveFunction sampled() {
            return ParametricCurveFunction.of(function, SAMPLES, parameters.toArray(new String[0]));
        }

        String name() {
            return function.getClass().getName();
        }

        /** {@code Logit.Parametric}, as a test's display name. */
        String displayName() {
            return function.getClass().getEnclosingClass().getSimpleName() + ".Parametric";
        }
    }

    private static final List<Case> CASES = List.of(
            new Case(new Gaussian.Parametric(), List.of("norm", "mean", "sigma"),
                    new double[] {2, 0.3, 1.5}, new double[] {-1, -2, 0.5}, new double[] {0.5, 1, 3}),
            new Case(new HarmonicOscillator.Parametric(), List.of("amplitude", "omega", "phase"),
                    new double[] {2, 3, 0.4}, new double[] {-1, 0.5, -2}, new double[] {0.3, 7, 1}),
            new Case(new Logistic.Parametric(), List.of("k", "m", "b", "q", "a", "n"),
                    new double[] {2, 0.3, 1.2, 0.8, -1, 1.5}, new double[] {5, -1, 0.5, 2, 1, 0.7},
                    new double[] {1, 0, 3, 0.5, 0, 2}),
            new Case(new Logit.Parametric(), List.of("lo", "hi"),
                    new double[] {-1, 2}, new double[] {-3, 1.5}, new double[] {-0.5, 4}),
            new Case(new Sigmoid.Parametric(), List.of("lo", "hi"),
                    new double[] {-1, 2}, new double[] {0, 1}, new double[] {3, -2}));

    private static JacobianReport check(Case c, double[] point) {
        ParametricCurveFunction function = c.sampled();
        return GradientChecker.defaults().checkJacobian(function, point, function.parameterLayout(), function.sampleLayout());
    }

    private static List<String> failures(JacobianReport report) {
        return report.failures().stream().map(entry -> entry.name()).sorted().toList();
    }

    static Stream<Arguments> pointsOfEveryCase() {
        List<Arguments> arguments = new ArrayList<>();
        for (Case c : CASES) {
            for (double[] point : c.points()) {
                arguments.add(Arguments.of(c.displayName(), c, point));
            }
        }
        return arguments.stream();
    }

    @Test
    void theCasesAreEveryParametricFunctionOfThePackage() throws IOException, URISyntaxException {
        Path jar = Path.of(Logit.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> shipped = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                String name = entry.getName();
                if (name.matches("org/apache/commons/math3/analysis/function/[^/$]+\\$Parametric\\.class")) {
                    shipped.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                }
            }
        }

        assertTrue(jar.getFileName().toString().equals("commons-math3-3.6.1.jar"), jar::toString);
        assertEquals(shipped.stream().sorted().toList(), CASES.stream().map(Case::name).sorted().toList());
    }

    @ParameterizedTest(name = "{0} at {2}")
    @MethodSource("pointsOfEveryCase")
    void everyParametricFunctionButLogitIsRight(String name, Case c, double[] point) {
        JacobianReport report = check(c, point);

        if (c.function() instanceof Logit.Parametric) {
            assertFalse(report.passed(), report::toString);
        } else {
            assertTrue(report.passed(), report::toString);
            assertEquals(SAMPLES.length * c.parameters().size(), report.size());
        }
    }

    @ParameterizedTest(name = "lo = {0}, hi = {1}")
    @MethodSource("logitPoints")
    void logitsDerivativeWithRespectToHiHasTheWrongSignAtEverySamplePoint(double lo, double hi) {
        JacobianReport report = check(CASES.get(3), new double[] {lo, hi});

        assertEquals(List.of("f(-0.25) / hi", "f(0.0) / hi", "f(0.5) / hi", "f(1.0) / hi", "f(1.25) / hi"), failures(report));
        for (int k = 0; k < SAMPLES.length; k++) {
            double derivative = -1 / (hi - SAMPLES[k]);
            assertEquals(-derivative, report.entry(k, 1).analytic(), 1e-15 * Math.abs(derivative));
            assertEquals(derivative, report.entry(k, 1).numerical(), 1e-8 * Math.abs(derivative));
        }
    }

    static Stream<Arguments> logitPoints() {
        return Arrays.stream(CASES.get(3).points()).map(point -> Arguments.of(point[0], point[1]));
    }

    @Test
    void theLogitReportNamesTheHiEntriesWorstFirst() {
        JacobianReport report = check(CASES.get(3), new double[] {-1, 2});

        assertEquals("Jacobian check failed: 5 of 10 entries disagree\n"
                + "  worst f(0.5) / hi: analytic 6.667e-01, numerical -6.667e-01, mismatch 1.333e+00, allowed 6.668e-07\n"
                + "      (numerical error 1.397e-10)\n"
                + "  entries: 5 outputs x 2 inputs, analytic values from the Jacobian\n"
                + "  consistency: not checked, only one derivative form is implemented\n"
                + "  overall difference ||a - n|| / (||a|| + ||n||): 7.071e-01\n"
                + "  strategy: full: every entry\n"
                + "  scheme: central difference, step 6.055e-06 * max(|x|, 1) (automatic); 5 entries re-estimated\n"
                + "  tolerance: |g - n| <= 0 + 1.0e-06 * max(|g|, |n|) + numerical error\n"
                + "  precision: double (measured noise 2.0e-16 of the size of y)\n"
                + "  evaluations: 58, seed 24301\n"
                + "\n"
                + "entry            analytic   numerical   mismatch  num error  rel error  verdict\n"
                + "f(0.5) / hi     6.667e-01  -6.667e-01  1.333e+00  1.397e-10  2.000e+00  FAIL\n"
                + "f(0.0) / hi     5.000e-01  -5.000e-01  1.000e+00  4.955e-10  2.000e+00  FAIL\n"
                + "f(1.0) / hi     1.000e+00  -1.000e+00  2.000e+00  1.174e-09  2.000e+00  FAIL\n"
                + "f(-0.25) / hi   4.444e-01  -4.444e-01  8.889e-01  6.918e-10  2.000e+00  FAIL\n"
                + "f(1.25) / hi    1.333e+00  -1.333e+00  2.667e+00  2.358e-09  2.000e+00  FAIL\n"
                + "f(1.25) / lo   -4.444e-01  -4.444e-01  1.833e-11  1.709e-10  4.125e-11  PASS\n"
                + "f(-0.25) / lo  -1.333e+00  -1.333e+00  3.667e-11  1.709e-10  2.750e-11  PASS\n"
                + "f(1.0) / lo    -5.000e-01  -5.000e-01  1.375e-11  1.078e-10  2.750e-11  PASS\n"
                + "... and 2 more checked entries, all passing\n"
                + "\n"
                + "block   shape  checked  fail  unres.  kinks  ~zero  max rel err  difference  worst\n"
                + "lo     5 x []        5     0       0      0      0    4.125e-11   1.158e-11  f(1.25) / lo\n"
                + "hi     5 x []        5     5       0      0      0    2.000e+00   1.000e+00  f(0.5) / hi\n",
                report.toString());
    }
}
