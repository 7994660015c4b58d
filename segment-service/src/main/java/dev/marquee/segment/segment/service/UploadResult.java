package dev.marquee.segment.segment.service;

import java.util.List;

import dev.marquee.segment.error.FieldProblem;

/** What a static upload did: ids read, newly added members, and the first rejected lines (field {@code line N}). */
public record UploadResult(long received, long added, long rejected, List<FieldProblem> errors) {
}
