package org.gradcheck.junit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradcheck.function.GradientModel;
import org.gradcheck.layout.Parameters;

/**
 * Least squares on examples {@code {x0, x1, y}}: cost {@code mean((w . x + b - y)^2) / 2} over a batch, with its
 * hand-written gradients. {@link #BUGGY} differentiates {@code w[1]} with {@code x0} instead of {@code x1}.
 */
final class LinearModel implements GradientModel<List<double[]>> {

    static final LinearModel CORRECT = new LinearModel(false);
    static final LinearModel BUGGY = new LinearModel(true);

    private final boolean buggy;

    private LinearModel(boolean buggy) {
        this.buggy = buggy;
    }

    /** {@code w = [0.5, -1.5]}, {@code b = [0.25]}, in that order. */
    static Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("w", new double[] {0.5, -1.5});
        parameters.put("b", new double[] {0.25});
        return parameters;
    }

    /** {@code size} examples with coordinates that differ from one example to the next. */
    static List<double[]> examples(int size) {
        List<double[]> examples = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            examples.add(new double[] {Math.sin(i + 1.0) * 2, Math.cos(0.7 * i) + 0.5, 0.1 * i - 1});
        }
        return Collections.unmodifiableList(examples);
    }

    @Override
    public double cost(Parameters parameters, List<double[]> batch) {
        double[] w = parameters.vector("w");
        double b = parameters.get("b", 0);
        double sum = 0;
        for (double[] example : batch) {
            double residual = w[0] * example[0] + w[1] * example[1] + b - example[2];
            sum += residual * residual;
        }
        return sum / (2 * batch.size());
    }

    @Override
    public Map<String, ?> gradients(Parameters parameters, List<double[]> batch) {
        double[] w = parameters.vector("w");
        double b = parameters.get("b", 0);
        double[] dw = new double[2];
        double[] db = new double[1];
        for (double[] example : batch) {
            double residual = w[0] * example[0] + w[1] * example[1] + b - example[2];
            dw[0] += residual * example[0] / batch.size();
            dw[1] += residual * (buggy ? example[0] : example[1]) / batch.size();
            db[0] += residual / batch.size();
        }
        return Map.of("dw", dw, "db", db);
    }
}
