package dev.marquee.campaign.campaign.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import dev.marquee.campaign.campaign.Campaign;
import dev.marquee.campaign.campaign.repository.CampaignRepository.Position;
import dev.marquee.campaign.error.InvalidField;

/** The opaque {@code cursor} of campaign lists: where the previous page ended, base64url-encoded. */
final class ListCursor {

    private ListCursor() {
    }

    static String after(Campaign last) {
        String position = last.createdAt + "|" + last.id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for the first page. */
    static Position parse(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            if (parts.length != 2 || parts[1].isEmpty()) {
                throw new InvalidField("cursor", "is not a cursor this API returned");
            }
            return new Position(Instant.parse(parts[0]), parts[1]);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidField("cursor", "is not a cursor this API returned");
        }
    }
}
