package org.gradcheck.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.gradcheck.GradientChecker;
import org.gradcheck.ProgressListener;
import org.gradcheck.Strategy;
import org.gradcheck.report.BlockSummary;
import org.gradcheck.report.DerivativeReport;
import org.gradcheck.report.Entry;
import org.gradcheck.report.GradientReport;

/**
 * The demo program: the article's gradient check of the {@code [12288, 5, 5, 1]} network on one cat image,
 * then the same check on a backpropagation with a bug, and what the article did not say: whether its check
 * tested anything.
 *
 * <pre>
 * mvn -B -q -Pdemo -DskipTests verify                            # from the project's root: ../shared/data
 * mvn -B -q -Pdemo -DskipTests verify -Dgradcheck.data=FOLDER    # another folder with train_catvnoncat.h5
 * </pre>
 *
 * <p>Without a folder that holds the cat images the demo generates 209 random images of the same shape and
 * says so on its first line. It runs five full checks of 61,481 parameters, each of which takes a few
 * seconds, and two checks with GradCheck's defaults, which screen such a network in a fraction of a second.
 * On a terminal a progress bar shows how far each full check is; written to a pipe or a file, the output has
 * one line per check and no carriage returns. The data folder is shown relative to the working directory.
 *
 * @since 0.1
 */
public final class Demo {

    /** The article's layer sizes. */
    public static final List<Integer> ARTICLE_LAYERS = List.of(CatImages.FEATURES, 5, 5, 1);

    /** The article's step {@code epsilon}. */
    public static final double ARTICLE_STEP = 1e-7;

    /** The article's rule of thumb: a difference below this means "backpropagation is fine". */
    public static final double ARTICLE_THRESHOLD = 1e-7;

    /** The overall difference the article reports for its correct network. */
    public static final double ARTICLE_DIFFERENCE = 3.0e-9;

    /** The seed of the weights and of the drawn example. */
    public static final long SEED = 1;

    /** Rows of the failing report that are shown. */
    static final int REPORT_ROWS = 12;

    private final PrintStream out;
    private final Batch training;
    private final DeepNetwork network;
    private final long seed;
    private final boolean showProgress;
    private final int threads;

    /**
     * A demo that checks a network with {@code layers} (tanh hidden layers) on one example of {@code training}
     * and writes to {@code out}, with a progress bar for each full check if {@code showProgress}.
     */
    Demo(PrintStream out, Batch training, List<Integer> layers, long seed, boolean showProgress, int threads) {
        this.out = out;
        this.training = training;
        this.network = DeepNetwork.of(layers, Activation.TANH);
        this.seed = seed;
        this.showProgress = showProgress;
        this.threads = threads;
    }

    /**
     * Runs the demo on the cat images in the folder {@code args[0]}, or on synthetic images of the same shape
     * without one.
     *
     * @param args the folder of the cat images, or nothing
     */
    public static void main(String[] args) {
        PrintStream out = System.out;
        Path folder = args.length > 0 ? Path.of(args[0]) : null;
        Batch training;
        if (CatImages.isPresent(folder)) {
            training = CatImages.trainingSet(folder);
            out.println(dataLine(folder, training));
        } else {
            training = CatImages.synthetic(CatImages.TRAINING_SIZE, SEED);
            out.println(syntheticDataLine(folder));
        }
        new Demo(out, training, ARTICLE_LAYERS, SEED, onTerminal(), Runtime.getRuntime().availableProcessors()).run();
    }

    /**
     * Whether standard input and output are a terminal, where a progress bar can rewrite its line with carriage
     * returns; in a pipe or a captured log each rewrite would be kept.
     */
    static boolean onTerminal() {
        return System.console() != null;
    }

    /** The first line of a demo run on the cat images of {@code folder}. */
    static String dataLine(Path folder, Batch training) {
        return "Data: the " + training.size() + " cat-vs-non-cat training images from " + shown(folder) + ", as a "
                + training.features() + " x " + training.size() + " matrix of raw pixels 0..255.";
    }

    /** The first line of a demo run on synthetic data: says so, and why. */
    static String syntheticDataLine(Path folder) {
        String why = folder == null ? "no data folder was given"
                : "there are no cat images (" + CatImages.TRAINING_FILE + ") in " + shown(folder);
        return "Data: SYNTHETIC, because " + why + ": " + CatImages.TRAINING_SIZE + " random 64x64x3 images (pixels 0..255)"
                + " with random labels, the shape of the real training set. Figures will differ from the article's; pass the "
                + "folder that holds the cat images for the real thing.";
    }

