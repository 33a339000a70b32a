package org.gradcheck.engine;

import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.gradcheck.DifferenceScheme;
import org.gradcheck.KinkPolicy;
import org.gradcheck.Tolerance;
import org.gradcheck.UnresolvedPolicy;
import org.gradcheck.UntestedPolicy;
import org.gradcheck.layout.Block;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.BlockSummary;
import org.gradcheck.report.DerivativeReport;
import org.gradcheck.report.Entry;
import org.gradcheck.report.Verdict;

/**
 * The report model every check shares: a view of the {@link Findings} with the settings and statistics of the run,
 * per-block summaries over the input blocks, counts, warnings and text. Verdicts are read, never decided again.
 *
 * <p>Everything the constructor computes (summaries, counts, which warnings apply, their texts made when read) comes
 * from its arguments and this class's own methods, none of which a subclass overrides: a subclass adds its state after
 * that and changes nothing of it.
 */
abstract class Outcome implements DerivativeReport {

    final String title;
    final ParameterLayout inputs;
    final ParameterLayout outputs;
    final Findings findings;
    final Settings settings;
    final Description description;
    private final IntFunction<String> names;
    private final List<BlockSummary> blocks;
    /** Each made when a report asks for it: a barely tested block's warning formats numbers. */
    private final List<java.util.function.Supplier<String>> warnings;
    private final int failureCount;
    private final int unresolvedCount;
    private final int kinkCount;
    private final int negligibleCount;
    private final int checkedCount;

    /** What a run says about itself: steps, strategy, precision, notes and statistics. */
    static final class Description {
        /** The step policy's text, made when a report asks for it: formatting it costs more than a check's own loops. */
        java.util.function.Supplier<String> step = () -> "";
        /** The strategy line, made when a report asks for it: the automatic choice's holds two durations. */
        java.util.function.Supplier<String> strategy = () -> "full: every parameter";
        /**
         * What the strategy found of all the entries, for the headline of a passing check that checked none of them
         * one by one: {@code the directional derivatives of every block agree}; null when it has nothing to say.
         */
        String verifiedWithoutEntries;
        /** The precision line, made when a report asks for it. */
        java.util.function.Supplier<String> precision = () -> "double";
        /** The strategy's notes, each made when a report asks for it: most hold numbers, and their texts cost time. */
        final List<java.util.function.Supplier<String>> notes = new ArrayList<>();
        String strategyFailure;
        /** The tolerance line, where the checker's tolerance does not apply (an exact comparison). */
        String tolerance;
        long evaluations;
        Duration elapsed = Duration.ZERO;
    }

    /**
     * The report of a finished run.
     *
     * @param names the name of the entry at each flat index
     * @param largestValue the largest output at the point, for the warning about barely tested blocks
     */
    Outcome(String title, ParameterLayout inputs, ParameterLayout outputs, IntFunction<String> names, Findings findings,
            Settings settings, Description description, double largestValue) {
        this.title = title;
        this.inputs = inputs;
        this.outputs = outputs;
        this.names = names;
        this.findings = findings;
        this.settings = settings;
        this.description = description;
        int failures = 0;
        int unresolved = 0;
        int kinks = 0;
        int negligible = 0;
        int checked = 0;
        List<BlockSummary> summaries = new ArrayList<>();
        List<java.util.function.Supplier<String>> notes = new ArrayList<>();
        for (Block block : inputs.blocks()) {
            BlockSummary summary = summarize(block);
            failures += summary.failures();
            unresolved += summary.unresolved();
            kinks += summary.kinks();
            negligible += summary.negligible();
            checked += summary.checked();
            summaries.add(summary);
            if (summary.barelyTested()) {
                notes.add(() -> barelyTested(summary, largestValue));
            }
        }
        if (kinks > 0) {
            int atKinks = kinks;
            notes.add(() -> atKinks + (atKinks == 1 ? " entry is" : " entries are") + " at a kink (left and right"
                    + " derivatives differ at the point)" + (settings.kinkPolicy == KinkPolicy.FAIL ? " and failed by KinkPolicy.FAIL"
                            : "; the analytic values lie between them and are accepted as subgradients"));
        }
        if (unresolved > 0 && settings.unresolvedPolicy == UnresolvedPolicy.WARN) {
            int notResolved = unresolved;
            notes.add(() -> notResolved + (notResolved == 1 ? " entry was" : " entries were") + " not resolved and"
                    + " allowed by UnresolvedPolicy.WARN: the check says nothing about " + (notResolved == 1 ? "it" : "them"));
        }
        this.blocks = List.copyOf(summaries);
        this.warnings = List.copyOf(notes);
        this.failureCount = failures;
        this.unresolvedCount = unresolved;
        this.kinkCount = kinks;
        this.negligibleCount = negligible;
        this.checkedCount = checked;
    }

