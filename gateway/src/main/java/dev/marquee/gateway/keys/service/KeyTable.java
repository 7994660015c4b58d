package dev.marquee.gateway.keys.service;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.marquee.contracts.app.AppEvent;
import dev.marquee.contracts.app.Credential;
import dev.marquee.contracts.app.CredentialKind;
import dev.marquee.contracts.app.IdentitySecret;
import dev.marquee.gateway.keys.KnownCredential;
import dev.marquee.gateway.keys.SecretHash;

/**
 * Every live credential of every app, by the SHA-256 of its secret. Built from the compacted {@code app.events.v1}:
 * each event carries the full credential list of one app, so applying it replaces that app's entries, unless it is
 * older than what the table holds ({@link AppEvent#supersedes}): a snapshot published late never brings back a revoked
 * credential nor drops a newer one.
 */
@ApplicationScoped
public class KeyTable {

    private static final Logger LOG = Logger.getLogger(KeyTable.class);

    /** Enough to recognise redeliveries; the topic is compacted, so a rebuild replays about one event per app. */
    static final int REMEMBERED_EVENT_IDS = 100_000;

    /** Read on every request from any event-loop thread; written only under {@code this}. */
    private final Map<String, KnownCredential> byHash = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> hashesByApp = new HashMap<>();
    /** The version of the snapshot applied per app; written only under {@code this}. */
    private final Map<String, Long> versionByApp = new HashMap<>();
    private final Map<String, Boolean> seenEventIds = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_EVENT_IDS;
        }
    };

    /** Per app, the secrets its backend signs user ids with; absent: identity verification is off. */
    private final Map<String, List<IdentitySecret>> identityByApp = new ConcurrentHashMap<>();

    /** How many live SDK keys allow each web origin: the CORS allowlist, answered without knowing the key. */
    private final Map<String, Integer> originCounts = new ConcurrentHashMap<>();

    public Optional<KnownCredential> find(String secretHash) {
        return Optional.ofNullable(byHash.get(secretHash));
    }

    /**
     * True when some live SDK key allows this origin. A CORS preflight carries no key (browsers never send custom
     * headers with it), so it is answered from every app's origins; the real request is then checked against its key's.
     */
    public boolean allowsOrigin(String origin) {
        return originCounts.containsKey(origin);
    }

    /** The app's identity secrets, possibly past their overlap (the caller checks {@code expiresAt}). */
    public List<IdentitySecret> identitySecrets(String appId) {
        return identityByApp.getOrDefault(appId, List.of());
    }

    public int size() {
        return byHash.size();
    }

    /**
     * Replaces the app's credentials with the event's list.
     *
     * @return false when the event was skipped (already applied, older than the app's applied snapshot, or unusable)
     */
    public synchronized boolean apply(AppEvent event) {
        if (event.appId() == null || event.appId().isBlank()) {
            LOG.warnf("app event %s without an app id ignored", event.eventId());
            return false;
        }
        if (event.eventId() != null && seenEventIds.putIfAbsent(event.eventId(), Boolean.TRUE) != null) {
            return false;
        }
        long held = versionByApp.getOrDefault(event.appId(), 0L);
        if (!event.supersedes(held)) {
            LOG.debugf("app event %s (version %d) for app %s is older than the applied version %d; ignored",
                    event.eventId(), event.version(), event.appId(), held);
            return false;
        }
        versionByApp.put(event.appId(), event.version());
        Map<String, KnownCredential> next = new HashMap<>();
        if (event.credentials() != null) {
            for (Credential credential : event.credentials()) {
                if (credential == null || credential.kind() == null || !SecretHash.isSha256Hex(credential.hash())) {
                    LOG.warnf("unusable credential in app event %s for app %s ignored", event.eventId(), event.appId());
                    continue;
                }
                next.put(credential.hash().toLowerCase(Locale.ROOT), KnownCredential.of(event.appId(), credential));
            }
        }
        List<IdentitySecret> identity = event.identitySecrets() == null
                ? List.of()
                : event.identitySecrets().stream().filter(i -> i != null && i.secret() != null && !i.secret().isEmpty())
                        .toList();
        if (identity.isEmpty()) {
            identityByApp.remove(event.appId());
        } else {
            identityByApp.put(event.appId(), identity);
        }
        Set<String> previous = hashesByApp.getOrDefault(event.appId(), Set.of());
        previous.stream().map(byHash::get).forEach(c -> count(c, -1));
        next.values().forEach(c -> count(c, 1));
        // add before removing, so that a credential present before and after never answers 401 in between
        byHash.putAll(next);
        for (String hash : previous) {
            if (!next.containsKey(hash)) {
                byHash.remove(hash);
            }
        }
        if (next.isEmpty()) {
            hashesByApp.remove(event.appId());
        } else {
            hashesByApp.put(event.appId(), new HashSet<>(next.keySet()));
        }
        return true;
    }

    /** A tombstone for the app (its record deleted from the compacted topic): none of its credentials is valid. */
    public synchronized void remove(String appId) {
        identityByApp.remove(appId);
        Set<String> previous = hashesByApp.remove(appId);
        if (previous != null) {
            previous.forEach(hash -> count(byHash.remove(hash), -1));
        }
    }

    private void count(KnownCredential credential, int delta) {
        if (credential == null || credential.kind() != CredentialKind.SDK_KEY) {
            return;
        }
        for (String origin : credential.allowedOrigins()) {
            originCounts.compute(origin, (o, n) -> {
                int left = (n == null ? 0 : n) + delta;
                return left > 0 ? left : null;
            });
        }
    }
}
