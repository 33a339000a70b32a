package org.gradcheck.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.gradcheck.CheckRefusedException;
import org.gradcheck.Precision;

/**
 * The function's rounding noise and determinism, measured once per check: how much each output's computed value
 * scatters around the smooth function it computes, in absolute terms, at the scales the differences use.
 *
 * <p>The outputs are evaluated at eight equally spaced points {@code x + j t d} ({@code j = 1..8}) along a seeded
 * random direction {@code d} that moves up to {@value #MOVED} coordinates, spread over the whole vector, by their
 * magnitude ({@code |x_i|}, 1 for a coordinate at 0) with a random sign: relative moves stay inside domains that end
 * at zero ({@code log}, {@code sqrt}) and away from poles and kinks at zero however small the coordinate. Differences of order {@code k} of a smooth function shrink like
 * {@code t^k} and keep their sign; differences of noise do not shrink, change sign, and their mean square is
 * {@code C(2k, k)} times the noise variance. The estimate is {@code sqrt(mean((Δ^k f)^2) / C(2k, k))} at the lowest
 * order {@code k >= 2} whose differences, and the next order's, change sign: the idea of Moré and Wild's ECnoise.
 * The values are centred and scaled before they are squared, so nothing overflows.
 *
 * <p>What is not noise is kept out:
 * <ul>
 * <li>the point itself is not one of the eight, so a jump at the point does not count as noise, and the largest
 *     difference of each order is left out, so one kink or jump crossed does not either;</li>
 * <li>many kinks, a pole, fast oscillation or strong curvature crossed by the probe look random too. When the first
 *     spacing ({@code t = 1e-6}) measures more than {@value #ABOVE_ROUNDING} units of rounding, the probe is repeated
 *     100, 10^4 and 10^6 times closer, and up to {@value #STEEP_PROBES} times more while the closest is above rounding
 *     and measured over {@value #STEEP_FALL} times a wider one or fell as much (a pole or a kink crossed that close:
 *     rounding does not grow as probes come closer). The estimates form a profile: the rounding error of a
 *     difference at step {@code h} is taken from the probe whose points lie at distances like {@code h}, so a ladder
 *     of smaller steps is judged by the noise at its own scale, and the step itself is set by the smallest
 *     estimate;</li>
 * <li>a function computed in {@code float} does not see changes below its precision: when most of the eight values
 *     are equal, or they change by exactly the same amount from point to point (each step a whole number of the
 *     coarse grid's units, so that no difference of order two or more is left), the spacing is made 100 times
 *     wider;</li>
 * <li>a point of the probe where the function is not finite (a domain edge within the spacing) makes the spacing
 *     1000 times smaller; where no spacing stays finite, the noise is not measured and the report says so.</li>
 * </ul>
 * A function computed in double precision measures about 1e-16 of its value; one computed in single precision
 * inside about 1e-8 ({@code NoiseTests} pins both). The noise never counts as less than the rounding of the values
 * compared, {@code 2 eps max(|f(x + h)|, |f(x - h)|)}, and a difference between two values at the same point (a
 * reduction summed in another order) counts as noise as long as it is at the level of rounding.
 */
final class Noise {

    /** Points evaluated along the direction in one probe, besides the point itself. */
    static final int PROBE_POINTS = 8;

    /** Noise grows beyond the largest probe at most in proportion to the distance. */
    private static final double MOST_GROWTH = 1;

    /** The probe moves at most this many coordinates, spread evenly over the vector. */
    static final int MOVED = 1024;