    /**
     * {@code folder} relative to the working directory ({@code ../shared/data}), so that the output names no path of
     * the machine it ran on; as given when it has no path relative to the working directory.
     */
    static String shown(Path folder) {
        Path workingDirectory = Path.of("").toAbsolutePath();
        Path absolute = folder.toAbsolutePath().normalize();
        if (!absolute.getRoot().equals(workingDirectory.getRoot())) {
            return folder.toString();
        }
        String relative = workingDirectory.relativize(absolute).toString();
        return relative.isEmpty() ? "." : relative;
    }

    /** The reports of one demo run, for tests. */
    static final class Outcome {
        GradientReport raw;
        GradientReport scaled;
        GradientReport bug;
        GradientReport layerOneBugRaw;
        GradientReport layerOneBugScaled;
        GradientReport defaults;
        GradientReport defaultsBug;
    }

    /** Runs the seven checks and writes their results. */
    Outcome run() {
        Outcome outcome = new Outcome();
        Map<String, double[][]> parameters = network.initialize(seed);
        int example = new Random(seed).nextInt(training.size());
        Batch one = training.select(example);
        Batch oneScaled = one.scaled(1 / 255.0);
        GradientChecker article = GradientChecker.defaults().withStep(ARTICLE_STEP).withStrategy(Strategy.full())
                .withThreads(threads);
        out.println("Network: " + network.layerSizes() + ", tanh hidden layers, sigmoid output, binary cross-entropy, "
                + format(network.layout().size()) + " parameters; weights randn * 0.01 (seed " + seed + "), zero biases.");
        out.println("Example: training column " + example + " (drawn with seed " + seed + "), label " + (int) one.y(0)
                + ". Check: every parameter, central difference, step " + DerivativeReport.formatBrief(ARTICLE_STEP)
                + ", as in the article" + (threads > 1 ? " (on " + threads + " threads)." : "."));
        DeepNetwork wrongSign = network.withBug(Bug.WRONG_SIGN, 2);
        outcome.raw = articleCheck(article, parameters, one);
        outcome.scaled = scaledCheck(article, parameters, oneScaled);
        outcome.bug = bugCheck(article, wrongSign, parameters, one);
        hiddenBugChecks(article, parameters, one, oneScaled, outcome);
        defaultChecks(wrongSign, parameters, one, outcome);
        out.println();
        out.println(conclusion(outcome));
        return outcome;
    }

    /** 1: the article's check, with what it did not say: how much of the network it tested. */
    private GradientReport articleCheck(GradientChecker article, Map<String, double[][]> parameters, Batch one) {
        out.println();
        out.println("1. The article's check: correct backpropagation, raw pixels 0..255");
        GradientReport report = check(article, network, parameters, one);
        out.println("   overall difference: " + DerivativeReport.formatNumber(report.overallDifference())
                + " (the article reports " + DerivativeReport.formatBrief(ARTICLE_DIFFERENCE) + " for its own random draw)");
        printVerdicts(report);
        printCoverage(report);
        Coverage coverage = Coverage.of(report);
        if (!coverage.isInformative()) {
            out.println("   Why: raw pixels saturate the first layer. On this example |Z1| averages "
                    + String.format(Locale.ROOT, "%.1f", meanAbsoluteFirstLayer(parameters, one))
                    + ", so tanh'(Z1) = 1 - tanh(Z1)^2 is 0 in double precision and no change of W1 or b1 changes the cost.");
            out.println("   The check's verdict says nothing about " + String.join(" and ", coverage.mostlyUntestedBlocks()) + ".");
        }
        return report;
    }

    /** 2: the same check where the first layer is not saturated. */
    private GradientReport scaledCheck(GradientChecker article, Map<String, double[][]> parameters, Batch oneScaled) {
        out.println();
        out.println("2. The same check on pixels scaled to [0, 1] (X / 255)");
        GradientReport report = check(article, network, parameters, oneScaled);
        out.println("   overall difference: " + DerivativeReport.formatNumber(report.overallDifference()));
        printVerdicts(report);
        printCoverage(report);
        return report;
    }

