package org.gradcheck.examples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.gradcheck.layout.Block;
import org.gradcheck.report.Entry;
import org.gradcheck.report.GradientReport;

/**
 * How much of a model a gradient check actually tested: per block, how many parameters had both their
 * analytic and their numerical gradient below a threshold ({@code 1e-12} by default).
 *
 * <p>Such a parameter passes any check, right or wrong, because there is nothing to compare: a bug in its
 * gradient stays invisible at this point. This is what happens at the article's point, where raw pixels
 * saturate the tanh units of the first layer: all 61,440 gradients of {@code W1} are zero, analytic and
 * numerical, so the reported agreement comes from the 36 parameters of the later layers.
 *
 * <p>GradCheck's report counts such parameters itself, judged by the check's own tolerance
 * ({@link org.gradcheck.report.BlockSummary#negligible()}), and warns about a block most of whose parameters
 * are negligible. {@code Coverage} is the plain, fixed-threshold count, useful to state a figure that does
 * not depend on the checker's settings. It is meant for reports of a full check
 * ({@code Strategy.full()}); parameters that a screening or sampled check did not check one by one have no
 * numerical gradient (NaN) and are not counted.
 *
 * <pre>{@code
 * Coverage coverage = Coverage.of(report);
 * coverage.untested("W1");        // 61440 on raw pixels, 0 on pixels scaled to [0, 1]
 * coverage.isInformative();       // false: a block is mostly untested
 * }</pre>
 *
 * @since 0.1
 */
public final class Coverage {

    /** The default threshold: gradients below {@code 1e-12} in absolute value count as zero. */
    public static final double DEFAULT_THRESHOLD = 1e-12;

    /** A block with at least this fraction of untested parameters makes a check uninformative. */
    public static final double MOSTLY_UNTESTED = 0.5;

    private final double threshold;
    private final List<BlockCoverage> blocks;
    private final int total;
    private final int untested;

    private Coverage(double threshold, List<BlockCoverage> blocks) {
        this.threshold = threshold;
        this.blocks = Collections.unmodifiableList(blocks);
        int count = 0;
        int silent = 0;
        for (BlockCoverage block : blocks) {
            count += block.count();
            silent += block.untested();
        }
        this.total = count;
        this.untested = silent;
    }

    /**
     * The coverage of {@code report} with the {@linkplain #DEFAULT_THRESHOLD default threshold}.
     *
     * @param report the report of a gradient check
     * @return its coverage
     * @throws IllegalArgumentException if the report is null
     */
    public static Coverage of(GradientReport report) {
        return of(report, DEFAULT_THRESHOLD);
    }

    /**
     * The coverage of {@code report}: a parameter is untested when {@code |analytic| < threshold} and
     * {@code |numerical| < threshold}.
     *
     * @param report the report of a gradient check
     * @param threshold the size below which a gradient counts as zero
     * @return its coverage
     * @throws IllegalArgumentException if the report is null or the threshold is not a finite number {@code >= 0}
     */
    public static Coverage of(GradientReport report, double threshold) {
        if (report == null) {
            throw new IllegalArgumentException("report must not be null: pass the report of a gradient check");
        }
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a finite number >= 0 but was " + threshold
                    + ": use for example Coverage.DEFAULT_THRESHOLD (1e-12)");
        }
        List<Entry> parameters = report.parameters();
        List<BlockCoverage> blocks = new ArrayList<>();
        for (Block block : report.layout().blocks()) {
            int silent = 0;
            for (int i = block.offset(), end = block.offset() + block.size(); i < end; i++) {
                Entry parameter = parameters.get(i);
                // a parameter not checked one by one has a NaN numerical value: it does not count as silent
                if (Math.abs(parameter.analytic()) < threshold && Math.abs(parameter.numerical()) < threshold) {
                    silent++;
                }
            }
            blocks.add(new BlockCoverage(block.name(), block.size(), silent));
        }
        return new Coverage(threshold, blocks);
    }

    /** {@return the threshold below which a gradient counts as zero} */
    public double threshold() {
        return threshold;
    }

    /** {@return the per-block counts in layout order; an unmodifiable list, never null} */
    public List<BlockCoverage> blocks() {
        return blocks;
    }

    /** {@return the number of parameters checked} */
    public int total() {
        return total;
    }

    /** {@return the number of parameters with both gradients below the threshold} */
    public int untested() {
        return untested;
    }

    /** {@return {@code untested() / total()}} */
    public double untestedFraction() {
        return (double) untested / total;
    }

    /**
     * Number of untested parameters in block {@code name}.
     *
     * @param name the block's name
     * @return its number of untested parameters
     * @throws IllegalArgumentException if there is no such block
     */
    public int untested(String name) {
        return block(name).untested();
    }

    /**
     * The coverage of block {@code name}.
     *
     * @param name the block's name
     * @return its coverage
     * @throws IllegalArgumentException if there is no such block
     */
    public BlockCoverage block(String name) {
        for (BlockCoverage block : blocks) {
            if (block.name().equals(name)) {
                return block;
            }
        }
        throw new IllegalArgumentException("no block named " + name + " in this coverage; the blocks are " + names(blocks));
    }

    /** {@return the names of the blocks of which at least {@value #MOSTLY_UNTESTED} of the parameters were untested} */
    public List<String> mostlyUntestedBlocks() {
        List<BlockCoverage> mostly = new ArrayList<>();
        for (BlockCoverage block : blocks) {
            if (block.untestedFraction() >= MOSTLY_UNTESTED) {
                mostly.add(block);
            }
        }
        return names(mostly);
    }

    /**
     * Whether every block was mostly tested.
     *
     * @return whether no block has {@value #MOSTLY_UNTESTED} or more of its parameters untested
     */
    public boolean isInformative() {
        return mostlyUntestedBlocks().isEmpty();
    }

    private static List<String> names(List<BlockCoverage> blocks) {
        List<String> names = new ArrayList<>();
        for (BlockCoverage block : blocks) {
            names.add(block.name());
        }
        return names;
    }

    @Override
    public String toString() {
        return "Coverage[" + untested + " of " + total + " parameters with both gradients below " + threshold + "]";
    }

    /**
     * The coverage of one parameter block.
     *
     * @since 0.1
     */
    public static final class BlockCoverage {

        private final String name;
        private final int count;
        private final int untested;

        BlockCoverage(String name, int count, int untested) {
            this.name = name;
            this.count = count;
            this.untested = untested;
        }

        /** {@return the block's name: {@code W1}} */
        public String name() {
            return name;
        }

        /** {@return the number of parameters in the block} */
        public int count() {
            return count;
        }

        /** {@return the number of parameters of the block with both gradients below the threshold} */
        public int untested() {
            return untested;
        }

        /** {@return {@code untested() / count()}} */
        public double untestedFraction() {
            return (double) untested / count;
        }

        @Override
        public String toString() {
            return name + ": " + untested + " of " + count + " untested";
        }
    }
}
