package dev.marquee.campaign.campaign.rest;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

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

import dev.marquee.campaign.campaign.CampaignAction;
import dev.marquee.campaign.campaign.service.CampaignService;
import dev.marquee.campaign.error.InvalidField;
import dev.marquee.campaign.error.NotFound;
import dev.marquee.campaign.rest.ListPage;
import dev.marquee.contracts.campaign.CampaignState;
import dev.marquee.contracts.campaign.MessageFormat;
import io.smallrye.mutiny.Uni;

@Path("/v1/apps/{appId}/campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    /** Who the gateway says is calling; recorded in versions and audit entries. */
    static final String PRINCIPAL_HEADER = "X-Marquee-Principal";
    private static final String NO_PRINCIPAL = "unknown";

    private final CampaignService service;
    private final ObjectMapper json;

    public CampaignResource(CampaignService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<CampaignResponse>> create(@PathParam("appId") String appId,
            @HeaderParam(PRINCIPAL_HEADER) String principal,
            @NotNull(message = "a campaign body is required") @Valid CampaignRequest request) {
        return service.create(appId, request.toSpec(), principal(principal)).map(campaign -> RestResponse.ResponseBuilder
                .<CampaignResponse>created(URI.create("/v1/apps/" + appId + "/campaigns/" + campaign.id))
                .entity(CampaignResponse.of(campaign))
                .build());
    }

    /** Newest first; {@code cursor} is the {@code nextCursor} of the previous page. */
    @GET
    public Uni<ListPage<CampaignResponse>> list(@PathParam("appId") String appId,
            @QueryParam("state") String state,
            @QueryParam("format") String format,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return service.list(appId, filter("state", CampaignState.class, state), filter("format", MessageFormat.class, format),
                ListCursor.parse(cursor), limit + 1)
                .map(campaigns -> page(campaigns, limit, CampaignResponse::of, ListCursor::after));
    }

    @GET
    @Path("/{campaignId}")
    public Uni<CampaignResponse> get(@PathParam("appId") String appId, @PathParam("campaignId") String campaignId) {
        return service.get(appId, campaignId).map(CampaignResponse::of);
    }

    @PUT
    @Path("/{campaignId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<CampaignResponse> update(@PathParam("appId") String appId, @PathParam("campaignId") String campaignId,
            @HeaderParam(PRINCIPAL_HEADER) String principal,
            @NotNull(message = "a campaign body is required") @Valid CampaignRequest request) {
        return service.update(appId, campaignId, request.toSpec(), principal(principal)).map(CampaignResponse::of);
    }

    @DELETE
    @Path("/{campaignId}")
    public Uni<RestResponse<Void>> delete(@PathParam("appId") String appId, @PathParam("campaignId") String campaignId,
            @HeaderParam(PRINCIPAL_HEADER) String principal) {
        return service.delete(appId, campaignId, principal(principal)).map(done -> RestResponse.noContent());
    }

    /** {@code activate}, {@code pause}, {@code resume}, {@code end}, {@code archive}. */
    @POST
    @Path("/{campaignId}/actions/{action}")
    public Uni<CampaignResponse> act(@PathParam("appId") String appId, @PathParam("campaignId") String campaignId,
            @PathParam("action") String action, @HeaderParam(PRINCIPAL_HEADER) String principal) {
        CampaignAction known = CampaignAction.fromPath(action)
                .orElseThrow(() -> new NotFound("action " + action));
        return service.act(appId, campaignId, known, principal(principal)).map(CampaignResponse::of);
    }

    /** Renders one variant in one locale for a sample profile: exactly what the SDK would get. */
    @POST
    @Path("/{campaignId}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PreviewResponse> preview(@PathParam("appId") String appId, @PathParam("campaignId") String campaignId,
            @Valid PreviewRequest request) {
        PreviewRequest given = request == null ? new PreviewRequest(null, null, null) : request;
        return service.preview(appId, campaignId, given.variant(), given.locale(),
                given.profile() == null ? Map.of() : given.profile()).map(PreviewResponse::of);
    }

    /** Every version, newest first: the snapshot after each committed change. */
    @GET
    @Path("/{campaignId}/versions")
    public Uni<ListPage<VersionResponse>> versions(@PathParam("appId") String appId,
            @PathParam("campaignId") String campaignId,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return service.versions(appId, campaignId, numericCursor(cursor), limit + 1)
                .map(versions -> page(versions, limit, v -> VersionResponse.of(v, readTree(v.snapshot)),
                        v -> Long.toString(v.version)));
    }

    /** Who changed what, newest first. */
    @GET
    @Path("/{campaignId}/audit")
    public Uni<ListPage<AuditResponse>> audit(@PathParam("appId") String appId,
            @PathParam("campaignId") String campaignId,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return service.audit(appId, campaignId, numericCursor(cursor), limit + 1)
                .map(entries -> page(entries, limit,
                        e -> AuditResponse.of(e, e.changes == null ? null : readTree(e.changes)), e -> Long.toString(e.id)));
    }

    /** {@code rows} holds up to limit + 1 items: the extra one only tells that there is a next page. */
    private static <E, R> ListPage<R> page(List<E> rows, int limit, Function<E, R> view, Function<E, String> cursorOf) {
        boolean more = rows.size() > limit;
        List<E> shown = more ? rows.subList(0, limit) : rows;
        return new ListPage<>(shown.stream().map(view).toList(), more ? cursorOf.apply(shown.get(limit - 1)) : null);
    }

    /** A query filter on an enum; an unknown value is a 400 naming the parameter, not a silent empty list. */
    private static <E extends Enum<E>> E filter(String name, Class<E> type, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidField(name, "must be one of " + List.of(type.getEnumConstants()));
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

    private JsonNode readTree(String snapshot) {
        try {
            return json.readTree(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored snapshot unreadable", e);
        }
    }

    private static String principal(String header) {
        return header == null || header.isBlank() ? NO_PRINCIPAL : header;
    }
}
