package dev.marquee.segment.segment.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;

import dev.marquee.segment.segment.SegmentKind;
import dev.marquee.segment.segment.service.SegmentDraft;

/**
 * A segment as a client writes it: {@code kind} RULES (default) with a rule tree in {@code rules}, or STATIC (members
 * uploaded to {@code …/members}) without rules.
 */
public record SegmentRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 1000) String description,
        SegmentKind kind,
        JsonNode rules) {

    public SegmentDraft draft() {
        return new SegmentDraft(name, description, kind, rules);
    }
}
