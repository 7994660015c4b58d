package dev.marquee.campaign.app.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.marquee.campaign.app.service.KeySpec;
import dev.marquee.campaign.error.InvalidField;
import dev.marquee.contracts.app.AdminRole;
import dev.marquee.contracts.app.CredentialKind;
import dev.marquee.contracts.app.SdkScope;

/**
 * A credential to issue. An SDK key takes {@code scopes} (default: read and track), {@code allowedOrigins} (web
 * origins, exact, no wildcard; empty: any) and {@code bundleIds} (mobile app ids; empty: any). An admin token takes a
 * {@code role}.
 */
@Schema(example = "{\"kind\": \"SDK_KEY\", \"name\": \"web shop\", \"scopes\": [\"READ\", \"TRACK\"], \"allowedOrigins\": [\"https://shop.example.com\"], \"bundleIds\": []}")
public record KeyRequest(
        @NotNull CredentialKind kind,
        @NotBlank @Size(max = 200) String name,
        AdminRole role,
        @Size(min = 1, max = 3) List<@NotNull SdkScope> scopes,
        @Size(max = 50) List<@NotNull @Pattern(regexp = ORIGIN, message = "must be an origin such as https://shop.example.com") String> allowedOrigins,
        @Size(max = 50) List<@NotNull @Pattern(regexp = BUNDLE_ID, message = "must be a bundle id such as com.example.shop") String> bundleIds) {

    /** Scheme, host and optional port, lowercase: what a browser sends in {@code Origin}. */
    static final String ORIGIN = "https?://[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?(:[0-9]{1,5})?";
    static final String BUNDLE_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,154}";

    KeySpec toSpec() {
        if (kind == CredentialKind.ADMIN_TOKEN) {
            if (role == null) {
                throw new InvalidField("role", "an admin token needs a role (ADMIN, EDITOR or VIEWER)");
            }
            if (scopes != null || allowedOrigins != null || bundleIds != null) {
                throw new InvalidField(
                        scopes != null ? "scopes" : allowedOrigins != null ? "allowedOrigins" : "bundleIds",
                        "applies to SDK keys only");
            }
            return KeySpec.adminToken(name, role);
        }
        if (role != null) {
            throw new InvalidField("role", "applies to admin tokens only");
        }
        return KeySpec.sdkKey(name, scopes == null ? List.of(SdkScope.READ, SdkScope.TRACK) : scopes,
                allowedOrigins == null ? List.of() : allowedOrigins.stream().distinct().toList(),
                bundleIds == null ? List.of() : bundleIds.stream().distinct().toList());
    }
}
