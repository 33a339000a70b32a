package org.gradcheck.corpus;

import static org.gradcheck.corpus.Categories.JUMP;
import static org.gradcheck.corpus.Categories.NO_DERIVATIVE;

import java.util.Set;
import org.gradcheck.layout.ParameterLayout;

/**
 * Functions without a derivative at the point in some parameter: jumps (a step, {@code sign}, {@code floor}, a
 * quantiser) and cusps (a square root or cube root of the distance to the point). No finite difference can tell
 * whether an analytic value there is right, so whatever the code under test returns, the check must not pass.
 */
final class Discontinuities {

    private Discontinuities() {
    }

    static void addTo(Cases cases) {
        ParameterLayout one = ParameterLayout.vector("x", 1);
        for (double analytic : new double[] {1, -50, 1e5}) {
            cases.unresolvable("x for x <= 0, 1 + x above, at its jump 0; analytic " + analytic, JUMP, one,
                    Discontinuities::jump, x -> new double[] {analytic}, new double[] {0}, Set.of("x[0]"));
        }
        cases.unresolvable("sign(x0) + x1^2 + sin(x2) at x0 = 0; analytic 0 for the sign", JUMP,
                ParameterLayout.vector("x", 3), x -> Math.signum(x[0]) + x[1] * x[1] + Math.sin(x[2]),
                x -> new double[] {0, 2 * x[1], Math.cos(x[2])}, new double[] {0, 0.7, -0.4}, Set.of("x[0]"));
        cases.unresolvable("floor(x0) + x0 x1 at the integer x0 = 2; analytic 0 for the floor", JUMP,
                ParameterLayout.vector("x", 2), x -> Math.floor(x[0]) + x[0] * x[1], x -> new double[] {x[1], x[0]},
                new double[] {2, 1.5}, Set.of("x[0]"));
        ParameterLayout threshold = ParameterLayout.builder().vector("threshold", 1).vector("w", 1).build();
        cases.unresolvable("step 3 H(t - 0.5) + (w - 1)^2 at its threshold t = 0.5; analytic 0 for the step", JUMP,
                threshold, x -> (x[0] >= 0.5 ? 3 : 0) + (x[1] - 1) * (x[1] - 1), x -> new double[] {0, 2 * (x[1] - 1)},
                new double[] {0.5, 0.2}, Set.of("threshold[0]"));
        cases.unresolvable("x0^2 + x1^3 with a jump of 1e-3 at x0 = 1; analytic 2 x0 (the derivative on both sides)", JUMP,
                ParameterLayout.vector("x", 2), x -> x[0] * x[0] + (x[0] >= 1 ? 1e-3 : 0) + x[1] * x[1] * x[1],
                x -> new double[] {2 * x[0], 3 * x[1] * x[1]}, new double[] {1, 0.5}, Set.of("x[0]"));
        cases.unresolvable("quantiser rint(8 x)/8 + x^2 at a rounding boundary; analytic straight-through 1 + 2x", JUMP, one,
                x -> Math.rint(8 * x[0]) / 8 + x[0] * x[0], x -> new double[] {1 + 2 * x[0]}, new double[] {0.0625},
                Set.of("x[0]"));

        cases.unresolvable("sqrt(|x0|) + x1^2 at x0 = 0; analytic 0 for the cusp", NO_DERIVATIVE, ParameterLayout.vector("x", 2),
                x -> Math.sqrt(Math.abs(x[0])) + x[1] * x[1], x -> new double[] {0, 2 * x[1]}, new double[] {0, 0.3},
                Set.of("x[0]"));
        cases.unresolvable("cbrt(x0) + 2 x1 at x0 = 0 (a vertical tangent); analytic 0", NO_DERIVATIVE,
                ParameterLayout.vector("x", 2), x -> Math.cbrt(x[0]) + 2 * x[1], x -> new double[] {0, 2},
                new double[] {0, 1}, Set.of("x[0]"));
        cases.unresolvable("sqrt(|x0 - x1|) + x2 at x0 = x1; analytic 0 for both", NO_DERIVATIVE, ParameterLayout.vector("x", 3),
                x -> Math.sqrt(Math.abs(x[0] - x[1])) + x[2], x -> new double[] {0, 0, 1}, new double[] {0.4, 0.4, -1.2},
                Set.of("x[0]", "x[1]"));
    }

    /** {@code x} for {@code x <= 0}, {@code 1 + x} above: a jump of 1 at 0. */
    static double jump(double[] x) {
        return x[0] <= 0 ? x[0] : 1 + x[0];
    }
}
