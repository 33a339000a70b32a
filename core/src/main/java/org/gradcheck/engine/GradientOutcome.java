package org.gradcheck.engine;

import java.util.AbstractList;
import java.util.List;
import org.gradcheck.KinkPolicy;
import org.gradcheck.UnresolvedPolicy;
import org.gradcheck.UntestedPolicy;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.Entry;
import org.gradcheck.report.GradientReport;
import org.gradcheck.report.TaylorDirection;

/** The report of a gradient check: one entry per parameter. */
final class GradientOutcome extends Outcome implements GradientReport {

    private static final ParameterLayout ONE_OUTPUT = ParameterLayout.vector("f", 1);

    private final double value;
    private final List<TaylorDirection> taylor;

    GradientOutcome(String title, ParameterLayout layout, Findings findings, Settings settings, Description description,
            double value, List<TaylorDirection> taylor) {
        super(title, layout, ONE_OUTPUT, layout::nameOf, findings, settings, description, Math.abs(value));
        this.value = value;
        this.taylor = List.copyOf(taylor);
    }

    @Override
    String statistics() {
        return "function value: " + Numbers.format(value) + ", evaluations: " + evaluations() + ", seed " + seed();
    }

    @Override
    public ParameterLayout layout() {
        return inputs;
    }

    @Override
    public Entry parameter(int index) {
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException("index must be in [0, " + size() + ") but was " + index);
        }
        return at(index);
    }

    @Override
    public Entry parameter(String name) {
        return at(inputs.indexOf(name));
    }

    @Override
    public Entry entry(String name) {
        return parameter(name);
    }

    @Override
    public List<Entry> parameters() {
        return new AbstractList<>() {
            @Override
            public Entry get(int index) {
                return parameter(index);
            }

            @Override
            public int size() {
                return GradientOutcome.this.size();
            }
        };
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public KinkPolicy kinkPolicy() {
        return settings.kinkPolicy;
    }

    @Override
    public UntestedPolicy untestedPolicy() {
        return settings.untestedPolicy;
    }

    @Override
    public UnresolvedPolicy unresolvedPolicy() {
        return settings.unresolvedPolicy;
    }

    @Override
    public List<TaylorDirection> taylorDirections() {
        return taylor;
    }
}
