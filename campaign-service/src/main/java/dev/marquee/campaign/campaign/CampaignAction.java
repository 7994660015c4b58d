package dev.marquee.campaign.campaign;

import java.util.Locale;
import java.util.Optional;

import dev.marquee.contracts.campaign.CampaignEventType;
import dev.marquee.contracts.campaign.CampaignState;

/** The lifecycle actions of a campaign: from which states each may be taken, and where it leads. */
public enum CampaignAction {
    ACTIVATE, PAUSE, RESUME, END, ARCHIVE;

    /** {@code activate} → ACTIVATE; empty for anything else. */
    public static Optional<CampaignAction> fromPath(String segment) {
        for (CampaignAction action : values()) {
            if (action.pathName().equals(segment)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    public boolean allowedFrom(CampaignState state) {
        return switch (this) {
            case ACTIVATE -> state == CampaignState.DRAFT;
            case PAUSE -> state == CampaignState.ACTIVE || state == CampaignState.SCHEDULED;
            case RESUME -> state == CampaignState.PAUSED;
            case END -> state == CampaignState.ACTIVE || state == CampaignState.PAUSED || state == CampaignState.SCHEDULED;
            case ARCHIVE -> state == CampaignState.DRAFT || state == CampaignState.ENDED;
        };
    }

    /** Where the action leads; a campaign going live before its start is scheduled, and goes active at the start. */
    public CampaignState target(boolean startAhead) {
        return switch (this) {
            case ACTIVATE, RESUME -> startAhead ? CampaignState.SCHEDULED : CampaignState.ACTIVE;
            case PAUSE -> CampaignState.PAUSED;
            case END -> CampaignState.ENDED;
            case ARCHIVE -> CampaignState.ARCHIVED;
        };
    }

    /** The event a change into {@code state} publishes. */
    public static CampaignEventType eventFor(CampaignState state) {
        return switch (state) {
            case SCHEDULED -> CampaignEventType.SCHEDULED;
            case ACTIVE -> CampaignEventType.PUBLISHED;
            case PAUSED -> CampaignEventType.PAUSED;
            case ENDED -> CampaignEventType.ENDED;
            case ARCHIVED -> CampaignEventType.ARCHIVED;
            case DRAFT -> CampaignEventType.UPDATED;
        };
    }

    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
