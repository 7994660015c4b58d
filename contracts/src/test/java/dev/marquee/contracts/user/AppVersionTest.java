package dev.marquee.contracts.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The one order of app versions, which delivery's ranges and segment's rules both use. */
class AppVersionTest {

    private static int compare(String a, String b) {
        return Integer.signum(AppVersion.parse(a).orElseThrow().compareTo(AppVersion.parse(b).orElseThrow()));
    }

    @Test
    void numericPartsCompareAsNumbers() {
        assertEquals(1, compare("2.10.0", "2.9.1"));
        assertEquals(-1, compare("1.9.3", "2.0.0"));
        assertEquals(0, compare("2.1", "2.1.0"));
        assertEquals(0, compare("v3", "3.0.0"));
    }

    @Test
    void aPreReleaseIsBelowItsRelease() {
        // the drift this settles: delivery ignored the suffix (2.0.0-beta = 2.0.0), segment ranked it below
        assertEquals(-1, compare("2.0.0-beta", "2.0.0"));
        assertEquals(-1, compare("2.0.0-beta.2", "2.0.0-beta.10"));
        assertEquals(-1, compare("2.0.0-alpha", "2.0.0-beta"));
        assertEquals(-1, compare("2.0.0-1", "2.0.0-alpha"));
        assertEquals(1, compare("2.0.1-rc.1", "2.0.0"));
    }

    @Test
    void buildMetadataIsIgnored() {
        assertEquals(0, compare("2.0.0+build.7", "2.0.0"));
    }

    @Test
    void whatIsNoVersionParsesToNothing() {
        assertEquals(Optional.empty(), AppVersion.parse(null));
        assertEquals(Optional.empty(), AppVersion.parse(""));
        assertEquals(Optional.empty(), AppVersion.parse("latest"));
        assertEquals(Optional.empty(), AppVersion.parse("2.x"));
        assertTrue(AppVersion.parse(" 2.4.1 ").isPresent(), "surrounding space is trimmed");
    }
}
