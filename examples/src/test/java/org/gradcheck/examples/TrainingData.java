package org.gradcheck.examples;

import java.nio.file.Path;

/** The real cat images for tests, read once from the folder Maven passes as {@code gradcheck.data}. */
final class TrainingData {

    private static Batch training;

    private TrainingData() {
    }

    /**
     * The shared data folder: the system property {@code gradcheck.data} (set by the examples' pom), or
     * {@code ../../shared/data} from the module's folder when a test runs outside Maven.
     */
    static Path directory() {
        String configured = System.getProperty("gradcheck.data");
        return configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data");
    }

    /** The 209 training images, 12288 x 209 raw pixels. */
    static synchronized Batch trainingSet() {
        if (training == null) {
            training = CatImages.trainingSet(directory());
        }
        return training;
    }
}
