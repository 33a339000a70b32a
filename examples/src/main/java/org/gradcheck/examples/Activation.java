package org.gradcheck.examples;

/**
 * The activation of a {@link DeepNetwork}'s hidden layers.
 *
 * @since 0.1
 */
public enum Activation {

    /** {@code tanh(z)}, derivative {@code 1 - tanh(z)^2 = 1 - a^2}: the article's choice. */
    TANH {
        @Override
        double apply(double z) {
            return Math.tanh(z);
        }

        @Override
        double derivative(double z, double a) {
            return 1 - a * a;
        }
    },

    /**
     * {@code max(0, z)}, derivative 1 for {@code z > 0} and 0 otherwise. ReLU has a kink at 0: a central
     * difference whose step crosses it is wrong there, so check at points where no unit sits within a step
     * of zero (as random weights and inputs almost surely give).
     */
    RELU {
        @Override
        double apply(double z) {
            return z > 0 ? z : 0;
        }

        @Override
        double derivative(double z, double a) {
            return z > 0 ? 1 : 0;
        }
    };

    /** The activation of pre-activation {@code z}. */
    abstract double apply(double z);

    /** The derivative at {@code z}, given also the activation {@code a = apply(z)}. */
    abstract double derivative(double z, double a);
}
