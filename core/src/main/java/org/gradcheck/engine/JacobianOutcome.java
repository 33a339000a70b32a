package org.gradcheck.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.DerivativeForm;
import org.gradcheck.report.Entry;
import org.gradcheck.report.JacobianReport;
import org.gradcheck.report.Verdict;

/** The report of a Jacobian or Hessian check: one entry per output and input, and the consistency checks. */
final class JacobianOutcome extends Outcome implements JacobianReport {

    private final CheckedMatrix matrix;
    private final Set<DerivativeForm> implemented;
    private final DerivativeForm entriesFrom;
    private final List<Entry> consistency;
    private final int consistencyFailures;
    private final double productTolerance;

    JacobianOutcome(CheckedMatrix matrix, ParameterLayout inputs, ParameterLayout outputs, Findings findings,
            Settings settings, Description description, double[] value, Set<DerivativeForm> implemented,
            DerivativeForm entriesFrom, List<Entry> consistency) {
        super(matrix.title, inputs, outputs, names(inputs, outputs, findings.columns), findings, settings, description,
                largest(value));
        this.matrix = matrix;
        this.implemented = Collections.unmodifiableSet(implemented.isEmpty() ? EnumSet.noneOf(DerivativeForm.class)
                : EnumSet.copyOf(implemented));
        this.entriesFrom = entriesFrom;
        this.consistency = List.copyOf(consistency);
        int failures = 0;
        for (Entry check : consistency) {
            failures += check.verdict() == Verdict.FAIL ? 1 : 0;
        }
        this.consistencyFailures = failures;
        this.productTolerance = settings.productTolerance;
    }

    private static double largest(double[] value) {
        double largest = 0;
        for (double v : value) {
            largest = Math.max(largest, Math.abs(v));
        }
        return largest;
    }

    /** Entries are named {@code output / input}: {@code y[2] / x[0]}. */
    private static IntFunction<String> names(ParameterLayout inputs, ParameterLayout outputs, int columns) {
        return k -> outputs.nameOf(k / columns) + " / " + inputs.nameOf(k % columns);
    }

    @Override
    int otherFailures() {
        return consistencyFailures;
    }

    @Override
    String otherProblems() {
        if (consistencyFailures == 0) {
            return null;
        }
        Entry first = null;
        for (Entry check : consistency) {
            if (check.verdict() == Verdict.FAIL) {
                first = check;
                break;
            }
        }
        return consistencyFailures + " of " + consistency.size() + " consistency checks fail, first " + first.name() + ": "
                + Numbers.format(first.analytic()) + " vs " + Numbers.format(first.numerical());
    }

    @Override
    String consistencySummary() {
        return consistency.isEmpty() ? null : " and " + consistency.size() + " consistency checks hold";
    }

    @Override
    List<String> details() {
        List<String> lines = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (DerivativeForm form : implemented) {
            if (form != entriesFrom) {
                others.add(matrix.describe(form));
            }
        }
        lines.add("entries: " + matrix.shape(outputCount(), inputCount()) + ", analytic values from the "
                + matrix.describe(entriesFrom)
                + (others.isEmpty() ? "" : "; also implemented: " + String.join(", ", others)));
        if (consistency.isEmpty()) {
            lines.add("consistency: not checked, only one derivative form is implemented");
        } else {
            lines.add("consistency: " + (consistency.size() - consistencyFailures) + " of " + consistency.size()
                    + " checks agree with seeded random u, v, allowed error "
                    + ReportText.glued(Numbers.brief(productTolerance) + " * sum |u_i| |" + matrix.symbol + "_ij| |v_j|"));
        }
        return lines;
    }

    @Override
    String statistics() {
        return "evaluations: " + evaluations() + ", seed " + seed();
    }

    @Override
    String extraTable() {
        if (consistency.isEmpty()) {
            return null;
        }
        TextTable table = new TextTable("consistency", "left", "right", "mismatch", "allowed", "verdict");
        for (Entry check : consistency) {
            table.add(check.name(), Numbers.format(check.analytic()), Numbers.format(check.numerical()),
                    Numbers.format(check.absoluteError()), Numbers.format(check.allowedError()), check.verdict().name());
        }
        return table.render();
    }

    @Override
    public int outputCount() {
        return findings.rows;
    }

    @Override
    public int inputCount() {
        return findings.columns;
    }

    @Override
    public ParameterLayout outputLayout() {
        return outputs;
    }

    @Override
    public ParameterLayout inputLayout() {
        return inputs;
    }

    @Override
    public Entry entry(int outputIndex, int inputIndex) {
        if (outputIndex < 0 || outputIndex >= outputCount()) {
            throw new IllegalArgumentException("outputIndex must be in [0, " + outputCount() + ") but was " + outputIndex);
        }
        if (inputIndex < 0 || inputIndex >= inputCount()) {
            throw new IllegalArgumentException("inputIndex must be in [0, " + inputCount() + ") but was " + inputIndex);
        }
        return at(outputIndex * inputCount() + inputIndex);
    }

    @Override
    public Entry entry(String outputName, String inputName) {
        return entry(outputs.indexOf(outputName), inputs.indexOf(inputName));
    }

    @Override
    public Entry entry(String name) {
        int separator = name == null ? -1 : name.indexOf(" / ");
        if (separator < 0) {
            throw new IllegalArgumentException("an entry of a Jacobian is named 'output / input', such as 'y[2] / x[0]', but"
                    + " was '" + name + "'");
        }
        return entry(name.substring(0, separator), name.substring(separator + 3));
    }

    @Override
    public List<Entry> consistencyChecks() {
        return consistency;
    }

    @Override
    public int consistencyFailureCount() {
        return consistencyFailures;
    }

    @Override
    public Set<DerivativeForm> implementedForms() {
        return implemented;
    }

    @Override
    public DerivativeForm entriesFrom() {
        return entriesFrom;
    }

    @Override
    public double[][] analyticJacobian() {
        return rows(findings.analytic);
    }

    @Override
    public double[][] numericalJacobian() {
        return rows(findings.numerical);
    }

    private double[][] rows(double[] flat) {
        int n = inputCount();
        double[][] rows = new double[outputCount()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Arrays.copyOfRange(flat, i * n, (i + 1) * n);
        }
        return rows;
    }
}
