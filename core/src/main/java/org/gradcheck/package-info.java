/**
 * The checker and its options: {@link org.gradcheck.GradientAssertions} for the one-line assertion, the configurable,
 * immutable {@link org.gradcheck.GradientChecker} behind every check (gradient, Jacobian, Hessian, Taylor, exact),
 * its value types ({@link org.gradcheck.Tolerance}, {@link org.gradcheck.StepSize}, {@link org.gradcheck.Strategy},
 * the policies) and the two ways a check ends without a verdict or with a failing one
 * ({@link org.gradcheck.CheckRefusedException}, {@link org.gradcheck.DerivativeMismatchError}).
 *
 * <p>Depends on {@code function}, {@code layout} and {@code report}, and calls the engine; users depend on this
 * package and those three, never on the engine.
 */
package org.gradcheck;
