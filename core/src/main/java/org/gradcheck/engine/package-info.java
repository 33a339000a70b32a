/**
 * The engine behind every check, not exported by the module: {@code Kernel}, the one place where an entry is judged
 * (step, estimates and their error bounds, refinement, kinks, ties, the verdict, and every constant they use);
 * {@code Evaluator}, the one loop that evaluates the user's code at perturbed points on one thread or several;
 * {@code Noise}, the one measurement of the function's rounding; {@code Run}, the strategies ({@code Screening},
 * {@code TaylorStrategy}) and the report model ({@code Outcome}, {@code ReportText}).
 *
 * <p>Depends on the API packages ({@code org.gradcheck} for the options, {@code function}, {@code layout},
 * {@code report}); nothing outside the checker may depend on it. Its one public type, {@code Checks}, is the
 * checker's entry point, public only because the checker lives in another package.
 */
package org.gradcheck.engine;
