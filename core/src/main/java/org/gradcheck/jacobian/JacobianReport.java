package org.gradcheck.jacobian;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.apiguardian.api.API;
import org.gradcheck.Tolerance;
import org.gradcheck.DifferenceScheme;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.Differences;
import org.gradcheck.report.NumberFormatter;
import org.gradcheck.report.TextTable;
import org.gradcheck.report.Verdict;

/**
 * The immutable result of a Jacobian check: a verdict for every entry {@code dy[i] / dx[j]} (named by the
 * output and input layouts, {@code y[2] / W1[0,3]}) and the consistency checks between the derivative forms
 * the function implements (the adjoint identity {@code <u, J v> = <J^T u, v>}).
 *
 * <p>The check passes when every entry and every consistency check passes. An entry passes by the rule of
 * {@link org.gradcheck.GradientChecker}: {@code |a - n| <= absolute + relative * max(|a|, |n|) + noise}, where
 * {@code noise} estimates the rounding error of the finite difference. {@link #toString()} renders the report
 * as aligned text, worst entries first.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class JacobianReport {

    /** Rows of entries shown by {@link #toString()}. */
    public static final int DEFAULT_MAX_ROWS = 20;

    private static final int MAX_NAME_WIDTH = 32;

    private static final Comparator<JacobianEntry> WORST_FIRST = Comparator
            .comparingDouble(JacobianEntry::errorRatio).reversed()
            .thenComparingInt(JacobianEntry::outputIndex)
            .thenComparingInt(JacobianEntry::inputIndex);

    private final String title;
    private final ParameterLayout outputLayout;
    private final ParameterLayout inputLayout;
    private final double[] analytic;
    private final double[] numerical;
    private final double[] noise;
    private final Tolerance tolerance;
    private final DifferenceScheme scheme;
    private final String stepDescription;
    private final String precision;
    private final Set<DerivativeForm> implemented;
    private final DerivativeForm entriesFrom;
    private final List<ProductCheck> productChecks;
    private final long seed;
    private final double productTolerance;
    private final int refined;
    private final long evaluations;
    private final Duration elapsed;
    private final int failureCount;
    private final int productFailureCount;

    JacobianReport(String title, ParameterLayout outputLayout, ParameterLayout inputLayout, double[] analytic,
            double[] numerical, double[] noise, Tolerance tolerance, DifferenceScheme scheme, String stepDescription,
            String precision, Set<DerivativeForm> implemented, DerivativeForm entriesFrom, List<ProductCheck> productChecks, long seed,
            double productTolerance, int refined, long evaluations, Duration elapsed) {
        this.title = title;
        this.outputLayout = outputLayout;
        this.inputLayout = inputLayout;
        this.analytic = analytic;
        this.numerical = numerical;
        this.noise = noise;
        this.tolerance = tolerance;
        this.scheme = scheme;
        this.stepDescription = stepDescription;
        this.precision = precision;
        this.implemented = Collections.unmodifiableSet(EnumSet.copyOf(implemented));
        this.entriesFrom = entriesFrom;
        this.productChecks = List.copyOf(productChecks);
        this.seed = seed;
        this.productTolerance = productTolerance;
        this.refined = refined;
        this.evaluations = evaluations;
        this.elapsed = elapsed;
        int failures = 0;
        for (int k = 0; k < analytic.length; k++) {
            if (Math.abs(analytic[k] - numerical[k]) > allowed(k)) {
                failures++;
            }
        }
        this.failureCount = failures;
        int productFailures = 0;
        for (ProductCheck check : productChecks) {
            if (check.verdict() == Verdict.FAIL) {
                productFailures++;
            }
        }
        this.productFailureCount = productFailures;
    }

    private double allowed(int k) {
        return tolerance.allowed(analytic[k], numerical[k], noise[k]);
    }

    /**
     * Whether every entry and every consistency check passed.
     *
     * @return whether every entry and every consistency check passed
     */
    public boolean passed() {
        return failureCount == 0 && productFailureCount == 0;
    }

    /**
     * What was checked: {@code Jacobian}, or {@code Hessian} for a {@link org.gradcheck.hessian.HessianChecker}.
     *
     * @return what was checked: {@code Jacobian}, or {@code Hessian} for a {@link
     *     org.gradcheck.hessian.HessianChecker}
     */
    public String title() {
        return title;
    }

    /**
     * Number of entries: {@code outputCount() * inputCount()}.
     *
     * @return number of entries: {@code outputCount() * inputCount()}
     */
    public int size() {
        return analytic.length;
    }

    /**
     * Number of outputs {@code m}.
     *
     * @return number of outputs {@code m}
     */
    public int outputCount() {
        return outputLayout.size();
    }

    /**
     * Number of inputs {@code n}.
     *
     * @return number of inputs {@code n}
     */
    public int inputCount() {
        return inputLayout.size();
    }

    /**
     * Number of failing entries.
     *
     * @return number of failing entries
     */
    public int failureCount() {
        return failureCount;
    }

    /**
     * Number of failing consistency checks.
     *
     * @return number of failing consistency checks
     */
    public int productFailureCount() {
        return productFailureCount;
    }

    /**
     * {@code ||A - N|| / (||A|| + ||N||)} in the Frobenius norm; 0 when both are zero.
     *
     * @return {@code ||A - N|| / (||A|| + ||N||)} in the Frobenius norm; 0 when both are zero
     */
    public double overallDifference() {
        return Differences.relative(analytic, numerical);
    }

    /**
     * The entry {@code dy[outputIndex] / dx[inputIndex]}.
     *
     * @param outputIndex the output's index {@code i}
     * @param inputIndex the input's index {@code j}
     * @return the entry {@code dy[outputIndex] / dx[inputIndex]}
     * @throws IllegalArgumentException if an index is out of range
     */
    public JacobianEntry entry(int outputIndex, int inputIndex) {
        if (outputIndex < 0 || outputIndex >= outputCount()) {
            throw new IllegalArgumentException("outputIndex must be in [0, " + outputCount() + ") but was " + outputIndex);
        }
        if (inputIndex < 0 || inputIndex >= inputCount()) {
            throw new IllegalArgumentException("inputIndex must be in [0, " + inputCount() + ") but was " + inputIndex);
        }
        int k = outputIndex * inputCount() + inputIndex;
        return new JacobianEntry(outputIndex, inputIndex, outputLayout.nameOf(outputIndex), inputLayout.nameOf(inputIndex),
                analytic[k], numerical[k], noise[k], allowed(k));
    }

    /**
     * The entry named by its output and input: {@code entry("y[2]", "W1[0,3]")}.
     *
     * @param outputName the output's name ({@code y[2]})
     * @param inputName the input's name ({@code W1[0,3]})
     * @return the entry named by its output and input: {@code entry("y[2]", "W1[0,3]")}
     * @throws IllegalArgumentException if a layout has no such coordinate
     */
    public JacobianEntry entry(String outputName, String inputName) {
        return entry(outputLayout.indexOf(outputName), inputLayout.indexOf(inputName));
    }

    /**
     * Every entry, row by row (output by output); an unmodifiable view, never null.
     *
     * @return every entry, row by row (output by output); an unmodifiable view, never null
     */
    public List<JacobianEntry> entries() {
        int n = inputCount();
        return new AbstractList<>() {
            @Override
            public JacobianEntry get(int index) {
                return entry(index / n, index % n);
            }

            @Override
            public int size() {
                return analytic.length;
            }
        };
    }

    /**
     * The failing entries, worst first; never null.
     *
     * @return the failing entries, worst first; never null
     */
    public List<JacobianEntry> failures() {
        List<JacobianEntry> failures = new ArrayList<>(failureCount);
        for (JacobianEntry entry : entries()) {
            if (entry.verdict() == Verdict.FAIL) {
                failures.add(entry);
            }
        }
        failures.sort(WORST_FIRST);
        return failures;
    }

    /**
     * The {@code count} entries with the largest error ratio, worst first.
     *
     * @param count how many
     * @return the {@code count} entries with the largest error ratio, worst first
     * @throws IllegalArgumentException if {@code count < 0}
     */
    public List<JacobianEntry> worst(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0 but was " + count);
        }
        PriorityQueue<JacobianEntry> kept = new PriorityQueue<>(Math.max(1, count), WORST_FIRST.reversed());
        if (count > 0) {
            for (JacobianEntry entry : entries()) {
                kept.add(entry);
                if (kept.size() > count) {
                    kept.poll();
                }
            }
        }
        List<JacobianEntry> worst = new ArrayList<>(kept);
        worst.sort(WORST_FIRST);
        return worst;
    }

    /**
     * The consistency checks between derivative forms, trial by trial; never null, empty if only one form is implemented.
     *
     * @return the consistency checks between derivative forms, trial by trial; never null, empty if only one form
     *     is implemented
     */
    public List<ProductCheck> productChecks() {
        return productChecks;
    }

    /**
     * The derivative forms the function implements.
     *
     * @return the derivative forms the function implements
     */
    public Set<DerivativeForm> implementedForms() {
        return implemented;
    }

    /**
     * The form the analytic entries were taken from: the Jacobian if implemented, else the vector-Jacobian product, else the Jacobian-vector product.
     *
     * @return the form the analytic entries were taken from: the Jacobian if implemented, else the vector-Jacobian
     *     product, else the Jacobian-vector product
     */
    public DerivativeForm entriesFrom() {
        return entriesFrom;
    }

    /**
     * The analytic Jacobian, {@code m} rows of length {@code n}; a copy.
     *
     * @return the analytic Jacobian, {@code m} rows of length {@code n}; a copy
     */
    public double[][] analyticJacobian() {
        return rows(analytic);
    }

    /**
     * The numerical Jacobian, {@code m} rows of length {@code n}; a copy.
     *
     * @return the numerical Jacobian, {@code m} rows of length {@code n}; a copy
     */
    public double[][] numericalJacobian() {
        return rows(numerical);
    }

    private double[][] rows(double[] flat) {
        int n = inputCount();
        double[][] rows = new double[outputCount()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Arrays.copyOfRange(flat, i * n, (i + 1) * n);
        }
        return rows;
    }

    /**
     * The layout naming the outputs.
     *
     * @return the layout naming the outputs
     */
    public ParameterLayout outputLayout() {
        return outputLayout;
    }

    /**
     * The layout naming the inputs.
     *
     * @return the layout naming the inputs
     */
    public ParameterLayout inputLayout() {
        return inputLayout;
    }

    /**
     * The tolerance entries were judged by.
     *
     * @return the tolerance entries were judged by
     */
    public Tolerance tolerance() {
        return tolerance;
    }

    /**
     * The finite-difference scheme.
     *
     * @return the finite-difference scheme
     */
    public DifferenceScheme scheme() {
        return scheme;
    }

    /**
     * How the step was chosen.
     *
     * @return how the step was chosen
     */
    public String stepDescription() {
        return stepDescription;
    }

    /**
     * The precision of the outputs, as measured or declared: {@code double (measured noise 1.1e-16 of |y|)}.
     *
     * @return the precision of the outputs, as measured or declared: {@code double (measured noise 1.1e-16 of |y|)}
     */
    public String precision() {
        return precision;
    }

    /**
     * The seed of the random vectors of the consistency checks.
     *
     * @return the seed of the random vectors of the consistency checks
     */
    public long seed() {
        return seed;
    }

    /**
     * How many entries disagreed on the first estimate and were re-estimated with Ridders' method.
     *
     * @return how many entries disagreed on the first estimate and were re-estimated with Ridders' method
     */
    public int refinedCount() {
        return refined;
    }

    /**
     * How many evaluations of the function (value or derivative) the check made.
     *
     * @return how many evaluations of the function (value or derivative) the check made
     */
    public long evaluations() {
        return evaluations;
    }

    /**
     * How long the check took.
     *
     * @return how long the check took
     */
    public Duration elapsed() {
        return elapsed;
    }

    /** The report as text with {@value #DEFAULT_MAX_ROWS} entry rows at most. */
    @Override
    public String toString() {
        return format(DEFAULT_MAX_ROWS);
    }

    /**
     * The report as text: headline, settings, entries worst first (at most {@code maxRows}), consistency checks.
     *
     * @param maxRows the most entries shown, 1 or more
     * @return the report as text: headline, settings, entries worst first (at most {@code maxRows}), consistency
     *     checks
     * @throws IllegalArgumentException if {@code maxRows < 1}
     */
    public String format(int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be >= 1 but was " + maxRows + ": the report shows at least the worst entry");
        }
        StringBuilder text = new StringBuilder();
        text.append(headline()).append('\n');
        text.append("  entries: ").append(outputCount()).append(" outputs x ").append(inputCount())
                .append(" inputs, analytic values from the ").append(entriesFrom.description());
        List<String> others = new ArrayList<>();
        for (DerivativeForm form : implemented) {
            if (form != entriesFrom) {
                others.add(form.description());
            }
        }
        text.append(others.isEmpty() ? "" : "; also implemented: " + String.join(", ", others)).append('\n');
        text.append("  overall difference ||A - N|| / (||A|| + ||N||): ").append(NumberFormatter.format(overallDifference()))
                .append('\n');
        text.append("  scheme: ").append(scheme).append(", step ").append(stepDescription).append('\n');
        text.append("  precision: ").append(precision).append('\n');
        text.append("  tolerance: ").append(tolerance).append('\n');
        if (productChecks.isEmpty()) {
            text.append("  consistency: not checked, only one derivative form is implemented\n");
        } else {
            text.append("  consistency: ").append(productChecks.size() - productFailureCount).append(" of ")
                    .append(productChecks.size()).append(" checks agree with random u, v (seed ").append(seed)
                    .append("), allowed error ").append(NumberFormatter.brief(productTolerance))
                    .append(" * sum |u_i| |J_ij| |v_j|\n");
        }
        if (refined > 0) {
            text.append("  refined: ").append(refined).append(refined == 1 ? " entry" : " entries")
                    .append(" re-estimated with Ridders' method after disagreeing on the first estimate\n");
        }
        text.append("  evaluations: ").append(evaluations).append('\n');
        text.append('\n');
        List<JacobianEntry> rows = worst(Math.min(maxRows, size()));
        TextTable table = new TextTable("entry", "analytic", "numerical", "mismatch", "rel error", "num error", "verdict");
        for (JacobianEntry row : rows) {
            table.add(TextTable.shorten(row.name(), MAX_NAME_WIDTH), NumberFormatter.format(row.analytic()),
                    NumberFormatter.format(row.numerical()), NumberFormatter.format(row.absoluteError()),
                    NumberFormatter.format(row.relativeError()), NumberFormatter.format(row.numericalError()),
                    row.verdict().name());
        }
        text.append(table.render());
        if (rows.size() < size()) {
            text.append("... and ").append(size() - rows.size()).append(" more (showing ").append(rows.size())
                    .append(" of ").append(size()).append(" entries, worst first)\n");
        }
        if (!productChecks.isEmpty()) {
            text.append('\n');
            TextTable products = new TextTable("consistency", "trial", "left", "right", "mismatch", "allowed", "verdict");
            for (ProductCheck check : productChecks) {
                products.add(check.description(), Integer.toString(check.trial()), NumberFormatter.format(check.leftValue()),
                        NumberFormatter.format(check.rightValue()), NumberFormatter.format(check.absoluteError()),
                        NumberFormatter.format(check.allowedError()), check.verdict().name());
            }
            text.append(products.render());
        }
        return text.toString();
    }

    /**
     * The first line of the text: whether the check passed, and if not, what failed worst.
     *
     * @return the first line of the text: whether the check passed, and if not, what failed worst
     */
    public String headline() {
        if (passed()) {
            return title + " check passed: " + size() + (size() == 1 ? " entry agrees" : " entries agree")
                    + " within the tolerance" + (productChecks.isEmpty() ? ""
                    : " and " + productChecks.size() + " consistency checks hold");
        }
        StringBuilder line = new StringBuilder(title).append(" check failed: ");
        if (failureCount > 0) {
            JacobianEntry worst = worst(1).get(0);
            line.append(failureCount).append(" of ").append(size()).append(" entries disagree, worst ").append(worst.name())
                    .append(" (analytic ").append(NumberFormatter.format(worst.analytic())).append(", numerical ")
                    .append(NumberFormatter.format(worst.numerical())).append(')');
        }
        if (productFailureCount > 0) {
            ProductCheck first = null;
            for (ProductCheck check : productChecks) {
                if (check.verdict() == Verdict.FAIL) {
                    first = check;
                    break;
                }
            }
            line.append(failureCount > 0 ? "; " : "").append(productFailureCount).append(" of ").append(productChecks.size())
                    .append(" consistency checks fail, first ").append(first.description()).append(": ")
                    .append(NumberFormatter.format(first.leftValue())).append(" vs ")
                    .append(NumberFormatter.format(first.rightValue()));
        }
        return line.toString();
    }
}