    private static final int HIGHEST_ORDER = 6;
    private static final double FIRST_SPACING = 1e-6;
    /** How much closer each repeated probe is when the first measures more than rounding. */
    private static final double CLOSER = 100;
    /** Probes at closer and closer spacings when the first measures more than rounding. */
    private static final int CLOSER_PROBES = 3;
    /**
     * Closer probes beyond those, while the closest is above rounding and measured {@link #STEEP_FALL} times more than
     * the one before it, or fell as much.
     */
    private static final int STEEP_PROBES = 2;
    /** A change of the noise estimate by this factor from one probe to the next, {@value #CLOSER} times closer, is steep. */
    private static final double STEEP_FALL = 10;
    /** How much wider a probe is when the function did not see the first one. */
    private static final double WIDER = 100;
    /** How much closer a probe is after it met a non-finite value. */
    private static final double INSIDE = 1000;
    /** Probes tried, each {@value #INSIDE} times closer, while the function is not finite along the direction. */
    private static final int INSIDE_ATTEMPTS = 3;
    private static final int FEWEST_DISTINCT_VALUES = 5;
    /** From this many differences of one order on, the largest is left out: one kink or jump crossed is no noise. */
    private static final int ROBUST_COUNT = 4;
    /**
     * Values whose measured scatter is below this fraction of a unit in their last place did not scatter at all: they
     * changed by the same whole number of units from point to point, a function rounded to a coarser grid than the
     * changes of the probe can show.
     */
    private static final double REGULAR_UNITS = 64;

    /** A probe counts as above rounding when it measures more than this many units of double precision. */
    private static final double ABOVE_ROUNDING = 64;

    /** The relative rounding unit of the precision the function is computed in. */
    final double unit;
    /** The relative noise that sets the automatic step, clamped to {@code [unit, LARGEST_RELATIVE_NOISE]}. */
    final double relative;
    /** The precision as the report states it. */
    /** The precision line of the report, made when a report asks for it. */
    final Supplier<String> description;
    /** The relative difference between two values at the same point that counts as noise, not as non-determinism. */
    final double spread;
    /** The spacings of the probes that measured, largest first; empty when the noise was not measured. */
    private final double[] spacings;
    /** The noise of each output at each spacing, {@code [probe][output]}, never below the floor. */
    private final double[][] profile;
    /** Each output's floor: the rounding of its value and the difference of two values at the point. */
    private final double[] floor;
    /** Each output's growth beyond the largest probe ({@link #growth(int)}), computed once. */
    private final double[] growths;
    /** The distance each probe reached, {@code PROBE_POINTS spacings[p]}, descending. */
    private final double[] reach;
    /**
     * {@code slopes[row][p]}: the least {@code profile[q][row] / reach[q]} over {@code q >= p}, so that the noise scaled up
     * from every closer probe is one product; computed once, since it is asked for at every unchecked entry.
     */
    private final double[][] slopes;

    private Noise(double unit, double relative, Supplier<String> description, double spread, double[] spacings, double[][] profile,
            double[] floor) {
        this.unit = unit;
        this.relative = relative;
        this.description = description;
        this.spread = spread;
        this.spacings = spacings;
        this.profile = profile;
        this.floor = floor;
        this.growths = new double[floor.length];
        for (int row = 0; row < floor.length; row++) {
            growths[row] = profile.length == 0 ? 0 : growth(row);
        }
        // the probes come closer and closer, so the distances they reach descend
        reach = new double[profile.length];
        for (int p = 0; p < profile.length; p++) {
            reach[p] = PROBE_POINTS * spacings[p];
        }
        slopes = new double[floor.length][profile.length];
        for (int row = 0; row < floor.length; row++) {
            double least = Double.POSITIVE_INFINITY;
            for (int q = profile.length - 1; q >= 0; q--) {
                least = Math.min(least, profile[q][row] / reach[q]);
                slopes[row][q] = least;
            }
        }
    }

