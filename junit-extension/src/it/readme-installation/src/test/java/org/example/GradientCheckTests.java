package org.example;

import org.gradcheck.GradientChecker;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.junit.GradientCheck;
import org.gradcheck.junit.RandomPoint;

class GradientCheckTests {

    /** f(x) = x0^2 x1 + sin(x1), with its gradient written by hand. */
    static final DifferentiableFunction F = DifferentiableFunction.of(
            x -> x[0] * x[0] * x[1] + Math.sin(x[1]),
            x -> new double[] {2 * x[0] * x[1], x[0] * x[0] + Math.cos(x[1])});

    /** Three trials, each at a point drawn at random from [-1, 1) x [-1, 1). */
    @GradientCheck
    void gradientMatchesFiniteDifferences(@RandomPoint(dimension = 2) double[] x, GradientChecker checker) {
        checker.assertMatches(F, x);
    }
}