    static String barelyTested(BlockSummary summary, double largestValue) {
        // the share in tenths of a percent, rounded half up from the counts themselves: no formatter in a warning the
        // report of every check of a saturated network makes
        long tenths = (2000L * summary.negligible() + summary.count()) / (2L * summary.count());
        return "block " + summary.name() + " was barely tested: " + summary.negligible() + " of " + summary.count()
                + " entries (" + tenths / 10 + "." + tenths % 10 + "%) have analytic and reference values indistinguishable"
                + " from zero: moving them by their step changes the function by less than its rounding noise. Saturated"
                + " tanh or sigmoid units (scale the inputs, e.g. to [0, 1]) and dead ReLUs are the usual cause; so is a"
                + " function value so large (|f| = " + Numbers.brief(largestValue) + ") that its rounding hides small"
                + " derivatives.";
    }

    private BlockSummary summarize(Block block) {
        int failures = 0;
        int unresolved = 0;
        int kinks = 0;
        int negligible = 0;
        int checked = 0;
        int count = 0;
        double maxRelative = 0;
        double worstRank = Double.NEGATIVE_INFINITY;
        int worst = -1;
        int n = findings.columns;
        byte[] verdicts = findings.verdicts;
        for (int i = 0; i < findings.rows; i++) {
            int from = i * n + block.offset();
            int to = from + block.size();
            count += block.size();
            // a screening check leaves most entries unchecked: they are counted eight at a time and skipped
            negligible += findings.countFlagged(from, to, Findings.NEGLIGIBLE);
            for (int k = findings.nextChecked(from, to); k < to; k = findings.nextChecked(k + 1, to)) {
                byte verdict = verdicts[k];
                checked++;
                if (verdict == Findings.FAIL) {
                    failures++;
                } else if (verdict == Findings.UNRESOLVED) {
                    unresolved++;
                }
                if (findings.atKink(k)) {
                    kinks++;
                }
                maxRelative = Math.max(maxRelative, relativeError(findings.analytic[k], findings.numerical[k]));
                double rank = rank(k);
                if (rank > worstRank) {
                    worstRank = rank;
                    worst = k;
                }
            }
        }
        return new BlockSummary(block.name(), count, checked, failures, unresolved, kinks, negligible, maxRelative,
                worst < 0 ? "-" : name(worst), checked == 0 ? 0 : difference(block.offset(), block.offset() + block.size()));
    }

    /** {@code ||a - n|| / (||a|| + ||n||)} over the checked entries of columns {@code [from, to)}, scaled against overflow. */
    private double difference(int from, int to) {
        int n = findings.columns;
        double scale = 0;
        for (int i = 0; i < findings.rows; i++) {
            for (int k = findings.nextChecked(i * n + from, i * n + to); k < i * n + to;
                    k = findings.nextChecked(k + 1, i * n + to)) {
                if (Double.isFinite(findings.numerical[k])) {
                    scale = Math.max(scale, Math.max(Math.abs(findings.analytic[k]), Math.abs(findings.numerical[k])));
                }
            }
        }
        if (scale == 0) {
            return 0;
        }
        double differences = 0;
        double analytic = 0;
        double numerical = 0;
        for (int i = 0; i < findings.rows; i++) {
            for (int k = findings.nextChecked(i * n + from, i * n + to); k < i * n + to;
                    k = findings.nextChecked(k + 1, i * n + to)) {
                if (Double.isFinite(findings.numerical[k])) {
                    double a = findings.analytic[k] / scale;
                    double r = findings.numerical[k] / scale;
                    differences += (a - r) * (a - r);
                    analytic += a * a;
                    numerical += r * r;
                }
            }
        }
        return Math.sqrt(differences) / (Math.sqrt(analytic) + Math.sqrt(numerical));
    }