    /**
     * The noise of the outputs near the point: measured, or from the declared precision. The relative noise that sets
     * the steps is taken against the size the outputs vary on: the larger of {@code |y_i|} and
     * {@code max_j |J_ij| scale_j}, so that an output that is zero at the point (a least-squares residual at a
     * zero-residual minimiser) does not make every step huge.
     *
     * @param value the outputs at the point
     * @param again the outputs at the point a second time
     * @param sizes the size each output varies on
     * @param precision the declared precision, or {@link Precision#AUTOMATIC} to measure
     * @param nondeterminism the relative non-determinism the user declared acceptable
     */
    static Noise of(Evaluator evaluator, double[] value, double[] again, double[] sizes, Precision precision,
            double nondeterminism, long seed) {
        double unit = precision.relativeNoise();
        double spread = Math.max(Kernel.DETERMINISM_SPREAD, Math.max(Kernel.DETERMINISM_UNITS * unit, nondeterminism));
        int m = value.length;
        double[] floor = new double[m];
        for (int i = 0; i < m; i++) {
            floor[i] = Math.max(Kernel.ROUNDING_UNITS * unit * Math.abs(value[i]), Math.abs(again[i] - value[i]));
        }
        String letter = m == 1 ? "f" : "y";
        if (precision != Precision.AUTOMATIC) {
            String declared = precision.name().toLowerCase(Locale.ROOT) + " (declared)";
            return new Noise(unit, unit, () -> declared, spread, new double[0],
                    new double[0][], floor);
        }
        Probe probe = new Probe(evaluator, value, seed);
        probe.measure();
        if (probe.spacings.isEmpty()) {
            return new Noise(unit, unit, () -> "double (noise not measured: the function is not finite near the point"
                    + " along a random direction)", spread, new double[0], new double[0][], floor);
        }
        int probes = probe.spacings.size();
        double[] spacings = new double[probes];
        double[][] profile = new double[probes][];
        double[] smallest = new double[m];
        Arrays.fill(smallest, Double.POSITIVE_INFINITY);
        for (int p = 0; p < probes; p++) {
            spacings[p] = probe.spacings.get(p);
            profile[p] = probe.estimates.get(p);
            double seenRelative = seenRelative(profile[p], sizes, unit);
            for (int i = 0; i < m; i++) {
                if (Double.isNaN(profile[p][i])) {
                    profile[p][i] = p == 0 ? seenRelative * sizes[i] : profile[p - 1][i];
                }
                profile[p][i] = Math.max(profile[p][i], floor[i]);
                smallest[i] = Math.min(smallest[i], profile[p][i]);
            }
        }
        double measured = relativeOf(profile[0], sizes);
        double relative = Math.min(Math.max(relativeOf(smallest, sizes), unit), Kernel.LARGEST_RELATIVE_NOISE);
        double atSmaller = relativeOf(smallest, sizes);
        // formatted when a report asks for it: three numbers' texts cost more than some of a check's loops
        Supplier<String> description = () -> (measured > Kernel.DOUBLE_NOISE_LIMIT ? "single or lower" : "double")
                + " (measured noise " + Numbers.brief(measured) + " of the size of " + letter
                + (probes > 1 && !Numbers.brief(atSmaller).equals(Numbers.brief(measured))
                        ? ", " + Numbers.brief(atSmaller) + " at smaller scales" : "") + ")";
        return new Noise(unit, relative, description, spread, spacings, profile, floor);
    }

    /**
     * The relative noise of the outputs a probe saw, for those it did not see: their noise relative to their sizes,
     * and no less than the precision's unit.
     */
    private static double seenRelative(double[] sigma, double[] sizes, double unit) {
        double noise = 0;
        double size = 0;
        for (int i = 0; i < sigma.length; i++) {
            if (!Double.isNaN(sigma[i])) {
                noise += sigma[i];
                size += sizes[i];
            }
        }
        return Math.max(unit, size == 0 ? 0 : noise / size);
    }

    /** {@code sum sigma_i / sum size_i}: the outputs' noise relative to their size; 0 when all sizes are zero. */
    private static double relativeOf(double[] sigma, double[] sizes) {
        double noise = 0;
        double size = 0;
        for (int i = 0; i < sizes.length; i++) {
            noise += sigma[i];
            size += sizes[i];
        }
        return size == 0 ? 0 : noise / size;
    }

    /** The rounding noise of output {@code row} near the point, at the first probe's scale. */
    double sigma(int row) {
        return profile.length == 0 ? floor[row] : roundingSigma(row, PROBE_POINTS * spacings[0]);
    }

