package org.gradcheck.examples;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * The cat-vs-non-cat images of the gradient-checking article, read from its HDF5 files into the article's
 * {@code 12288 x m} layout.
 *
 * <p>The files store {@code train_set_x} as unsigned bytes of shape {@code (image, row, column, channel)} =
 * {@code 209 x 64 x 64 x 3}. The article transposes and reshapes them so that feature
 * {@code channel * 4096 + column * 64 + row} of column {@code image} holds pixel
 * {@code (row, column, channel)} of that image ({@link #featureIndex(int, int, int)}). Values stay raw,
 * {@code 0..255}, as in the article; {@link Batch#scaled(double) scaled(1 / 255.0)} maps them to
 * {@code [0, 1]}.
 *
 * <pre>{@code
 * Batch training = CatImages.trainingSet(Path.of("../shared/data"));   // 12288 x 209
 * Batch one = training.select(17);                                      // one example, as the article
 * }</pre>
 *
 * @since 0.1
 */
public final class CatImages {

    /** Image height and width in pixels. */
    public static final int SIDE = 64;

    /** Colour channels per pixel (red, green, blue). */
    public static final int CHANNELS = 3;

    /** Input features per image: {@code 64 * 64 * 3 = 12288}. */
    public static final int FEATURES = SIDE * SIDE * CHANNELS;

    /** The training set's file name. */
    public static final String TRAINING_FILE = "train_catvnoncat.h5";

    /** The test set's file name. */
    public static final String TEST_FILE = "test_catvnoncat.h5";

    /** Number of images in the training set. */
    public static final int TRAINING_SIZE = 209;

    /** Number of images in the test set. */
    public static final int TEST_SIZE = 50;

    private CatImages() {
    }

    /**
     * The 209 training images ({@code train_set_x}, {@code train_set_y}) from {@code directory}.
     *
     * @param directory the folder that holds {@value #TRAINING_FILE}
     * @return the images, one column of 12288 raw pixels each, and their labels
     * @throws IllegalArgumentException if the directory has no {@value #TRAINING_FILE}; the message says where
     *     the data should be
     * @throws IllegalStateException if the file cannot be read or does not hold the expected datasets
     */
    public static Batch trainingSet(Path directory) {
        return load(fileIn(directory, TRAINING_FILE), "train_set_x", "train_set_y");
    }

    /**
     * The 50 test images ({@code test_set_x}, {@code test_set_y}) from {@code directory}.
     *
     * @param directory the folder that holds {@value #TEST_FILE}
     * @return the images, one column of 12288 raw pixels each, and their labels
     * @throws IllegalArgumentException if the directory has no {@value #TEST_FILE}
     * @throws IllegalStateException if the file cannot be read or does not hold the expected datasets
     */
    public static Batch testSet(Path directory) {
        return load(fileIn(directory, TEST_FILE), "test_set_x", "test_set_y");
    }

    /**
     * Whether {@code directory} holds both data files.
     *
     * @param directory the folder; null is allowed and holds nothing
     * @return whether both {@value #TRAINING_FILE} and {@value #TEST_FILE} are in it
     */
    public static boolean isPresent(Path directory) {
        return directory != null && Files.isRegularFile(directory.resolve(TRAINING_FILE))
                && Files.isRegularFile(directory.resolve(TEST_FILE));
    }

    /**
     * {@code size} random images of the same shape as the real ones: every pixel drawn uniformly from
     * {@code 0..255}, every label 0 or 1 with equal chance, from a generator seeded with {@code seed}.
     * For running the demo without the data files; a gradient check behaves on them much as on the real
     * images (raw pixels saturate tanh units in the same way).
     *
     * @param size the number of images
     * @param seed the seed of the generator
     * @return the images and their labels
     * @throws IllegalArgumentException if {@code size < 1}
     */
    public static Batch synthetic(int size, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1 but was " + size);
        }
        Random random = new Random(seed);
        double[] columns = new double[size * FEATURES];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = random.nextInt(256);
        }
        double[] labels = new double[size];
        for (int i = 0; i < size; i++) {
            labels[i] = random.nextBoolean() ? 1 : 0;
        }
        return Batch.ofColumns(FEATURES, columns, labels);
    }

    /**
     * The feature (row of {@code X}) that holds pixel {@code (row, column, channel)} of an image:
     * {@code channel * 4096 + column * 64 + row}, numpy's {@code x.T.reshape(12288, m)} order.
     *
     * @param row the pixel's row, in {@code [0, 64)}
     * @param column the pixel's column, in {@code [0, 64)}
     * @param channel the colour channel, in {@code [0, 3)}
     * @return the feature index
     * @throws IndexOutOfBoundsException if a coordinate is outside the image
     */
    public static int featureIndex(int row, int column, int channel) {
        if (row < 0 || row >= SIDE || column < 0 || column >= SIDE || channel < 0 || channel >= CHANNELS) {
            throw new IndexOutOfBoundsException("pixel (" + row + ", " + column + ", " + channel + ") is outside a "
                    + SIDE + "x" + SIDE + "x" + CHANNELS + " image");
        }
        return (channel * SIDE + column) * SIDE + row;
    }

    private static Path fileIn(Path directory, String name) {
        if (directory == null) {
            throw new IllegalArgumentException("directory must not be null: pass the folder that holds " + name);
        }
        Path file = directory.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no " + name + " in " + directory.toAbsolutePath().normalize()
                    + ": the cat images live in the shared/data folder beside the project (../shared/data from the project's "
                    + "root, see its README.md); pass that folder, or run the demo without an argument to use synthetic data");
        }
        return file;
    }

    /**
     * Reads images {@code (image, row, column, channel)} and labels from {@code file} into a batch in the
     * article's layout.
     */
    static Batch load(Path file, String imagesName, String labelsName) {
        try (HdfFile hdf = new HdfFile(file)) {
            Dataset images = dataset(hdf, file, imagesName);
            Dataset labels = dataset(hdf, file, labelsName);
            int[] dimensions = images.getDimensions();
            if (dimensions.length != 4 || dimensions[1] != SIDE || dimensions[2] != SIDE || dimensions[3] != CHANNELS) {
                throw new IllegalStateException(imagesName + " in " + file + " has shape " + Arrays.toString(dimensions)
                        + " but images of shape [m, " + SIDE + ", " + SIDE + ", " + CHANNELS + "] were expected");
            }
            int size = dimensions[0];
            double[] columns = toColumns(toInts(images.getDataFlat(), imagesName, file), size);
            double[] y = toDoubles(labels.getDataFlat(), labelsName, file);
            if (y.length != size) {
                throw new IllegalStateException(labelsName + " in " + file + " has " + y.length + " labels for " + size + " images");
            }
            return Batch.ofColumns(FEATURES, columns, y);
        } catch (HdfException e) {
            throw new IllegalStateException("cannot read " + file + " as HDF5: " + e.getMessage(), e);
        }
    }

    private static Dataset dataset(HdfFile hdf, Path file, String name) {
        Node node = hdf.getChildren().get(name);
        if (!(node instanceof Dataset)) {
            throw new IllegalStateException(file + " has no dataset " + name + "; it has " + hdf.getChildren().keySet());
        }
        return (Dataset) node;
    }

    /** Pixels stored (image, row, column, channel) -> one column of 12288 features per image. */
    static double[] toColumns(int[] pixels, int size) {
        double[] columns = new double[size * FEATURES];
        int source = 0;
        for (int image = 0; image < size; image++) {
            int base = image * FEATURES;
            for (int row = 0; row < SIDE; row++) {
                for (int column = 0; column < SIDE; column++) {
                    for (int channel = 0; channel < CHANNELS; channel++) {
                        columns[base + (channel * SIDE + column) * SIDE + row] = pixels[source++];
                    }
                }
            }
        }
        return columns;
    }

    private static int[] toInts(Object data, String name, Path file) {
        if (data instanceof int[]) {
            return (int[]) data;
        }
        if (data instanceof short[]) {
            short[] values = (short[]) data;
            int[] ints = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                ints[i] = values[i];
            }
            return ints;
        }
        throw new IllegalStateException(name + " in " + file + " holds " + data.getClass().getSimpleName()
                + " but unsigned 8-bit pixels were expected");
    }

    private static double[] toDoubles(Object data, String name, Path file) {
        if (data instanceof long[]) {
            return Arrays.stream((long[]) data).asDoubleStream().toArray();
        }
        if (data instanceof int[]) {
            return Arrays.stream((int[]) data).asDoubleStream().toArray();
        }
        throw new IllegalStateException(name + " in " + file + " holds " + data.getClass().getSimpleName()
                + " but integer labels were expected");
    }
}
