package dev.marquee.campaign.app.rest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.marquee.campaign.app.App;
import dev.marquee.campaign.app.service.AppService.AppWithCredentials;

/** An app and its credentials' metadata; the two secrets appear only in the answer that created them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
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