    /**
     * The rounding noise of output {@code row} a relative distance {@code distance} from the point (a step divided by
     * the coordinate's magnitude): the estimate of the probe whose points lay at such distances, or of the nearest
     * larger one, but no more than any closer probe's estimate scaled up in proportion to the distance. Rounding grows
     * at most in proportion to the distance (near a zero of the function); an estimate that falls faster when the probe
     * comes closer measured variation the probe could not follow (kinks, a pole, oscillation, another coordinate's
     * curvature), which the differences of one coordinate judge for themselves.
     */
    double roundingSigma(int row, double distance) {
        if (profile.length == 0) {
            return floor[row];
        }
        // the probes reach less and less far: the ones that reach the distance come first, and every closer one
        // scales up in proportion to the distance, the least of them being one product
        int chosen = 0;
        while (chosen + 1 < reach.length && reach[chosen + 1] >= distance) {
            chosen++;
        }
        double sigma = profile[chosen][row];
        if (chosen + 1 < reach.length) {
            sigma = Math.min(sigma, distance * slopes[row][chosen + 1]);
        }
        double largest = reach[0];
        double growth = growths[row];
        if (distance > largest && growth > 0) {
            sigma *= Math.pow(distance / largest, growth);
        }
        return Math.max(sigma, floor[row]);
    }

    /**
     * How the noise of output {@code row} grows with the distance from the point beyond the largest probe: as
     * {@code distance^k}, {@code k} the growth every probe showed, from one spacing to the next, when all of them
     * showed about the same ({@value #MOST_GROWTH} at most); 0 otherwise. Noise that is proportional to the distance
     * is the rounding of values that cancel, {@code r = y - model(x)} in a residual near an exact fit, whose rounding
     * is multiplied by the residual's change in {@code 1/2 |r|^2}: at larger steps the values are larger and so is
     * their rounding. A first probe that crossed curvature or kinks differs from the closer ones alone and shows no
     * common growth.
     */
    private double growth(int row) {
        if (spacings.length < 3) {
            return 0;
        }
        double low = Double.POSITIVE_INFINITY;
        double high = 0;
        for (int p = 1; p < spacings.length; p++) {
            double k = Math.log(profile[p - 1][row] / profile[p][row]) / Math.log(spacings[p - 1] / spacings[p]);
            if (!(k >= 0)) {
                return 0;
            }
            low = Math.min(low, k);
            high = Math.max(high, k);
        }
        return high <= 2 * low ? Math.min(MOST_GROWTH, (low + high) / 2) : 0;
    }

    /**
     * The relative distance beyond which the rounding noise of output {@code row} ({@link #roundingSigma}) is the same at
     * every larger distance: 0 where it is the same at every distance, infinite where it keeps changing (it grows
     * beyond the largest probe). Beyond the second probe's reach the first probe's estimate holds, capped by the
     * closer probes' scaled up in proportion to the distance, and that cap stops binding once the distance is at
     * least the first probe's estimate over the least slope. A check of a large model judges most inputs at such
     * distances, so their bounds need no search of the profile each ({@link Kernel#firstBound}).
     */
    double sameRoundingBeyond(int row) {
        if (profile.length == 0 || reach.length == 1) {
            // one probe or none: a growth needs three
            return 0;
        }
        if (growths[row] > 0) {
            return Double.POSITIVE_INFINITY;
        }
        double from = Math.max(reach[1], profile[0][row] / slopes[row][1]);
        // 0 / 0 (an output whose noise is zero) is NaN: no such distance
        return from >= 0 ? from : Double.POSITIVE_INFINITY;
    }

    /**
     * The rounding error of output {@code row} at values {@code plus} and {@code minus}, a relative distance
     * {@code distance} from the point: the noise there, and no less than the rounding of the finite values themselves.
     */
    double rounding(int row, double plus, double minus, double distance) {
        double size = 0;
        if (Double.isFinite(plus)) {
            size = Math.abs(plus);
        }
        if (Double.isFinite(minus)) {
            size = Math.max(size, Math.abs(minus));
        }
        return Math.max(roundingSigma(row, distance), Kernel.ROUNDING_UNITS * unit * size);
    }

    /** The relative distance of a step {@code step} of a coordinate of value {@code x}, as {@link #sigma(int, double)} takes it. */
    static double distance(double step, double x) {
        return x == 0 ? step : step / Math.abs(x);
    }

    /**
     * Whether two values of one output at the same point differ by no more than noise: rounding-level differences
     * (a reduction summed in another order) or the declared non-determinism.
     */
    boolean sameValue(double first, double second) {
        return Math.abs(first - second) <= spread * Math.max(Math.abs(first), Math.abs(second));
    }

