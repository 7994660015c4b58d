package dev.marquee.segment.segment.rest;

import java.util.List;

import dev.marquee.segment.rest.Problem;
import dev.marquee.segment.rest.Problem.FieldError;
import dev.marquee.segment.segment.service.UploadResult;

/** What a static upload did: ids read, newly added members, and the first rejected lines (by line number). */
public record UploadResponse(long received, long added, long rejected, List<FieldError> errors) {

    public static UploadResponse of(UploadResult result) {
        return new UploadResponse(result.received(), result.added(), result.rejected(),
                Problem.fieldErrors(result.errors()));
    }
}