    static double relativeError(double analytic, double reference) {
        double scale = Math.max(Math.abs(analytic), Math.abs(reference));
        return scale == 0 || !Double.isFinite(reference) ? 0 : Math.abs(analytic - reference) / scale;
    }

    final double allowed(int k) {
        return settings.tolerance.allowed(findings.analytic[k], findings.numerical[k], findings.bound(k));
    }

    /** Sort key, larger is worse: failures by error ratio, then unresolved entries, kinks, passes by error ratio. */
    final double rank(int k) {
        byte verdict = findings.verdicts[k];
        if (verdict == Findings.NOT_CHECKED) {
            return -1;
        }
        double ratio = errorRatio(findings.analytic[k], findings.numerical[k], allowed(k));
        switch (verdict) {
            case Findings.FAIL:
                return 4 + Math.min(ratio, 1e300);
            case Findings.UNRESOLVED:
                return 3;
            case Findings.KINK:
                return 2;
            default:
                return Math.min(ratio, 1.0);
        }
    }

    static double errorRatio(double analytic, double reference, double allowed) {
        double mismatch = Math.abs(analytic - reference);
        if (mismatch == 0) {
            return 0;
        }
        if (!Double.isFinite(mismatch)) {
            return Double.POSITIVE_INFINITY;
        }
        return allowed == 0 ? Double.POSITIVE_INFINITY : mismatch / allowed;
    }

    /** The name of entry {@code k}. */
    final String name(int k) {
        return names.apply(k);
    }

    /** The entry at flat index {@code k}. */
    Entry at(int k) {
        return new View(k);
    }

    /** Whether entry {@code k} makes the check fail. */
    boolean failing(int k) {
        byte verdict = findings.verdicts[k];
        return verdict == Findings.FAIL
                || (verdict == Findings.UNRESOLVED && settings.unresolvedPolicy == UnresolvedPolicy.FAIL);
    }

    /** Whether checked entry {@code k} passed (at a kink, it did not: it is shown with the failures). */
    final boolean passing(int k) {
        return findings.verdicts[k] == Findings.PASS;
    }

    /** The number of checked entries that did not pass: failing, unresolved or at a kink. */
    final int notPassingCount() {
        int count = 0;
        int size = findings.size();
        for (int k = findings.nextChecked(0, size); k < size; k = findings.nextChecked(k + 1, size)) {
            count += findings.verdicts[k] == Findings.PASS ? 0 : 1;
        }
        return count;
    }

    /** Failing checks outside the entries (consistency checks of a Jacobian). */
    int otherFailures() {
        return 0;
    }

    /** The number of entries that make the check fail. */
    int failingCount() {
        return failureCount + (settings.unresolvedPolicy == UnresolvedPolicy.FAIL ? unresolvedCount : 0);
    }

    /** What else failed, as the headline says it; null when nothing. */
    String otherProblems() {
        return null;
    }

    /** What else passed, appended to a passing headline; null when nothing. */
    String consistencySummary() {
        return null;
    }

    /** Lines about the check shown under the headline. */
    List<String> details() {
        return List.of();
    }

    /** The statistics line: values, evaluations, seed. */
    abstract String statistics();

