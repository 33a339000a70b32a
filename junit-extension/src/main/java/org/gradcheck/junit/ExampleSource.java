package org.gradcheck.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Names the data set a {@link GradientCheck @GradientCheck} method draws its examples from.
 *
 * <p>The value names a method without parameters or a field, of the test class (or its superclasses), or of
 * another class as {@code "com.example.Data#trainingSet"}. It returns an {@link org.gradcheck.junit.ExampleSet}
 * or a {@link java.util.List} of examples (drawn as {@code ExampleSet.of(list)}). Members of another class must
 * be static; members of the test class must be static unless the class is annotated
 * {@code @TestInstance(Lifecycle.PER_CLASS)}, as for {@code @MethodSource}. The data set is read once per
 * {@code @GradientCheck} method, before its first trial; with parallel execution its {@code batch} method may be
 * called from several threads at once.
 *
 * <p>On a class, names the data set of every {@code @GradientCheck} method that has no {@code @ExampleSource}
 * of its own.
 *
 * @since 0.1
 */
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = EXPERIMENTAL, since = "0.1")
public @interface ExampleSource {

    /** {@return the method or field: {@code "trainingSet"} or {@code "com.example.Data#trainingSet"}} */
    String value();
}
