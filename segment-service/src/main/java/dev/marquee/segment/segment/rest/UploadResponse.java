package dev.marquee.segment.segment.rest;

import java.util.List;

import dev.marquee.segment.rest.Problem.FieldError;

/** What a static upload did: ids read, newly added members, and the first rejected lines (by line number). */
public record UploadResponse(long received, long added, long rejected, List<FieldError> errors) {
}
