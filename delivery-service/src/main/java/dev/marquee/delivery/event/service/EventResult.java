package dev.marquee.delivery.event.service;

import java.util.List;

import dev.marquee.delivery.error.FieldProblem;

/** One event's outcome in a batch: {@code accepted}, or {@code rejected} with its fields at fault. */
public record EventResult(int index, String eventId, String status, List<FieldProblem> errors) {
}
