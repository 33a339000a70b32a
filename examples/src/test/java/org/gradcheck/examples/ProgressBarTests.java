package org.gradcheck.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTests {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), "checking ");

    @Test
    void drawsTheShareDoneAsHashes() {
        assertEquals("checking [###############---------------]  50% (30,741 of 61,481 parameters)", bar.line(30_741, 61_481));
    }

    @Test
    void rewritesOneLineAndEndsItWhenDone() {
        bar.progress(0, 4);
        bar.progress(2, 4);
        bar.progress(4, 4);

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals("\r" + bar.line(0, 4) + "\r" + bar.line(2, 4) + "\r" + bar.line(4, 4) + System.lineSeparator(), text);
    }

    @Test
    void printsNothingAfterTheLastCall() {
        bar.progress(4, 4);
        bar.progress(4, 4);

        assertEquals("\r" + bar.line(4, 4) + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void skipsCallsThatDoNotChangeThePercentage() {
        bar.progress(0, 1000);
        bar.progress(1, 1000);
        bar.progress(2, 1000);

        assertEquals("\r" + bar.line(0, 1000), bytes.toString(StandardCharsets.UTF_8));
    }
}
