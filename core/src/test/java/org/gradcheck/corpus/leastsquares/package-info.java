/**
 * A corpus of least-squares test problems (Moré, Garbow and Hillstrom; NIST StRD nonlinear regression models)
 * with hand-written Jacobians, verified against exact forward-mode derivatives, and mutants of those Jacobians;
 * the scoreboard compares GradCheck's decision rule with PyTorch's and the article's on it.
 */
package org.gradcheck.corpus.leastsquares;
