package dev.marquee.delivery.decision.service;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.contracts.campaign.MessageFormat;
import dev.marquee.contracts.campaign.Schedule;
import dev.marquee.contracts.campaign.Targeting;
import dev.marquee.contracts.campaign.Variant;
import dev.marquee.delivery.app.service.WorkspaceSettingsIndex;
import dev.marquee.delivery.campaign.service.CampaignIndex;
import dev.marquee.delivery.config.DeliveryConfig;
import dev.marquee.delivery.decision.repository.Candidate;
import dev.marquee.delivery.decision.repository.DecisionStore;
import dev.marquee.delivery.decision.repository.ReadySegments;
import io.smallrye.mutiny.Uni;

/**
 * "Which message does this user see now": the in-memory checks first, then one Redis round trip for membership,
 * caps, arbitration and the reservation. When Redis does not answer in time the decision degrades instead of failing:
 * segment-targeted campaigns fail closed, untargeted ones are arbitrated here without caps (fail open), and the answer
 * says so. A timeout is different from a refused connection: the script may have run, so everything fails closed.
 */
@ApplicationScoped
public class DecisionService {

    private static final Logger LOG = Logger.getLogger(DecisionService.class);

    /** RESERVE records the winner's impression; LOOK only tells (explain, the sync of eligible messages). */
    public enum Mode {
        RESERVE, LOOK
    }

    private final CampaignIndex index;
    private final WorkspaceSettingsIndex workspaces;
    private final ReadySegments readySegments;
    private final DecisionStore store;
    private final Duration timeout;

    public DecisionService(CampaignIndex index, WorkspaceSettingsIndex workspaces, ReadySegments readySegments,
            DecisionStore store, DeliveryConfig config) {
        this.index = index;
        this.workspaces = workspaces;
        this.readySegments = readySegments;
        this.store = store;
        this.timeout = config.redisTimeout();
    }

    /** Undoes the impression a reserving decision reserved, when what it was for failed after it. */
    public Uni<Void> release(DecisionStore.Reservation reservation) {
        return store.release(reservation).ifNoItem().after(timeout).fail();
    }

    /**
     * @param events the request's triggering events; {@code null} asks for every campaign whatever its trigger (sync,
     *        explain without a trigger)
     */
    public Uni<Decision> decide(String appId, UserContext user, List<TriggerEvent> events, Instant now, Mode mode) {
        List<CampaignSnapshot> campaigns = index.all(appId);
        boolean anyTargeted = false;
        for (CampaignSnapshot campaign : campaigns) {
            anyTargeted |= StaticChecks.segmentTargeted(campaign.targeting());
        }
        Uni<Set<String>> ready = anyTargeted ? readySegments.of(appId) : Uni.createFrom().item(Set.of());
        return ready.flatMap(readyIds -> decide(appId, user, events, now, mode, campaigns, readyIds));
    }

