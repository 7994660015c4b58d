package dev.marquee.segment.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.marquee.segment.error.FieldProblem;

/** An RFC 9457 problem detail, answered as {@code application/problem+json}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }

    /** The domain's field problems as field errors, in the same order. */
    public static List<FieldError> fieldErrors(List<FieldProblem> problems) {
        return problems.stream().map(p -> new FieldError(p.field(), p.message())).toList();
    }
}
