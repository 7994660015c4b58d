package dev.marquee.campaign.app.rest;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.marquee.campaign.app.App;
import dev.marquee.campaign.app.service.AppService.AppWithCredentials;

/** An app and its credentials' metadata; the two secrets appear only in the answer that created them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(example = "{\"id\": \"3c9b2f1e-…\", \"name\": \"Demo shop\", \"createdAt\": \"2026-11-23T10:00:00Z\", \"credentials\": [{\"id\": \"k-1\", \"kind\": \"SDK_KEY\", \"name\": \"default\", \"scopes\": [\"READ\", \"TRACK\"], \"allowedOrigins\": [], \"bundleIds\": [], \"createdAt\": \"2026-11-23T10:00:00Z\"}], \"sdkKey\": \"mq_pk_…\", \"adminToken\": \"mq_at_…\"}")
public record AppResponse(String id, String name, Instant createdAt, List<KeyView> credentials, String sdkKey,
        String adminToken) {

    static AppResponse summary(App app) {
        return new AppResponse(app.id, app.name, app.createdAt, null, null, null);
    }

    static AppResponse of(AppWithCredentials app) {
        return new AppResponse(app.app().id, app.app().name, app.app().createdAt,
                app.credentials().stream().map(KeyView::of).toList(),
                app.sdkKey(), app.adminToken());
    }
}
