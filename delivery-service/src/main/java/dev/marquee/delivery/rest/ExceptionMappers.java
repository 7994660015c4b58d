package dev.marquee.delivery.rest;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.marquee.contracts.json.UnstorableTextException;
import dev.marquee.delivery.error.FieldProblem;
import dev.marquee.delivery.error.InvalidFields;
import dev.marquee.delivery.error.TooLarge;
import dev.marquee.delivery.error.Unavailable;

/**
 * Every error this service answers, as {@code application/problem+json}; never a class name or a stack trace. The one
 * class that sees both the domain's exceptions ({@code dev.marquee.delivery.error}) and HTTP.
 */
public class ExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class);

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return problem(400, "Invalid request", "The request has invalid fields.", errors);
    }

    @ServerExceptionMapper
    public Response invalidFields(InvalidFields e) {
        return problem(400, "Invalid request", e.getMessage(), e.violations().stream().map(ExceptionMappers::error).toList());
    }

    @ServerExceptionMapper
    public Response tooLarge(TooLarge e) {
        return problem(413, "Payload too large", e.getMessage() + ".",
                List.of(new Problem.FieldError(e.field(), e.getMessage())));
    }

    /** The bodies are read as trees: what Jackson refuses there is text the stores cannot hold, with its path. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String field = path(e);
        String message = e instanceof UnstorableTextException unstorable ? unstorable.reason() : "has the wrong type";
        return problem(400, "Invalid request", "The field " + field + " " + message + ".",
                List.of(new Problem.FieldError(field, message)));
    }

    /** Not JSON at all, with where it breaks. */
    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatched) {
            return mismatchedInput(mismatched);
        }
        String message = "is not valid JSON" + at(e.getLocation());
        return problem(400, "Malformed JSON", "The request body " + message + ".",
                List.of(new Problem.FieldError("body", message)));
    }

    @ServerExceptionMapper
    public Response unverifiedUser(VerifiedUser.UnverifiedUserException e) {
        return problem(401, "Unverified user", e.getMessage() + ".",
                List.of(new Problem.FieldError("userId", "must be the user of the identity signature")));
    }

    /** Kafka or Redis did not take the request: nothing was applied, the SDK keeps it and retries. */
    @ServerExceptionMapper
    public Response unavailable(Unavailable e) {
        LOG.warnf("unavailable (%s): %s", e.dependency(), e.getMessage());
        return Response.status(503)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", "5")
                .entity(new Problem("about:blank", "Service unavailable", 503,
                        e.getMessage() + "; nothing of this request was applied. Retry later.",
                        List.of()))
                .build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // Quarkus REST answers a body Jackson cannot parse with a bare 400 around the parser's exception
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        return problem(status, known == null ? "Error" : known.getReasonPhrase(), e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("unexpected error", e);
        return problem(500, "Internal error", "An unexpected error occurred.", List.of());
    }

    private static Problem.FieldError error(FieldProblem violation) {
        return new Problem.FieldError(violation.field(), violation.message());
    }

    private static Response problem(int status, String title, String detail, List<Problem.FieldError> errors) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, errors))
                .build();
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1
                ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** {@code messages.userId}: the method, then the parameter; the parameter is what the client named. */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
