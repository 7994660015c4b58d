package dev.marquee.gateway.edge;

import java.util.UUID;
import java.util.regex.Pattern;

/** The {@code X-Request-Id} that follows a call through the services: the client's if sane, else a new one. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String CONTEXT_KEY = "marquee.request-id";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private RequestIds() {
    }

    public static String accept(String inbound) {
        return inbound != null && SANE.matcher(inbound).matches() ? inbound : UUID.randomUUID().toString();
    }
}
