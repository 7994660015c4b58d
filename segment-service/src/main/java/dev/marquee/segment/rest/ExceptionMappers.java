package dev.marquee.segment.rest;

import java.net.ConnectException;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.hibernate.HibernateException;
import org.hibernate.JDBCException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.marquee.contracts.json.UnstorableTextException;
import dev.marquee.segment.error.InvalidField;
import dev.marquee.segment.error.InvalidFields;
import dev.marquee.segment.error.NotFound;
import dev.marquee.segment.error.Unavailable;
import io.vertx.pgclient.PgException;

/**
 * Every error this service answers, as {@code application/problem+json}; never a class name or a stack trace. The one
 * place that sees both the domain's exceptions ({@code dev.marquee.segment.error}) and HTTP.
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
    public Response invalidField(InvalidField e) {
        return problem(400, "Invalid request", e.getMessage(), List.of(new Problem.FieldError(e.field(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response invalidFields(InvalidFields e) {
        return problem(400, "Invalid request", e.getMessage(), Problem.fieldErrors(e.problems()));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String field = path(e);
        String message;
        if (e instanceof UnstorableTextException unstorable) {
            message = unstorable.reason();
        } else if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
            message = "must be one of " + List.of(invalid.getTargetType().getEnumConstants());
        } else {
            message = "has the wrong type";
        }
        return problem(400, "Invalid request", "The field " + field + " " + message + ".",
                List.of(new Problem.FieldError(field, message)));
    }

    /** Not JSON at all (with where it breaks), or JSON Jackson cannot bind (with the field). */
    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatched) {
            return mismatchedInput(mismatched);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return problem(400, "Invalid request", "The field " + field + " cannot be read.",
                    List.of(new Problem.FieldError(field, "cannot be read")));
        }
        String message = "is not valid JSON" + at(e.getLocation());
        return problem(400, "Malformed JSON", "The request body " + message + ".",
                List.of(new Problem.FieldError("body", message)));
    }

    @ServerExceptionMapper
    public Response notFound(NotFound e) {
        return problem(404, "Not found", e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // Quarkus REST answers a body Jackson cannot parse with a bare 400 around the parser's exception
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        int status = e.getResponse().getStatus();
        return problem(status, Response.Status.fromStatusCode(status) == null
                ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), e.getMessage(), List.of());
    }

    /**
     * A store (PostgreSQL, Redis) or Kafka unreachable ({@link Unavailable} names which): nothing was lost, the client
     * may retry; the answer is the same whichever it is. A PostgreSQL data
     * exception (SQLSTATE class 22: a value it cannot hold) is the request's fault, never an outage.
     */
    @ServerExceptionMapper({PgException.class, HibernateException.class, ConnectException.class,
            Unavailable.class})
    public Response storeUnavailable(Throwable e) {
        if (isDataException(e)) {
            LOG.debugf("data exception: %s", e.getMessage());
            return problem(400, "Invalid request", "A value of the request cannot be stored.", List.of());
        }
        LOG.warnf("%s unavailable: %s", e instanceof Unavailable unavailable ? unavailable.what() : "store",
                e.getMessage());
        return Response.status(503)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", "5")
                .entity(new Problem("about:blank", "Service unavailable", 503,
                        "A store of the segment service is unavailable; retry later.", List.of()))
                .build();
    }

    private static boolean isDataException(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String state = cause instanceof PgException pg
                    ? pg.getSqlState()
                    : cause instanceof JDBCException jdbc ? jdbc.getSQLState() : null;
            if (state != null && state.startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("unexpected error", e);
        return problem(500, "Internal error", "An unexpected error occurred.", List.of());
    }

    private static Response problem(int status, String title, String detail, List<Problem.FieldError> errors) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, errors))
                .build();
    }

    /** The field as the client named it: {@code create.request.rules} (method, body parameter, path) → {@code rules}. */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String parameterAndBelow = path.substring(path.indexOf('.') + 1);
        int belowParameter = parameterAndBelow.indexOf('.');
        return belowParameter < 0 ? parameterAndBelow : parameterAndBelow.substring(belowParameter + 1);
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
}
