package dev.marquee.gateway.rest;

import io.vertx.core.json.JsonObject;

/** An RFC 9457 problem detail, answered as {@code application/problem+json}. */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail);
    }

    /** Built by hand rather than by reflection: the gateway answers these on the event loop, also in native mode. */
    public String toJson() {
        return new JsonObject()
                .put("type", type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .encode();
    }
}
