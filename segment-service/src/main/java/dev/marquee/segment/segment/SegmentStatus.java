package dev.marquee.segment.segment;

/** Whether membership of the current definition version is complete ({@code READY}) or being backfilled. */
public enum SegmentStatus {
    BUILDING, READY
}
