package org.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gradcheck.engine.EngineConstants;
import org.gradcheck.function.VectorFunction;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.math3.analysis.MultivariateMatrixFunction;
import org.apache.commons.math3.analysis.MultivariateVectorFunction;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.DerivativeForm;
import org.gradcheck.report.Entry;
import org.gradcheck.report.JacobianReport;
import org.gradcheck.report.Verdict;
import org.junit.jupiter.api.Test;

class JacobianCheckTests {

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
        JacobianReport report = GradientChecker.defaults().checkJacobian(VectorFunction.of(JacobianCheckTests::value,
                JacobianCheckTests::jacobian), POINT);

        assertTrue(report.passed(), report::toString);
        assertEquals(9, report.size());
        assertEquals(EnumSet.of(DerivativeForm.JACOBIAN), report.implementedForms());
        assertEquals(DerivativeForm.JACOBIAN, report.entriesFrom());
        assertTrue(report.consistencyChecks().isEmpty());
        for (Entry entry : report.entries()) {
            assertTrue(entry.absoluteError() < 1e-9, entry::toString);
        }
        // 2 values and 2 Jacobians at the point, 8 to measure the noise, 2 per input, 2 values at the end
        assertEquals(2 + 2 + EngineConstants.NOISE_PROBE_POINTS + 6 + 2, report.evaluations());
        assertTrue(report.precisionDescription().startsWith("double (measured noise "), report.precisionDescription());
        assertEquals("y[1] / x[0]", report.entry(1, 0).name());
        assertEquals(Math.cos(0.7), report.entry("y[1]", "x[0]").analytic());
    }

    @Test
    void wrongEntryIsNamedByOutputAndInput() {
        VectorFunction wrong = VectorFunction.of(JacobianCheckTests::value, x -> {
            double[][] j = jacobian(x);
            j[2][1] = x[1];
            return j;
        });
        ParameterLayout inputs = ParameterLayout.builder().vector("a", 2).vector("b", 1).build();
        ParameterLayout outputs = ParameterLayout.builder().vector("z", 3).build();

        JacobianReport report = GradientChecker.defaults().checkJacobian(wrong, POINT, inputs, outputs);

        assertFalse(report.passed());
        assertEquals(1, report.failureCount());
        List<Entry> failures = report.failures();
        assertEquals("z[2] / a[1]", failures.get(0).name());
        assertEquals(2, failures.get(0).outputIndex());
        assertEquals(1, failures.get(0).inputIndex());
        assertEquals(-2.6, failures.get(0).numerical(), 1e-8);
        assertEquals("Jacobian check failed: 1 of 9 entries disagree", report.headline());
        List<String> worstLines = report.toString().lines().skip(1).limit(2).toList();
        assertEquals("  worst z[2] / a[1]: analytic -1.300e+00, numerical -2.600e+00, mismatch 1.300e+00,", worstLines.get(0),
                report::toString);
        assertTrue(worstLines.get(1).startsWith("      allowed "), report::toString);
        DerivativeMismatchError error = assertThrows(DerivativeMismatchError.class,
                () -> GradientChecker.defaults().assertJacobianMatches(wrong, POINT, inputs, outputs));
        assertTrue(error.getMessage().startsWith(report.headline()));
        assertTrue(error.getActual().getStringRepresentation().contains("z[2] / a[1] = -1.3\n"));
        String expected = error.getExpected().getStringRepresentation();
        int start = expected.indexOf("z[2] / a[1] = ") + "z[2] / a[1] = ".length();
        assertEquals(-2.6, Double.parseDouble(expected.substring(start, expected.indexOf('\n', start))), 1e-9);
        DerivativeMismatchError again = new DerivativeMismatchError(error.report());
        assertEquals(error.getMessage(), again.getMessage());
        assertEquals(error.getExpected().getStringRepresentation(), again.getExpected().getStringRepresentation());
        assertEquals(error.report(), again.report());
    }

    @Test
    void backwardPassAloneBuildsTheJacobianRowByRow() {
        AtomicInteger calls = new AtomicInteger();
        VectorFunction layer = VectorFunction.builder(JacobianCheckTests::value).vectorJacobianProduct((x, u) -> {
            calls.incrementAndGet();
            return backward(x, u);
        }).build();

        JacobianReport report = GradientChecker.defaults().checkJacobian(layer, POINT);

        assertTrue(report.passed(), report::toString);
        assertEquals(DerivativeForm.VECTOR_JACOBIAN_PRODUCT, report.entriesFrom());
        assertEquals(EnumSet.of(DerivativeForm.VECTOR_JACOBIAN_PRODUCT), report.implementedForms());
        // one per output for the entries, twice (the second time to see that they are deterministic); the consistency
        // checks find that no other form is implemented before they compute a product
        assertEquals(2 * 3, calls.get());
        assertTrue(report.consistencyChecks().isEmpty());
    }

    @Test
    void forwardModeAloneBuildsTheJacobianColumnByColumn() {
        VectorFunction function = VectorFunction.builder(JacobianCheckTests::value)
                .jacobianVectorProduct(JacobianCheckTests::forward).build();

        JacobianReport report = GradientChecker.defaults().checkJacobian(function, POINT);

        assertTrue(report.passed(), report::toString);
        assertEquals(DerivativeForm.JACOBIAN_VECTOR_PRODUCT, report.entriesFrom());
        assertEquals(-1.3, report.entry(0, 0).analytic());
    }

    @Test
    void adjointIdentityHoldsToRoundingForConsistentPasses() {
        VectorFunction function = VectorFunction.builder(JacobianCheckTests::value)
                .vectorJacobianProduct(JacobianCheckTests::backward)
                .jacobianVectorProduct(JacobianCheckTests::forward).build();

        JacobianReport report = GradientChecker.defaults().checkJacobian(function, POINT);

        assertTrue(report.passed(), report::toString);
        assertEquals(3, report.consistencyChecks().size());
        for (int trial = 1; trial <= 3; trial++) {
            Entry check = report.consistencyChecks().get(trial - 1);
            assertEquals("<u, J v> via J^T u vs via J v, trial " + trial, check.name());
            assertTrue(check.absoluteError() <= 1e-14 * Math.max(1, Math.abs(check.analytic())), check::toString);
        }
    }

    @Test
    void adjointIdentityCatchesAForwardModeBugThatTheEntriesDoNotSee() {
        // The entries come from the (correct) backward pass; the forward mode forgets the cos term.
        VectorFunction function = VectorFunction.builder(JacobianCheckTests::value)
                .vectorJacobianProduct(JacobianCheckTests::backward)
                .jacobianVectorProduct((x, v) -> {
                    double[] product = forward(x, v);
                    product[1] = 0;
                    return product;
                }).build();

        JacobianReport report = GradientChecker.defaults().withProductTrials(2).checkJacobian(function, POINT);

        assertFalse(report.passed());
        assertEquals(0, report.failureCount());
        assertEquals(2, report.consistencyFailureCount());
        assertTrue(report.headline().startsWith("Jacobian check failed: 2 of 2 consistency checks fail, first "
                + "<u, J v> via J^T u vs via J v, trial 1: "), report::headline);
        assertTrue(report.consistencyChecks().stream().allMatch(c -> c.verdict() == Verdict.FAIL));
    }

    @Test
    void eachProductIsCheckedAgainstTheFullJacobian() {
        VectorFunction function = VectorFunction.builder(JacobianCheckTests::value)
                .jacobian(JacobianCheckTests::jacobian)
                .vectorJacobianProduct((x, u) -> {
                    double[] product = backward(x, u);
                    product[2] *= 2;
                    return product;
                })
                .jacobianVectorProduct(JacobianCheckTests::forward).build();

        JacobianReport report = GradientChecker.defaults().withProductTrials(1).checkJacobian(function, POINT);

        assertEquals(3, report.consistencyChecks().size());
        assertEquals(Verdict.FAIL, report.consistencyChecks().get(0).verdict());
        assertEquals("<u, J v> via J^T u vs via J v, trial 1", report.consistencyChecks().get(0).name());
        assertEquals(Verdict.FAIL, report.consistencyChecks().get(1).verdict());
        assertEquals("<u, J v> via J vs via J^T u, trial 1", report.consistencyChecks().get(1).name());
        assertEquals(Verdict.PASS, report.consistencyChecks().get(2).verdict());
        assertEquals("<u, J v> via J vs via J v, trial 1", report.consistencyChecks().get(2).name());
    }

    @Test
    void theSeedDecidesTheRandomVectors() {
        VectorFunction function = VectorFunction.builder(JacobianCheckTests::value)
                .vectorJacobianProduct(JacobianCheckTests::backward)
                .jacobianVectorProduct(JacobianCheckTests::forward).build();

        double first = GradientChecker.defaults().withSeed(7).checkJacobian(function, POINT).consistencyChecks().get(0).analytic();
        double again = GradientChecker.defaults().withSeed(7).checkJacobian(function, POINT).consistencyChecks().get(0).analytic();
        double other = GradientChecker.defaults().withSeed(8).checkJacobian(function, POINT).consistencyChecks().get(0).analytic();

        assertEquals(first, again);
        assertTrue(first != other);
    }

    @Test
    void reportTextIsPinned() {
        VectorFunction linear = VectorFunction.of(x -> new double[] {2 * x[0] + 3 * x[1], -x[1]},
                x -> new double[][] {{2, 3}, {0, -2}});

        JacobianReport report = GradientChecker.defaults().withStepSize(StepSize.absolute(0.5))
                .withPrecision(Precision.DOUBLE).checkJacobian(linear, new double[] {1, 2});

        assertEquals("""
                Jacobian check failed: 1 of 4 entries disagree
                  worst y[1] / x[1]: analytic -2.000e+00, numerical -1.000e+00, mismatch 1.000e+00,
                      allowed 2.000e-06 (numerical error 1.130e-14)
                  entries: 2 outputs x 2 inputs, analytic values from the Jacobian
                  consistency: not checked, only one derivative form is implemented
                  overall difference ||a - n|| / (||a|| + ||n||): 1.271e-01
                  strategy: full: every entry
                  scheme: central difference, step 5.000e-01 (absolute); 1 entry re-estimated
                  tolerance: |g - n| <= 0 + 1.0e-06 * max(|g|, |n|) + numerical error
                  precision: double (declared)
                  evaluations: 20, seed 24301

                entry          analytic   numerical   mismatch  num error  rel error  verdict
                y[1] / x[1]  -2.000e+00  -1.000e+00  1.000e+00  1.130e-14  5.000e-01  FAIL
                y[0] / x[0]   2.000e+00   2.000e+00          0  1.696e-14          0  PASS
                y[0] / x[1]   3.000e+00   3.000e+00          0  1.790e-14          0  PASS
                y[1] / x[0]           0           0          0  3.768e-15          0  PASS ~0

                block    shape  checked  fail  unres.  kinks  ~zero  max rel err  difference  worst
                x      2 x [2]        4     1       0      0      1    5.000e-01   1.271e-01  y[1] / x[1]
                """,
                report.toString());
    }

    @Test
    void functionWithoutDerivativeIsRejected() {
        VectorFunction valueOnly = JacobianCheckTests::value;

        CheckRefusedException error = assertThrows(CheckRefusedException.class,
                () -> GradientChecker.defaults().checkJacobian(valueOnly, POINT));

        assertEquals("the function implements no derivative: override jacobian(point), vectorJacobianProduct(point, u) "
                + "or jacobianVectorProduct(point, v) of VectorFunction", error.getMessage());
    }

    @Test
    void jacobianOfTheWrongShapeIsNamed() {
        VectorFunction function = VectorFunction.of(JacobianCheckTests::value, x -> new double[][] {{1, 2, 3}, {1, 2}, {1, 2, 3}});

        CheckRefusedException error = assertThrows(CheckRefusedException.class,
                () -> GradientChecker.defaults().checkJacobian(function, POINT));

        assertEquals("row 1 (y[1]) of the Jacobian has 2 columns but the function has 3 inputs: return one column per input",
                error.getMessage());
    }

    @Test
    void backwardPassThatModifiesItsDirectionIsReported() {
        VectorFunction function = VectorFunction.builder(JacobianCheckTests::value).vectorJacobianProduct((x, u) -> {
            double[] product = backward(x, u);
            u[0] = 5;
            return product;
        }).build();

        CheckRefusedException error = assertThrows(CheckRefusedException.class,
                () -> GradientChecker.defaults().checkJacobian(function, POINT));

        assertEquals("the function modified the output direction u of vectorJacobianProduct: y[0] (index 0) was 1.0 and "
                + "became 5.0. Functions must treat their arguments as read-only; copy them before changing them.",
                error.getMessage());
    }

    @Test
    void nonDeterministicFunctionIsReportedWithTheResetHookAsTheFix() {
        AtomicInteger calls = new AtomicInteger();
        VectorFunction noisy = VectorFunction.of(x -> new double[] {x[0] + calls.incrementAndGet()}, x -> new double[][] {{1}});

        CheckRefusedException error = assertThrows(CheckRefusedException.class,
                () -> GradientChecker.defaults().checkJacobian(noisy, new double[] {0}));

        assertEquals("the function is not deterministic: output y[0] was 1.0 and then 2.0 at the same point (a relative"
                + " difference of 1.0e+00). A check compares values at nearby points, so it needs the same value for the same"
                + " point. The usual causes: dropout or another random layer left on (check with it off, or reset its random"
                + " generator before each evaluation with Stochastic.withReset), an unseeded random generator inside the"
                + " function, or state carried from one call to the next. If the difference is expected, state it with"
                + " withNondeterminismTolerance(...).", error.getMessage());
    }

    @Test
    void argumentsAreValidatedWithMessages() {
        VectorFunction function = VectorFunction.of(JacobianCheckTests::value, JacobianCheckTests::jacobian);
        GradientChecker checker = GradientChecker.defaults();

        assertEquals("function must not be null: use for example VectorFunction.of(value, jacobian)",
                assertThrows(IllegalArgumentException.class, () -> checker.checkJacobian(null, POINT)).getMessage());
        assertEquals("point must not be empty: a Jacobian check needs at least one input",
                assertThrows(IllegalArgumentException.class, () -> checker.checkJacobian(function, new double[0])).getMessage());
        assertEquals("point is not finite at x[1] (index 1): NaN; check the parameters' initialisation",
                assertThrows(IllegalArgumentException.class,
                        () -> checker.checkJacobian(function, new double[] {1, Double.NaN, 2})).getMessage());
        assertEquals("point has length 3 but the layout [x[2]] has 2 coordinates: give a layout of the point, or the point the"
                + " layout describes",
                assertThrows(IllegalArgumentException.class,
                        () -> checker.checkJacobian(function, POINT, ParameterLayout.vector("x", 2))).getMessage());
        assertEquals("the function has 3 outputs but the output layout has 2: give a layout of the function's output",
                assertThrows(CheckRefusedException.class,
                        () -> checker.checkJacobian(function, POINT, ParameterLayout.vector("x", 3), ParameterLayout.vector("y", 2)))
                        .getMessage());
        assertEquals("product trials must be >= 0 but was -1: use 0 to switch the consistency checks off, or for example 3",
                assertThrows(IllegalArgumentException.class, () -> checker.withProductTrials(-1)).getMessage());
        assertEquals("product tolerance must be a finite number >= 0 but was NaN: use for example 1e-10 (products in single "
                + "precision need about 1e-5)",
                assertThrows(IllegalArgumentException.class, () -> checker.withProductTolerance(Double.NaN)).getMessage());
        assertEquals("a VectorFunction needs a derivative to check: give at least one of jacobian, vectorJacobianProduct "
                + "and jacobianVectorProduct",
                assertThrows(IllegalArgumentException.class,
                        () -> VectorFunction.builder(JacobianCheckTests::value).build()).getMessage());
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

        JacobianReport measured = GradientChecker.defaults().checkJacobian(single, point);
        JacobianReport declared = GradientChecker.defaults().withPrecision(Precision.DOUBLE).checkJacobian(single, point);

        assertTrue(measured.passed(), measured::toString);
        assertTrue(measured.precisionDescription().startsWith("single or lower (measured noise "), measured.precisionDescription());
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

        JacobianReport report = GradientChecker.defaults().checkJacobian(VectorFunction.from(model, jacobian), new double[] {2, 0.7});

        assertTrue(report.passed(), report::toString);
        assertEquals(8, report.size());
        assertEquals("jacobian must not be null: give both the model and its Jacobian",
                assertThrows(IllegalArgumentException.class, () -> VectorFunction.from(model, null)).getMessage());
    }
}
