package dev.marquee.gateway.refusal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why the gateway answers a call itself instead of forwarding it (or instead of the upstream's answer): the status, a
 * short title, a detail for the client, and the headers that go with it ({@code Retry-After}, {@code Connection}). A
 * domain value: {@code rest/Problems} is the one place that turns it into {@code application/problem+json}.
 */
public record Refusal(int status, String title, String detail, Map<String, String> headers) {

    public Refusal {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static Refusal of(int status, String title, String detail) {
        return new Refusal(status, title, detail, Map.of());
    }

    /** This refusal with one more header (kept in the order added when written). */
    public Refusal withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Refusal(status, title, detail, more);
    }
}
