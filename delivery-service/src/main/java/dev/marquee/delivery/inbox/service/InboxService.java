package dev.marquee.delivery.inbox.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.contracts.campaign.Message;
import dev.marquee.contracts.campaign.MessageFormat;
import dev.marquee.contracts.campaign.Variant;
import dev.marquee.contracts.template.MessageRenderer;
import dev.marquee.delivery.campaign.service.CampaignIndex;
import dev.marquee.delivery.decision.service.DecisionService;
import dev.marquee.delivery.decision.service.UserContext;
import dev.marquee.delivery.decision.service.VariantAssignment;
import dev.marquee.delivery.inbox.repository.InboxStore;
import io.smallrye.mutiny.Uni;

/**
 * The user's inbox: every card campaign the user is eligible for arrives once and stays (with its read mark) until
 * it expires, its campaign stops, or the user archives it. Pinned cards come first, then the newest.
 */
@ApplicationScoped
public class InboxService {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InboxCard(String campaignId, long version, String variant, String locale, boolean pinned,
            boolean read, Instant receivedAt, Instant expiresAt, Message message) {
    }

    private final DecisionService decisions;
    private final CampaignIndex index;
    private final InboxStore store;

    public InboxService(DecisionService decisions, CampaignIndex index, InboxStore store) {
        this.decisions = decisions;
        this.index = index;
        this.store = store;
    }

    public Uni<List<InboxCard>> inbox(String appId, UserContext user) {
        Instant now = Instant.now();
        return decisions.decide(appId, user, null, now, DecisionService.Mode.LOOK).chain(decision -> {
            Set<String> eligible = Set.copyOf(decision.eligibleIds());
            List<InboxStore.StoredCard> arrivals = new ArrayList<>();
            for (CampaignSnapshot campaign : index.all(appId)) {
                if (!eligible.contains(campaign.id())) {
                    continue;
                }
                VariantAssignment.of(campaign, user.userId())
                        .filter(v -> v.message().format() == MessageFormat.CARD)
                        .ifPresent(v -> arrivals.add(stored(campaign, v, now)));
            }
            return store.addAndList(appId, user.userId(), arrivals)
                    .chain(cards -> visible(appId, user, cards, now, decision.profile()));
        });
    }

    public Uni<Boolean> mark(String appId, String userId, String campaignId, String mark) {
        return store.mark(appId, userId, campaignId, mark, Instant.now());
    }

    private Uni<List<InboxCard>> visible(String appId, UserContext user, List<InboxStore.Card> cards, Instant now,
            Map<String, Object> profile) {
        List<String> gone = new ArrayList<>();
        List<InboxCard> visible = new ArrayList<>();
        for (InboxStore.Card card : cards) {
            InboxStore.StoredCard stored = card.card();
            Optional<CampaignSnapshot> campaign = index.get(appId, stored.campaignId());
            if (campaign.isEmpty() || (stored.expiresAt() != null && !now.isBefore(stored.expiresAt()))) {
                gone.add(stored.campaignId());
                continue;
            }
            if (card.archived()) {
                continue;
            }
            Variant variant = campaign.get().variants().stream().filter(v -> v.id().equals(stored.variant()))
                    .findFirst().orElse(null);
            if (variant == null) {
                continue;
            }
            MessageRenderer.Rendered rendered = MessageRenderer.render(variant.message(), user.locale(), profile);
            visible.add(new InboxCard(stored.campaignId(), campaign.get().version(), variant.id(), rendered.locale(),
                    stored.pinned(), card.readAt() != null, stored.receivedAt(), stored.expiresAt(),
                    rendered.message()));
        }
        visible.sort(Comparator.comparing(InboxCard::pinned).reversed()
                .thenComparing(Comparator.comparing(InboxCard::receivedAt).reversed())
                .thenComparing(InboxCard::campaignId));
        return store.remove(appId, user.userId(), gone).replaceWith(visible);
    }

    private static InboxStore.StoredCard stored(CampaignSnapshot campaign, Variant variant, Instant now) {
        Message.Card card = variant.message().card();
        return new InboxStore.StoredCard(campaign.id(), campaign.version(), variant.id(), now,
                card != null && card.pinned(), card == null ? null : card.expiresAt());
    }
}