    /** A table shown after the entries (consistency checks); null when none. */
    String extraTable() {
        return null;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public boolean passed() {
        return failureCount == 0 && (unresolvedCount == 0 || settings.unresolvedPolicy == UnresolvedPolicy.WARN)
                && description.strategyFailure == null && otherFailures() == 0
                && !(settings.untestedPolicy == UntestedPolicy.FAIL && barelyTestedBlocks() > 0);
    }

    @Override
    public int size() {
        return findings.size();
    }

    @Override
    public int checkedCount() {
        return checkedCount;
    }

    @Override
    public int failureCount() {
        return failureCount;
    }

    @Override
    public int unresolvedCount() {
        return unresolvedCount;
    }

    @Override
    public int kinkCount() {
        return kinkCount;
    }

    @Override
    public int negligibleCount() {
        return negligibleCount;
    }

    @Override
    public int barelyTestedBlocks() {
        int total = 0;
        for (BlockSummary block : blocks) {
            total += block.barelyTested() ? 1 : 0;
        }
        return total;
    }

    @Override
    public double overallDifference() {
        return difference(0, findings.columns);
    }

    @Override
    public List<Entry> entries() {
        return new AbstractList<>() {
            @Override
            public Entry get(int index) {
                if (index < 0 || index >= findings.size()) {
                    throw new IndexOutOfBoundsException("index " + index + " is not in [0, " + findings.size() + ")");
                }
                return at(index);
            }

            @Override
            public int size() {
                return findings.size();
            }
        };
    }

    @Override
    public List<Entry> failures() {
        List<Entry> list = new ArrayList<>(failureCount);
        for (int k = 0; k < findings.size(); k++) {
            if (findings.verdicts[k] == Findings.FAIL) {
                list.add(at(k));
            }
        }
        list.sort(worstFirst());
        return list;
    }

    @Override
    public List<Entry> unresolved() {
        return withVerdict(Findings.UNRESOLVED);
    }

    @Override
    public List<Entry> kinks() {
        // in the order of the entries, from the few at kinks rather than a pass over every entry
        List<Entry> list = new ArrayList<>();
        findings.kinks.keySet().stream().sorted().forEach(k -> list.add(at(k)));
        return list;
    }

    private List<Entry> withVerdict(byte verdict) {
        List<Entry> list = new ArrayList<>();
        for (int k = 0; k < findings.size(); k++) {
            if (findings.verdicts[k] == verdict) {
                list.add(at(k));
            }
        }
        return list;
    }

    @Override
    public List<Entry> worst(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0 but was " + count);
        }
        return worst(count, k -> true);
    }

    /** The {@code count} worst checked entries among those {@code included}, worst first. */
    final List<Entry> worst(int count, IntPredicate included) {
        if (count == 0) {
            return List.of();
        }
        PriorityQueue<Integer> heap = new PriorityQueue<>(count + 1,
                Comparator.<Integer>comparingDouble(this::rank).thenComparing(k -> -k));
        int size = findings.size();
        for (int k = findings.nextChecked(0, size); k < size; k = findings.nextChecked(k + 1, size)) {
            if (!included.test(k)) {
                continue;
            }
            if (heap.size() < count) {
                heap.add(k);
            } else if (rank(k) > rank(heap.peek())) {
                heap.poll();
                heap.add(k);
            }
        }
        List<Entry> list = new ArrayList<>(heap.size());
        for (int k : heap) {
            list.add(at(k));
        }
        list.sort(worstFirst());
        return list;
    }

    private Comparator<Entry> worstFirst() {
        return Comparator.<Entry>comparingDouble(entry -> rank(entry.index())).reversed().thenComparingInt(Entry::index);
    }

    @Override
    public Entry entry(String name) {
        if (name == null) {
            throw new IllegalArgumentException("name must not be null: pass an entry's name, such as W1[2,3]");
        }
        for (int k = 0; k < findings.size(); k++) {
            if (name.equals(name(k))) {
                return at(k);
            }
        }
        throw new IllegalArgumentException("the report has no entry named '" + name + "'");
    }

    @Override
    public List<BlockSummary> blocks() {
        return blocks;
    }

