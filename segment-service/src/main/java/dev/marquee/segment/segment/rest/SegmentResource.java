package dev.marquee.segment.segment.rest;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import dev.marquee.segment.rest.PathIds;
import dev.marquee.segment.segment.service.SegmentService;
import dev.marquee.segment.segment.service.StaticUpload;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/**
 * Segment definitions of an app, their size, membership explanations and static uploads. The gateway authenticated
 * the caller for {@code appId}; this service trusts the path's app id. A segment of another app is 404.
 */
@Path("/v1/apps/{appId}/segments")
public class SegmentResource {

    private final SegmentService segments;
    private final StaticUpload upload;

    public SegmentResource(SegmentService segments, StaticUpload upload) {
        this.segments = segments;
        this.upload = upload;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<SegmentResponse>> create(
            @PathParam("appId") @Pattern(regexp = PathIds.APP_ID, message = PathIds.APP_ID_MESSAGE) String appId,
            @Valid @NotNull SegmentRequest request) {
        return segments.create(appId, request.draft()).map(SegmentResponse::of).map(created -> RestResponse.ResponseBuilder
                .<SegmentResponse>created(URI.create("/v1/apps/" + appId + "/segments/" + created.id()))
                .entity(created).build());
    }

    @GET
    public Uni<List<SegmentResponse>> list(@PathParam("appId") String appId) {
        return segments.list(appId).map(all -> all.stream().map(SegmentResponse::of).toList());
    }

    @GET
    @Path("/{id}")
    public Uni<SegmentResponse> get(@PathParam("appId") String appId, @PathParam("id") String id) {
        return segments.get(appId, id).map(SegmentResponse::of);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<SegmentResponse> update(@PathParam("appId") String appId, @PathParam("id") String id,
            @Valid @NotNull SegmentRequest request) {
        return segments.update(appId, id, request.draft()).map(SegmentResponse::of);
    }

    @DELETE
    @Path("/{id}")
    public Uni<RestResponse<Void>> delete(@PathParam("appId") String appId, @PathParam("id") String id) {
        return segments.delete(appId, id).map(done -> RestResponse.noContent());
    }

    @GET
    @Path("/{id}/size")
    public Uni<Map<String, Object>> size(@PathParam("appId") String appId, @PathParam("id") String id) {
        return segments.get(appId, id).map(s -> Map.of("size", s.size(), "status", s.status(), "progress", s.progress()));
    }

    @GET
    @Path("/{id}/members/{userId}")
    public Uni<MembershipResponse> member(@PathParam("appId") String appId, @PathParam("id") String id,
            @PathParam("userId") @Pattern(regexp = PathIds.USER_ID, message = PathIds.USER_ID_MESSAGE) String userId) {
        return segments.explain(appId, id, userId).map(MembershipResponse::of);
    }

    /** Streams a list of user ids into a static segment (CSV or NDJSON, chosen by Content-Type). */
    @POST
    @Path("/{id}/members")
    @Consumes({"text/csv", "text/plain", "application/x-ndjson"})
    @Blocking
    public UploadResponse uploadMembers(
            @PathParam("appId") @Pattern(regexp = PathIds.APP_ID, message = PathIds.APP_ID_MESSAGE) String appId,
            @PathParam("id") String id, @HeaderParam("Content-Type") String contentType, InputStream body) {
        return UploadResponse.of(
                upload.upload(appId, id, body, contentType != null && contentType.startsWith("application/x-ndjson")));
    }
}
