/**
 * What a check found: the one entry type ({@link org.gradcheck.report.Entry}) and its
 * {@link org.gradcheck.report.Verdict}, per-block summaries, and the reports of gradient and Jacobian (or Hessian)
 * checks, with the {@link org.gradcheck.report.CheckObserver} SPI that is told of every completed check.
 *
 * <p>Interfaces and values only: the engine ({@code org.gradcheck.engine}, not exported) implements them. This
 * package depends on the API's value types ({@code org.gradcheck}) and the layout; nothing in it depends on the
 * engine.
 */
package org.gradcheck.report;
