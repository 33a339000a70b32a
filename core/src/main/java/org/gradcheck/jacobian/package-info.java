/**
 * Jacobians of vector-valued functions: the {@link org.gradcheck.function.VectorFunction} SPI (a layer's
 * forward and backward passes), the {@link org.gradcheck.jacobian.JacobianChecker} and its per-entry
 * {@link org.gradcheck.jacobian.JacobianReport}, including the adjoint identity between forward-mode and
 * backward-mode implementations.
 */
package org.gradcheck.jacobian;
