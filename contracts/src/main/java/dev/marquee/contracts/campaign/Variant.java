package dev.marquee.contracts.campaign;

/**
 * One arm of a campaign's experiment. A user's variant is chosen by a stable hash of {@code campaignId:userId}
 * against the weights; the campaign's control share sees nothing and counts as an exposure.
 *
 * @param weight percent of users, 1–100; all weights plus the control share make 100
 */
public record Variant(String id, String name, int weight, Message message) {
}