    private Uni<Decision> decide(String appId, UserContext user, List<TriggerEvent> events, Instant now, Mode mode,
            List<CampaignSnapshot> campaigns, Set<String> ready) {
        // arrays by the campaign's position, not maps by id: this runs for every campaign on every decision
        int n = campaigns.size();
        String[] reasons = new String[n];
        @SuppressWarnings("unchecked")
        Optional<Variant>[] variants = new Optional[n];
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CampaignSnapshot campaign = campaigns.get(i);
            Optional<String> reason = StaticChecks.firstReason(campaign, user, events, now, ready);
            reasons[i] = reason.orElse("eligible");
            if (reason.isEmpty()) {
                Optional<Variant> variant = VariantAssignment.of(campaign, user.userId());
                variants[i] = variant;
                if (events != null && variant.map(v -> v.message().format() == MessageFormat.CARD).orElse(false)) {
                    // a card goes to the inbox: it never competes for the screen nor counts against its caps
                    reasons[i] = "inbox";
                    continue;
                }
                ranked.add(new Ranked(candidate(campaign, user.userId(), variant), i));
            }
        }
        // the script takes the candidates in arbitration order: its first eligible one wins
        ranked.sort((a, b) -> ARBITRATION.compare(a.candidate(), b.candidate()));
        int[] positions = new int[ranked.size()];
        List<Candidate> candidates = new ArrayList<>(ranked.size());
        for (Ranked r : ranked) {
            positions[candidates.size()] = r.position();
            candidates.add(r.candidate());
        }
        if (candidates.isEmpty()) {
            return Uni.createFrom()
                    .item(decision(campaigns, reasons, -1, events, variants, false, Map.of(), Optional.empty()));
        }
        return store.decide(appId, user.userId(), user.sessionId(), candidates, workspaces.of(appId), now,
                mode == Mode.RESERVE)
                .ifNoItem().after(timeout).fail()
                .map(result -> {
                    for (int c = 0; c < candidates.size(); c++) {
                        reasons[positions[c]] = result.reasons().get(c);
                    }
                    int winner = result.winner() < 0 ? -1 : positions[result.winner()];
                    return decision(campaigns, reasons, winner, events, variants, false,
                            TemplateProfile.of(result.profile(), user.userId()), result.reservation());
                })
                .onFailure().recoverWithItem(e -> {
                    // only a connection that was never made is known not to have run the script; after a timeout, a
                    // reset once the request went out or an error reply, it may have reserved an impression, and
                    // showing an untargeted message as well could break a cap
                    boolean neverSent = neverSent(e);
                    LOG.warnf("Redis did not decide (%s): degraded decision for app %s",
                            e instanceof TimeoutException ? "timeout" : e.toString(), appId);
                    return degraded(campaigns, reasons, positions, candidates, events, variants, user.userId(),
                            neverSent);
                });
    }

    private static boolean neverSent(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private Decision degraded(List<CampaignSnapshot> campaigns, String[] reasons, int[] positions,
            List<Candidate> candidates, List<TriggerEvent> events, Optional<Variant>[] variants, String userId,
            boolean failOpen) {
        int winner = -1;
        Candidate best = null;
        for (int c = 0; c < candidates.size(); c++) {
            Candidate candidate = candidates.get(c);
            if (candidate.segmentTargeted()) {
                reasons[positions[c]] = "segment_unknown";
            } else if (!failOpen) {
                reasons[positions[c]] = "caps_unknown";
            } else if (best == null || ARBITRATION.compare(candidate, best) < 0) {
                best = candidate;
                winner = positions[c];
            }
        }
        return decision(campaigns, reasons, winner, events, variants, true, Map.of("id", userId), Optional.empty());
    }

    /** A candidate and its campaign's position in the index's list. */
    private record Ranked(Candidate candidate, int position) {
    }

    /** Priority (higher first), then the most recent start, then the lower stable hash: the order the script gets. */
    static final Comparator<Candidate> ARBITRATION = Comparator.comparingInt(Candidate::priority).reversed()
            .thenComparing(Comparator.comparingLong(Candidate::startedAtMs).reversed())
            .thenComparingInt(Candidate::tieBreak);

    /** @param winner the winning campaign's position, -1 for none */
    private static Decision decision(List<CampaignSnapshot> campaigns, String[] reasons, int winner,
            List<TriggerEvent> events, Optional<Variant>[] variants, boolean degraded, Map<String, Object> profile,
            Optional<DecisionStore.Reservation> reservation) {
        boolean shows = winner >= 0 && events != null;
        String lostTo = shows ? "arbitration:" + campaigns.get(winner).id() : null;
        List<Decision.Verdict> verdicts = new ArrayList<>(campaigns.size());
        for (int i = 0; i < campaigns.size(); i++) {
            CampaignSnapshot campaign = campaigns.get(i);
            String reason = reasons[i];
            if (shows && (reason.equals("eligible") || reason.equals("ranked_lower"))) {
                // a trigger decision shows one message: the others lost arbitration to it (a reserving decision
                // does not check the candidates ranked below the winner)
                reason = i == winner ? (variants[i].isPresent() ? "shown" : "control_group") : lostTo;
            }
            verdicts.add(new Decision.Verdict(campaign.id(), campaign.name(), frequency(campaign).priority(), reason));
        }
        Optional<Decision.Winner> chosen = shows
                ? Optional.of(new Decision.Winner(campaigns.get(winner), variants[winner],
                        StaticChecks.matchedTrigger(campaigns.get(winner), events).orElse(null)))
                : Optional.empty();
        return new Decision(chosen, verdicts, degraded, profile, reservation);
    }

    private static Candidate candidate(CampaignSnapshot campaign, String userId, Optional<Variant> variant) {
        Schedule schedule = campaign.schedule();
        Instant started = campaign.startedAt();
        Targeting targeting = campaign.targeting() == null ? Targeting.EVERYONE : campaign.targeting();
        return new Candidate(campaign.id(), frequency(campaign),
                schedule != null && schedule.mode() == Schedule.DeliveryMode.ONE_TIME,
                started == null ? 0 : started.toEpochMilli(),
                VariantAssignment.bucket("arbitration:" + campaign.id() + ":" + userId),
                targeting.includeSegments() == null ? Set.of() : targeting.includeSegments(),
                targeting.excludeSegments() == null ? Set.of() : targeting.excludeSegments(),
                campaign.version() + "|" + variant.map(Variant::id).orElse(""));
    }

    private static Frequency frequency(CampaignSnapshot campaign) {
        return campaign.frequency() == null ? Frequency.DEFAULT : campaign.frequency();
    }
}
