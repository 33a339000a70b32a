package org.gradcheck.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.gradcheck.layout.ParameterLayout;

/**
 * The report of a Jacobian or Hessian check: one entry {@code dy[i] / dx[j]} per output and input, named by the
 * output and input layouts ({@code y[2] / W1[0,3]}), and the consistency checks between the derivative forms the
 * function implements (the adjoint identity {@code <u, J v> = <J^T u, v>} with seeded random vectors, or a
 * Hessian-vector product against the full Hessian).
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface JacobianReport extends DerivativeReport {

    /** {@return the number of outputs {@code m}} */
    int outputCount();

    /** {@return the number of inputs {@code n}} */
    int inputCount();

    /** {@return the layout that names the outputs} */
    ParameterLayout outputLayout();

    /** {@return the layout that names the inputs} */
    ParameterLayout inputLayout();

    /**
     * The entry {@code dy[outputIndex] / dx[inputIndex]}.
     *
     * @param outputIndex the output's index {@code i}
     * @param inputIndex the input's index {@code j}
     * @return the entry
     * @throws IllegalArgumentException if an index is out of range
     */
    Entry entry(int outputIndex, int inputIndex);

    /**
     * The entry of the output named {@code outputName} and the input named {@code inputName}.
     *
     * @param outputName the output's name, such as {@code y[2]}
     * @param inputName the input's name, such as {@code W1[0,3]}
     * @return the entry
     * @throws IllegalArgumentException if a layout has no such name
     */
    Entry entry(String outputName, String inputName);

    /**
     * The consistency checks between derivative forms: each compares one random product computed through two
     * forms ({@link Entry#analytic()} through the first, {@link Entry#numerical()} through the second).
     *
     * @return the checks, in the order they ran; never null
     */
    List<Entry> consistencyChecks();

    /** {@return the number of failing consistency checks} */
    int consistencyFailureCount();

    /** {@return the derivative forms the function implements} */
    Set<DerivativeForm> implementedForms();

    /** {@return the form the analytic entries were taken from} */
    DerivativeForm entriesFrom();

    /** {@return the analytic Jacobian, one row per output; a new array on every call} */
    double[][] analyticJacobian();

    /** {@return the numerical Jacobian, one row per output; a new array on every call} */
    double[][] numericalJacobian();
}
