package dev.marquee.campaign.campaign;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.marquee.contracts.campaign.CampaignEventType;
import dev.marquee.contracts.campaign.CampaignState;

/** The lifecycle actions of a campaign: from which states each may be taken, and where it leads. */
public enum CampaignAction {
    ACTIVATE(Set.of(CampaignState.DRAFT), CampaignState.ACTIVE, CampaignEventType.PUBLISHED), PAUSE(
            Set.of(CampaignState.ACTIVE), CampaignState.PAUSED, CampaignEventType.PAUSED), RESUME(Set.of(CampaignState.PAUSED),
                    CampaignState.ACTIVE, CampaignEventType.PUBLISHED), END(Set.of(CampaignState.ACTIVE, CampaignState.PAUSED),
                            CampaignState.ENDED,
                            CampaignEventType.ENDED), ARCHIVE(Set.of(CampaignState.DRAFT, CampaignState.ENDED),
                                    CampaignState.ARCHIVED, CampaignEventType.ARCHIVED);

    private final Set<CampaignState> from;
    private final CampaignState to;
    private final CampaignEventType event;

    CampaignAction(Set<CampaignState> from, CampaignState to, CampaignEventType event) {
        this.from = from;
        this.to = to;
        this.event = event;
    }

    /** {@code activate} → ACTIVATE; empty for anything else. */
    public static Optional<CampaignAction> fromPath(String segment) {
        for (CampaignAction action : values()) {
            if (action.name().toLowerCase(Locale.ROOT).equals(segment)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    public boolean allowedFrom(CampaignState state) {
        return from.contains(state);
    }

    public CampaignState target() {
        return to;
    }

    public CampaignEventType event() {
        return event;
    }

    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
