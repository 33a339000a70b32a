package org.gradcheck.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.gradcheck.DifferenceScheme;
import org.gradcheck.Tolerance;

/**
 * The immutable result of a check of a derivative: a verdict for every entry, per-block summaries, warnings,
 * the article's overall difference {@code ||a - n|| / (||a|| + ||n||)} and the settings used. A
 * {@link GradientReport} is the report of a gradient (one output), a {@link JacobianReport} that of a Jacobian
 * or a Hessian.
 *
 * <p>The check passes when no entry fails, no entry stayed unresolved (unless
 * {@link org.gradcheck.UnresolvedPolicy#WARN}), the strategy found nothing on its own, and, under
 * {@link org.gradcheck.UntestedPolicy#FAIL}, no block is barely tested. {@code toString()} renders the report
 * as text that fits a terminal 100 columns wide, as {@link #format(int) format(20)} does.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface DerivativeReport {

    /** {@return what was checked, as the headline names it: {@code Gradient}, {@code Jacobian}, {@code Hessian}} */
    String title();

    /** {@return whether the check passed} */
    boolean passed();

    /** {@return the headline: {@code Gradient check failed: 3 of 20 checked parameters disagree}} */
    String headline();

    /** {@return the number of entries (parameters of a gradient, {@code m * n} entries of a Jacobian)} */
    int size();

    /** {@return the number of entries checked one by one (all of them in a full check)} */
    int checkedCount();

    /** {@return the number of failing entries} */
    int failureCount();

    /** {@return the number of entries the check could not resolve} */
    int unresolvedCount();

    /** {@return the number of entries at kinks (accepted as subgradients, or failed under {@code KinkPolicy.FAIL})} */
    int kinkCount();

    /** {@return the number of entries whose analytic and reference values are both indistinguishable from zero} */
    int negligibleCount();

    /** {@return the number of blocks most of whose entries are negligible} */
    int barelyTestedBlocks();

    /** {@return the article's overall difference {@code ||a - n|| / (||a|| + ||n||)} over the checked entries; 0 when both are zero} */
    double overallDifference();

    /** {@return every entry in flat order; an unmodifiable view, never null} */
    List<Entry> entries();

    /**
     * The entry named {@code name}.
     *
     * @param name the entry's name as {@link Entry#name()} gives it: {@code W1[2,3]}, or {@code y[2] / W1[0,3]}
     * @return the entry
     * @throws IllegalArgumentException if the report has no entry of that name
     */
    Entry entry(String name);

    /** {@return the failing entries, worst first (largest error ratio first); never null} */
    List<Entry> failures();

    /** {@return the entries the check could not resolve, in flat order; never null} */
    List<Entry> unresolved();

    /** {@return the entries at kinks, in flat order; never null} */
    List<Entry> kinks();

    /**
     * The {@code count} worst entries checked one by one, worst first: failures by error ratio, then unresolved
     * entries, then kinks, then passes by error ratio.
     *
     * @param count how many, 0 or more
     * @return the worst entries, worst first; never null
     * @throws IllegalArgumentException if {@code count < 0}
     */
    List<Entry> worst(int count);

    /** {@return per-block summaries in layout order (the input layout of a Jacobian); unmodifiable, never null} */
    List<BlockSummary> blocks();

    /** {@return warnings: barely tested blocks, kinks, unresolved entries allowed by policy; never null} */
    List<String> warnings();

    /** {@return what the strategy found, one line per block (directions, bisection, remainder orders); never null} */
    List<String> strategyNotes();

    /** {@return why the strategy itself failed the check beyond any entry (a Taylor remainder of order 1), if it did} */
    Optional<String> strategyFailure();

    /** {@return the tolerance the entries were judged by} */
    Tolerance tolerance();

    /** {@return the finite-difference scheme of the first estimates} */
    DifferenceScheme scheme();

    /** {@return how the steps were chosen, as the report states it} */
    String stepDescription();

    /** {@return which entries were checked and how: {@code full: every parameter}} */
    String strategyDescription();

    /** {@return the precision assumed or measured: {@code double (measured noise 2.2e-16 of |f|)}} */
    String precisionDescription();

    /** {@return the seed of the check's random directions and samples} */
    long seed();

    /** {@return how many times the function under test was evaluated (values and derivatives)} */
    long evaluations();

    /** {@return the number of entries re-estimated after their first estimate did not settle them} */
    int refinedCount();

    /** {@return how long the check took} */
    Duration elapsed();

    /**
     * The report as text with at most {@code maxRows} entry rows: the entries that did not pass (failing, unresolved,
     * at a kink) worst first, then up to 3 passing ones for contrast, those closest to failing, and a line that says
     * how many more there are and how many of them fail. The passes keep their rows however many entries did not
     * pass, except that the first row always shows one that did not; a report whose entries all passed shows the 5
     * closest to failing.
     *
     * @param maxRows the most entry rows shown, 1 or more
     * @return the text, lines separated by {@code \n}
     * @throws IllegalArgumentException if {@code maxRows < 1}
     */
    String format(int maxRows);

    /**
     * Formats a number as every number of a report is printed: scientific notation with four significant digits.
     *
     * @param value the number
     * @return {@code 1.234e-05}, {@code -6.000e+00}, {@code 0}, {@code NaN} or {@code Infinity}
     */
    static String formatNumber(double value) {
        if (value == 0) {
            return "0";
        }
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return Scientific.format(value, 3);
    }

    /**
     * Formats a number in the short form reports use for tolerances and steps: two significant digits.
     *
     * @param value the number
     * @return {@code 1.0e-06}, {@code 0}, {@code NaN} or {@code Infinity}
     */
    static String formatBrief(double value) {
        if (value == 0) {
            return "0";
        }
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return Scientific.format(value, 1);
    }
}