    /** One measurement: probes at several spacings along one seeded direction. */
    private static final class Probe {

        private final Evaluator evaluator;
        private final double[] value;
        private final double[] point;
        private final int[] moved;
        private final boolean[] negative;
        /** The moved coordinates' positions at the last probe point, {@code shifted[c]} for {@code moved[c]}. */
        private final double[] shifted;
        private final double[][] values;
        private final int m;
        final List<Double> spacings = new ArrayList<>();
        final List<double[]> estimates = new ArrayList<>();

        Probe(Evaluator evaluator, double[] value, long seed) {
            this.evaluator = evaluator;
            this.value = value;
            this.point = evaluator.original();
            this.m = value.length;
            int n = point.length;
            int count = Math.min(n, MOVED);
            moved = new int[count];
            negative = new boolean[count];
            SplittableRandom random = new SplittableRandom(seed);
            for (int c = 0; c < count; c++) {
                moved[c] = (int) ((long) c * n / count);
                negative[c] = random.nextBoolean();
            }
            shifted = new double[count];
            values = new double[PROBE_POINTS][];
            for (int j = 0; j < PROBE_POINTS; j++) {
                values[j] = new double[m];
            }
        }

        /** Probes at the first spacing (or inside, or wider), and closer when that measures more than rounding. */
        void measure() {
            double spacing = FIRST_SPACING;
            int attempt = 0;
            double[] first = probe(spacing);
            while (first == null && ++attempt < INSIDE_ATTEMPTS) {
                spacing /= INSIDE;
                first = probe(spacing);
            }
            if (first == null) {
                return;
            }
            if (first == UNSEEN) {
                double[] wider = probe(spacing * WIDER);
                if (wider != null && wider != UNSEEN) {
                    add(spacing * WIDER, wider);
                } else {
                    // exact at both spacings (a linear function computed without rounding): no noise above the floor
                    add(spacing, new double[m]);
                }
                return;
            }
            add(spacing, first);
            if (!aboveRounding(first)) {
                return;
            }
            for (int probe = 0; probe < CLOSER_PROBES; probe++) {
                spacing /= CLOSER;
                double[] sigma = probe(spacing);
                if (sigma != null && sigma != UNSEEN) {
                    add(spacing, sigma);
                }
            }
            // a closest probe still far above rounding that measured more than a wider one, or still falls steeply,
            // measured what it crossed (a pole or a kink that close to the point), not noise, which does not grow as
            // probes come closer: closer probes, while that lasts
            for (int probe = 0; probe < STEEP_PROBES && estimates.size() >= 2; probe++) {
                double[] last = estimates.get(estimates.size() - 1);
                double[] before = estimates.get(estimates.size() - 2);
                if (!aboveValueRounding(last) || !(fellSteeply(before, last) || grew(before, last))) {
                    break;
                }
                spacing /= CLOSER;
                double[] sigma = probe(spacing);
                if (sigma == null || sigma == UNSEEN) {
                    break;
                }
                add(spacing, sigma);
            }
        }

        /** Whether some output's estimate is above {@value #ABOVE_ROUNDING} units of its value at the point. */
        private boolean aboveValueRounding(double[] sigma) {
            for (int i = 0; i < m; i++) {
                if (sigma[i] > ABOVE_ROUNDING * Math.ulp(1.0) * Math.abs(value[i])) {
                    return true;
                }
            }
            return false;
        }

        /** Whether some output's estimate grew by more than {@value #STEEP_FALL} from one probe to the next, closer one. */
        private boolean grew(double[] before, double[] after) {
            for (int i = 0; i < m; i++) {
                if (after[i] > STEEP_FALL * before[i]) {
                    return true;
                }
            }
            return false;
        }

        /** Whether every output's estimate fell by at least {@value #STEEP_FALL} from one probe to the next. */
        private boolean fellSteeply(double[] before, double[] after) {
            for (int i = 0; i < m; i++) {
                if (!(after[i] * STEEP_FALL <= before[i])) {
                    return false;
                }
            }
            return true;
        }

        private void add(double spacing, double[] sigma) {
            spacings.add(spacing);
            estimates.add(sigma);
        }

