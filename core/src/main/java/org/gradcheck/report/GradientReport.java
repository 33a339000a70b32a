package org.gradcheck.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;
import org.gradcheck.KinkPolicy;
import org.gradcheck.UnresolvedPolicy;
import org.gradcheck.UntestedPolicy;
import org.gradcheck.layout.ParameterLayout;

/**
 * The report of a gradient check: one entry per parameter, named by the parameter layout ({@code W1[2,3]}).
 *
 * <p>The overall difference is the article's {@code ||g - n|| / (||g|| + ||n||)}, reported for comparison with
 * its rule of thumb (about 1e-7) but never deciding, because one global norm hides a wrong gradient in a block
 * whose values are small next to the others'.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface GradientReport extends DerivativeReport {

    /** {@return the layout that names the parameters} */
    ParameterLayout layout();

    /**
     * The check of the parameter at flat index {@code index}.
     *
     * @param index the flat index of the parameter, from 0
     * @return the parameter's entry
     * @throws IllegalArgumentException if {@code index} is out of range
     */
    Entry parameter(int index);

    /**
     * The check of the parameter named {@code name}.
     *
     * @param name the parameter's name, such as {@code W1[2,3]}
     * @return the parameter's entry
     * @throws IllegalArgumentException if the layout has no such parameter
     */
    Entry parameter(String name);

    /** {@return every parameter's entry in the order of the flat vector; an unmodifiable view, never null} */
    List<Entry> parameters();

    /** {@return the function's value at the checked point} */
    double value();

    /** {@return what was done with parameters at kinks} */
    KinkPolicy kinkPolicy();

    /** {@return what was done with barely tested blocks} */
    UntestedPolicy untestedPolicy();

    /** {@return what was done with unresolved parameters} */
    UnresolvedPolicy unresolvedPolicy();

    /**
     * For the Taylor strategy: the measured order of convergence of the Taylor remainder along each seeded
     * direction of each block, in layout order; empty for other strategies.
     *
     * @return the directions' results, never null
     */
    List<TaylorDirection> taylorDirections();
}
