package dev.marquee.delivery.error;

/**
 * One field of a request that is not acceptable, and why.
 *
 * @param field the field's path as the client wrote it: {@code userId}, {@code events[2].name}, {@code platform}
 */
public record FieldProblem(String field, String message) {
}
