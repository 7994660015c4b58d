package dev.marquee.campaign.campaign.rest;

import java.util.Map;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What to preview: a variant (default: the first), a locale as a device reports it, and a sample profile whose
 * attributes fill the personalization placeholders ({@code first_name}, {@code custom.plan}).
 */
@Schema(example = """
        {"variant": "A", "locale": "fr-CA", "profile": {"first_name": "ada", "tier": "gold"}}""")
public record PreviewRequest(
        @Size(max = 40) String variant,
        @Size(max = 35) String locale,
        @Size(max = 100) Map<String, Object> profile) {
}
