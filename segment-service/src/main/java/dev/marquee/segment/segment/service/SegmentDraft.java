package dev.marquee.segment.segment.service;

import com.fasterxml.jackson.databind.JsonNode;

import dev.marquee.segment.segment.SegmentKind;

/**
 * A segment definition to create or replace: {@code kind} RULES (the default when {@code null}) with a rule tree, or
 * STATIC without one. The rule tree is checked by {@link SegmentService} (errors named under {@code rules}).
 */
public record SegmentDraft(String name, String description, SegmentKind kind, JsonNode rules) {
}