    /** 3: a bug the article's check catches, and the report that names its parameters. */
    private GradientReport bugCheck(GradientChecker article, DeepNetwork buggy, Map<String, double[][]> parameters, Batch one) {
        out.println();
        out.println("3. A backpropagation with a bug in layer " + buggy.bugLayer() + ": " + buggy.bug().description()
                + " (raw pixels)");
        GradientReport report = check(article, buggy, parameters, one);
        out.println("   overall difference: " + DerivativeReport.formatNumber(report.overallDifference()));
        printVerdicts(report);
        out.println();
        out.println(indent(report.format(REPORT_ROWS)));
        return report;
    }

    /** 4: a bug in the saturated layer, invisible on raw pixels. */
    private void hiddenBugChecks(GradientChecker article, Map<String, double[][]> parameters, Batch one, Batch oneScaled,
            Outcome outcome) {
        DeepNetwork hidden = network.withBug(Bug.TRANSPOSED_WEIGHT_GRADIENT, 1);
        out.println();
        out.println("4. A bug in layer 1, where raw pixels hide everything: " + hidden.bug().description());
        out.println("   on raw pixels 0..255:");
        outcome.layerOneBugRaw = check(article, hidden, parameters, one);
        printVerdicts(outcome.layerOneBugRaw);
        if (outcome.layerOneBugRaw.barelyTestedBlocks() > 0) {
            out.println("   ... but the report warns that " + barelyTested(outcome.layerOneBugRaw)
                    + " were barely tested; GradientChecker.withUntestedPolicy(UntestedPolicy.FAIL) turns that into a failure.");
        }
        out.println("   on pixels scaled to [0, 1]:");
        outcome.layerOneBugScaled = check(article, hidden, parameters, oneScaled);
        printVerdicts(outcome.layerOneBugScaled);
    }

    /** 5: GradCheck's default settings on the correct network and on the bug of section 3. */
    private void defaultChecks(DeepNetwork buggy, Map<String, double[][]> parameters, Batch one, Outcome outcome) {
        out.println();
        out.println("5. GradCheck's defaults on the same raw example: automatic step, every parameter when a full check is"
                + " estimated at\n   most " + seconds(Strategy.AUTOMATIC_FULL_TIME) + ", else screening by directional"
                + " derivatives per block, bisecting down to the wrong parameters");
        outcome.defaults = GradientChecker.defaults().check(network, parameters, one);
        out.println("   correct network: " + (outcome.defaults.passed() ? "PASSED" : "FAILED") + " in "
                + seconds(outcome.defaults.elapsed()) + " (" + format(outcome.defaults.evaluations()) + " evaluations, "
                + strategyKind(outcome.defaults) + "), " + outcome.defaults.warnings().size() + " warnings ("
                + barelyTested(outcome.defaults) + " barely tested)");
        outcome.defaultsBug = GradientChecker.defaults().check(buggy, parameters, one);
        out.println("   the bug of section 3: " + (outcome.defaultsBug.passed() ? "PASSED" : "FAILED") + " in "
                + seconds(outcome.defaultsBug.elapsed()) + " (" + format(outcome.defaultsBug.evaluations())
                + " evaluations, " + strategyKind(outcome.defaultsBug) + "), failing blocks: "
                + failingBlocks(outcome.defaultsBug));
    }

    /** {@code full} or {@code screening}: the strategy the automatic one chose, the first word of its description. */
    static String strategyKind(GradientReport report) {
        String description = report.strategyDescription();
        int end = 0;
        while (end < description.length() && Character.isLetter(description.charAt(end))) {
            end++;
        }
        return description.substring(0, end);
    }

    private GradientReport check(GradientChecker checker, DeepNetwork model, Map<String, double[][]> parameters, Batch batch) {
        ProgressListener listener = showProgress ? new ProgressBar(out, "   checking ") : ProgressListener.NONE;
        GradientReport report = checker.withProgressListener(listener).check(model, parameters, batch);
        out.println("   took " + seconds(report.elapsed()) + " (" + format(report.evaluations()) + " evaluations of the cost)");
        return report;
    }

