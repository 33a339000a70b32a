package org.gradcheck.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's text, on a smaller network and synthetic raw-pixel data so that the five checks take well under
 * a second: 2,000 features of random 0..255 values saturate the first layer as the real images do.
 */
class DemoTests {

    private static final int FEATURES = 2000;

    private static Batch training;
    private static String text;
    private static Demo.Outcome outcome;

    @BeforeAll
    static void runTheDemo() {
        Random random = new Random(3);
        int size = 20;
        double[] pixels = new double[FEATURES * size];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(256);
        }
        double[] labels = new double[size];
        for (int e = 0; e < size; e++) {
            labels[e] = e % 2;
        }
        training = Batch.ofColumns(FEATURES, pixels, labels);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        outcome = demo(bytes, true).run();
        text = text(bytes);
    }

    private static Demo demo(ByteArrayOutputStream bytes, boolean showProgress) {
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        return new Demo(out, training, List.of(FEATURES, 3, 3, 1), 1, showProgress, 1);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    @Test
    void describesTheNetworkTheExampleAndTheArticlesSettings() {
        assertTrue(text.startsWith("Network: [2000, 3, 3, 1], tanh hidden layers, sigmoid output, binary cross-entropy, "
                + "6,019 parameters; weights randn * 0.01 (seed 1), zero biases.\n"
                + "Example: training column 5 (drawn with seed 1), label 1. Check: every parameter, central difference, step 1.0e-07, "
                + "as in the article.\n"), text);
    }

    @Test
    void theCorrectNetworkPassesButTheRawPixelCheckIsNotInformative() {
        assertTrue(outcome.raw.passed());
        assertTrue(text.contains("\n1. The article's check: correct backpropagation, raw pixels 0..255\n"), text);
        assertTrue(text.contains("   the article's rule (difference < 1.0e-07): backpropagation is fine\n"), text);
        assertTrue(text.contains("   informative: NO, 6,003 of 6,019 parameters (99.73%) had both gradients below 1.0e-12"), text);
        assertTrue(text.contains("\n     W1       6,000            6,000                  6,000\n"), text);
        assertTrue(text.contains("   the report warns: block W1 was barely tested"), text);
        assertTrue(text.contains("The check's verdict says nothing about W1 and b1.\n"), text);
    }

    @Test
    void onScaledPixelsTheCheckIsInformative() {
        assertTrue(outcome.scaled.passed());
        // 21: the W1 weights of pixels that are exactly 0 (about 1 in 256) have a zero gradient.
        assertTrue(text.contains("   informative: yes, 21 of 6,019 parameters had both gradients below 1.0e-12, "
                + "and no block was barely tested.\n"), text);
    }

    @Test
    void theInjectedBugFailsAndTheReportNamesItsParameters() {
        assertEquals(Set.of("W2"), BackpropagationBugExampleTests.failingBlocks(outcome.bug));
        assertTrue(text.contains("   the article's rule (difference < 1.0e-07): there is a mistake in backpropagation\n"), text);
        assertTrue(text.contains("   GradCheck: FAILED, 9 of 6,019 parameters disagree, worst W2["), text);
        assertTrue(text.contains("   failing blocks: W2 (9 of 9)\n"), text);
        assertTrue(text.contains("\n   W2[0,"), "the report's rows name W2's parameters");
    }

    @Test
    void aFirstLayerBugHidesOnRawPixelsAndShowsOnScaledOnes() {
        assertTrue(outcome.layerOneBugRaw.passed());
        assertFalse(outcome.layerOneBugScaled.passed());
        assertTrue(text.endsWith("a layer-1 bug PASSED on raw pixels and FAILED on scaled ones. Check where every block's "
                + "gradient is non-zero, and read the report's warnings.\n"), text);
    }

    @Test
    void showsGradCheckDefaultsOnTheSameExample() {
        assertTrue(outcome.defaults.passed());
        assertEquals(Set.of("W2"), BackpropagationBugExampleTests.failingBlocks(outcome.defaultsBug));
        assertTrue(text.contains("\n5. GradCheck's defaults on the same raw example: automatic step, every parameter "
                + "when a full check is estimated at\n   most 1.0 s, else screening by directional derivatives per block,"
                + " bisecting down to the wrong parameters\n"), text);
        assertTrue(text.contains("   correct network: PASSED in "), text);
        assertTrue(text.contains(" 2 warnings (W1 and b1 barely tested)\n"), text);
        assertTrue(text.contains("   the bug of section 3: FAILED in "), text);
        // which strategy the automatic one picks depends on the measured time of an evaluation: either finds the bug
        assertTrue(java.util.regex.Pattern.compile(" evaluations, (full|screening)\\), failing blocks: W2 \\(9 of 9\\)\n")
                .matcher(text).find(), text);
    }

    @Test
    void showsProgressAndTimeOfEveryCheck() {
        assertTrue(text.contains("\r   checking [------------------------------]   1% ("), text);
        assertTrue(text.contains("\r   checking [##############################] 100% (6,019 of 6,019 parameters)\n   took "), text);
        assertEquals(5, text.split("\n   took ", -1).length - 1, "five full checks, each timed");
    }

    @Test
    void withoutATerminalEachCheckIsOneLineAndNothingIsRewritten() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        demo(bytes, false).run();

        String plain = text(bytes);
        assertFalse(plain.contains("\r"), plain);
        assertEquals(5, plain.split("\n   took ", -1).length - 1, "five full checks, one line each");
        assertEquals(withoutTimes(text.replaceAll("(\r   checking [^\r\n]*)+\n", "")), withoutTimes(plain),
                "the text on a terminal, without its progress bars");
    }

    private static String withoutTimes(String text) {
        return text.replaceAll("\\d+\\.\\d s\\b", "_ s");
    }

    @Test
    void syntheticDataIsAnnouncedOnTheFirstLine() {
        assertEquals("Data: SYNTHETIC, because there are no cat images (train_catvnoncat.h5) in "
                + Path.of("no", "such", "folder") + ": 209 random 64x64x3 images (pixels 0..255) with random labels, "
                + "the shape of the real training set. Figures will differ from the article's; pass the folder that holds "
                + "the cat images for the real thing.", Demo.syntheticDataLine(Path.of("no", "such", "folder")));
        assertTrue(Demo.syntheticDataLine(null).startsWith("Data: SYNTHETIC, because no data folder was given: "));
    }

    @Test
    void theDataFolderIsShownRelativeToTheWorkingDirectoryAndNoMachinesPath() {
        Path workingDirectory = Path.of("").toAbsolutePath();
        Path shared = workingDirectory.getParent().resolve("shared").resolve("data");

        assertEquals(Path.of("..", "shared", "data").toString(), Demo.shown(shared));
        assertEquals(Path.of("..", "shared", "data").toString(), Demo.shown(workingDirectory.resolve("../shared/./data")));
        assertEquals(Path.of("data").toString(), Demo.shown(Path.of("data")));
        assertEquals(".", Demo.shown(workingDirectory));
        assertEquals("Data: the 20 cat-vs-non-cat training images from " + Path.of("..", "shared", "data")
                + ", as a 2000 x 20 matrix of raw pixels 0..255.", Demo.dataLine(shared, training));
        assertFalse(Demo.syntheticDataLine(workingDirectory.resolve("elsewhere")).contains(workingDirectory.toString()));
    }
}
