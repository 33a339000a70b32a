package org.gradcheck.exact;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.NumberFormatter;
import org.gradcheck.report.TextTable;
import org.gradcheck.report.Verdict;

/**
 * The immutable result of an {@link ExactGradientCheck}: every hand-written partial derivative next to the exact
 * one, the errors in relative terms and in units in the last place, and the verdicts.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ExactGradientReport {

    /** Rows shown by {@link #toString()}. */
    public static final int DEFAULT_MAX_ROWS = 20;

    private static final Comparator<ExactParameterCheck> WORST_FIRST = Comparator
            .comparingDouble(ExactParameterCheck::errorRatio).reversed()
            .thenComparingInt(ExactParameterCheck::index);

    private final ParameterLayout layout;
    private final double[] handWritten;
    private final double[] exact;
    private final double[] allowed;
    private final double value;
    private final int ulps;
    private final Duration elapsed;
    private final int failureCount;

    ExactGradientReport(ParameterLayout layout, double[] handWritten, double[] exact, double[] allowed, double value,
            int ulps, Duration elapsed) {
        this.layout = layout;
        this.handWritten = handWritten;
        this.exact = exact;
        this.allowed = allowed;
        this.value = value;
        this.ulps = ulps;
        this.elapsed = elapsed;
        int failures = 0;
        for (int i = 0; i < exact.length; i++) {
            if (Math.abs(handWritten[i] - exact[i]) > allowed[i]) {
                failures++;
            }
        }
        this.failureCount = failures;
    }

    /**
     * Whether every partial derivative agrees with the exact one.
     *
     * @return whether every partial derivative agrees with the exact one
     */
    public boolean passed() {
        return failureCount == 0;
    }

    /**
     * Number of parameters.
     *
     * @return number of parameters
     */
    public int size() {
        return exact.length;
    }

    /**
     * Number of disagreeing partial derivatives.
     *
     * @return number of disagreeing partial derivatives
     */
    public int failureCount() {
        return failureCount;
    }

    /**
     * The check of the parameter at flat index {@code index}.
     *
     * @param index the flat index
     * @return the check of the parameter at flat index {@code index}
     */
    public ExactParameterCheck parameter(int index) {
        return new ExactParameterCheck(index, layout.nameOf(index), handWritten[index], exact[index], allowed[index]);
    }

    /**
     * The check of the parameter named {@code name} ({@code W1[2,3]}).
     *
     * @param name the name
     * @return the check of the parameter named {@code name} ({@code W1[2,3]})
     * @throws IllegalArgumentException if the layout has no such parameter
     */
    public ExactParameterCheck parameter(String name) {
        return parameter(layout.indexOf(name));
    }

    /**
     * Every parameter's check in the order of the flat vector; an unmodifiable view.
     *
     * @return every parameter's check in the order of the flat vector; an unmodifiable view
     */
    public List<ExactParameterCheck> parameters() {
        return new AbstractList<>() {
            @Override
            public ExactParameterCheck get(int index) {
                return parameter(index);
            }

            @Override
            public int size() {
                return exact.length;
            }
        };
    }

    /**
     * The failing parameters, worst first; never null.
     *
     * @return the failing parameters, worst first; never null
     */
    public List<ExactParameterCheck> failures() {
        List<ExactParameterCheck> failures = new ArrayList<>();
        for (ExactParameterCheck check : parameters()) {
            if (check.verdict() == Verdict.FAIL) {
                failures.add(check);
            }
        }
        failures.sort(WORST_FIRST);
        return failures;
    }

    /**
     * The largest relative error over the parameters.
     *
     * @return the largest relative error over the parameters
     */
    public double maxRelativeError() {
        double largest = 0;
        for (ExactParameterCheck check : parameters()) {
            largest = Math.max(largest, check.relativeError());
        }
        return largest;
    }

    /**
     * The exact gradient; a copy.
     *
     * @return the exact gradient; a copy
     */
    public double[] exactGradient() {
        return exact.clone();
    }

    /**
     * The hand-written gradient; a copy.
     *
     * @return the hand-written gradient; a copy
     */
    public double[] handWrittenGradient() {
        return handWritten.clone();
    }

    /**
     * The function's value at the point, from the field function.
     *
     * @return the function's value at the point, from the field function
     */
    public double value() {
        return value;
    }

    /**
     * The allowance in units of machine epsilon.
     *
     * @return the allowance in units of machine epsilon
     */
    public int ulps() {
        return ulps;
    }

    /**
     * The layout naming the parameters.
     *
     * @return the layout naming the parameters
     */
    public ParameterLayout layout() {
        return layout;
    }

    /**
     * How long the check took.
     *
     * @return how long the check took
     */
    public Duration elapsed() {
        return elapsed;
    }

    /**
     * The first line of the text.
     *
     * @return the first line of the text
     */
    public String headline() {
        if (passed()) {
            return "Exact gradient check passed: " + size() + (size() == 1 ? " partial derivative agrees" : " partial derivatives agree")
                    + " with automatic differentiation, largest relative error " + NumberFormatter.format(maxRelativeError());
        }
        ExactParameterCheck worst = failures().get(0);
        return "Exact gradient check failed: " + failureCount + " of " + size() + " partial derivatives differ from the exact "
                + "gradient, worst " + worst.name() + " (hand-written " + NumberFormatter.format(worst.handWritten())
                + ", exact " + NumberFormatter.format(worst.exact()) + ", relative error "
                + NumberFormatter.format(worst.relativeError()) + ")";
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(headline()).append('\n');
        text.append("  exact gradient: forward-mode automatic differentiation (SparseGradient), no finite-difference error\n");
        text.append("  allowed error: ").append(ulps).append(" eps * (max(|g|, |e|) + max_j |e_j|), eps = 2^-52\n");
        text.append("  function value: ").append(NumberFormatter.format(value)).append('\n');
        text.append('\n');
        List<ExactParameterCheck> rows = new ArrayList<>(parameters());
        rows.sort(WORST_FIRST);
        int shown = Math.min(DEFAULT_MAX_ROWS, rows.size());
        TextTable table = new TextTable("parameter", "hand-written", "exact", "abs error", "rel error", "ulps", "verdict");
        for (ExactParameterCheck row : rows.subList(0, shown)) {
            table.add(TextTable.shorten(row.name(), 24), NumberFormatter.format(row.handWritten()),
                    NumberFormatter.format(row.exact()), NumberFormatter.format(row.absoluteError()),
                    NumberFormatter.format(row.relativeError()), ulpsText(row.ulps()), row.verdict().name());
        }
        text.append(table.render());
        if (shown < rows.size()) {
            text.append("... and ").append(rows.size() - shown).append(" more (showing ").append(shown).append(" of ")
                    .append(rows.size()).append(" parameters, worst first)\n");
        }
        return text.toString();
    }

    private static String ulpsText(double ulps) {
        if (Double.isInfinite(ulps)) {
            return "inf";
        }
        return ulps >= 1e6 ? NumberFormatter.brief(ulps) : String.format(Locale.ROOT, "%.0f", ulps);
    }
}
