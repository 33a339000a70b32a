package org.gradcheck.hessian;

/**
 * Stands in for the {@code HessianChecker} of an older gradcheck-core, which {@code GradientChecker} replaced: a
 * class path that still holds such a jar lets a test method ask for one (see {@code JacobianParameterTests}).
 */
public final class HessianChecker {

    private HessianChecker() {
    }
}
