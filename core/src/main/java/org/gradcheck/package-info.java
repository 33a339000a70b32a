/**
 * Entry points of GradCheck: {@link org.gradcheck.GradientAssertions}, the configurable
 * {@link org.gradcheck.GradientChecker} and its value types.
 */
package org.gradcheck;
