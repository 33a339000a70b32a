/**
 * Finite-difference schemes and step-size policies that turn function values into numerical derivatives.
 */
package org.gradcheck.difference;