        private boolean aboveRounding(double[] sigma) {
            for (int i = 0; i < m; i++) {
                double size = Math.abs(value[i]);
                for (double[] row : values) {
                    size = Math.max(size, Math.abs(row[i]));
                }
                if (sigma[i] > ABOVE_ROUNDING * Math.ulp(1.0) * size) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The noise estimates at one spacing; null when a value is not finite, {@link #UNSEEN} when every output is
         * quantised. An output whose values are mostly equal is unseen ({@code NaN}): quantised, or switching between
         * zero and not (a hinge whose kink the probe crosses). An output that does not change at all is noise-free at
         * the first spacing, but unseen at a closer one (the function may not see moves that small, as a function
         * computed in {@code float} does not).
         */
        private double[] probe(double spacing) {
            if (!evaluate(spacing)) {
                return null;
            }
            boolean closer = !spacings.isEmpty();
            double[] sigma = new double[m];
            int seen = 0;
            for (int i = 0; i < m; i++) {
                Levels levels = new Levels(values, i);
                boolean regular = !levels.constant && levels.sigma() < Math.ulp(largest(i)) / REGULAR_UNITS;
                if ((levels.distinct < FEWEST_DISTINCT_VALUES || regular) && (!levels.constant || closer)) {
                    sigma[i] = Double.NaN;
                } else {
                    sigma[i] = levels.sigma();
                    seen++;
                }
            }
            return seen == 0 ? UNSEEN : sigma;
        }

        /** The largest magnitude of output {@code i} at the probe's points. */
        private double largest(int i) {
            double size = 0;
            for (double[] row : values) {
                size = Math.max(size, Math.abs(row[i]));
            }
            return size;
        }

        /** The outputs at the probe's points for {@code spacing}; false if one of them is not finite. */
        private boolean evaluate(double spacing) {
            for (int j = 1; j <= PROBE_POINTS; j++) {
                double move = j * spacing;
                for (int c = 0; c < moved.length; c++) {
                    int i = moved[c];
                    double scale = point[i] == 0 ? 1 : Math.abs(point[i]);
                    shifted[c] = evaluator.problem.representable(i, point[i] + (negative[c] ? -move : move) * scale);
                }
                boolean finite;
                try {
                    finite = evaluator.withColumns(moved, shifted, values[j - 1], "while its noise was measured");
                } catch (CheckRefusedException e) {
                    throw named(e, move);
                }
                if (!finite) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The refusal for a function that threw at a probe point, naming the coordinate whose move makes it throw:
         * found by moving halves of the moved coordinates until one is left, and confirmed by moving it alone.
         */
        private CheckRefusedException named(CheckRefusedException thrown, double move) {
            double[] out = new double[m];
            double[] trial = point.clone();
            int from = 0;
            int to = moved.length;
            while (to - from > 1) {
                int middle = (from + to) >>> 1;
                System.arraycopy(point, 0, trial, 0, point.length);
                for (int c = from; c < middle; c++) {
                    trial[moved[c]] = shifted[c];
                }
                if (throwsAt(trial, out)) {
                    to = middle;
                } else {
                    from = middle;
                }
            }
            int index = moved[from];
            System.arraycopy(point, 0, trial, 0, point.length);
            trial[index] = shifted[from];
            if (!throwsAt(trial, out)) {
                return new CheckRefusedException("the function threw " + thrown.getCause() + " while its noise was measured"
                        + " at points within " + Numbers.brief(move) + " (relative) of the point, and no single coordinate's"
                        + " move makes it throw: check the function's domain near the point, or declare the precision with"
                        + " withPrecision(...) to skip the measurement", thrown.getCause());
            }
            String name = evaluator.problem.inputs.nameOf(index);
            return new CheckRefusedException("the function threw " + thrown.getCause() + " while its noise was measured,"
                    + " when " + name + " (index " + index + ") was moved from " + point[index] + " to " + shifted[from]
                    + " (the measurement moves coordinates by up to " + Numbers.brief(move) + " of |x| along a"
                    + " random direction): check the function's domain near " + name + ", or declare the precision with"
                    + " withPrecision(...) to skip the measurement", thrown.getCause());
        }

        private boolean throwsAt(double[] trial, double[] out) {
            try {
                evaluator.at(trial, out, "while its noise was measured");
                return false;
            } catch (CheckRefusedException e) {
                return true;
            }
        }
    }

    /**
     * The noise of a scalar function along a line that moves many coordinates at once, {@code f(x + t w)} on the
     * inputs {@code [from, to)}: the same estimate as the probe's, at the points {@code t = j spacing},
     * {@code j = 1..8}. It can be far above the noise of moves of a few coordinates: a sum of a million terms keeps most
     * of its rounding errors when one term changes (the change lands on the sums' grid), and draws new ones for every
     * term when all change, so its noise grows like the square root of the number of coordinates moved. Directional
     * derivatives are judged by this noise. NaN when a value is not finite or the values do not change.
     */
    static double alongLine(Evaluator evaluator, double[] w, int from, int to, double spacing, String what) {
        double[][] values = new double[PROBE_POINTS][1];
        for (int j = 1; j <= PROBE_POINTS; j++) {
            if (!evaluator.along(w, from, to, j * spacing, values[j - 1], what)) {
                return Double.NaN;
            }
        }
        Levels levels = new Levels(values, 0);
        return levels.distinct < FEWEST_DISTINCT_VALUES ? Double.NaN : levels.sigma();
    }

    /** A probe whose values are mostly equal: the function does not see changes at that spacing. */
    private static final double[] UNSEEN = new double[0];

    /** The difference table of one output in one probe. */
    private static final class Levels {

        final int distinct;
        final boolean constant;
        private final double[] estimate = new double[HIGHEST_ORDER + 1];
        private int noiseLevel;
        private double smallest = Double.POSITIVE_INFINITY;

        Levels(double[][] values, int output) {
            int count = values.length;
            double[] differences = new double[count];
            double centre = values[0][output];
            double scale = 0;
            for (int j = 0; j < count; j++) {
                differences[j] = values[j][output] - centre;
                scale = Math.max(scale, Math.abs(differences[j]));
            }
            double[] sorted = new double[count];
            for (int j = 0; j < count; j++) {
                sorted[j] = values[j][output];
            }
            Arrays.sort(sorted);
            int kinds = 1;
            for (int j = 1; j < count; j++) {
                kinds += sorted[j] != sorted[j - 1] ? 1 : 0;
            }
            distinct = kinds;
            constant = scale == 0;
            if (constant) {
                return;
            }
            for (int j = 0; j < count; j++) {
                differences[j] /= scale;
            }
            boolean[] signChange = new boolean[HIGHEST_ORDER + 1];
            double binomial = 1;
            int length = count;
            for (int order = 1; order <= HIGHEST_ORDER; order++) {
                length--;
                double sumOfSquares = 0;
                double largestSquare = 0;
                boolean positive = false;
                boolean negative = false;
                for (int j = 0; j < length; j++) {
                    differences[j] = differences[j + 1] - differences[j];
                    double square = differences[j] * differences[j];
                    sumOfSquares += square;
                    largestSquare = Math.max(largestSquare, square);
                    positive |= differences[j] > 0;
                    negative |= differences[j] < 0;
                }
                int used = length;
                if (length >= ROBUST_COUNT) {
                    sumOfSquares -= largestSquare;
                    used--;
                }
                binomial = binomial * (2 * order) * (2 * order - 1) / ((double) order * order);
                estimate[order] = scale * Math.sqrt(Math.max(sumOfSquares, 0) / used / binomial);
                signChange[order] = (positive && negative) || sumOfSquares == 0;
                if (order >= 2) {
                    smallest = Math.min(smallest, estimate[order]);
                }
            }
            for (int order = 2; order < HIGHEST_ORDER; order++) {
                if (signChange[order] && signChange[order + 1]) {
                    noiseLevel = order;
                    return;
                }
            }
        }

        /** The noise estimate: at the lowest order that looks like noise, else the smallest of orders 2 and up. */
        double sigma() {
            if (constant) {
                return 0;
            }
            return noiseLevel > 0 ? estimate[noiseLevel] : smallest;
        }
    }
}
