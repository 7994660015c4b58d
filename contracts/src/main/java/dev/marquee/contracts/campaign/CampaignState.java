package dev.marquee.contracts.campaign;

public enum CampaignState {
    DRAFT, ACTIVE, PAUSED
}
