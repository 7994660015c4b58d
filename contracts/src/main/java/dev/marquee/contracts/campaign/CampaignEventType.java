package dev.marquee.contracts.campaign;

/** What the committed change was; the snapshot in the event says what the campaign is now. */
public enum CampaignEventType {
    CREATED, UPDATED, SCHEDULED, PUBLISHED, PAUSED, ENDED, ARCHIVED, DELETED
}
