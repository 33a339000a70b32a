/**
 * The differentiable-function SPI: what users implement (a function of a flat vector with its gradient, or
 * a model with named parameters and a backward pass) and adapters from commons-math3's function types.
 */
package org.gradcheck.function;
