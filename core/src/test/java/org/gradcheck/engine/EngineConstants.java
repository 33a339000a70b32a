package org.gradcheck.engine;

/** The engine's package-private constants that tests in other packages count with. */
public final class EngineConstants {

    /** Points the noise probe evaluates besides the point itself ({@link Noise#PROBE_POINTS}). */
    public static final int NOISE_PROBE_POINTS = Noise.PROBE_POINTS;

    /** Parameters screening checks one by one at a leaf ({@link Screening#LEAF_SIZE}). */
    public static final int SCREENING_LEAF_SIZE = Screening.LEAF_SIZE;

    /** Directions per block of the Taylor strategy ({@link TaylorStrategy#DIRECTIONS}). */
    public static final int TAYLOR_DIRECTIONS = TaylorStrategy.DIRECTIONS;

    private EngineConstants() {
    }
}
