package dev.marquee.delivery.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.marquee.contracts.json.StorableText;
import dev.marquee.delivery.error.FieldProblem;
import dev.marquee.delivery.error.InvalidFields;

/**
 * Path and query parameters follow the rule of body strings ({@link StorableText}): an id with {@code %00} is the
 * client's error naming the parameter, not a store failure.
 */
public class StorableParameters {

    @ServerRequestFilter
    public void refuseUnstorable(UriInfo uri) {
        check(uri.getPathParameters());
        check(uri.getQueryParameters());
    }

    private static void check(Map<String, List<String>> parameters) {
        parameters.forEach((name, values) -> values.forEach(value -> StorableText.problem(value).ifPresent(problem -> {
            throw new InvalidFields("The parameter " + name + " " + problem + ".",
                    List.of(new FieldProblem(name, problem)));
        })));
    }
}
