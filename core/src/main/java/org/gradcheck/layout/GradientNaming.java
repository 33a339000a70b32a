package org.gradcheck.layout;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The rule that says under which key a gradient dictionary holds the gradient of a parameter block.
 *
 * <p>The default, {@link #prefixed(String) prefixed("d")}, is the convention of hand-written
 * backpropagation: the gradient of {@code W1} is {@code dW1}. Entries that are the gradient of no
 * parameter (such as {@code dA1}) are ignored when a gradient dictionary is rolled up.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface GradientNaming {

    /**
     * The key of the gradient of parameter block {@code parameterName}; never null.
     *
     * @param parameterName the name of the parameter, such as {@code W1[2,3]}
     * @return the key of the gradient of parameter block {@code parameterName}; never null
     */
    String gradientKey(String parameterName);

    /** {@return the default rule: the gradient of {@code W1} is {@code dW1}} */
    static GradientNaming standard() {
        return prefixed("d");
    }

    /**
     * The gradient of {@code W1} is {@code prefix + "W1"}.
     *
     * @param prefix the text put before the name of each parameter block, such as {@code grad_}
     * @return the rule that keys the gradient of {@code W1} as {@code prefix + "W1"}
     */
    static GradientNaming prefixed(String prefix) {
        if (prefix == null) {
            throw new IllegalArgumentException("prefix must not be null: use \"\" for gradients keyed like their parameters");
        }
        return new GradientNaming() {
            @Override
            public String gradientKey(String parameterName) {
                if (parameterName == null) {
                    throw new IllegalArgumentException("parameterName must not be null: pass a block name such as W1");
                }
                return prefix + parameterName;
            }

            @Override
            public String toString() {
                return "gradient of X is " + prefix + "X";
            }
        };
    }

    /** {@return the rule that keys gradients exactly like their parameters} */
    static GradientNaming sameAsParameters() {
        return prefixed("");
    }
}
