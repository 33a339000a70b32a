/**
 * {@link org.gradcheck.junit.GradientCheck @GradientCheck}: seeded, repeatable JUnit Jupiter gradient-check tests
 * that run on randomly drawn examples and fail with the per-parameter report and the command that reruns them.
 */
package org.gradcheck.junit;
