package dev.marquee.segment.segment.service;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import dev.marquee.segment.segment.SegmentKind;
import dev.marquee.segment.segment.SegmentStatus;

/** A segment definition with its build state and its current size (from Redis). */
public record SegmentView(
        String id,
        String name,
        String description,
        SegmentKind kind,
        JsonNode rules,
        long version,
        SegmentStatus status,
        int progress,
        long size,
        Instant createdAt,
        Instant updatedAt) {
}
