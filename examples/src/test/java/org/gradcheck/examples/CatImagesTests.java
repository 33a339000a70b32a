package org.gradcheck.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatImagesTests {

    @Test
    void trainingSetIsTheArticlesMatrixOf12288By209RawPixels() {
        Batch training = TrainingData.trainingSet();

        assertEquals(12288, training.features());
        assertEquals(209, training.size());
        double smallest = Double.POSITIVE_INFINITY;
        double largest = Double.NEGATIVE_INFINITY;
        for (int e = 0; e < training.size(); e++) {
            for (double value : training.column(e)) {
                smallest = Math.min(smallest, value);
                largest = Math.max(largest, value);
            }
        }
        assertEquals(0, smallest);
        assertEquals(255, largest);
    }

    @Test
    void featuresFollowNumpysTransposeAndReshape() throws Exception {
        Batch training = TrainingData.trainingSet();
        int[][][][] raw;
        long[] labels;
        try (HdfFile hdf = new HdfFile(TrainingData.directory().resolve(CatImages.TRAINING_FILE))) {
            raw = (int[][][][]) hdf.getDatasetByPath("train_set_x").getData();
            labels = (long[]) hdf.getDatasetByPath("train_set_y").getData();
        }
        int[][] pixels = {{0, 0, 0, 0}, {0, 0, 1, 0}, {0, 1, 0, 0}, {0, 0, 0, 2}, {7, 10, 20, 2}, {100, 63, 0, 1},
            {208, 63, 63, 2}, {57, 31, 45, 1}};
        for (int[] p : pixels) {
            int image = p[0];
            int row = p[1];
            int column = p[2];
            int channel = p[3];
            assertEquals(raw[image][row][column][channel], training.x(channel * 4096 + column * 64 + row, image),
                    () -> "pixel " + java.util.Arrays.toString(p));
        }
        assertEquals(2 * 4096 + 20 * 64 + 10, CatImages.featureIndex(10, 20, 2));
        for (int e = 0; e < training.size(); e++) {
            assertEquals(labels[e], training.y(e));
        }
    }

    @Test
    void everyPixelOfOneImageLandsInItsColumn() throws Exception {
        Batch training = TrainingData.trainingSet();
        int[][][][] raw;
        try (HdfFile hdf = new HdfFile(TrainingData.directory().resolve(CatImages.TRAINING_FILE))) {
            raw = (int[][][][]) hdf.getDatasetByPath("train_set_x").getData();
        }
        int image = 25;
        double[] expected = new double[CatImages.FEATURES];
        for (int row = 0; row < 64; row++) {
            for (int column = 0; column < 64; column++) {
                for (int channel = 0; channel < 3; channel++) {
                    expected[CatImages.featureIndex(row, column, channel)] = raw[image][row][column][channel];
                }
            }
        }
        assertArrayEquals(expected, training.column(image));
    }

    @Test
    void testSetHas50ImagesOfTheSameShape() {
        Batch test = CatImages.testSet(TrainingData.directory());

        assertEquals(12288, test.features());
        assertEquals(50, test.size());
    }

    @Test
    void aMissingFileIsNamedWithWhereTheDataBelongs(@TempDir Path empty) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> CatImages.trainingSet(empty));

        assertEquals("no train_catvnoncat.h5 in " + empty.toAbsolutePath().normalize()
                + ": the cat images live in the shared/data folder beside the project (../shared/data from the project's root, "
                + "see its README.md); pass that folder, or run the demo without an argument to use synthetic data",
                error.getMessage());
        assertFalse(CatImages.isPresent(empty));
        assertTrue(CatImages.isPresent(TrainingData.directory()));
    }

    @Test
    void aFileThatIsNotHdf5IsNamedInTheError(@TempDir Path folder) throws Exception {
        Path file = folder.resolve(CatImages.TRAINING_FILE);
        java.nio.file.Files.writeString(file, "not an HDF5 file");

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> CatImages.trainingSet(folder));

        assertTrue(error.getMessage().startsWith("cannot read " + file + " as HDF5: "), error.getMessage());
    }

    @Test
    void syntheticImagesHaveTheRealShapeAndAreSeeded() {
        Batch synthetic = CatImages.synthetic(3, 42);

        assertEquals(12288, synthetic.features());
        assertEquals(3, synthetic.size());
        assertArrayEquals(synthetic.column(2), CatImages.synthetic(3, 42).column(2));
        assertFalse(java.util.Arrays.equals(synthetic.column(2), CatImages.synthetic(3, 43).column(2)));
        for (double value : synthetic.column(1)) {
            assertTrue(value >= 0 && value <= 255 && value == Math.rint(value), "pixel " + value);
        }
    }

    @Test
    void aPixelOutsideTheImageIsRejected() {
        IndexOutOfBoundsException error = assertThrows(IndexOutOfBoundsException.class, () -> CatImages.featureIndex(64, 0, 0));

        assertEquals("pixel (64, 0, 0) is outside a 64x64x3 image", error.getMessage());
    }
}
