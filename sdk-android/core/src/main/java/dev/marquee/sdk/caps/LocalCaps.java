package dev.marquee.sdk.caps;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import dev.marquee.sdk.trigger.Trigger;

/**
 * What the synced set shows when the server did not decide, as the web SDK's {@code reconcileLocally}: unreachable,
 * the first matching message of a campaign not shown offline in this session; on 429/5xx (the server is there but
 * could not apply the caps) nothing unless the app opted in to {@code session-caps}, so that a client provoking 429s
 * cannot switch the caps off.
 */
public final class LocalCaps {
    public enum Kind {
        NO_TRIGGER, CAPS_NEED_SERVER, NO_MATCH, ALREADY_SHOWN, SHOW
    }

    /** One synced message as the local decision sees it. */
    public static final class Candidate {
        private final String campaignId;
        private final List<Trigger> triggers;

        public Candidate(String campaignId, List<Trigger> triggers) {
            this.campaignId = campaignId;
            this.triggers = triggers;
        }

        public String campaignId() {
            return campaignId;
        }
    }

    /** The decision; {@code campaignId} and {@code delaySeconds} are set for {@link Kind#SHOW} only. */
    public static final class Decision {
        public final Kind kind;
        public final String campaignId;
        public final int delaySeconds;

        Decision(Kind kind, String campaignId, int delaySeconds) {
            this.kind = kind;
            this.campaignId = campaignId;
            this.delaySeconds = delaySeconds;
        }
    }

    private LocalCaps() {
    }

    public static Decision decide(String eventType, String eventName, Map<String, Object> properties, boolean refused,
            boolean sessionCapsFallback, List<Candidate> synced, Collection<String> shownLocally) {
        String fired = Trigger.firedBy(eventType);
        if (fired == null) {
            return new Decision(Kind.NO_TRIGGER, null, 0);
        }
        if (refused && !sessionCapsFallback) {
            return new Decision(Kind.CAPS_NEED_SERVER, null, 0);
        }
        boolean matched = false;
        for (Candidate candidate : synced) {
            for (Trigger trigger : candidate.triggers) {
                if (trigger.matches(fired, eventName, properties)) {
                    matched = true;
                    if (!shownLocally.contains(candidate.campaignId)) {
                        return new Decision(Kind.SHOW, candidate.campaignId, trigger.delaySeconds());
                    }
                    break;
                }
            }
        }
        return new Decision(matched ? Kind.ALREADY_SHOWN : Kind.NO_MATCH, null, 0);
    }

    /** The campaigns shown offline that still count: only those the current session recorded. */
    public static Collection<String> shownThisSession(String storedSessionId, Collection<String> storedCampaigns,
            String sessionId) {
        return storedSessionId != null && storedSessionId.equals(sessionId) && storedCampaigns != null
                ? storedCampaigns
                : Collections.emptyList();
    }
}
