package org.gradcheck.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.gradcheck.KinkPolicy;
import org.gradcheck.Tolerance;
import org.gradcheck.UntestedPolicy;
import org.gradcheck.DifferenceScheme;
import org.gradcheck.layout.Block;
import org.gradcheck.layout.ParameterLayout;

/**
 * The immutable result of a gradient check: a verdict for every parameter, per-block summaries, warnings,
 * the article's overall difference {@code ||g - n|| / (||g|| + ||n||)} and the settings used.
 *
 * <p>The check passes when no parameter fails (and, under {@link UntestedPolicy#FAIL}, no block is barely
 * tested). The overall difference is reported for comparison with the article's rule of thumb (about
 * 1e-7) but does not decide, because one global norm hides a wrong gradient in a block whose values are
 * small next to the others'.
 *
 * <p>{@link #toString()} renders the report as text ({@link ReportFormatter}). Reports are built by the
 * checker through {@link #builder(ParameterLayout)}.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class GradientReport {

    private final ParameterLayout layout;
    private final double[] analytic;
    private final double[] numerical;
    private final double[] numericalError;
    private final Map<Integer, double[]> kinks;
    /** The keys of {@code kinks}, for lookups without boxing. */
    private final BitSet kinkIndices = new BitSet();
    /** Parameters checked one by one; null when all were. */
    private final BitSet checked;
    private final List<String> strategyNotes;
    /** Why the strategy itself failed the check (the Taylor remainder's order); null when it did not. */
    private final String strategyFailure;
    private final Tolerance tolerance;
    private final KinkPolicy kinkPolicy;
    private final UntestedPolicy untestedPolicy;
    private final DifferenceScheme scheme;
    private final String stepDescription;
    private final String strategyDescription;
    private final String precisionDescription;
    private final double value;
    private final long evaluations;
    private final int refined;
    private final Duration elapsed;
    private final int failureCount;
    private final int kinkCount;
    private final double overallDifference;
    private final List<BlockSummary> blocks;
    private final List<String> warnings;

    private GradientReport(Builder builder) {
        this.layout = builder.layout;
        this.analytic = builder.analytic;
        this.numerical = builder.numerical;
        this.numericalError = builder.numericalError;
        this.kinks = Collections.unmodifiableMap(new TreeMap<>(builder.kinks));
        for (int index : kinks.keySet()) {
            kinkIndices.set(index);
        }
        this.checked = builder.checked == null ? null : (BitSet) builder.checked.clone();
        this.strategyNotes = List.copyOf(builder.strategyNotes);
        this.strategyFailure = builder.strategyFailure;
        this.tolerance = builder.tolerance;
        this.kinkPolicy = builder.kinkPolicy;
        this.untestedPolicy = builder.untestedPolicy;
        this.scheme = builder.scheme;
        this.stepDescription = builder.stepDescription;
        this.strategyDescription = builder.strategyDescription;
        this.precisionDescription = builder.precisionDescription;
        this.value = builder.value;
        this.evaluations = builder.evaluations;
        this.refined = builder.refined;
        this.elapsed = builder.elapsed;
        int failures = 0;
        int kinkTotal = 0;
        List<BlockSummary> summaries = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Block block : layout.blocks()) {
            BlockSummary summary = summarize(block);
            failures += summary.failures();
            kinkTotal += summary.kinks();
            summaries.add(summary);
            if (summary.barelyTested()) {
                notes.add(barelyTestedWarning(summary));
            }
        }
        if (kinkTotal > 0) {
            notes.add(kinkTotal + (kinkTotal == 1 ? " parameter is" : " parameters are") + " at a kink (left and right derivatives"
                    + " differ)" + (kinkPolicy == KinkPolicy.FAIL ? " and failed by KinkPolicy.FAIL"
                            : "; the analytic values lie between them and are accepted as subgradients"));
        }
        this.failureCount = failures;
        this.kinkCount = kinkTotal;
        this.blocks = Collections.unmodifiableList(summaries);
        this.warnings = Collections.unmodifiableList(notes);
        this.overallDifference = difference(0, analytic.length);
    }

    private static String barelyTestedWarning(BlockSummary summary) {
        return String.format(Locale.ROOT, "block %s was barely tested: %d of %d parameters (%.1f%%) have analytic and"
                + " numerical gradients indistinguishable from zero. Saturated tanh or sigmoid units (scale the inputs,"
                + " e.g. to [0, 1]) or dead ReLUs are the usual cause.",
                summary.name(), summary.negligible(), summary.count(), 100.0 * summary.negligible() / summary.count());
    }

    /**
     * A builder for a report over {@code layout}'s parameters; used by checkers.
     *
     * @param layout the layout that names the parameters
     * @return a builder for a report over {@code layout}'s parameters; used by checkers
     */
    public static Builder builder(ParameterLayout layout) {
        return new Builder(layout);
    }

    private BlockSummary summarize(Block block) {
        int failures = 0;
        int kinkCount = 0;
        int negligible = 0;
        int checkedCount = 0;
        double maxRelative = 0;
        double worstRatio = -2;
        int worst = block.offset();
        for (int i = block.offset(), end = block.offset() + block.size(); i < end; i++) {
            if (!isChecked(i)) {
                if (Math.abs(analytic[i]) <= tolerance.allowed(analytic[i], 0, numericalError[i])) {
                    negligible++;
                }
                continue;
            }
            checkedCount++;
            Verdict verdict = verdict(i);
            if (verdict == Verdict.FAIL) {
                failures++;
            } else if (verdict == Verdict.KINK) {
                kinkCount++;
            }
            if (kinkIndices.get(i) && kinkPolicy == KinkPolicy.FAIL) {
                kinkCount++;
            }
            double allowed = allowed(i);
            if (Math.max(Math.abs(analytic[i]), Math.abs(numerical[i])) <= allowed) {
                negligible++;
            }
            maxRelative = Math.max(maxRelative, relativeError(analytic[i], numerical[i]));
            double ratio = rank(i);
            if (ratio > worstRatio) {
                worstRatio = ratio;
                worst = i;
            }
        }
        return new BlockSummary(block.name(), block.size(), checkedCount, failures, kinkCount, negligible, maxRelative,
                checkedCount == 0 ? "-" : layout.nameOf(worst), difference(block.offset(), block.offset() + block.size()));
    }

    /** {@code ||g - n|| / (||g|| + ||n||)} over {@code [from, to)}, with 0/0 = 0; scaled against overflow. */
    private double difference(int from, int to) {
        return Differences.relative(analytic, numerical, from, to, checked);
    }

    static double relativeError(double analytic, double numerical) {
        double scale = Math.max(Math.abs(analytic), Math.abs(numerical));
        return scale == 0 ? 0 : Math.abs(analytic - numerical) / scale;
    }

    static double errorRatio(double analytic, double numerical, double allowed) {
        double mismatch = Math.abs(analytic - numerical);
        if (mismatch == 0) {
            return 0;
        }
        return allowed == 0 ? Double.POSITIVE_INFINITY : mismatch / allowed;
    }

    private double allowed(int index) {
        return tolerance.allowed(analytic[index], numerical[index], numericalError[index]);
    }

    private boolean isChecked(int index) {
        return checked == null || checked.get(index);
    }

    private Verdict verdict(int index) {
        if (!isChecked(index)) {
            return Verdict.NOT_CHECKED;
        }
        if (kinkIndices.get(index)) {
            return kinkPolicy == KinkPolicy.FAIL ? Verdict.FAIL : Verdict.KINK;
        }
        return Math.abs(analytic[index] - numerical[index]) <= allowed(index) ? Verdict.PASS : Verdict.FAIL;
    }

    /** Sort key, larger is worse: failures by error ratio, then kinks, then passes by error ratio. */
    private double rank(int index) {
        Verdict verdict = verdict(index);
        if (verdict == Verdict.NOT_CHECKED) {
            return -1;
        }
        double ratio = errorRatio(analytic[index], numerical[index], allowed(index));
        if (verdict == Verdict.FAIL) {
            return Math.max(ratio, 1.0) + 2.0;
        }
        if (verdict == Verdict.KINK) {
            return 2.0;
        }
        return Math.min(ratio, 1.0);
    }

    /**
     * {@return whether the check passed: no failing parameter and, under {@link UntestedPolicy#FAIL}, no barely tested block}
     */
    public boolean passed() {
        return failureCount == 0 && strategyFailure == null
                && !(untestedPolicy == UntestedPolicy.FAIL && barelyTestedBlocks() > 0);
    }

    /** {@return the number of parameters of the function} */
    public int size() {
        return analytic.length;
    }

    /**
     * {@return the number of parameters whose partial derivatives were checked one by one (all of them in a full check)}
     */
    public int checkedCount() {
        return checked == null ? analytic.length : checked.cardinality();
    }

    /** {@return the number of failing parameters} */
    public int failureCount() {
        return failureCount;
    }

    /**
     * {@return the number of parameters at kinks (accepted as subgradients, or failed under {@link KinkPolicy#FAIL})}
     */
    public int kinkCount() {
        return kinkCount;
    }

    /**
     * {@return the number of parameters whose analytic and numerical gradients are both indistinguishable from zero}
     */
    public int negligibleCount() {
        int total = 0;
        for (BlockSummary block : blocks) {
            total += block.negligible();
        }
        return total;
    }

    /** {@return the number of blocks most of whose parameters are negligible} */
    public int barelyTestedBlocks() {
        int total = 0;
        for (BlockSummary block : blocks) {
            total += block.barelyTested() ? 1 : 0;
        }
        return total;
    }

    /**
     * {@return the article's overall difference {@code ||g - n|| / (||g|| + ||n||)}; 0 when both gradients are zero}
     */
    public double overallDifference() {
        return overallDifference;
    }

    /**
     * The check of the parameter at flat index {@code index}.
     *
     * @param index the flat index of the parameter, from 0
     * @return the check of the parameter at flat index {@code index}
     */
    public ParameterCheck parameter(int index) {
        return new ParameterCheck(index, layout.nameOf(index), layout.blockAt(index).name(), analytic[index],
                numerical[index], numericalError[index], allowed(index), verdict(index), kinks.get(index));
    }

    /**
     * The check of the parameter named {@code name} ({@code W1[2,3]}).
     *
     * @param name the parameter's name, such as {@code W1[2,3]}
     * @return the check of the parameter named {@code name} ({@code W1[2,3]})
     * @throws IllegalArgumentException if the layout has no such parameter
     */
    public ParameterCheck parameter(String name) {
        return parameter(layout.indexOf(name));
    }

    /** {@return every parameter's check in the order of the flat vector; an unmodifiable view, never null} */
    public List<ParameterCheck> parameters() {
        return new AbstractList<>() {
            @Override
            public ParameterCheck get(int index) {
                return parameter(index);
            }

            @Override
            public int size() {
                return analytic.length;
            }
        };
    }

    /** {@return the failing parameters, worst first (largest error ratio first); never null} */
    public List<ParameterCheck> failures() {
        List<ParameterCheck> failures = new ArrayList<>(failureCount);
        for (int i = 0; i < analytic.length; i++) {
            if (verdict(i) == Verdict.FAIL) {
                failures.add(parameter(i));
            }
        }
        failures.sort(worstFirst());
        return failures;
    }

    /** {@return the parameters at kinks, in index order; never null} */
    public List<ParameterCheck> kinks() {
        List<ParameterCheck> list = new ArrayList<>(kinks.size());
        for (int index : kinks.keySet()) {
            list.add(parameter(index));
        }
        return list;
    }

    /**
     * The {@code count} worst parameters checked one by one, worst first: failures by error ratio, then kinks,
     * then passes.
     *
     * @param count how many, 0 or more
     * @return the {@code count} worst parameters checked one by one, worst first: failures by error ratio, then kinks, then passes
     */
    public List<ParameterCheck> worst(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0 but was " + count);
        }
        if (count == 0) {
            return List.of();
        }
        PriorityQueue<int[]> heap = new PriorityQueue<>(count + 1, Comparator.<int[]>comparingDouble(entry -> rank(entry[0]))
                .thenComparing(entry -> -entry[0]));
        for (int i = 0; i < analytic.length; i++) {
            if (!isChecked(i)) {
                continue;
            }
            if (heap.size() < count) {
                heap.add(new int[] {i});
            } else if (rank(i) > rank(heap.peek()[0])) {
                heap.poll();
                heap.add(new int[] {i});
            }
        }
        List<ParameterCheck> worst = new ArrayList<>(heap.size());
        for (int[] entry : heap) {
            worst.add(parameter(entry[0]));
        }
        worst.sort(worstFirst());
        return worst;
    }

    private Comparator<ParameterCheck> worstFirst() {
        return Comparator.<ParameterCheck>comparingDouble(check -> rank(check.index())).reversed()
                .thenComparingInt(ParameterCheck::index);
    }

    /** {@return per-block summaries in layout order; an unmodifiable list, never null} */
    public List<BlockSummary> blocks() {
        return blocks;
    }

    /** {@return warnings about what the check could not tell (barely tested blocks, kinks); never null} */
    public List<String> warnings() {
        return warnings;
    }

    /** {@return the layout that names the parameters} */
    public ParameterLayout layout() {
        return layout;
    }

    /** {@return a copy of the analytic gradient} */
    public double[] analyticGradient() {
        return analytic.clone();
    }

    /** {@return a copy of the numerical gradient; NaN for parameters that were not checked one by one} */
    public double[] numericalGradient() {
        return numerical.clone();
    }

    /** {@return the tolerance the parameters were judged by} */
    public Tolerance tolerance() {
        return tolerance;
    }

    /** {@return what was done with parameters at kinks} */
    public KinkPolicy kinkPolicy() {
        return kinkPolicy;
    }

    /** {@return what was done with barely tested blocks} */
    public UntestedPolicy untestedPolicy() {
        return untestedPolicy;
    }

    /** {@return the finite-difference scheme used} */
    public DifferenceScheme scheme() {
        return scheme;
    }

    /** {@return how the step was chosen: {@code 6.055e-06 * max(|x|, 1) (automatic)}} */
    public String stepDescription() {
        return stepDescription;
    }

    /** {@return which parameters were checked and how: {@code full: every parameter}} */
    public String strategyDescription() {
        return strategyDescription;
    }

    /**
     * Why the strategy itself failed the check, beyond any parameter: a Taylor remainder that converges with order 1.
     *
     * @return the reason, or empty when the strategy did not fail the check
     */
    public java.util.Optional<String> strategyFailure() {
        return java.util.Optional.ofNullable(strategyFailure);
    }

    /** {@return what the strategy found on its way (directional checks, bisections, samples); never null} */
    public List<String> strategyNotes() {
        return strategyNotes;
    }

    /** {@return the precision assumed and the measured noise: {@code double (measured noise 1.1e-16 of |f|)}} */
    public String precisionDescription() {
        return precisionDescription;
    }

    /** {@return how many parameters were re-estimated with Ridders' method because the first estimate disagreed} */
    public int refinedCount() {
        return refined;
    }

    /** {@return the function's value at the checked point} */
    public double value() {
        return value;
    }

    /** {@return how many times the function's value was computed} */
    public long evaluations() {
        return evaluations;
    }

    /** {@return how long the check took} */
    public Duration elapsed() {
        return elapsed;
    }

    /** The report as text, with the default number of rows ({@link ReportFormatter#DEFAULT_MAX_ROWS}). */
    @Override
    public String toString() {
        return ReportFormatter.format(this, ReportFormatter.DEFAULT_MAX_ROWS);
    }

    /**
     * Collects what a check found; {@link #build()} makes the immutable report. The gradient arrays are
     * taken over, not copied: the caller must not change them afterwards.
     *
     * @since 0.1
     */
    @API(status = INTERNAL, since = "0.1")
    public static final class Builder {

        private final ParameterLayout layout;
        private double[] analytic;
        private double[] numerical;
        private double[] numericalError;
        private final Map<Integer, double[]> kinks = new TreeMap<>();
        private BitSet checked;
        private final List<String> strategyNotes = new ArrayList<>();
        private String strategyFailure;
        private Tolerance tolerance = Tolerance.defaults();
        private KinkPolicy kinkPolicy = KinkPolicy.ACCEPT_SUBGRADIENT;
        private UntestedPolicy untestedPolicy = UntestedPolicy.WARN;
        private DifferenceScheme scheme = DifferenceScheme.CENTRAL;
        private String stepDescription = "";
        private String strategyDescription = "full: every parameter";
        private String precisionDescription = "double";
        private double value;
        private long evaluations;
        private int refined;
        private Duration elapsed = Duration.ZERO;

        private Builder(ParameterLayout layout) {
            if (layout == null) {
                throw new IllegalArgumentException("layout must not be null");
            }
            this.layout = layout;
        }

        /**
         * The analytic gradient, the numerical one, and the bound on each numerical value's own error (taken over).
         *
         * @param analytic the analytic gradient
         * @param numerical the numerical gradient
         * @param numericalError the bound on each numerical value's own error
         * @return this builder
         */
        public Builder gradients(double[] analytic, double[] numerical, double[] numericalError) {
            if (analytic == null || numerical == null || numericalError == null) {
                throw new IllegalArgumentException("analytic, numerical and numericalError must not be null");
            }
            int n = layout.size();
            if (analytic.length != n || numerical.length != n || numericalError.length != n) {
                throw new IllegalArgumentException("analytic, numerical and numericalError must have the layout's length " + n
                        + " but have " + analytic.length + ", " + numerical.length + " and " + numericalError.length);
            }
            this.analytic = analytic;
            this.numerical = numerical;
            this.numericalError = numericalError;
            return this;
        }

        /**
         * Says which parameters were checked one by one (the others' numerical values are ignored); by default,
         * all of them.
         *
         * @param checkedParameters the parameters checked one by one, or null for all
         * @return this builder
         */
        public Builder checked(BitSet checkedParameters) {
            this.checked = checkedParameters;
            return this;
        }

        /**
         * Fails the check for a reason of the strategy's own, beyond any parameter.
         *
         * @param reason what the strategy found, as the report's headline states it
         * @return this builder
         */
        public Builder strategyFailure(String reason) {
            if (reason == null) {
                throw new IllegalArgumentException("reason must not be null");
            }
            this.strategyFailure = reason;
            return this;
        }

        /**
         * Adds a line on what the strategy found.
         *
         * @param note the line, as the text report shows it
         * @return this builder
         */
        public Builder strategyNote(String note) {
            strategyNotes.add(note);
            return this;
        }

        /**
         * Marks parameter {@code index} as sitting on a kink with the given one-sided derivatives.
         *
         * @param index the flat index of the parameter, from 0
         * @param leftDerivative the left one-sided derivative
         * @param rightDerivative the right one-sided derivative
         * @return this builder
         */
        public Builder kink(int index, double leftDerivative, double rightDerivative) {
            kinks.put(index, new double[] {leftDerivative, rightDerivative});
            return this;
        }

        /**
         * The tolerance and policies the parameters are judged by.
         *
         * @param tolerance the tolerance the parameters are judged by
         * @param kinkPolicy what to do with parameters at kinks
         * @param untestedPolicy what to do with barely tested blocks
         * @return this builder
         */
        public Builder judgedBy(Tolerance tolerance, KinkPolicy kinkPolicy, UntestedPolicy untestedPolicy) {
            if (tolerance == null || kinkPolicy == null || untestedPolicy == null) {
                throw new IllegalArgumentException("tolerance, kinkPolicy and untestedPolicy must not be null");
            }
            this.tolerance = tolerance;
            this.kinkPolicy = kinkPolicy;
            this.untestedPolicy = untestedPolicy;
            return this;
        }

        /**
         * The scheme, how the step was chosen, the strategy and the precision, as the report states them.
         *
         * @param scheme the finite-difference scheme
         * @param stepDescription how the step was chosen
         * @param strategyDescription which parameters were checked and how
         * @param precisionDescription the precision assumed and the measured noise
         * @return this builder
         */
        public Builder settings(DifferenceScheme scheme, String stepDescription, String strategyDescription,
                String precisionDescription) {
            if (scheme == null || stepDescription == null || strategyDescription == null || precisionDescription == null) {
                throw new IllegalArgumentException("scheme and the descriptions must not be null");
            }
            this.scheme = scheme;
            this.stepDescription = stepDescription;
            this.strategyDescription = strategyDescription;
            this.precisionDescription = precisionDescription;
            return this;
        }

        /**
         * The function's value, the evaluation count, the number of refined parameters and the time taken.
         *
         * @param value the function's value at the checked point
         * @param evaluations the number of times the function's value was computed
         * @param refined the number of parameters refined
         * @param elapsed how long the check took
         * @return this builder
         */
        public Builder statistics(double value, long evaluations, int refined, Duration elapsed) {
            if (elapsed == null) {
                throw new IllegalArgumentException("elapsed must not be null");
            }
            this.value = value;
            this.evaluations = evaluations;
            this.refined = refined;
            this.elapsed = elapsed;
            return this;
        }

        /**
         * The report.
         *
         * @return the report
         * @throws IllegalStateException if no gradients were given
         */
        public GradientReport build() {
            if (analytic == null) {
                throw new IllegalStateException("call gradients(...) before build()");
            }
            return new GradientReport(this);
        }
    }
}
