package dev.marquee.gateway.routing;

import java.util.Arrays;
import java.util.Optional;

import dev.marquee.contracts.app.AdminRole;

/**
 * The resources of the management API under {@code /v1/apps/{appId}}: which service owns each, and the least role
 * that may read it and change it (admin ⊃ editor ⊃ viewer). A resource not listed here is answered 404 by the
 * gateway itself.
 */
public enum ManagedResource {

    /** {@code /v1/apps/{appId}} itself. */
    APP("", Service.CAMPAIGN, AdminRole.VIEWER, AdminRole.ADMIN), CAMPAIGNS("campaigns", Service.CAMPAIGN, AdminRole.VIEWER,
            AdminRole.EDITOR), SETTINGS("settings", Service.CAMPAIGN, AdminRole.VIEWER, AdminRole.ADMIN),
    /** Secrets management: even their metadata is for admins only. */
    KEYS("keys", Service.CAMPAIGN, AdminRole.ADMIN, AdminRole.ADMIN), IDENTITY_VERIFICATION("identity-verification",
            Service.CAMPAIGN, AdminRole.ADMIN, AdminRole.ADMIN), SEGMENTS("segments", Service.SEGMENT, AdminRole.VIEWER,
                    AdminRole.EDITOR),
    /** User profiles and server-side event ingestion: personal data, changed by the app's backend (admin). */
    USERS("users", Service.SEGMENT, AdminRole.VIEWER, AdminRole.ADMIN), EVENTS("events", Service.SEGMENT, AdminRole.VIEWER,
            AdminRole.ADMIN),
    /** Server-triggered messages ("payment failed"): sending one is campaign work. */
    MESSAGES("messages", Service.DELIVERY, AdminRole.VIEWER, AdminRole.EDITOR),
    /** Why a user did or did not get a message: a diagnosis that changes nothing, whatever the method. */
    EXPLAIN("explain", Service.DELIVERY, AdminRole.VIEWER, AdminRole.VIEWER),
    /** Who created, renamed and deleted the app (read only). */
    AUDIT("audit", Service.CAMPAIGN, AdminRole.VIEWER, AdminRole.ADMIN),
    /**
     * The erasure of a deleted app: its admin tokens are revoked with it, so in practice the operator's (who alone may
     * delete an app: {@code DELETE /v1/apps/{appId}}).
     */
    DELETION("deletion", Service.CAMPAIGN, AdminRole.ADMIN, AdminRole.ADMIN),
    /**
     * Campaign results ({@code /v1/apps/{appId}/campaigns/{campaignId}/results}, routed here by its path, and what
     * comes under {@code /results}): reports that change nothing, for every role.
     */
    RESULTS("results", Service.RESULTS, AdminRole.VIEWER, AdminRole.EDITOR);

    /** The services behind the gateway. */
    public enum Service {
        CAMPAIGN, SEGMENT, DELIVERY, RESULTS
    }

    private final String segment;
    private final Service service;
    private final AdminRole toRead;
    private final AdminRole toWrite;

    ManagedResource(String segment, Service service, AdminRole toRead, AdminRole toWrite) {
        this.segment = segment;
        this.service = service;
        this.toRead = toRead;
        this.toWrite = toWrite;
    }

    /** The resource named by the first path segment after the app id ({@code ""} for the app itself). */
    public static Optional<ManagedResource> of(String segment) {
        return Arrays.stream(values()).filter(r -> r.segment.equals(segment)).findFirst();
    }

    /** The path segment naming this resource. */
    public String segment() {
        return segment;
    }

    public Service service() {
        return service;
    }

    /** The least role for this call: reads (GET, HEAD) need {@code toRead}, everything else {@code toWrite}. */
    public AdminRole required(boolean read) {
        return read ? toRead : toWrite;
    }

    /** AdminRole lists the roles from the most to the least powerful. */
    public static boolean suffices(AdminRole held, AdminRole required) {
        return held != null && held.ordinal() <= required.ordinal();
    }
}
