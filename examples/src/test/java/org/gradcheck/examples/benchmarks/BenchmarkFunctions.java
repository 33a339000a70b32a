package org.gradcheck.examples.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gradcheck.examples.Activation;
import org.gradcheck.examples.Batch;
import org.gradcheck.examples.CatImages;
import org.gradcheck.examples.DeepNetwork;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.layout.GradientNaming;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.layout.Parameters;

/** The functions the benchmarks check, built the same way in every forked JVM. */
final class BenchmarkFunctions {

    /** The article's network [12288, 5, 5, 1] on one training image, raw 0..255 pixels. */
    static final String ARTICLE_RAW = "article-raw";

    /** The same network and image with pixels scaled to [0, 1]. */
    static final String ARTICLE_SCALED = "article-scaled";

    /** A [100, 20, 20, 1] tanh network on a batch of 8 seeded random examples. */
    static final String SMALL_NETWORK = "network-100-20-20-1";

    /** {@code sum w_i x_i^2 + sin(x_i)} over 10^6 parameters in four blocks. */
    static final String MILLION = "million";

    /** The seed of the parameters and of the drawn example, the same in every benchmark. */
    private static final long SEED = 1;

    private BenchmarkFunctions() {
    }

    /** A function to check, its point and the names of its parameters. */
    record Subject(String name, DifferentiableFunction function, double[] point, ParameterLayout layout) {
    }

    static Subject subject(String name) {
        switch (name) {
            case ARTICLE_RAW:
                return article(name, 1.0);
            case ARTICLE_SCALED:
                return article(name, 1.0 / 255);
            case SMALL_NETWORK:
                return smallNetwork();
            case MILLION:
                return million();
            default:
                throw new IllegalArgumentException("unknown benchmark function " + name + "; use one of " + List.of(
                        ARTICLE_RAW, ARTICLE_SCALED, SMALL_NETWORK, MILLION));
        }
    }

    /** The folder of the cat images: the system property {@code gradcheck.data}, else {@code ../../shared/data}. */
    static Path dataFolder() {
        return Path.of(System.getProperty("gradcheck.data", "../../shared/data"));
    }

    private static Subject article(String name, double scale) {
        Path folder = dataFolder();
        Batch images = CatImages.isPresent(folder) ? CatImages.trainingSet(folder) : CatImages.synthetic(CatImages.TRAINING_SIZE, SEED);
        int drawn = new SplittableRandom(SEED).nextInt(images.size());
        Batch one = images.select(drawn).scaled(scale);
        return network(name, DeepNetwork.of(List.of(CatImages.FEATURES, 5, 5, 1), Activation.TANH), one);
    }

    private static Subject smallNetwork() {
        SplittableRandom random = new SplittableRandom(SEED);
        int features = 100;
        int examples = 8;
        double[][] x = new double[features][examples];
        double[] labels = new double[examples];
        for (int e = 0; e < examples; e++) {
            for (int f = 0; f < features; f++) {
                x[f][e] = random.nextDouble(-1, 1);
            }
            labels[e] = e % 2;
        }
        return network(SMALL_NETWORK, DeepNetwork.of(List.of(features, 20, 20, 1), Activation.TANH), Batch.of(x, labels));
    }

    private static Subject network(String name, DeepNetwork network, Batch batch) {
        Map<String, double[][]> parameters = network.initialize(SEED);
        ParameterLayout layout = network.layout();
        return new Subject(name, new NetworkFunction(network, layout, batch), layout.roll(parameters), layout);
    }

    /**
     * A network on a fixed batch as a function of the flat parameter vector, as the checker sees a model: the
     * parameters are a view of the vector, the gradients are rolled by the standard naming ({@code dW1}).
     */
    private static final class NetworkFunction implements DifferentiableFunction {

        private final DeepNetwork network;
        private final ParameterLayout layout;
        private final Batch batch;

        NetworkFunction(DeepNetwork network, ParameterLayout layout, Batch batch) {
            this.network = network;
            this.layout = layout;
            this.batch = batch;
        }

        @Override
        public double value(double[] point) {
            return network.cost(Parameters.view(layout, point), batch);
        }

        @Override
        public double[] gradient(double[] point) {
            return layout.rollGradients(network.gradients(Parameters.view(layout, point), batch), GradientNaming.standard());
        }

        /** This function: the network keeps no state between calls, so it serves every thread of a parallel check. */
        @Override
        public DifferentiableFunction copyForThread() {
            return this;
        }
    }

    private static Subject million() {
        int n = 1_000_000;
        ParameterLayout layout = ParameterLayout.builder().vector("a", n / 4).vector("b", n / 4).vector("c", n / 4)
                .vector("d", n / 4).build();
        SplittableRandom random = new SplittableRandom(SEED);
        double[] weights = random.doubles(n, 0.5, 1.5).toArray();
        double[] point = random.doubles(n, -1, 1).toArray();
        DifferentiableFunction function = DifferentiableFunction.threadSafe(x -> {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += weights[i] * x[i] * x[i] + Math.sin(x[i]);
            }
            return sum;
        }, x -> {
            double[] g = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                g[i] = 2 * weights[i] * x[i] + Math.cos(x[i]);
            }
            return g;
        });
        return new Subject(MILLION, function, point, layout);
    }
}
