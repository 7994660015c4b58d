package dev.marquee.segment.segment.rest;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import dev.marquee.segment.segment.SegmentKind;
import dev.marquee.segment.segment.SegmentStatus;
import dev.marquee.segment.segment.service.SegmentView;

/** A segment with its build state ({@code building} and percent, or {@code ready}) and its current size. */
public record SegmentResponse(
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

    public static SegmentResponse of(SegmentView segment) {
        return new SegmentResponse(segment.id(), segment.name(), segment.description(), segment.kind(),
                segment.rules(), segment.version(), segment.status(), segment.progress(), segment.size(),
                segment.createdAt(), segment.updatedAt());
    }
}
