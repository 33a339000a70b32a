package org.gradcheck.corpus;

import static org.gradcheck.corpus.Categories.BELOW_ROUNDING;

import org.gradcheck.layout.ParameterLayout;

/**
 * Functions with a block of parameters whose finite differences at the automatic step are below the rounding of the
 * value: gradients {@code 1e-4} next to a value of {@code 1e7} (the value's last bit is {@code 1.9e-9}, a step of
 * {@code 6e-6} changes it by {@code 1.2e-9}), {@code 1e-2} next to {@code 1e12}, {@code 1e-6} next to {@code 1e9}. The
 * small block's terms are smooth on a scale of 1, so larger steps tell its derivatives: right ones must pass and a
 * sign error must fail, not pass as "indistinguishable from zero".
 */
final class Rounding {

    static final ParameterLayout LAYOUT = ParameterLayout.builder().vector("w", 3).vector("v", 4).build();

    static final double[] POINT = {1.3, 0.6, -0.2, 0.5, -1.2, 2.1, 0.8};

    private Rounding() {
    }

    static void addTo(Cases cases) {
        cases.correct("1e7 + sum (w_i - 1)^2 + 1e-4 sum sin(v_j): gradients 1e-4 in v next to a value of 1e7", BELOW_ROUNDING,
                LAYOUT, Rounding::offsetSines, Rounding::offsetSinesGradient, POINT);
        cases.bug("1e7 + sum (w_i - 1)^2 + 1e-4 sum sin(v_j), the v block with the wrong sign", BELOW_ROUNDING, LAYOUT,
                Rounding::offsetSines, Rounding::offsetSinesGradient, x -> negateSmallBlock(offsetSinesGradient(x)), POINT);
        cases.correct("1e12 (1 + 0.1 |w|^2) + 1e-2 sum v_j^3 / 3: gradients 1e-2 in v next to a value of 1e12", BELOW_ROUNDING,
                LAYOUT, Rounding::energy, Rounding::energyGradient, POINT);
        cases.bug("1e12 (1 + 0.1 |w|^2) + 1e-2 sum v_j^3 / 3, the v block with the wrong sign", BELOW_ROUNDING, LAYOUT,
                Rounding::energy, Rounding::energyGradient, x -> negateSmallBlock(energyGradient(x)), POINT);
        cases.correct("1e9 + |w|^2 + 1e-6 sum (v_j - 1)^2 / 2: gradients 1e-6 in v next to a value of 1e9", BELOW_ROUNDING,
                LAYOUT, Rounding::offsetQuadratic, Rounding::offsetQuadraticGradient, POINT);
        cases.bug("1e9 + |w|^2 + 1e-6 sum (v_j - 1)^2 / 2, the v block missing its factor 1/2 (twice the truth)",
                BELOW_ROUNDING, LAYOUT, Rounding::offsetQuadratic, Rounding::offsetQuadraticGradient, x -> {
                    double[] g = offsetQuadraticGradient(x);
                    for (int j = 3; j < g.length; j++) {
                        g[j] *= 2;
                    }
                    return g;
                }, POINT);
        // above the rounding but coarse: a step 16 times the first resolves the small term to a few percent, which
        // would let an error of 1% pass; larger steps still tell it
        ParameterLayout two = ParameterLayout.vector("x", 2);
        double[] point = {0.7, 0.3};
        cases.correct("1e10 x0^2 + x1^2: a derivative of 0.6 next to a value of 5e9", BELOW_ROUNDING, two,
                x -> 1e10 * x[0] * x[0] + x[1] * x[1], x -> new double[] {2e10 * x[0], 2 * x[1]}, point);
        cases.bug("1e10 x0^2 + x1^2, the derivative in x1 1% too large", BELOW_ROUNDING, two,
                x -> 1e10 * x[0] * x[0] + x[1] * x[1], x -> new double[] {2e10 * x[0], 2 * x[1]},
                x -> new double[] {2e10 * x[0], 2.02 * x[1]}, point);
    }

    static double[] negateSmallBlock(double[] g) {
        for (int j = 3; j < g.length; j++) {
            g[j] = -g[j];
        }
        return g;
    }

    static double offsetSines(double[] x) {
        double sum = 1e7;
        for (int i = 0; i < 3; i++) {
            sum += (x[i] - 1) * (x[i] - 1);
        }
        for (int j = 3; j < x.length; j++) {
            sum += 1e-4 * Math.sin(x[j]);
        }
        return sum;
    }

    static double[] offsetSinesGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < 3; i++) {
            g[i] = 2 * (x[i] - 1);
        }
        for (int j = 3; j < x.length; j++) {
            g[j] = 1e-4 * Math.cos(x[j]);
        }
        return g;
    }

    static double energy(double[] x) {
        double squares = 0;
        for (int i = 0; i < 3; i++) {
            squares += x[i] * x[i];
        }
        double cubes = 0;
        for (int j = 3; j < x.length; j++) {
            cubes += x[j] * x[j] * x[j] / 3;
        }
        return 1e12 * (1 + 0.1 * squares) + 1e-2 * cubes;
    }

    static double[] energyGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < 3; i++) {
            g[i] = 2e11 * x[i];
        }
        for (int j = 3; j < x.length; j++) {
            g[j] = 1e-2 * x[j] * x[j];
        }
        return g;
    }

    static double offsetQuadratic(double[] x) {
        double sum = 1e9;
        for (int i = 0; i < 3; i++) {
            sum += x[i] * x[i];
        }
        for (int j = 3; j < x.length; j++) {
            sum += 1e-6 * (x[j] - 1) * (x[j] - 1) / 2;
        }
        return sum;
    }

    static double[] offsetQuadraticGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < 3; i++) {
            g[i] = 2 * x[i];
        }
        for (int j = 3; j < x.length; j++) {
            g[j] = 1e-6 * (x[j] - 1);
        }
        return g;
    }
}
