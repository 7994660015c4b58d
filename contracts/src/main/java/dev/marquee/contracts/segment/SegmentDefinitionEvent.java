package dev.marquee.contracts.segment;

import java.time.Instant;

/**
 * A segment of an app exists (or was deleted), as segment-service publishes it on {@code segment.definitions.v1}
 * (compacted, keyed {@code appId:segmentId}): campaign-service checks the segments a campaign targets against it.
 * segment-service publishes it after each change and republishes every segment periodically, so a publication lost
 * after a commit is made good; consumers keep the state of the newest {@code version}.
 *
 * @param version the definition's version (a deletion carries the version it had)
 * @param deleted whether the segment is gone
 */
public record SegmentDefinitionEvent(String appId, String segmentId, long version, boolean deleted, Instant occurredAt) {

    public String key() {
        return appId + ":" + segmentId;
    }
}
