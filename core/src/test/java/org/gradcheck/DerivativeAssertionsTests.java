package org.gradcheck;

import static org.gradcheck.DerivativeAssertions.assertGradientExact;
import static org.gradcheck.DerivativeAssertions.assertHessianMatches;
import static org.gradcheck.DerivativeAssertions.assertHessianVectorProductsMatch;
import static org.gradcheck.DerivativeAssertions.assertJacobianMatches;
import static org.gradcheck.DerivativeAssertions.assertTaylorSecondOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.RealFieldElement;
import org.gradcheck.exact.ExactGradientMismatchError;
import org.gradcheck.function.FieldFunction;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.function.TwiceDifferentiableFunction;
import org.gradcheck.jacobian.JacobianMismatchError;
import org.gradcheck.function.VectorFunction;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.taylor.TaylorMismatchError;
import org.junit.jupiter.api.Test;

class DerivativeAssertionsTests {

    private static final double[] POINT = {2, 3};

    @Test
    void jacobianAssertionPassesAndFailsAsDocumented() {
        assertTrue(assertJacobianMatches(VectorFunction.of(x -> new double[] {x[0] * x[1]}, x -> new double[][] {{x[1], x[0]}}),
                POINT).passed());

        JacobianMismatchError error = assertThrows(JacobianMismatchError.class, () -> assertJacobianMatches(
                VectorFunction.of(x -> new double[] {x[0] * x[1]}, x -> new double[][] {{x[0], x[1]}}), POINT));

        assertTrue(error.getMessage().startsWith("Jacobian check failed: 2 of 2 entries disagree, worst y[0] / x[1] "
                + "(analytic 3.000e+00, numerical 2.000e+00)\n"), error::getMessage);
    }

    private static final TwiceDifferentiableFunction PRODUCT = TwiceDifferentiableFunction.withProduct(
            x -> x[0] * x[0] * x[1], x -> new double[] {2 * x[0] * x[1], x[0] * x[0]},
            (x, v) -> new double[] {2 * x[1] * v[0] + 2 * x[0] * v[1], 2 * x[0] * v[0]});

    @Test
    void hessianAssertionsCheckFullAndDirectionalProducts() {
        assertEquals(4, assertHessianMatches(PRODUCT, POINT).size());
        assertEquals(6, assertHessianVectorProductsMatch(PRODUCT, POINT).size());

        TwiceDifferentiableFunction wrong = TwiceDifferentiableFunction.withProduct(PRODUCT::value, PRODUCT::gradient,
                (x, v) -> new double[] {2 * x[1] * v[0] + 2 * x[0] * v[1], 2 * x[0] * v[1]});
        assertThrows(JacobianMismatchError.class, () -> assertHessianMatches(wrong, POINT));
        assertThrows(JacobianMismatchError.class, () -> assertHessianVectorProductsMatch(wrong, POINT));
    }

    @Test
    void taylorAssertionFailsAWrongGradient() {
        assertTrue(assertTaylorSecondOrder(PRODUCT, POINT).passed());

        DifferentiableFunction wrong = DifferentiableFunction.of(PRODUCT::value, x -> new double[] {2 * x[0] * x[1], x[0] * x[1]});
        assertThrows(TaylorMismatchError.class, () -> assertTaylorSecondOrder(wrong, POINT));
        TaylorMismatchError error = assertThrows(TaylorMismatchError.class, () -> assertTaylorSecondOrder(wrong, POINT,
                ParameterLayout.builder().vector("u", 1).vector("w", 1).build()));
        assertEquals(List.of("w"), error.report().failingBlocks());
    }

    @Test
    void exactAssertionComparesWithAutomaticDifferentiation() {
        FieldFunction field = new FieldFunction() {
            @Override
            public <T extends RealFieldElement<T>> T value(T[] x) {
                return x[0].multiply(x[0]).multiply(x[1]);
            }
        };

        assertTrue(assertGradientExact(field, PRODUCT, POINT).passed());
        assertThrows(ExactGradientMismatchError.class, () -> assertGradientExact(field,
                DifferentiableFunction.of(PRODUCT::value, x -> new double[] {2 * x[0] * x[1] * (1 + 1e-12), x[0] * x[0]}),
                POINT));
    }
}
