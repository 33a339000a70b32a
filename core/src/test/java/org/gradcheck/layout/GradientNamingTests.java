package org.gradcheck.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GradientNamingTests {

    @Test
    void theStandardNamingPrefixesD() {
        assertEquals("dW1", GradientNaming.standard().gradientKey("W1"));
        assertEquals("db2", GradientNaming.standard().gradientKey("b2"));
        assertEquals("gradient of X is dX", GradientNaming.standard().toString());
    }

    @Test
    void aPrefixedNamingUsesItsPrefix() {
        assertEquals("grad_W1", GradientNaming.prefixed("grad_").gradientKey("W1"));
        assertEquals("gradient of X is grad_X", GradientNaming.prefixed("grad_").toString());
    }

    @Test
    void sameAsParametersKeepsTheName() {
        assertEquals("W1", GradientNaming.sameAsParameters().gradientKey("W1"));
    }

    @Test
    void aNullPrefixIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GradientNaming.prefixed(null));

        assertEquals("prefix must not be null: use \"\" for gradients keyed like their parameters", e.getMessage());
    }

    @Test
    void aNullParameterNameIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GradientNaming.standard().gradientKey(null));

        assertEquals("parameterName must not be null: pass a block name such as W1", e.getMessage());
    }
}
