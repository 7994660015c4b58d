package dev.marquee.gateway.routing.service;

import dev.marquee.contracts.app.AdminRole;
import dev.marquee.gateway.keys.KnownCredential;

/** What the gateway decided about a caller, before any upstream is involved. */
public sealed interface Verdict {

    /**
     * Let through; {@code appId} is the app the caller acts for (null for the operator's app list), {@code principal}
     * who (a stable id), {@code name} the credential's name for audit entries, {@code role} the admin role (null for SDK
     * keys; {@code ADMIN} for the operator), {@code credential} the key or token used (null for the operator).
     */
    record Allowed(String appId, String principal, String name, AdminRole role, KnownCredential credential)
            implements
                Verdict {

        public Allowed(String appId, String principal) {
            this(appId, principal, principal, AdminRole.ADMIN, null);
        }
    }

    /** Refused with this status and problem detail. */
    record Refused(int status, String title, String detail) implements Verdict {
    }

    static Verdict unauthorized(String detail) {
        return new Refused(401, "Unauthorized", detail);
    }

    static Verdict forbidden(String detail) {
        return new Refused(403, "Forbidden", detail);
    }

    static Verdict notFound() {
        return new Refused(404, "Not found", "There is nothing at this path.");
    }
}
