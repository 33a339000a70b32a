package org.example;

import org.gradcheck.GradientChecker;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.junit.GradientCheck;
import org.gradcheck.junit.RandomPoint;

class WrongGradientTests {

    /** The same f with a slip in its gradient: the derivative of sin(x1) taken as -cos(x1). */
    static final DifferentiableFunction F = DifferentiableFunction.of(
            x -> x[0] * x[0] * x[1] + Math.sin(x[1]),
            x -> new double[] {2 * x[0] * x[1], x[0] * x[0] - Math.cos(x[1])});

    /** Fails, by design, in each of its three trials, and names x[1]. */
    @GradientCheck
    void gradientMatchesFiniteDifferences(@RandomPoint(dimension = 2) double[] x, GradientChecker checker) {
        checker.assertMatches(F, x);
    }
}
