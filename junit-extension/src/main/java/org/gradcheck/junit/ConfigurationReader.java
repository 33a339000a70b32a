package org.gradcheck.junit;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Optional;
import org.gradcheck.Precision;
import org.gradcheck.Strategy;
import org.gradcheck.DifferenceScheme;
import org.gradcheck.StepSize;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Reads one setting of a {@code @GradientCheck} method at a time: the attribute if set, else the configuration
 * parameter, else the default; rejects invalid values with a message that names the method, the attribute or key,
 * the value and what to change.
 */
final class ConfigurationReader {

    private final Method method;
    private final ExtensionContext context;

    ConfigurationReader(Method method, ExtensionContext context) {
        this.method = method;
        this.context = context;
    }

    int count(String attribute, int value, String key, int defaultValue, String meaning) {
        if (value != GradientCheck.UNSET) {
            if (value < 1) {
                throw Misconfiguration.of(method, "attribute " + attribute + " = " + value + " must be 1 or more",
                        "set " + attribute + " to " + meaning + ", for example @GradientCheck(" + attribute + " = "
                                + defaultValue + ")");
            }
            return value;
        }
        Optional<String> configured = context.getConfigurationParameter(key);
        if (configured.isEmpty()) {
            return defaultValue;
        }
        String text = configured.get().trim();
        int parsed;
        try {
            parsed = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            parsed = 0;
        }
        if (parsed < 1) {
            throw Misconfiguration.of(method, "configuration parameter " + key + " = '" + configured.get()
                    + "' is not a whole number of 1 or more", "set " + key + " to " + meaning + ", for example " + key
                    + "=" + defaultValue + ", or remove it for the default " + defaultValue);
        }
        return parsed;
    }

