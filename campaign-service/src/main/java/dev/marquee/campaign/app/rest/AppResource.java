package dev.marquee.campaign.app.rest;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.campaign.app.AppAuditEntry;
import dev.marquee.campaign.app.service.AppService;
import dev.marquee.campaign.error.InvalidField;
import dev.marquee.campaign.rest.ListPage;
import dev.marquee.contracts.trust.AssertedRequest;
import io.smallrye.mutiny.Uni;

/**
 * Apps (workspaces). Creating, listing and deleting them is for the operator; the gateway lets only the operator token
 * through. Renaming is for the operator and the app's admins.
 */
@Path("/v1/apps")
@Produces(MediaType.APPLICATION_JSON)
public class AppResource {

    /** Who the audit log names when the gateway asserted no principal (tests calling the service directly). */
    private static final String NO_PRINCIPAL = "unknown";

    private final AppService service;
    private final ObjectMapper json;

    public AppResource(AppService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<AppResponse>> create(@HeaderParam(AssertedRequest.PRINCIPAL_HEADER) String principal,
            @NotNull(message = "an app body is required") @Valid AppRequest request) {
        return service.create(request.name(), principal(principal)).map(app -> RestResponse.ResponseBuilder
                .<AppResponse>created(URI.create("/v1/apps/" + app.app().id))
                .entity(AppResponse.of(app))
                .build());
    }

    @GET
    public Uni<List<AppResponse>> list() {
        return service.list().map(apps -> apps.stream().map(AppResponse::summary).toList());
    }

    @GET
    @Path("/{appId}")
    public Uni<AppResponse> get(@PathParam("appId") String appId) {
        return service.get(appId).map(AppResponse::of);
    }

    /** Renames the app: the same body as creation, validated alike. */
    @PUT
    @Path("/{appId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<AppResponse> rename(@PathParam("appId") String appId,
            @HeaderParam(AssertedRequest.PRINCIPAL_HEADER) String principal,
            @NotNull(message = "an app body is required") @Valid AppRequest request) {
        return service.rename(appId, request.name(), principal(principal)).map(AppResponse::of);
    }

    /**
     * Deletes the app: 204, and from then on 404 for it everywhere; every credential is revoked at once, its data is
     * erased in the background ({@code GET …/deletion}). Deleting a deleted app again answers 204 and changes nothing.
     */
    @DELETE
    @Path("/{appId}")
    public Uni<RestResponse<Void>> delete(@PathParam("appId") String appId,
            @HeaderParam(AssertedRequest.PRINCIPAL_HEADER) String principal) {
        return service.delete(appId, principal(principal)).map(deleted -> RestResponse.noContent());
    }

    /** How far the erasure of a deleted app got, per store; 404 for an app that was not deleted. */
    @GET
    @Path("/{appId}/deletion")
    public Uni<DeletionResponse> deletion(@PathParam("appId") String appId) {
        return service.deletion(appId).map(DeletionResponse::of);
    }

    /** Who created, renamed or deleted the app, newest first. */
    @GET
    @Path("/{appId}/audit")
    public Uni<ListPage<AppAuditResponse>> audit(@PathParam("appId") String appId,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return service.audit(appId, numericCursor(cursor), limit + 1).map(entries -> {
            boolean more = entries.size() > limit;
            List<AppAuditEntry> shown = more ? entries.subList(0, limit) : entries;
            return new ListPage<>(shown.stream().map(e -> AppAuditResponse.of(e, changes(e))).toList(),
                    more ? Long.toString(shown.get(limit - 1).id) : null);
        });
    }

    private JsonNode changes(AppAuditEntry entry) {
        try {
            return entry.changes == null ? null : json.readTree(entry.changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored audit changes unreadable", e);
        }
    }

    private static long numericCursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new InvalidField("cursor", "is not a cursor this API returned");
        }
    }

    private static String principal(String header) {
        return header == null || header.isBlank() ? NO_PRINCIPAL : header;
    }
}
