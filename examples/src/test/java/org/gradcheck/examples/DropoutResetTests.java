package org.gradcheck.examples;

import static org.gradcheck.GradientAssertions.assertGradientsMatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.gradcheck.CheckRefusedException;
import org.gradcheck.DerivativeMismatchError;
import org.gradcheck.GradientChecker;
import org.gradcheck.examples.layers.DropoutNetwork;
import org.gradcheck.function.GradientModel;
import org.gradcheck.report.GradientReport;
import org.gradcheck.function.Stochastic;
import org.junit.jupiter.api.Test;

/**
 * Dropout checked rather than switched off: the mask generator is reseeded before every evaluation, so every
 * forward pass of the check draws the same mask.
 */
class DropoutResetTests {

    private static final long MASK_SEED = 17;

    private static final double KEEP = 0.6;

    private static Map<String, Object> parameters() {
        Random random = new Random(2);
        double[][] weights = new double[5][3];
        double[] v = new double[5];
        for (int h = 0; h < 5; h++) {
            for (int j = 0; j < 3; j++) {
                weights[h][j] = 0.5 * random.nextGaussian();
            }
            v[h] = random.nextGaussian();
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("W", weights);
        parameters.put("v", v);
        return parameters;
    }

    private static final DropoutNetwork.Example EXAMPLE = new DropoutNetwork.Example(new double[] {0.4, -1.1, 0.7}, 0.3);

    @Test
    void withoutAResetTheCheckReportsTheNetworkAsNonDeterministic() {
        DropoutNetwork network = new DropoutNetwork(new Random(MASK_SEED), KEEP, true);

        CheckRefusedException error = assertThrows(CheckRefusedException.class,
                () -> GradientChecker.defaults().check(network, parameters(), EXAMPLE));

        assertTrue(error.getMessage().startsWith("the function is not deterministic"), error::getMessage);
    }

    @Test
    void withTheResetHookDropoutBackpropagationIsChecked() {
        // README: begin (stochastic functions)
        Random masks = new Random(MASK_SEED);
        GradientModel<DropoutNetwork.Example> network = Stochastic.withReset(new DropoutNetwork(masks, KEEP, true),
                Stochastic.reseeding(masks, MASK_SEED));

        GradientReport report = assertGradientsMatch(network, parameters(), EXAMPLE);
        // README: end

        // the mask drops some hidden units: their rows of W and their v get exactly zero gradient
        long dropped = report.parameters().stream().filter(p -> p.name().startsWith("v[") && p.analytic() == 0).count();
        assertTrue(dropped > 0 && dropped < 5, "hidden units dropped: " + dropped);
        assertEquals(20, report.size());
    }

    @Test
    void forgettingTheMaskInBackpropagationIsCaughtForTheDroppedUnits() {
        Random masks = new Random(MASK_SEED);
        GradientModel<DropoutNetwork.Example> buggy = Stochastic.withReset(new DropoutNetwork(masks, KEEP, false),
                Stochastic.reseeding(masks, MASK_SEED));

        DerivativeMismatchError error = assertThrows(DerivativeMismatchError.class,
                () -> assertGradientsMatch(buggy, parameters(), EXAMPLE));

        // only W fails: v's gradient applies the mask, the hidden layer's backward pass does not
        assertEquals(0, error.report().blocks().get(1).failures());
        assertTrue(error.report().blocks().get(0).failures() > 0);
        assertTrue(error.report().failures().stream().allMatch(p -> p.block().equals("W")));
    }
}
