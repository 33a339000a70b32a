/**
 * The exact oracle: a function written once over commons-math3's {@code RealFieldElement} is differentiated
 * exactly by forward-mode automatic differentiation, and a hand-written gradient is compared with that exact
 * gradient to near machine precision, without any finite-difference error.
 */
package org.gradcheck.exact;
