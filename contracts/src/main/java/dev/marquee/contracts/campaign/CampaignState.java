package dev.marquee.contracts.campaign;

/** Where a campaign is in its life: draft → active ⇄ paused → ended → archived (a draft may be archived too). */
public enum CampaignState {
    DRAFT, ACTIVE, PAUSED, ENDED, ARCHIVED
}
