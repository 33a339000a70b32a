package org.gradcheck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.gradcheck.engine.EngineConstants;
import org.apache.commons.math3.RealFieldElement;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.function.FieldFunction;
import org.gradcheck.function.GradientModel;
import org.gradcheck.function.TwiceDifferentiableFunction;
import org.gradcheck.function.VectorFunction;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.layout.Parameters;
import org.gradcheck.report.GradientReport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every input that makes a check impossible gets its own exception with a message that says what to do. */
class GradientCheckerValidationTests {

    private static final GradientChecker CHECKER = GradientChecker.defaults();

    /** {@code f(x) = sum x_i^2}, correct gradient. */
    private static final DifferentiableFunction SQUARES = DifferentiableFunction.of(x -> {
        double sum = 0;
        for (double v : x) {
            sum += v * v;
        }
        return sum;
    }, x -> {
        double[] gradient = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            gradient[i] = 2 * x[i];
        }
        return gradient;
    });

    private static DifferentiableFunction withValue(ToDoubleFunction<double[]> value) {
        return DifferentiableFunction.of(value, SQUARES::gradient);
    }

    private static DifferentiableFunction withGradient(java.util.function.Function<double[], double[]> gradient) {
        return DifferentiableFunction.of(SQUARES::value, gradient);
    }

    @Nested
    class Arguments {

        @Test
        void aNullFunction() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CHECKER.check(null, new double[] {1}));

            assertEquals("function must not be null: use for example DifferentiableFunction.of(value, gradient)", e.getMessage());
        }

        @Test
        void aNullPoint() {
            String message = "point must not be null: pass the vector at which to check the gradient";

            assertEquals(message, assertThrows(IllegalArgumentException.class, () -> CHECKER.check(SQUARES, null)).getMessage());
            assertEquals(message, assertThrows(IllegalArgumentException.class,
                    () -> CHECKER.check(SQUARES, null, ParameterLayout.vector("x", 1))).getMessage());
        }

        @Test
        void aNullPointNamesTheDerivativeOfEachKindOfCheck() {
            ParameterLayout one = ParameterLayout.vector("x", 1);
            VectorFunction vector = VectorFunction.of(x -> new double[] {x[0]}, x -> new double[][] {{1}});
            TwiceDifferentiableFunction twice = TwiceDifferentiableFunction.of(x -> x[0] * x[0], x -> new double[] {2 * x[0]},
                    x -> new double[][] {{2}});
            FieldFunction field = new FieldFunction() {
                @Override
                public <T extends RealFieldElement<T>> T value(T[] x) {
                    return x[0].multiply(x[0]);
                }
            };
            String jacobian = "point must not be null: pass the vector at which to check the Jacobian";
            String hessian = "point must not be null: pass the vector at which to check the Hessian";
            String gradient = "point must not be null: pass the vector at which to check the gradient";

            assertEquals(jacobian, nullPointMessage(() -> CHECKER.checkJacobian(vector, null)));
            assertEquals(jacobian, nullPointMessage(() -> CHECKER.checkJacobian(vector, null, one)));
            assertEquals(jacobian, nullPointMessage(() -> CHECKER.checkJacobian(vector, null, one, one)));
            assertEquals(hessian, nullPointMessage(() -> CHECKER.checkHessian(twice, null)));
            assertEquals(hessian, nullPointMessage(() -> CHECKER.checkHessian(twice, null, one)));
            assertEquals(hessian, nullPointMessage(() -> CHECKER.checkHessianProducts(twice, null)));
            assertEquals(hessian, nullPointMessage(() -> CHECKER.checkHessianProducts(twice, null, one)));
            assertEquals(gradient, nullPointMessage(() -> CHECKER.checkExact(field, SQUARES, null)));
            assertEquals(gradient, nullPointMessage(() -> CHECKER.checkExact(field, SQUARES, null, one)));
        }

        private String nullPointMessage(Executable check) {
            return assertThrows(IllegalArgumentException.class, check).getMessage();
        }

        @Test
        void anEmptyPoint() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CHECKER.check(SQUARES, new double[0]));

            assertEquals("point must not be empty: a gradient check needs at least one parameter", e.getMessage());
        }

        @ParameterizedTest
        @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
        void aPointThatIsNotFiniteNamesTheCoordinate(double value) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CHECKER.check(SQUARES, new double[] {1, 2, value}));

            assertEquals("point is not finite at x[2] (index 2): " + value + "; check the parameters' initialisation", e.getMessage());
        }

        @ParameterizedTest
        @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE})
        void oneValueAmongManyIsFoundWhereverItIs(double value) {
            for (int index : new int[] {0, 500, 1000}) {
                double[] point = new double[1001];
                java.util.Arrays.fill(point, -1.5);
                point[index] = value;
                if (Double.isFinite(value)) {
                    // the largest finite value is a finite point: refused for the value it gives, not as a point
                    Throwable e = assertThrows(Throwable.class, () -> CHECKER.check(SQUARES, point));
                    assertTrue(e.getMessage().startsWith("the function's value f(x) is Infinity"), e.getMessage());
                } else {
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CHECKER.check(SQUARES, point));
                    assertEquals("point is not finite at x[" + index + "] (index " + index + "): " + value
                            + "; check the parameters' initialisation", e.getMessage());
                }
            }
        }

        @Test
        void modelParametersThatAreNotFiniteNameTheCoordinate() {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("W1", new double[][] {{1, 2}, {3, Double.NaN}});

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CHECKER.check(new SquaresModel(), parameters, null));

            assertEquals("point is not finite at W1[1,1] (index 3): NaN; check the parameters' initialisation", e.getMessage());
        }

        @Test
        void aNullLayoutOrOneOfAnotherSize() {
            assertEquals("layout must not be null: use ParameterLayout.vector(\"x\", n) for a plain vector",
                    assertThrows(IllegalArgumentException.class, () -> CHECKER.check(SQUARES, new double[] {1}, null)).getMessage());
            assertEquals("point has length 3 but the layout [W[1, 2]] has 2 coordinates: give a layout of the point, or the point"
                    + " the layout describes", assertThrows(IllegalArgumentException.class,
                    () -> CHECKER.check(SQUARES, new double[3], ParameterLayout.builder().matrix("W", 1, 2).build())).getMessage());
        }

        @Test
        void aNullModelOrNullParameters() {
            assertEquals("model must not be null: use for example a GradientModel with cost(...) and gradients(...)",
                    assertThrows(IllegalArgumentException.class,
                    () -> CHECKER.check((GradientModel<Object>) null, Map.of("w", new double[] {1}), null)).getMessage());
            assertEquals("parameters must not be null: pass a map from block name to double[] or double[][]",
                    assertThrows(IllegalArgumentException.class,
                            () -> CHECKER.check(new SquaresModel(), (Map<String, ?>) null, null)).getMessage());
            assertEquals("parameters must not be null: use for example Parameters.copyOf(map)", assertThrows(IllegalArgumentException.class,
                    () -> CHECKER.check(new SquaresModel(), (Parameters) null, null)).getMessage());
        }

        @Test
        void nullOptions() {
            assertEquals("scheme must not be null: use for example DifferenceScheme.CENTRAL",
                    assertThrows(IllegalArgumentException.class, () -> CHECKER.withScheme(null)).getMessage());
            assertEquals("stepSize must not be null: use for example StepSize.automatic()",
                    assertThrows(IllegalArgumentException.class, () -> CHECKER.withStepSize(null)).getMessage());
            assertEquals("tolerance must not be null: use for example Tolerance.defaults()",
                    assertThrows(IllegalArgumentException.class, () -> CHECKER.withTolerance(null)).getMessage());
            assertEquals("naming must not be null: use for example GradientNaming.standard()",
                    assertThrows(IllegalArgumentException.class, () -> CHECKER.withGradientNaming(null)).getMessage());
            assertEquals("listener must not be null: use for example ProgressListener.NONE",
                    assertThrows(IllegalArgumentException.class, () -> CHECKER.withProgressListener(null)).getMessage());
        }
    }

    @Nested
    class Values {

        @ParameterizedTest
        @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
        void aCostThatIsNotFiniteAtThePoint(double value) {
            CheckRefusedException e = assertThrows(CheckRefusedException.class,
                    () -> CHECKER.check(withValue(x -> value), new double[] {1, 2}));

            assertEquals("the function's value f(x) is " + value + " at the point being checked: a check needs a finite value; "
                    + "check the inputs and parameters", e.getMessage());
        }

        /**
         * A step that reaches outside the function's domain is not refused: refinement steps under the domain edge and
         * judges the derivative where the function is finite.
         */
        @Test
        void aCostThatIsNaNAtAPerturbedPointIsSteppedUnder() {
            DifferentiableFunction root = DifferentiableFunction.of(x -> Math.sqrt(x[0]) + Math.sqrt(x[1]),
                    x -> new double[] {0.5 / Math.sqrt(x[0]), 0.5 / Math.sqrt(x[1])});

            GradientReport report = CHECKER.withStep(0.5).check(root, new double[] {4, 0.25});

            assertTrue(report.passed(), report::toString);
            assertEquals(1.0, report.parameter(1).numerical(), 1e-9);
            assertEquals("judged at step 7.6e-06, where the function is smooth (the first step 5.0e-01 crossed a kink, a pole"
                    + " or a domain edge, or the function changes too fast for it)", report.parameter(1).reason());
        }

        /** As {@link #aCostThatIsNaNAtAPerturbedPointIsSteppedUnder()}, for a pole 0.5 away from the point. */
        @Test
        void aCostThatIsInfiniteAtAPerturbedPointIsSteppedUnder() {
            DifferentiableFunction inverse = DifferentiableFunction.of(x -> 1 / x[0], x -> new double[] {-1 / (x[0] * x[0])});

            GradientReport report = CHECKER.withStep(0.5).check(inverse, new double[] {0.5});

            assertTrue(report.passed(), report::toString);
            assertEquals(-4.0, report.parameter(0).numerical(), 1e-8);
            assertTrue(report.parameter(0).reason().startsWith("judged at step "), report.parameter(0)::reason);
        }

        @Test
        void aNonDeterministicFunction() {
            int[] calls = {0};

            CheckRefusedException e = assertThrows(CheckRefusedException.class,
                    () -> CHECKER.check(withValue(x -> ++calls[0]), new double[] {1}));

            assertEquals("the function is not deterministic: f(x) was 1.0 and then 2.0 at the same point (a relative difference"
                    + " of 1.0e+00). A check compares values at nearby points, so it needs the same value for the same"
                    + " point. The usual causes: dropout or another random layer left on (check with it off, or reset its random"
                    + " generator before each evaluation with Stochastic.withReset), an unseeded random generator inside the"
                    + " function, or state carried from"
                    + " one call to the next. If the difference is expected, state it with withNondeterminismTolerance(...).",
                    e.getMessage());
        }

        @Test
        void aFunctionThatDiffersOnlyByRoundingIsAccepted() {
            int[] calls = {0};
            DifferentiableFunction jittery = withValue(x -> SQUARES.value(x) * (calls[0]++ == 0 ? 1 : 1 + Math.ulp(1.0)));

            GradientReport report = CHECKER.check(jittery, new double[] {1, 2});

            assertTrue(report.passed(), report::toString);
            assertEquals(2 + EngineConstants.NOISE_PROBE_POINTS + 2 * 2 + 2, calls[0],
                    "f(x) twice, the noise measurement, two per parameter, f(x) twice at the end");
        }
    }

    @Nested
    class Gradients {

        @ParameterizedTest
        @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY})
        void aGradientEntryThatIsNotFiniteIsNamed(double value) {
            CheckRefusedException e = assertThrows(CheckRefusedException.class,
                    () -> CHECKER.check(withGradient(x -> new double[] {2, value, 6}), new double[] {1, 2, 3}));

            assertEquals("the analytic gradient is " + value + " at x[1] (index 1): a check needs finite values; look for a "
                    + "division by zero or an overflow", e.getMessage());
        }

        /**
         * Entries so large that their squares overflow are finite all the same: the scan's sums may overflow, its
         * finiteness checks look at the entries themselves.
         */
        @Test
        void aGradientWhoseSquaresOverflowIsCheckedAsUsual() {
            DifferentiableFunction huge = DifferentiableFunction.of(x -> 1e300 * x[0] + x[1] * x[1],
                    x -> new double[] {1e300, 2 * x[1]});

            GradientReport report = CHECKER.check(huge, new double[] {1, 2});

            assertTrue(report.passed(), report::toString);
            assertEquals(2, report.checkedCount(), report::toString);
        }

        /** The second call's NaN must not slip through the comparison of the two calls (a NaN compares as no difference). */
        @ParameterizedTest
        @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY})
        void aGradientNotFiniteOnlyTheSecondTimeIsRefusedAsNotDeterministic(double value) {
            int[] calls = {0};
            DifferentiableFunction second = withGradient(x -> new double[] {2, calls[0]++ == 0 ? 4 : value, 6});

            CheckRefusedException e = assertThrows(CheckRefusedException.class,
                    () -> CHECKER.check(second, new double[] {1, 2, 3}));

            assertTrue(e.getMessage().startsWith("the analytic gradient is not deterministic: x[1] (index 1) was 4.0 and then "
                    + value + " at the same point."), e::getMessage);
        }

        @Test
        void aGradientOfTheWrongLength() {
            CheckRefusedException e = assertThrows(CheckRefusedException.class,
                    () -> CHECKER.check(withGradient(x -> new double[] {2, 4}), new double[] {1, 2, 3}));

            assertEquals("the analytic gradient has length 2 but the point has 3 parameters: return one partial derivative per parameter",
                    e.getMessage());
        }

        @Test
        void aNullGradient() {
            CheckRefusedException e = assertThrows(CheckRefusedException.class,
                    () -> CHECKER.check(withGradient(x -> null), new double[] {1, 2, 3}));

            assertEquals("the analytic gradient is null: gradient(point) must return an array of length 3", e.getMessage());
        }

        @Test
        void aModelWhoseGradientsAreNull() {
            CheckRefusedException e = assertThrows(CheckRefusedException.class,
                    () -> CHECKER.check(new SquaresModel() {
                        @Override
                        public Map<String, ?> gradients(Parameters parameters, Void batch) {
                            return null;
                        }
                    }, SquaresModel.parameters(), null));

            assertEquals("the analytic gradient could not be read: the model's gradients(...) returned null: return a map with dW1 "
                    + "and the other gradients", e.getMessage());
        }

        @Test
        void aModelWhoseGradientsMissABlock() {
            CheckRefusedException e = assertThrows(CheckRefusedException.class,
                    () -> CHECKER.check(new SquaresModel() {
                        @Override
                        public Map<String, ?> gradients(Parameters parameters, Void batch) {
                            Map<String, Object> gradients = new LinkedHashMap<>(super.gradients(parameters, batch));
                            gradients.remove("db1");
                            return gradients;
                        }
                    }, SquaresModel.parameters(), null));

            assertEquals("the analytic gradient could not be read: the gradient dictionary has no entry db1 for block b1 of shape [3]; "
                    + "it has [dW1, dA1]", e.getMessage());
            assertEquals(IllegalArgumentException.class, e.getCause().getClass());
        }

        @Test
        void aModelWhoseGradientHasTheWrongShape() {
            CheckRefusedException e = assertThrows(CheckRefusedException.class,
                    () -> CHECKER.check(new SquaresModel() {
                        @Override
                        public Map<String, ?> gradients(Parameters parameters, Void batch) {
                            Map<String, Object> gradients = new LinkedHashMap<>(super.gradients(parameters, batch));
                            gradients.put("dW1", new double[3][2]);
                            return gradients;
                        }
                    }, SquaresModel.parameters(), null));

            assertEquals("the analytic gradient could not be read: gradient dW1 has shape [3, 2] but block W1 has shape [2, 3]: "
                    + "give dW1 the shape of W1", e.getMessage());
        }
    }

    @Nested
    class ModifiedPoints {

        @Test
        void aFunctionThatModifiesThePointInValue() {
            double[] point = {1, 2};

            CheckRefusedException e = assertThrows(CheckRefusedException.class, () -> CHECKER.check(withValue(x -> {
                x[1] += 1;
                return x[0];
            }), point));

            assertEquals("the function modified the point it was given while computing f(x): x[1] (index 1) was 2.0 and became 3.0. "
                    + "Functions must treat their input as read-only; copy it before changing it.", e.getMessage());
            assertArrayEquals(new double[] {1, 2}, point, "the caller's point is never handed to the function");
        }

        @Test
        void aFunctionThatModifiesThePointInGradient() {
            CheckRefusedException e = assertThrows(CheckRefusedException.class, () -> CHECKER.check(withGradient(x -> {
                x[0] = 0;
                return new double[] {2, 4};
            }), new double[] {1, 2}));

            assertEquals("the function modified the point it was given while computing the analytic gradient: x[0] (index 0) was 1.0 "
                    + "and became 0.0. Functions must treat their input as read-only; copy it before changing it.", e.getMessage());
        }

        @Test
        void aFunctionThatModifiesThePointInTheSecondValueIsNamedByRepeatingTheCalls() {
            int[] calls = {0};
            CheckRefusedException e = assertThrows(CheckRefusedException.class, () -> CHECKER.check(withValue(x -> {
                if (++calls[0] % 2 == 0) {
                    x[1] = -5;
                }
                return x[0] * x[0];
            }), new double[] {1, 2}));

            assertEquals("the function modified the point it was given while computing f(x) a second time: x[1] (index 1) was"
                    + " 2.0 and became -5.0. Functions must treat their input as read-only; copy it before changing it.",
                    e.getMessage());
        }

        @Test
        void aFunctionThatModifiesThePointOnceIsRefusedThoughTheRepeatedCallsLeaveItAlone() {
            boolean[] done = {false};
            CheckRefusedException e = assertThrows(CheckRefusedException.class, () -> CHECKER.check(withGradient(x -> {
                if (!done[0]) {
                    done[0] = true;
                    x[0] = 4;
                }
                return new double[] {2 * x[0], 2 * x[1]};
            }), new double[] {1, 2}));

            assertEquals("the function modified the point it was given while computing f(x) or the analytic gradient at the"
                    + " start of the check (not again when the calls were repeated): x[0] (index 0) was 1.0 and became 4.0."
                    + " Functions must treat their input as read-only; copy it before changing it.", e.getMessage());
        }

        @Test
        void aFunctionThatModifiesThePointOnlyWhenPerturbed() {
            CheckRefusedException e = assertThrows(CheckRefusedException.class, () -> CHECKER.withStep(0.5).check(withValue(x -> {
                if (x[0] != 1) {
                    x[2] = 7;
                }
                return SQUARES.value(x);
            }), new double[] {1, 2, 3}));

            assertEquals("the function modified the point it was given while computing the numerical derivatives: x[2] (index 2)"
                    + " was 3.0 and became 7.0. Functions must treat their input as read-only; copy it before changing it.",
                    e.getMessage());
        }
    }

    @Nested
    class Exceptions {

        private final IllegalStateException boom = new IllegalStateException("boom");

        @Test
        void anExceptionFromValueAtThePoint() {
            CheckRefusedException e = assertThrows(CheckRefusedException.class, () -> CHECKER.check(withValue(x -> {
                throw boom;
            }), new double[] {1, 2}));

            assertEquals("the function threw java.lang.IllegalStateException: boom while computing f(x) at the point being checked",
                    e.getMessage());
            assertSame(boom, e.getCause());
        }

        @Test
        void anExceptionFromGradient() {
            CheckRefusedException e = assertThrows(CheckRefusedException.class, () -> CHECKER.check(withGradient(x -> {
                throw boom;
            }), new double[] {1, 2}));

            assertEquals("the function threw java.lang.IllegalStateException: boom while computing the analytic gradient", e.getMessage());
            assertSame(boom, e.getCause());
        }

        @Test
        void anExceptionAtAPerturbedPointNamesTheParameterAndThePerturbation() {
            CheckRefusedException e = assertThrows(CheckRefusedException.class, () -> CHECKER.withStep(0.5).withPrecision(Precision.DOUBLE).check(withValue(x -> {
                if (x[1] > 2) {
                    throw boom;
                }
                return SQUARES.value(x);
            }), new double[] {1, 2, 3}));

            assertEquals("the function threw java.lang.IllegalStateException: boom while evaluating the numerical derivative of x[1] "
                    + "(index 1) at x[1] = 2.5 (perturbed from 2.0)", e.getMessage());
            assertSame(boom, e.getCause());
        }

        @Test
        void anIndexOutOfBoundsFromTheFunctionIsWrapped() {
            DifferentiableFunction tooShort = DifferentiableFunction.of(x -> x[0] + x[1] + x[2], x -> new double[] {1, 1});

            CheckRefusedException e = assertThrows(CheckRefusedException.class, () -> CHECKER.check(tooShort, new double[] {1, 2}));

            assertEquals(ArrayIndexOutOfBoundsException.class, e.getCause().getClass());
            assertEquals("the function threw java.lang.ArrayIndexOutOfBoundsException: Index 2 out of bounds for length 2 while "
                    + "computing f(x) at the point being checked", e.getMessage());
        }

        @Test
        void aNullPointerExceptionFromAModelAtAPerturbedPointIsWrapped() {
            GradientModel<double[]> model = new GradientModel<>() {
                @Override
                public double cost(Parameters parameters, double[] batch) {
                    double w = parameters.get("w", 0);
                    return w > 1 ? batch.length : w * w;
                }

                @Override
                public Map<String, ?> gradients(Parameters parameters, double[] batch) {
                    return Map.of("dw", new double[] {2 * parameters.get("w", 0)});
                }
            };

            CheckRefusedException e = assertThrows(CheckRefusedException.class,
                    () -> CHECKER.withStep(0.5).withPrecision(Precision.DOUBLE).check(model, Map.of("w", new double[] {1}), null));

            assertEquals(NullPointerException.class, e.getCause().getClass());
            assertEquals("the function threw " + e.getCause() + " while evaluating the numerical derivative of w[0] (index 0) "
                    + "at w[0] = 1.5 (perturbed from 1.0)", e.getMessage());
        }

        @Test
        void anExceptionWhileTheNoiseIsMeasuredSaysSoAndHowToSkipIt() {
            CheckRefusedException e = assertThrows(CheckRefusedException.class, () -> CHECKER.check(withValue(x -> {
                if (x[1] != 2) {
                    throw boom;
                }
                return SQUARES.value(x);
            }), new double[] {1, 2, 3}));

            assertEquals("the function threw java.lang.IllegalStateException: boom while its noise was measured, when x[1]"
                    + " (index 1) was moved from 2.0 to 1.999998 (the measurement moves coordinates by up to 1.0e-06 of |x| along"
                    + " a random direction): check the function's domain near x[1], or declare the precision with"
                    + " withPrecision(...) to skip the measurement", e.getMessage());
            assertSame(boom, e.getCause());
        }

        /**
         * A function that is finite only at the point: the noise measurement says it could not measure, and a coordinate
         * along which the function is not finite anywhere near the point makes the check impossible.
         */
        @Test
        void aValueThatIsNotFiniteAnywhereNearThePointIsRefused() {
            DifferentiableFunction onlyAtThePoint = withValue(x -> x[0] == 1 ? 1.0 : Double.NaN);

            CheckRefusedException e = assertThrows(CheckRefusedException.class, () -> CHECKER.check(onlyAtThePoint, new double[] {1, 2, 3}));

            assertTrue(e.getMessage().contains("x[0] (index 0)") && e.getMessage().contains("not finite"), e::getMessage);
        }
    }

    /** {@code cost = sum of squares of W1 [2, 3] and b1 [3]}, gradients with an extra {@code dA1} entry. */
    static class SquaresModel implements GradientModel<Void> {

        static Map<String, Object> parameters() {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("W1", new double[][] {{1, 2, 3}, {4, 5, 6}});
            parameters.put("b1", new double[] {7, 8, 9});
            return parameters;
        }

        @Override
        public double cost(Parameters parameters, Void batch) {
            double sum = 0;
            for (double v : parameters.values()) {
                sum += v * v;
            }
            return sum;
        }

        @Override
        public Map<String, ?> gradients(Parameters parameters, Void batch) {
            double[][] w = parameters.matrix("W1");
            double[] b = parameters.vector("b1");
            for (double[] row : w) {
                for (int c = 0; c < row.length; c++) {
                    row[c] *= 2;
                }
            }
            for (int i = 0; i < b.length; i++) {
                b[i] *= 2;
            }
            Map<String, Object> gradients = new LinkedHashMap<>();
            gradients.put("dW1", w);
            gradients.put("dA1", new double[1][1]);
            gradients.put("db1", b);
            return gradients;
        }
    }
}
