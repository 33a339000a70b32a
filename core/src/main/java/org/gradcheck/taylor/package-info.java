/**
 * The step-free gradient check: the Taylor remainder {@code |f(x + h d) - f(x) - h <g, d>|} shrinks like
 * {@code h^2} when the gradient {@code g} is right and like {@code h} when it is wrong; the
 * {@link org.gradcheck.taylor.TaylorRemainderCheck} measures that order over a range of {@code h}.
 */
package org.gradcheck.taylor;
