package dev.marquee.contracts.segment;

/**
 * The Redis keys of segment membership that other services read (formats for {@link String#format}). The keys of one
 * user share the hash tag {@code {appId:userId}}, so delivery-service's decision script reads them in the same round
 * trip (and slot) as its frequency caps; its own per-user keys must use the same tag.
 * <p>
 * Membership is known only for segments that are built: a segment id absent from {@link #USER_SEGMENTS} means "not a
 * member" only if the segment's field in {@link #SEGMENTS_READY} is present. A missing field (segment still building
 * its backfill, or Redis lost its data and segment-service rebuilds it) means "unknown": segment-targeted messages
 * fail closed.
 */
public final class SegmentKeys {

    /** SET of the segment ids the user is a member of. Arguments: appId, userId. */
    public static final String USER_SEGMENTS = "mq:{%s:%s}:segments";

    /** HASH segment id → definition version whose membership is complete. Argument: appId. */
    public static final String SEGMENTS_READY = "mq:{%s}:segments-ready";

    /** HASH segment id → number of members. Argument: appId. */
    public static final String SEGMENT_SIZES = "mq:{%s}:segment-sizes";

    private SegmentKeys() {
    }
}