    private void printVerdicts(GradientReport report) {
        boolean fine = report.overallDifference() < ARTICLE_THRESHOLD;
        out.println("   the article's rule (difference < " + DerivativeReport.formatBrief(ARTICLE_THRESHOLD) + "): "
                + (fine ? "backpropagation is fine" : "there is a mistake in backpropagation"));
        if (report.passed()) {
            out.println("   GradCheck: PASSED, all " + format(report.size()) + " parameters agree within " + report.tolerance());
        } else {
            Entry worst = report.worst(1).get(0);
            out.println("   GradCheck: FAILED, " + format(report.failureCount()) + " of " + format(report.size())
                    + " parameters disagree, worst " + worst.name() + " (analytic " + DerivativeReport.formatNumber(worst.analytic())
                    + ", numerical " + DerivativeReport.formatNumber(worst.numerical()) + ")");
            out.println("   failing blocks: " + failingBlocks(report));
        }
    }

    private void printCoverage(GradientReport report) {
        Coverage coverage = Coverage.of(report);
        if (coverage.isInformative() && report.barelyTestedBlocks() == 0) {
            out.println("   informative: yes, " + format(coverage.untested()) + " of " + format(coverage.total())
                    + " parameters had both gradients below " + DerivativeReport.formatBrief(coverage.threshold())
                    + ", and no block was barely tested.");
            return;
        }
        out.println("   informative: NO, " + format(coverage.untested()) + " of " + format(coverage.total()) + " parameters ("
                + String.format(Locale.ROOT, "%.2f%%", 100 * coverage.untestedFraction()) + ") had both gradients below "
                + DerivativeReport.formatBrief(coverage.threshold()) + ", so any gradient passes for them:");
        out.println(String.format(Locale.ROOT, "     %-5s %8s %16s %22s", "block", "count", "both < 1.0e-12",
                "~zero (GradCheck)"));
        for (BlockSummary block : report.blocks()) {
            out.println(String.format(Locale.ROOT, "     %-5s %8s %16s %22s", block.name(), format(block.count()),
                    format(coverage.untested(block.name())), format(block.negligible())));
        }
        for (String warning : report.warnings()) {
            out.println("   the report warns: " + warning);
        }
    }

    /** The closing paragraph: what the five checks showed. */
    static String conclusion(Outcome outcome) {
        Coverage raw = Coverage.of(outcome.raw);
        return "In short: the correct network passes and the wrong sign is caught, as the article says. But at the article's "
                + "point " + String.format(Locale.ROOT, "%.1f%%", 100 * raw.untestedFraction()) + " of the parameters were "
                + "untested, and a layer-1 bug " + (outcome.layerOneBugRaw.passed() ? "PASSED" : "failed") + " on raw pixels and "
                + (outcome.layerOneBugScaled.passed() ? "passed" : "FAILED") + " on scaled ones. Check where every block's "
                + "gradient is non-zero, and read the report's warnings.";
    }

    /** The mean of {@code |W1 x + b1|} over the first layer's units on the batch's first example. */
    static double meanAbsoluteFirstLayer(Map<String, double[][]> parameters, Batch batch) {
        double[][] weights = parameters.get("W1");
        double[][] biases = parameters.get("b1");
        double[] x = batch.column(0);
        double total = 0;
        for (int j = 0; j < weights.length; j++) {
            double z = biases[j][0];
            for (int k = 0; k < x.length; k++) {
                z += weights[j][k] * x[k];
            }
            total += Math.abs(z);
        }
        return total / weights.length;
    }

    private static String barelyTested(GradientReport report) {
        StringBuilder text = new StringBuilder();
        for (BlockSummary block : report.blocks()) {
            if (block.barelyTested()) {
                text.append(text.length() == 0 ? "" : " and ").append(block.name());
            }
        }
        return text.toString();
    }

    /** {@code W2 (25 of 25)}, the blocks with failures and how many of their parameters failed. */
    static String failingBlocks(GradientReport report) {
        StringBuilder text = new StringBuilder();
        for (BlockSummary block : report.blocks()) {
            if (!block.passed()) {
                text.append(text.length() == 0 ? "" : ", ").append(block.name()).append(" (").append(format(block.failures()))
                        .append(" of ").append(format(block.count())).append(')');
            }
        }
        return text.toString();
    }

    private static String indent(String text) {
        StringBuilder indented = new StringBuilder();
        for (String line : text.stripTrailing().split("\n", -1)) {
            indented.append(indented.length() == 0 ? "" : "\n").append(line.isEmpty() ? "" : "   " + line);
        }
        return indented.toString();
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toNanos() / 1e9);
    }

    private static String format(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