    @Override
    public List<String> warnings() {
        List<String> texts = new ArrayList<>(warnings.size());
        for (java.util.function.Supplier<String> warning : warnings) {
            texts.add(warning.get());
        }
        return List.copyOf(texts);
    }

    @Override
    public List<String> strategyNotes() {
        List<String> texts = new ArrayList<>(description.notes.size());
        for (java.util.function.Supplier<String> note : description.notes) {
            texts.add(note.get());
        }
        return List.copyOf(texts);
    }

    @Override
    public Optional<String> strategyFailure() {
        return Optional.ofNullable(description.strategyFailure);
    }

    @Override
    public Tolerance tolerance() {
        return settings.tolerance;
    }

    @Override
    public DifferenceScheme scheme() {
        return settings.scheme;
    }

    @Override
    public String stepDescription() {
        return description.step.get();
    }

    @Override
    public String strategyDescription() {
        return description.strategy.get();
    }

    @Override
    public String precisionDescription() {
        return description.precision.get();
    }

    @Override
    public long seed() {
        return settings.seed;
    }

    @Override
    public long evaluations() {
        return description.evaluations;
    }

    @Override
    public int refinedCount() {
        return findings.refined;
    }

    @Override
    public Duration elapsed() {
        return description.elapsed;
    }

    @Override
    public String headline() {
        return ReportText.headline(this);
    }

    @Override
    public String format(int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be >= 1 but was " + maxRows
                    + ": the report shows at least the worst entry");
        }
        return ReportText.format(this, maxRows);
    }

    @Override
    public String toString() {
        return format(ReportText.DEFAULT_ROWS);
    }

    /** The entry at one flat index, read from the findings. */
    private final class View implements Entry {

        private final int k;

        View(int k) {
            this.k = k;
        }

        @Override
        public int index() {
            return k;
        }

        @Override
        public String name() {
            return Outcome.this.name(k);
        }

        @Override
        public String block() {
            return inputs.blockAt(inputIndex()).name();
        }

        @Override
        public int outputIndex() {
            return k / findings.columns;
        }

        @Override
        public int inputIndex() {
            return k % findings.columns;
        }

        @Override
        public double analytic() {
            return findings.analytic[k];
        }

        @Override
        public double numerical() {
            return findings.numerical[k];
        }

        @Override
        public double absoluteError() {
            return Math.abs(analytic() - numerical());
        }

        @Override
        public double relativeError() {
            return Outcome.relativeError(analytic(), numerical());
        }

        @Override
        public double numericalError() {
            return findings.bound(k);
        }

        @Override
        public double allowedError() {
            return allowed(k);
        }

        @Override
        public double errorRatio() {
            return Outcome.errorRatio(analytic(), numerical(), allowedError());
        }

        @Override
        public Verdict verdict() {
            return Findings.verdict(findings.verdicts[k]);
        }

        @Override
        public boolean negligible() {
            return findings.negligible(k);
        }

        @Override
        public boolean kink() {
            return findings.atKink(k);
        }

        @Override
        public double leftDerivative() {
            double[] sides = findings.kinks.get(k);
            return sides == null ? numerical() : sides[0];
        }

        @Override
        public double rightDerivative() {
            double[] sides = findings.kinks.get(k);
            return sides == null ? numerical() : sides[1];
        }

        @Override
        public String reason() {
            String reason = findings.reasons.get(k);
            return reason == null ? "" : reason;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof View && ((View) other).k == k && ((View) other).outcome() == Outcome.this;
        }

        private Outcome outcome() {
            return Outcome.this;
        }

        @Override
        public int hashCode() {
            return k;
        }

        @Override
        public String toString() {
            return name() + ": analytic " + Numbers.format(analytic()) + ", numerical " + Numbers.format(numerical())
                    + ", mismatch " + Numbers.format(absoluteError()) + ", numerical error " + Numbers.format(numericalError())
                    + ", " + verdict() + (reason().isEmpty() ? "" : " (" + reason() + ")");
        }
    }
}
