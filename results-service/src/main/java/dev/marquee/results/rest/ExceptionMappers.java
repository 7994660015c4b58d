package dev.marquee.results.rest;

import java.net.ConnectException;
import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.marquee.results.error.InvalidField;
import dev.marquee.results.error.NotFound;
import io.vertx.pgclient.PgException;

/** Every error this service answers, as {@code application/problem+json}; never a class name or a stack trace. */
public class ExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class);

    @ServerExceptionMapper
    public Response invalidField(InvalidField e) {
        return problem(400, "Invalid request", e.getMessage(),
                List.of(new Problem.FieldError(e.field(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response notFound(NotFound e) {
        return problem(404, "Not found", e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        return problem(status, known == null ? "Error" : known.getReasonPhrase(), e.getMessage(), List.of());
    }

    /** PostgreSQL unreachable: nothing was lost, the client may retry. */
    @ServerExceptionMapper({PgException.class, ConnectException.class})
    public Response storeUnavailable(Throwable e) {
        LOG.warnf("store error: %s", e.getMessage());
        return Response.status(503)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", "5")
                .entity(new Problem("about:blank", "Service unavailable", 503,
                        "The results store is unavailable; retry later.", List.of()))
                .build();
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
}
