package org.gradcheck.jacobian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gradcheck.function.VectorFunction;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.math3.analysis.MultivariateMatrixFunction;
import org.apache.commons.math3.analysis.MultivariateVectorFunction;
import org.gradcheck.GradientCheckException;
import org.gradcheck.Precision;
import org.gradcheck.StepSize;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.Verdict;
import org.junit.jupiter.api.Test;

class JacobianCheckerTests {

    /** y = (x0 x1, sin x0, x1^2 + x2): a small function with a known Jacobian. */
    private static double[] value(double[] x) {
        return new double[] {x[0] * x[1], Math.sin(x[0]), x[1] * x[1] + x[2]};
    }

    private static double[][] jacobian(double[] x) {
        return new double[][] {{x[1], x[0], 0}, {Math.cos(x[0]), 0, 0}, {0, 2 * x[1], 1}};
    }

    private static double[] backward(double[] x, double[] u) {
        double[][] j = jacobian(x);
        double[] result = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                result[k] += j[i][k] * u[i];
            }
        }
        return result;
    }

    private static double[] forward(double[] x, double[] v) {
        double[][] j = jacobian(x);
        double[] result = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                result[i] += j[i][k] * v[k];
            }
        }
        return result;
    }

    private static final double[] POINT = {0.7, -1.3, 2.1};

    @Test
    void correctJacobianPassesWithSmallErrors() {
        JacobianReport report = JacobianChecker.defaults().check(VectorFunction.of(JacobianCheckerTests::value,
                JacobianCheckerTests::jacobian), POINT);

        assertTrue(report.passed(), report::toString);
        assertEquals(9, report.size());
        assertEquals(EnumSet.of(DerivativeForm.JACOBIAN), report.implementedForms());
        assertEquals(DerivativeForm.JACOBIAN, report.entriesFrom());
        assertTrue(report.productChecks().isEmpty());
        for (JacobianEntry entry : report.entries()) {
            assertTrue(entry.absoluteError() < 1e-9, entry::toString);
        }
        // 2 values at the point, 8 to measure the noise, 1 Jacobian, 2 per input
        assertEquals(2 + 8 + 1 + 6, report.evaluations());
        assertTrue(report.precision().startsWith("double (measured noise "), report.precision());
        assertEquals("y[1] / x[0]", report.entry(1, 0).name());
        assertEquals(Math.cos(0.7), report.entry("y[1]", "x[0]").analytic());
    }

    @Test
    void wrongEntryIsNamedByOutputAndInput() {
        VectorFunction wrong = VectorFunction.of(JacobianCheckerTests::value, x -> {
            double[][] j = jacobian(x);
            j[2][1] = x[1];
            return j;
        });
        ParameterLayout inputs = ParameterLayout.builder().vector("a", 2).vector("b", 1).build();
        ParameterLayout outputs = ParameterLayout.builder().vector("z", 3).build();

        JacobianReport report = JacobianChecker.defaults().check(wrong, POINT, inputs, outputs);

        assertFalse(report.passed());
        assertEquals(1, report.failureCount());
        List<JacobianEntry> failures = report.failures();
        assertEquals("z[2] / a[1]", failures.get(0).name());
        assertEquals(2, failures.get(0).outputIndex());
        assertEquals(1, failures.get(0).inputIndex());
        assertEquals(-2.6, failures.get(0).numerical(), 1e-8);
        assertEquals("Jacobian check failed: 1 of 9 entries disagree, worst z[2] / a[1] (analytic -1.300e+00, numerical -2.600e+00)",
                report.headline());
        JacobianMismatchError error = assertThrows(JacobianMismatchError.class,
                () -> JacobianChecker.defaults().assertMatches(wrong, POINT, inputs, outputs));
        assertTrue(error.getMessage().startsWith(report.headline()));
        assertTrue(error.getActual().getStringRepresentation().contains("z[2] / a[1] = -1.3\n"));
        String expected = error.getExpected().getStringRepresentation();
        int start = expected.indexOf("z[2] / a[1] = ") + "z[2] / a[1] = ".length();
        assertEquals(-2.6, Double.parseDouble(expected.substring(start, expected.indexOf('\n', start))), 1e-9);
        JacobianMismatchError extended = new JacobianMismatchError(error.report(), error.getMessage() + "\nseed 7\n");
        assertTrue(extended.getMessage().endsWith("\nseed 7\n"));
        assertEquals(error.getExpected().getStringRepresentation(), extended.getExpected().getStringRepresentation());
        assertEquals(error.report(), extended.report());
    }

    @Test
    void backwardPassAloneBuildsTheJacobianRowByRow() {
        AtomicInteger calls = new AtomicInteger();
        VectorFunction layer = VectorFunction.builder(JacobianCheckerTests::value).vectorJacobianProduct((x, u) -> {
            calls.incrementAndGet();
            return backward(x, u);
        }).build();

        JacobianReport report = JacobianChecker.defaults().check(layer, POINT);

        assertTrue(report.passed(), report::toString);
        assertEquals(DerivativeForm.VECTOR_JACOBIAN_PRODUCT, report.entriesFrom());
        assertEquals(EnumSet.of(DerivativeForm.VECTOR_JACOBIAN_PRODUCT), report.implementedForms());
        // one per output for the entries, one per consistency trial
        assertEquals(3 + JacobianChecker.DEFAULT_PRODUCT_TRIALS, calls.get());
        assertTrue(report.productChecks().isEmpty());
    }

    @Test
    void forwardModeAloneBuildsTheJacobianColumnByColumn() {
        VectorFunction function = VectorFunction.builder(JacobianCheckerTests::value)
                .jacobianVectorProduct(JacobianCheckerTests::forward).build();

        JacobianReport report = JacobianChecker.defaults().check(function, POINT);

        assertTrue(report.passed(), report::toString);
        assertEquals(DerivativeForm.JACOBIAN_VECTOR_PRODUCT, report.entriesFrom());
        assertEquals(-1.3, report.entry(0, 0).analytic());
    }

    @Test
    void adjointIdentityHoldsToRoundingForConsistentPasses() {
        VectorFunction function = VectorFunction.builder(JacobianCheckerTests::value)
                .vectorJacobianProduct(JacobianCheckerTests::backward)
                .jacobianVectorProduct(JacobianCheckerTests::forward).build();

        JacobianReport report = JacobianChecker.defaults().check(function, POINT);

        assertTrue(report.passed(), report::toString);
        assertEquals(3, report.productChecks().size());
        for (ProductCheck check : report.productChecks()) {
            assertEquals("<J^T u, v> = <u, J v>", check.description());
            assertTrue(check.absoluteError() <= 1e-14 * Math.max(1, Math.abs(check.leftValue())), check::toString);
        }
    }

    @Test
    void adjointIdentityCatchesAForwardModeBugThatTheEntriesDoNotSee() {
        // The entries come from the (correct) backward pass; the forward mode forgets the cos term.
        VectorFunction function = VectorFunction.builder(JacobianCheckerTests::value)
                .vectorJacobianProduct(JacobianCheckerTests::backward)
                .jacobianVectorProduct((x, v) -> {
                    double[] product = forward(x, v);
                    product[1] = 0;
                    return product;
                }).build();

        JacobianReport report = JacobianChecker.defaults().withProductTrials(2).check(function, POINT);

        assertFalse(report.passed());
        assertEquals(0, report.failureCount());
        assertEquals(2, report.productFailureCount());
        assertTrue(report.headline().startsWith("Jacobian check failed: 2 of 2 consistency checks fail, first "
                + "<J^T u, v> = <u, J v>: "), report::headline);
        assertTrue(report.productChecks().stream().allMatch(c -> c.verdict() == Verdict.FAIL));
    }

    @Test
    void eachProductIsCheckedAgainstTheFullJacobian() {
        VectorFunction function = VectorFunction.builder(JacobianCheckerTests::value)
                .jacobian(JacobianCheckerTests::jacobian)
                .vectorJacobianProduct((x, u) -> {
                    double[] product = backward(x, u);
                    product[2] *= 2;
                    return product;
                })
                .jacobianVectorProduct(JacobianCheckerTests::forward).build();

        JacobianReport report = JacobianChecker.defaults().withProductTrials(1).check(function, POINT);

        assertEquals(3, report.productChecks().size());
        assertEquals(Verdict.FAIL, report.productChecks().get(0).verdict());
        assertEquals("<J^T u, v> = <u, J v>", report.productChecks().get(0).description());
        assertEquals(Verdict.FAIL, report.productChecks().get(1).verdict());
        assertEquals("u^T J v = <J^T u, v>", report.productChecks().get(1).description());
        assertEquals(Verdict.PASS, report.productChecks().get(2).verdict());
        assertEquals("u^T J v = <u, J v>", report.productChecks().get(2).description());
    }

    @Test
    void theSeedDecidesTheRandomVectors() {
        VectorFunction function = VectorFunction.builder(JacobianCheckerTests::value)
                .vectorJacobianProduct(JacobianCheckerTests::backward)
                .jacobianVectorProduct(JacobianCheckerTests::forward).build();

        double first = JacobianChecker.defaults().withSeed(7).check(function, POINT).productChecks().get(0).leftValue();
        double again = JacobianChecker.defaults().withSeed(7).check(function, POINT).productChecks().get(0).leftValue();
        double other = JacobianChecker.defaults().withSeed(8).check(function, POINT).productChecks().get(0).leftValue();

        assertEquals(first, again);
        assertTrue(first != other);
    }

    @Test
    void reportTextIsPinned() {
        VectorFunction linear = VectorFunction.of(x -> new double[] {2 * x[0] + 3 * x[1], -x[1]},
                x -> new double[][] {{2, 3}, {0, -2}});

        JacobianReport report = JacobianChecker.defaults().withStepSize(StepSize.absolute(0.5))
                .withPrecision(Precision.DOUBLE).check(linear, new double[] {1, 2});

        assertEquals("Jacobian check failed: 1 of 4 entries disagree, worst y[1] / x[1] (analytic -2.000e+00, numerical -1.000e+00)\n"
                + "  entries: 2 outputs x 2 inputs, analytic values from the Jacobian\n"
                + "  overall difference ||A - N|| / (||A|| + ||N||): 1.271e-01\n"
                + "  scheme: central difference, step 5.000e-01 (absolute)\n"
                + "  precision: double (declared)\n"
                + "  tolerance: |g - n| <= 0 + 1.0e-06 * max(|g|, |n|) + numerical error\n"
                + "  consistency: not checked, only one derivative form is implemented\n"
                + "  refined: 1 entry re-estimated with Ridders' method after disagreeing on the first estimate\n"
                + "  evaluations: 11\n"
                + "\n"
                + "entry          analytic   numerical   mismatch  rel error  num error  verdict\n"
                + "y[1] / x[1]  -2.000e+00  -1.000e+00  1.000e+00  5.000e-01  4.974e-15  FAIL\n"
                + "y[0] / x[0]   2.000e+00   2.000e+00          0          0  2.842e-14  PASS\n"
                + "y[0] / x[1]   3.000e+00   3.000e+00          0          0  2.842e-14  PASS\n"
                + "y[1] / x[0]           0           0          0          0  7.105e-15  PASS\n",
                report.toString());
    }

    @Test
    void functionWithoutDerivativeIsRejected() {
        VectorFunction valueOnly = JacobianCheckerTests::value;

        GradientCheckException error = assertThrows(GradientCheckException.class,
                () -> JacobianChecker.defaults().check(valueOnly, POINT));

        assertEquals("the function implements no derivative: override jacobian(point), vectorJacobianProduct(point, u) "
                + "or jacobianVectorProduct(point, v) of VectorFunction", error.getMessage());
    }

    @Test
    void jacobianOfTheWrongShapeIsNamed() {
        VectorFunction function = VectorFunction.of(JacobianCheckerTests::value, x -> new double[][] {{1, 2, 3}, {1, 2}, {1, 2, 3}});

        GradientCheckException error = assertThrows(GradientCheckException.class,
                () -> JacobianChecker.defaults().check(function, POINT));

        assertEquals("row 1 (y[1]) of the Jacobian has 2 columns but the function has 3 inputs: return one column per input",
                error.getMessage());
    }

    @Test
    void backwardPassThatModifiesItsDirectionIsReported() {
        VectorFunction function = VectorFunction.builder(JacobianCheckerTests::value).vectorJacobianProduct((x, u) -> {
            double[] product = backward(x, u);
            u[0] = 5;
            return product;
        }).build();

        GradientCheckException error = assertThrows(GradientCheckException.class,
                () -> JacobianChecker.defaults().check(function, POINT));

        assertEquals("the function modified the output direction u of vectorJacobianProduct: y[0] (index 0) was 1.0 and "
                + "became 5.0. Functions must treat their arguments as read-only; copy them before changing them.",
                error.getMessage());
    }

    @Test
    void nonDeterministicFunctionIsReportedWithTheResetHookAsTheFix() {
        AtomicInteger calls = new AtomicInteger();
        VectorFunction noisy = VectorFunction.of(x -> new double[] {x[0] + calls.incrementAndGet()}, x -> new double[][] {{1}});

        GradientCheckException error = assertThrows(GradientCheckException.class,
                () -> JacobianChecker.defaults().check(noisy, new double[] {0}));

        assertEquals("the function is not deterministic: y[0] was 1.0 and then 2.0 at the same point. Switch off dropout "
                + "and other random behaviour, or reset the random generator before every evaluation with "
                + "Stochastic.withReset(function, reset).", error.getMessage());
    }

    @Test
    void argumentsAreValidatedWithMessages() {
        VectorFunction function = VectorFunction.of(JacobianCheckerTests::value, JacobianCheckerTests::jacobian);
        JacobianChecker checker = JacobianChecker.defaults();

        assertEquals("function must not be null: pass the function whose Jacobian is checked",
                assertThrows(IllegalArgumentException.class, () -> checker.check(null, POINT)).getMessage());
        assertEquals("point must not be empty: a Jacobian check needs at least one input",
                assertThrows(IllegalArgumentException.class, () -> checker.check(function, new double[0])).getMessage());
        assertEquals("point is not finite at x[1] (index 1): NaN; check the inputs",
                assertThrows(IllegalArgumentException.class,
                        () -> checker.check(function, new double[] {1, Double.NaN, 2})).getMessage());
        assertEquals("point has length 3 but the input layout has 2 inputs: give a layout of the point, or the point the layout describes",
                assertThrows(IllegalArgumentException.class,
                        () -> checker.check(function, POINT, ParameterLayout.vector("x", 2))).getMessage());
        assertEquals("the function has 3 outputs but the output layout has 2: give a layout of the function's output",
                assertThrows(GradientCheckException.class,
                        () -> checker.check(function, POINT, ParameterLayout.vector("x", 3), ParameterLayout.vector("y", 2)))
                        .getMessage());
        assertEquals("product trials must be >= 0 but was -1: use 0 to switch the consistency checks off, or for example 3",
                assertThrows(IllegalArgumentException.class, () -> checker.withProductTrials(-1)).getMessage());
        assertEquals("product tolerance must be a finite number >= 0 but was NaN: use for example 1e-10 (products in single "
                + "precision need about 1e-5)",
                assertThrows(IllegalArgumentException.class, () -> checker.withProductTolerance(Double.NaN)).getMessage());
        assertEquals("a VectorFunction needs a derivative to check: give at least one of jacobian, vectorJacobianProduct "
                + "and jacobianVectorProduct",
                assertThrows(IllegalArgumentException.class,
                        () -> VectorFunction.builder(JacobianCheckerTests::value).build()).getMessage());
    }

    @Test
    void aLayerComputedInSinglePrecisionIsCheckedWithMeasuredNoise() {
        // tanh(0.7 x0 - 0.3 x1) and x0 x1, computed in float behind a double API
        VectorFunction single = VectorFunction.of(x -> new double[] {(float) Math.tanh((float) (0.7f * x[0] - 0.3f * x[1])),
                (float) (x[0] * (float) x[1])}, x -> {
                    double t = Math.tanh(0.7 * x[0] - 0.3 * x[1]);
                    return new double[][] {{0.7 * (1 - t * t), -0.3 * (1 - t * t)}, {x[1], x[0]}};
                });
        double[] point = {0.4, -1.2};

        JacobianReport measured = JacobianChecker.defaults().check(single, point);
        JacobianReport declared = JacobianChecker.defaults().withPrecision(Precision.DOUBLE).check(single, point);

        assertTrue(measured.passed(), measured::toString);
        assertTrue(measured.precision().startsWith("single or lower (measured noise "), measured.precision());
        // assumed double precision, the first estimates' steps are too small for float noise
        assertFalse(declared.passed(), declared::toString);
    }

    @Test
    void commonsMathLeastSquaresModelIsAdapted() {
        // an exponential decay model y_k = a exp(-b t_k) and its Jacobian, as LeastSquaresBuilder takes them
        double[] times = {0, 0.5, 1, 2};
        MultivariateVectorFunction model = p -> {
            double[] y = new double[times.length];
            for (int k = 0; k < times.length; k++) {
                y[k] = p[0] * Math.exp(-p[1] * times[k]);
            }
            return y;
        };
        MultivariateMatrixFunction jacobian = p -> {
            double[][] j = new double[times.length][2];
            for (int k = 0; k < times.length; k++) {
                j[k][0] = Math.exp(-p[1] * times[k]);
                j[k][1] = -p[0] * times[k] * Math.exp(-p[1] * times[k]);
            }
            return j;
        };

        JacobianReport report = JacobianChecker.defaults().check(VectorFunction.from(model, jacobian), new double[] {2, 0.7});

        assertTrue(report.passed(), report::toString);
        assertEquals(8, report.size());
        assertEquals("jacobian must not be null: give both the model and its Jacobian",
                assertThrows(IllegalArgumentException.class, () -> VectorFunction.from(model, null)).getMessage());
    }
}
