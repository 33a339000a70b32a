/**
 * The differentiable-function SPI: what users implement (a function of a flat vector with its gradient, a vector
 * function with its Jacobian or products, a twice-differentiable function, a model with named parameters and a
 * backward pass) and adapters from commons-math3's function and least-squares types.
 *
 * <p>Depends on {@code layout} only (and commons-math3 for the adapters); the checker and the engine depend on it.
 */
package org.gradcheck.function;
