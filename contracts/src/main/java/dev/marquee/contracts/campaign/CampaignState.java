package dev.marquee.contracts.campaign;

/**
 * Where a campaign is in its life: draft → scheduled (activated before its start) → active ⇄ paused → ended →
 * archived (a draft may be archived too).
 */
public enum CampaignState {
    DRAFT, SCHEDULED, ACTIVE, PAUSED, ENDED, ARCHIVED
}