    long seedAttribute(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw Misconfiguration.of(method, "attribute seed = \"" + text + "\" is not a decimal long",
                    "write a whole number such as @GradientCheck(seed = \"81273\"), or remove seed for a fresh random seed");
        }
    }

    long seedParameter(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw Misconfiguration.of(method, "configuration parameter " + GradientCheckConstants.SEED_KEY + " = '"
                    + text + "' is not a decimal long", "set it to a whole number such as "
                    + GradientCheckConstants.SEED_KEY + "=81273, or remove it for a fresh random seed");
        }
    }

    int selectedTrial(int trials) {
        Optional<String> configured = context.getConfigurationParameter(GradientCheckConstants.TRIAL_KEY);
        if (configured.isEmpty()) {
            return 0;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(configured.get().trim());
        } catch (NumberFormatException e) {
            parsed = 0;
        }
        if (parsed < 1 || parsed > trials) {
            throw Misconfiguration.of(method, "configuration parameter " + GradientCheckConstants.TRIAL_KEY + " = '"
                    + configured.get() + "' is not a trial of this method, which runs trials 1 to " + trials,
                    "set it to one of them, or remove it to run every trial");
        }
        return parsed;
    }

    boolean printFigures() {
        Optional<String> configured = context.getConfigurationParameter(GradientCheckConstants.STDOUT_KEY);
        if (configured.isEmpty() || configured.get().trim().equalsIgnoreCase("true")) {
            return true;
        }
        if (configured.get().trim().equalsIgnoreCase("false")) {
            return false;
        }
        throw Misconfiguration.of(method, "configuration parameter " + GradientCheckConstants.STDOUT_KEY + " = '"
                + configured.get() + "' is neither true nor false", "set it to true to print the figures of passing"
                + " trials, or to false");
    }

    DifferenceScheme scheme(DifferenceScheme[] attribute) {
        if (attribute.length > 1) {
            throw Misconfiguration.of(method, "attribute scheme names " + attribute.length + " schemes",
                    "name at most one, for example @GradientCheck(scheme = DifferenceScheme.CENTRAL)");
        }
        if (attribute.length == 1) {
            return attribute[0];
        }
        Optional<String> configured = context.getConfigurationParameter(GradientCheckConstants.SCHEME_KEY);
        if (configured.isEmpty()) {
            return DifferenceScheme.CENTRAL;
        }
        try {
            return DifferenceScheme.valueOf(configured.get().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Misconfiguration.of(method, "configuration parameter " + GradientCheckConstants.SCHEME_KEY + " = '"
                    + configured.get() + "' is not a difference scheme", "set it to central, forward or backward");
        }
    }

    Precision precision(Precision[] attribute) {
        if (attribute.length > 1) {
            throw Misconfiguration.of(method, "attribute precision names " + attribute.length + " precisions",
                    "name at most one, for example @GradientCheck(precision = Precision.FLOAT)");
        }
        if (attribute.length == 1) {
            return attribute[0];
        }
        Optional<String> configured = context.getConfigurationParameter(GradientCheckConstants.PRECISION_KEY);
        if (configured.isEmpty() || configured.get().isBlank()) {
            return Precision.AUTOMATIC;
        }
        try {
            return Precision.valueOf(configured.get().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Misconfiguration.of(method, "configuration parameter " + GradientCheckConstants.PRECISION_KEY + " = '"
                    + configured.get() + "' is not a precision", "set it to automatic, double or float");
        }
    }

    Strategy strategy(String attribute) {
        if (!attribute.isBlank()) {
            return parseStrategy(attribute, "attribute strategy = \"" + attribute + "\"",
                    "write @GradientCheck(strategy = \"screening\"), \"full\", \"automatic\", \"taylor\" or \"sampled:20\"");
        }
        Optional<String> configured = context.getConfigurationParameter(GradientCheckConstants.STRATEGY_KEY);
        if (configured.isEmpty() || configured.get().isBlank()) {
            return Strategy.automatic();
        }
        return parseStrategy(configured.get(), "configuration parameter " + GradientCheckConstants.STRATEGY_KEY + " = '"
                + configured.get() + "'", "set it to automatic, full, screening, taylor or sampled:K with K >= 1, for example"
                + " gradcheck.strategy=sampled:20");
    }

    private Strategy parseStrategy(String text, String what, String remedy) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "automatic":
                return Strategy.automatic();
            case "full":
                return Strategy.full();
            case "screening":
                return Strategy.screening();
            case "taylor":
                return Strategy.taylor();
            default:
                if (value.startsWith("sampled:")) {
                    try {
                        int perBlock = Integer.parseInt(value.substring("sampled:".length()).trim());
                        if (perBlock >= 1) {
                            return Strategy.sampled(perBlock);
                        }
                    } catch (NumberFormatException e) {
                        // reported below
                    }
                }
                throw Misconfiguration.of(method, what + " is not a strategy", remedy);
        }
    }

    double tolerance(String attribute, double value, String key, double defaultValue) {
        if (!Double.isNaN(value)) {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw Misconfiguration.of(method, "attribute " + attribute + " = " + value
                        + " is not a finite number of at least 0", "set it to a tolerance such as @GradientCheck("
                        + attribute + " = " + defaultValue + "), or remove it for the default " + defaultValue);
            }
            return value;
        }
        Optional<String> configured = context.getConfigurationParameter(key);
        if (configured.isEmpty()) {
            return defaultValue;
        }
        double parsed = parseDouble(configured.get());
        if (!(parsed >= 0) || Double.isInfinite(parsed)) {
            throw Misconfiguration.of(method, "configuration parameter " + key + " = '" + configured.get()
                    + "' is not a finite number of at least 0", "set it to a tolerance such as " + key + "="
                    + defaultValue + ", or remove it for the default " + defaultValue);
        }
        return parsed;
    }

    StepSize step(double attribute) {
        if (!Double.isNaN(attribute)) {
            if (!(attribute > 0) || Double.isInfinite(attribute)) {
                throw Misconfiguration.of(method, "attribute epsilon = " + attribute + " is not a finite number above 0",
                        "set it to a step such as @GradientCheck(epsilon = 1e-7), or remove it for the automatic step");
            }
            return StepSize.absolute(attribute);
        }
        Optional<String> configured = context.getConfigurationParameter(GradientCheckConstants.EPSILON_KEY);
        if (configured.isEmpty() || configured.get().trim().equalsIgnoreCase("automatic")) {
            return StepSize.automatic();
        }
        double parsed = parseDouble(configured.get());
        if (!(parsed > 0) || Double.isInfinite(parsed)) {
            throw Misconfiguration.of(method, "configuration parameter " + GradientCheckConstants.EPSILON_KEY + " = '"
                    + configured.get() + "' is not a finite number above 0", "set it to a step such as "
                    + GradientCheckConstants.EPSILON_KEY + "=1e-7, or to automatic");
        }
        return StepSize.absolute(parsed);
    }

    private static double parseDouble(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
