package org.gradcheck.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Asks for a random point, a {@code double[]} of {@link #dimension()} coordinates drawn uniformly from
 * {@code [min, max)}, as a parameter of a {@link GradientCheck @GradientCheck} method:
 * <pre>{@code
 * @GradientCheck(trials = 5, seed = "42")
 * void lossGradient(@RandomPoint(dimension = 3, min = -2, max = 2) double[] point, GradientChecker checker) {
 *     checker.assertMatches(loss, point);
 * }
 * }</pre>
 * Each trial draws a new point from its own seed; the same seed and trial always give the same point.
 *
 * @since 0.1
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = EXPERIMENTAL, since = "0.1")
public @interface RandomPoint {

    /** {@return the number of coordinates, 1 or more} */
    int dimension();

    /** {@return the lower bound of every coordinate (inclusive), finite and below {@link #max()}} */
    double min() default -1;

    /** {@return the upper bound of every coordinate (exclusive), finite and above {@link #min()}} */
    double max() default 1;
}
