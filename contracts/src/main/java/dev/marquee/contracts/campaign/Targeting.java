package dev.marquee.contracts.campaign;

import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who may see a campaign. Empty sets mean "no restriction".
 *
 * @param includeSegments the user must be in at least one of these segments
 * @param excludeSegments the user must be in none of these
 * @param appVersions semantic-version range of the app, bounds inclusive, either may be null
 * @param locales BCP 47 tags; {@code fr} matches {@code fr-CA} too
 * @param rolloutPercent the share of users (by a stable hash of the user id) who see it, 1–100
 */
@Schema(example = "{\"includeSegments\": [\"gold\"], \"excludeSegments\": [], \"platforms\": [\"IOS\", \"ANDROID\"], \"appVersions\": {\"min\": \"2.9\"}, \"locales\": [\"fr\"], \"rolloutPercent\": 50}")
public record Targeting(Set<String> includeSegments, Set<String> excludeSegments, Set<Platform> platforms,
        VersionRange appVersions, List<String> locales, int rolloutPercent) {

    /** Everybody. */
    public static final Targeting EVERYONE = new Targeting(Set.of(), Set.of(), Set.of(), null, List.of(), 100);

    public enum Platform {
        IOS, ANDROID, WEB
    }

    @Schema(example = "{\"min\": \"2.9\", \"max\": \"3.1.4\"}")
    public record VersionRange(String min, String max) {
    }
}
