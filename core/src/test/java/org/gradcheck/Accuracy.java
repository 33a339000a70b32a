package org.gradcheck;

import org.gradcheck.function.DifferentiableFunction;

/**
 * Test functions with known derivatives and the relative error of the checker's numerical derivative on them.
 * They use {@link StrictMath} so that the last bits, which decide the rounding-dominated figures, are the
 * same on every JVM and platform.
 */
final class Accuracy {

    /** {@code f(x) = exp(x) sin(x)}, {@code f'(x) = exp(x) (sin(x) + cos(x))}. */
    static final DifferentiableFunction EXP_SIN = DifferentiableFunction.of(
            x -> StrictMath.exp(x[0]) * StrictMath.sin(x[0]),
            x -> new double[] {StrictMath.exp(x[0]) * (StrictMath.sin(x[0]) + StrictMath.cos(x[0]))});

    /** {@code f(x) = x^2 / 2}, {@code f'(x) = x}. */
    static final DifferentiableFunction HALF_SQUARE = DifferentiableFunction.of(
            x -> x[0] * x[0] / 2,
            x -> new double[] {x[0]});

    /** {@code f(x) = sin(x / 1e6)}, {@code f'(x) = cos(x / 1e6) / 1e6}. */
    static final DifferentiableFunction SLOW_SINE = DifferentiableFunction.of(
            x -> StrictMath.sin(x[0] / 1e6),
            x -> new double[] {StrictMath.cos(x[0] / 1e6) / 1e6});

    /**
     * A checker that reports the scheme's first estimate as it is: double precision declared (no noise
     * measurement) and no refinement, so that the figures measured are the scheme's own.
     */
    static final GradientChecker PLAIN = GradientChecker.defaults().withPrecision(Precision.DOUBLE)
            .withRefinement(Refinement.NONE);

    private Accuracy() {
    }

    /** {@code |numerical - exact| / |exact|} at {@code x}, the numerical derivative read from the checker's report. */
    static double relativeError(GradientChecker checker, DifferentiableFunction function, double x) {
        double exact = function.gradient(new double[] {x})[0];
        double numerical = checker.check(function, new double[] {x}).parameter(0).numerical();
        return Math.abs(numerical - exact) / Math.abs(exact);
    }

    /** The largest relative error at the 101 points {@code 0.5, 0.51, ..., 1.5}. */
    static double worstRelativeErrorAround1(GradientChecker checker, DifferentiableFunction function) {
        double worst = 0;
        for (int i = 0; i <= 100; i++) {
            worst = Math.max(worst, relativeError(checker, function, 0.5 + i * 0.01));
        }
        return worst;
    }
}
