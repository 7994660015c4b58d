package dev.marquee.contracts.segment;

import java.time.Instant;
import java.util.List;

/**
 * A change of one user's segment membership, published by segment-service to {@code segment.membership.v1} keyed
 * {@link #key()} ({@code appId:userId}). Delivery-service uses it for "entered segment" triggers; the membership itself
 * is read from Redis ({@link SegmentKeys}). At-least-once: the {@code eventId} is derived from what caused the change,
 * so a re-delivered or re-published change carries the same id. {@link MembershipChange#ERASED} is published on every
 * erasure request, retries included, each with its own id: erasing is idempotent, and a later erasure of the same user
 * must never be skipped as a duplicate.
 *
 * @param eventId the same id for the same change (consumers are idempotent on it)
 * @param change entered, exited or erased
 * @param appId the app (workspace)
 * @param userId the user
 * @param segmentId the segment entered or exited; {@code null} for {@link MembershipChange#ERASED}
 * @param segmentVersion the definition version that decided it; 0 for {@link MembershipChange#ERASED}
 * @param segmentIds for {@link MembershipChange#ERASED}: every segment the user was a member of; else empty
 * @param occurredAt when the change was made
 */
public record SegmentMembershipEvent(
        String eventId,
        MembershipChange change,
        String appId,
        String userId,
        String segmentId,
        long segmentVersion,
        List<String> segmentIds,
        Instant occurredAt) {

    public String key() {
        return appId + ":" + userId;
    }
}
