package dev.marquee.contracts.campaign;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One arm of a campaign's experiment. A user's variant is chosen by a stable hash of {@code campaignId:userId}
 * against the weights; the campaign's control share sees nothing and counts as an exposure.
 *
 * @param weight percent of users, 1–100; all weights plus the control share make 100
 */
@Schema(example = "{\"id\": \"B\", \"name\": \"Free shipping\", \"weight\": 45, \"message\": {\"format\": \"MODAL\", \"title\": \"Free shipping\", \"body\": \"Today only\"}}")
public record Variant(String id, String name, int weight, Message message) {
}
