package org.gradcheck.examples;

import static org.gradcheck.GradientAssertions.assertHessianMatches;
import static org.gradcheck.GradientAssertions.assertHessianVectorProductsMatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gradcheck.DerivativeMismatchError;
import org.gradcheck.GradientChecker;
import org.gradcheck.function.TwiceDifferentiableFunction;
import org.gradcheck.report.Entry;
import org.gradcheck.report.JacobianReport;
import org.junit.jupiter.api.Test;

/**
 * The quadratic form {@code f(x) = x^T A x / 2} with a non-symmetric {@code A}: its gradient is
 * {@code (A + A^T) x / 2} and its Hessian {@code (A + A^T) / 2}, not {@code A}.
 */
class QuadraticFormHessianTests {

    private static final double[][] A = {{4, 1, 0}, {3, 2, -1}, {0, 5, 1}};

    private static final double[] POINT = {0.5, -1.5, 2.0};

    private static double value(double[] x) {
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                sum += x[i] * A[i][j] * x[j];
            }
        }
        return sum / 2;
    }

    private static double[] gradient(double[] x) {
        double[] g = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                g[i] += (A[i][j] + A[j][i]) * x[j] / 2;
            }
        }
        return g;
    }

    private static double[][] symmetricPart() {
        double[][] h = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                h[i][j] = (A[i][j] + A[j][i]) / 2;
            }
        }
        return h;
    }

    private static double[] times(double[][] matrix, double[] v) {
        double[] result = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                result[i] += matrix[i][j] * v[j];
            }
        }
        return result;
    }

    @Test
    void theGradientIsRightToBeginWith() {
        assertTrue(GradientChecker.defaults().check(
                TwiceDifferentiableFunction.of(QuadraticFormHessianTests::value, QuadraticFormHessianTests::gradient,
                        x -> symmetricPart()), POINT).passed());
    }

    @Test
    void theSymmetricPartIsTheHessian() {
        // README: begin (Hessians)
        TwiceDifferentiableFunction quadratic = TwiceDifferentiableFunction.of(QuadraticFormHessianTests::value,
                QuadraticFormHessianTests::gradient, x -> symmetricPart());

        JacobianReport report = assertHessianMatches(quadratic, POINT);
        // README: end

        // the gradient is linear, so its central differences are exact up to rounding
        for (Entry entry : report.entries()) {
            assertTrue(entry.absoluteError() < 1e-9, entry::toString);
        }
        assertEquals(2, report.entry("dx[0]", "x[1]").analytic());
    }

    @Test
    void returningANonSymmetricMatrixFailsExactlyWhereItIsNotSymmetric() {
        TwiceDifferentiableFunction wrong = TwiceDifferentiableFunction.of(QuadraticFormHessianTests::value,
                QuadraticFormHessianTests::gradient, x -> A);

        DerivativeMismatchError error = assertThrows(DerivativeMismatchError.class, () -> assertHessianMatches(wrong, POINT));

        JacobianReport report = (JacobianReport) error.report();
        // A differs from A^T at (0,1), (1,0), (1,2) and (2,1)
        assertEquals(4, report.failureCount());
        for (Entry failure : report.failures()) {
            assertTrue(A[failure.outputIndex()][failure.inputIndex()] != A[failure.inputIndex()][failure.outputIndex()],
                    failure::toString);
        }
        assertTrue(error.getMessage().startsWith("Hessian check failed: 4 of 9 entries disagree\n  worst dx"),
                error::getMessage);
    }

    @Test
    void hessianVectorProductsAreCheckedAlongRandomDirections() {
        TwiceDifferentiableFunction right = TwiceDifferentiableFunction.withProduct(QuadraticFormHessianTests::value,
                QuadraticFormHessianTests::gradient, (x, v) -> times(symmetricPart(), v));
        TwiceDifferentiableFunction wrong = TwiceDifferentiableFunction.withProduct(QuadraticFormHessianTests::value,
                QuadraticFormHessianTests::gradient, (x, v) -> times(A, v));

        JacobianReport report = assertHessianVectorProductsMatch(right, POINT);

        assertEquals("dx[1] / v[2]", report.entry(1, 2).name());
        assertThrows(DerivativeMismatchError.class, () -> assertHessianVectorProductsMatch(wrong, POINT));
    }
}
