package dev.marquee.gateway.routing.service;

import java.util.List;

import dev.marquee.contracts.app.SdkScope;

/**
 * What of an SDK call decides whether it may pass: the key, the scope the call needs, where it comes from (browser
 * {@code Origin}, mobile bundle id), and the user it is for with that user's signature ({@code X-Marquee-User-Id},
 * {@code X-Marquee-User-Signature}) and any {@code userId} in the query.
 */
public record SdkRequest(String key, SdkScope scope, String origin, String bundleId, String userId, String signature,
        List<String> queryUserIds) {
}
