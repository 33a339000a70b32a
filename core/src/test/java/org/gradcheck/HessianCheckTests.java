package org.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gradcheck.function.TwiceDifferentiableFunction;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.DerivativeForm;
import org.gradcheck.report.Entry;
import org.gradcheck.report.JacobianReport;
import org.junit.jupiter.api.Test;

class HessianCheckTests {

    /** Rosenbrock's function in 2 dimensions, the classic test of second-order optimisers. */
    private static final TwiceDifferentiableFunction ROSENBROCK = TwiceDifferentiableFunction.of(
            x -> 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2),
            x -> new double[] {-400 * x[0] * (x[1] - x[0] * x[0]) - 2 * (1 - x[0]), 200 * (x[1] - x[0] * x[0])},
            x -> new double[][] {{1200 * x[0] * x[0] - 400 * x[1] + 2, -400 * x[0]}, {-400 * x[0], 200}});

    private static final double[] POINT = {-1.2, 1.0};

    @Test
    void rosenbrockHessianPassesWithRelativeErrorsBelow1e9() {
        JacobianReport report = GradientChecker.defaults().checkHessian(ROSENBROCK, POINT);

        assertTrue(report.passed(), report::toString);
        assertEquals("Hessian", report.title());
        assertEquals(4, report.size());
        for (Entry entry : report.entries()) {
            assertTrue(entry.relativeError() < 1e-9, entry::toString);
        }
        assertEquals("dx[0] / x[1]", report.entry(0, 1).name());
        assertEquals(480, report.entry(0, 1).analytic(), 1e-12);
        assertTrue(report.toString().startsWith("Hessian check passed: 4 entries agree within the tolerance\n"));
        assertEquals("double (declared)", GradientChecker.defaults().withPrecision(Precision.DOUBLE)
                .checkHessian(ROSENBROCK, POINT).precisionDescription());
    }

    @Test
    void wrongMixedDerivativeIsNamed() {
        TwiceDifferentiableFunction wrong = TwiceDifferentiableFunction.of(ROSENBROCK::value, ROSENBROCK::gradient, x -> {
            double[][] h = ROSENBROCK.hessian(x);
            h[1][0] = 400 * x[0];
            return h;
        });

        DerivativeMismatchError error = assertThrows(DerivativeMismatchError.class,
                () -> GradientChecker.defaults().assertHessianMatches(wrong, POINT));

        assertEquals(1, error.report().failureCount());
        assertEquals("dx[1] / x[0]", error.report().failures().get(0).name());
        assertTrue(error.getMessage().startsWith("Hessian check failed: 1 of 4 entries disagree\n"
                + "  worst dx[1] / x[0]: analytic -4.800e+02, numerical 4.800e+02, mismatch 9.600e+02,"), error::getMessage);
    }

    /** Rosenbrock's function with its Hessian and its Hessian-vector product. */
    private static final TwiceDifferentiableFunction ROSENBROCK_WITH_PRODUCT = new TwiceDifferentiableFunction() {
        @Override
        public double value(double[] point) {
            return ROSENBROCK.value(point);
        }

        @Override
        public double[] gradient(double[] point) {
            return ROSENBROCK.gradient(point);
        }

        @Override
        public double[][] hessian(double[] point) {
            return ROSENBROCK.hessian(point);
        }

        @Override
        public double[] hessianVectorProduct(double[] point, double[] direction) {
            double[][] h = ROSENBROCK.hessian(point);
            return new double[] {h[0][0] * direction[0] + h[0][1] * direction[1], h[1][0] * direction[0] + h[1][1] * direction[1]};
        }
    };

    @Test
    void theReportSpeaksOfTheHessianAndItsProductNotOfAJacobian() {
        JacobianReport report = GradientChecker.defaults().withProductTrials(1).checkHessian(ROSENBROCK_WITH_PRODUCT, POINT);

        assertTrue(report.passed(), report::toString);
        List<String> lines = report.toString().lines().toList();
        assertEquals(List.of("  entries: 2 gradient entries x 2 inputs, analytic values from the Hessian; also implemented:",
                "      Hessian-vector product",
                "  consistency: 1 of 1 checks agree with seeded random u, v, allowed error",
                "      1.0e-10 * sum |u_i| |H_ij| |v_j|"), lines.subList(1, 5));
        assertEquals("<u, H v> via H vs via H v, trial 1", report.consistencyChecks().get(0).name());
        assertEquals("  entries: 2 gradient entries x 1 direction, analytic values from the Hessian-vector products",
                GradientChecker.defaults().withProductTrials(1).checkHessianProducts(ROSENBROCK_WITH_PRODUCT, POINT).toString()
                        .lines().skip(1).findFirst().orElseThrow());
    }

    /** f(W) = sum_ij (A W)_ij^2 / 2 over a 2x2 matrix W, whose Hessian-vector product is A^T A V. */
    private static final double[][] A = {{2, -1}, {0.5, 3}};

    private static double[] times(double[] w, boolean transposeFirst) {
        double[] result = new double[4];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double sum = 0;
                for (int k = 0; k < 2; k++) {
                    sum += (transposeFirst ? A[k][i] : A[i][k]) * w[k * 2 + j];
                }
                result[i * 2 + j] = sum;
            }
        }
        return result;
    }

    private static final TwiceDifferentiableFunction FROBENIUS = TwiceDifferentiableFunction.withProduct(
            w -> {
                double[] aw = times(w, false);
                double sum = 0;
                for (double v : aw) {
                    sum += v * v / 2;
                }
                return sum;
            },
            w -> times(times(w, false), true),
            (w, v) -> times(times(v, false), true));

    private static final ParameterLayout W = ParameterLayout.builder().matrix("W", 2, 2).build();

    @Test
    void hessianVectorProductsAloneGiveTheFullHessianNamedByTheLayout() {
        JacobianReport report = GradientChecker.defaults().checkHessian(FROBENIUS, new double[] {0.3, -0.2, 1.1, 0.7}, W);

        assertTrue(report.passed(), report::toString);
        assertEquals(DerivativeForm.JACOBIAN_VECTOR_PRODUCT, report.entriesFrom());
        assertEquals(16, report.size());
        assertEquals("dW[1,0] / W[0,0]", report.entry(2, 0).name());
        // (A^T A)_{10} couples W[1,0] with W[0,0]: 2 * -1 + 0.5 * 3
        assertEquals(-0.5, report.entry("dW[1,0]", "W[0,0]").analytic(), 1e-15);
    }

    @Test
    void directionalProductCheckPassesAndNamesComponentsByDirection() {
        JacobianReport report = GradientChecker.defaults().withProductTrials(2)
                .checkHessianProducts(FROBENIUS, new double[] {0.3, -0.2, 1.1, 0.7}, W);

        assertTrue(report.passed(), report::toString);
        assertEquals(8, report.size());
        assertEquals("dW[0,1] / v[1]", report.entry(1, 1).name());
        for (Entry entry : report.entries()) {
            assertTrue(entry.absoluteError() < 1e-9 * Math.max(1, Math.abs(entry.analytic())), entry::toString);
        }
    }

    @Test
    void directionalProductCheckCatchesATransposeBug() {
        TwiceDifferentiableFunction wrong = TwiceDifferentiableFunction.withProduct(FROBENIUS::value, FROBENIUS::gradient,
                (w, v) -> times(times(v, true), false));

        JacobianReport report = GradientChecker.defaults().checkHessianProducts(wrong, new double[] {0.3, -0.2, 1.1, 0.7}, W);

        assertFalse(report.passed());
        assertTrue(report.failureCount() >= 6, report::toString);
    }

    @Test
    void productsWithoutAnImplementationAreRejected() {
        CheckRefusedException error = assertThrows(CheckRefusedException.class,
                () -> GradientChecker.defaults().checkHessianProducts(ROSENBROCK, POINT));

        assertEquals("the function implements no Hessian-vector "
                + "product: override hessianVectorProduct(point, direction) of TwiceDifferentiableFunction, or check the "
                + "full Hessian with checkHessian(function, point)", error.getMessage());
    }

    @Test
    void argumentsAreValidated() {
        assertEquals("product trials must be >= 1 to check Hessian-vector products but is 0: use withProductTrials(3)",
                assertThrows(IllegalArgumentException.class, () -> GradientChecker.defaults().withProductTrials(0)
                        .checkHessianProducts(FROBENIUS, new double[] {0.3, -0.2, 1.1, 0.7}, W)).getMessage());
        assertEquals("function must not be null: use for example TwiceDifferentiableFunction.of(value, gradient, hessian)",
                assertThrows(IllegalArgumentException.class, () -> GradientChecker.defaults().checkHessian(null, POINT)).getMessage());
        assertEquals("point must not be empty: a Hessian check needs at least one coordinate",
                assertThrows(IllegalArgumentException.class,
                        () -> GradientChecker.defaults().checkHessian(ROSENBROCK, new double[0])).getMessage());
    }
}
