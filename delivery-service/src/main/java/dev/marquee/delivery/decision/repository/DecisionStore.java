package dev.marquee.delivery.decision.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.app.WorkspaceSettings;
import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.delivery.config.DeliveryConfig;
import dev.marquee.delivery.store.RedisScript;
import dev.marquee.delivery.store.StoredProfile;
import dev.marquee.delivery.store.UserKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.mutiny.redis.client.Response;

/**
 * The one Redis round trip of a decision: {@code lua/decide.lua} on the user's keys checks membership and caps of
 * every candidate, arbitrates, and reserves the winner's impression, atomically, so caps hold across devices and
 * instances. The script runs by its SHA-1 ({@link RedisScript}).
 */
@ApplicationScoped
public class DecisionStore {

    private static final int DAY_MS = 86_400_000;
    /** What decide.lua reads per candidate: id, six caps, include and exclude segments, impression tag. */
    private static final int CANDIDATE_ARGS = 10;

    /**
     * What the script answered: the winner's index (or -1), one reason per candidate, the user's attributes, and the
     * impression it reserved (absent when it only looked or nothing won).
     */
    public record Result(int winner, List<String> reasons, Map<String, Object> profile,
            Optional<Reservation> reservation) {
    }

    /**
     * A reserved impression, with what {@link #release} needs to undo it.
     *
     * @param member the impression as stored ({@code campaignId|at|seq|version|variant})
     * @param previousLast the campaign's last-shown time before this impression, empty for none
     */
    public record Reservation(String appId, String userId, String sessionId, String campaignId, String member,
            long atMs, String previousLast) {
    }

    private final RedisAPI redis;
    private final ObjectMapper json;
    private final DeliveryConfig config;
    private final RedisScript script;
    private final RedisScript releaseScript;

    public DecisionStore(RedisAPI redis, ObjectMapper json, DeliveryConfig config) {
        this.redis = redis;
        this.json = json;
        this.config = config;
        this.script = RedisScript.load("lua/decide.lua");
        this.releaseScript = RedisScript.load("lua/release.lua");
    }

    /**
     * @param candidates in arbitration order: the first eligible one wins
     * @param reserve true to record the winner's impression (the candidates after it are not checked: their reason
     *        is {@code ranked_lower}); false to only look (explain, sync), every candidate checked
     */
    public Uni<Result> decide(String appId, String userId, String sessionId, List<Candidate> candidates,
            WorkspaceSettings workspace, Instant now, boolean reserve) {
        UserKeys keys = new UserKeys(appId, userId);
        // in the order of decide.lua's header
        List<String> keyNames = new ArrayList<>(6 + candidates.size());
        keyNames.add(keys.segments());
        keyNames.add(keys.campaignState());
        keyNames.add(keys.session(sessionId));
        keyNames.add(keys.impressions());
        keyNames.add(keys.profile());
        keyNames.add(keys.sessions());
        for (Candidate c : candidates) {
            keyNames.add(keys.impressions(c.campaignId()));
        }
        List<String> args = new ArrayList<>(9 + CANDIDATE_ARGS * candidates.size());
        args.add(Long.toString(now.toEpochMilli()));
        args.add(reserve ? "1" : "0");
        args.add(sessionId == null ? "-1" : Integer.toString(workspace.maxMessagesPerSession()));
        args.add(Integer.toString(workspace.maxMessagesPerDay()));
        args.add(Long.toString(workspace.minSecondsBetweenMessages() * 1000L));
        args.add(Long.toString(config.impressionRetention().toMillis()));
        args.add(Long.toString(config.sessionTtl().toSeconds()));
        args.add(Integer.toString(candidates.size()));
        args.add(Long.toString(config.counterRetention().toMillis()));
        for (Candidate c : candidates) {
            args.add(c.campaignId());
            addCaps(args, c, sessionId);
            args.add(String.join("\n", c.includeSegments()));
            args.add(String.join("\n", c.excludeSegments()));
            args.add(c.impressionTag());
        }
        return script.run(redis, keyNames, args).map(response -> result(response, candidates, appId, userId, sessionId, now));
    }

    /**
     * Undoes a reservation whose request failed after the decision (its events were refused): the caps count as if
     * the impression had not been reserved. Idempotent.
     */
    public Uni<Void> release(Reservation reservation) {
        UserKeys keys = new UserKeys(reservation.appId(), reservation.userId());
        return releaseScript.run(redis,
                List.of(keys.campaignState(), keys.session(reservation.sessionId()), keys.impressions(),
                        keys.impressions(reservation.campaignId())),
                List.of(reservation.campaignId(), reservation.member(), Long.toString(reservation.atMs()),
                        reservation.previousLast()))
                .replaceWithVoid();
    }

    private Result result(Response response, List<Candidate> candidates, String appId, String userId,
            String sessionId, Instant now) {
        int winner = response.get(0).toInteger() - 1;
        List<String> reasons = new ArrayList<>(candidates.size());
        response.get(1).forEach(r -> reasons.add(r.toString()));
        String member = response.get(3).toString();
        Optional<Reservation> reservation = member.isEmpty()
                ? Optional.empty()
                : Optional.of(new Reservation(appId, userId, sessionId, candidates.get(winner).campaignId(), member,
                        now.toEpochMilli(), response.get(4).toString()));
        return new Result(winner, reasons, StoredProfile.attributes(response.get(2), json), reservation);
    }

    /**
     * A candidate's caps, six arguments of decide.lua: critical (1/0), lifetime, session, rolling count, rolling
     * window ms, re-eligible after ms (-1: none). The script reads them only for the candidates it checks.
     */
    private static void addCaps(List<String> args, Candidate c, String sessionId) {
        Frequency f = c.frequency();
        Integer lifetime = c.oneTime()
                ? Integer.valueOf(f.lifetimeCap() == null ? 1 : Math.min(1, f.lifetimeCap()))
                : f.lifetimeCap();
        args.add(f.critical() ? "1" : "0");
        args.add(cap(lifetime));
        // without a session id there is no session to count in: per-session caps cannot apply
        args.add(sessionId == null ? "-1" : cap(f.perSessionCap()));
        if (f.rolling() == null) {
            args.add("-1");
            args.add("0");
        } else {
            args.add(Integer.toString(f.rolling().count()));
            args.add(Long.toString(f.rolling().windowHours() * 3_600_000L));
        }
        args.add(Long.toString(f.reEligibleAfterDays() == null ? -1L : f.reEligibleAfterDays() * (long) DAY_MS));
    }

    private static String cap(Integer cap) {
        return cap == null ? "-1" : cap.toString();
    }
}
