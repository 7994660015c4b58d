package dev.marquee.segment.error;

/**
 * What is wrong with one field, named by its path as the caller wrote it: {@code rules.and[0].op},
 * {@code events[3].name}, {@code line 12} of an upload.
 */
public record FieldProblem(String field, String message) {
}
