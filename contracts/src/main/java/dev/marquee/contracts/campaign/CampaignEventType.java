package dev.marquee.contracts.campaign;

public enum CampaignEventType {
    PUBLISHED, UPDATED, PAUSED, ENDED, ARCHIVED
}
