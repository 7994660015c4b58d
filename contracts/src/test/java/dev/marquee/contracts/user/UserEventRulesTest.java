package dev.marquee.contracts.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UserEventRulesTest {

    @Test
    void aTrackNameMayNotHoldAHash() {
        assertEquals("must not contain '#'", UserEventRules.trackNameProblem("purchase#gold"));
        assertNull(UserEventRules.trackNameProblem("purchase"));
        assertNull(UserEventRules.trackNameProblem("checkout.completed"));
    }

    @Test
    void fieldNamesAreOneTo128CharactersWithoutControls() {
        assertTrue(UserEventRules.validFieldName("amount"));
        assertTrue(UserEventRules.validFieldName("a".repeat(128)));
        assertFalse(UserEventRules.validFieldName("a".repeat(129)));
        assertFalse(UserEventRules.validFieldName(" "));
        assertFalse(UserEventRules.validFieldName("line\nbreak"));
    }
}
