package dev.marquee.gateway.edge;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import io.vertx.ext.web.RoutingContext;

/**
 * One line per call on the {@code marquee.access} category: method, path, query, status, duration, request id and
 * who called (a credential id, never a secret). Headers are never logged; query values whose name suggests a secret
 * are masked, since clients do put keys there by mistake. Turn it off with
 * {@code quarkus.log.category."marquee.access".level=WARN}.
 */
public final class AccessLog {

    public static final String CATEGORY = "marquee.access";
    /** Set by the routes once the caller is known: the principal (credential id or {@code operator}). */
    public static final String PRINCIPAL_KEY = "marquee.principal";

    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final Pattern SECRET_NAME = Pattern.compile(".*(key|token|secret|signature|password|auth|hmac).*");
    static final String MASK = "***";

    private AccessLog() {
    }

    public static void handle(RoutingContext ctx) {
        if (LOG.isInfoEnabled()) {
            long start = System.nanoTime();
            ctx.addEndHandler(v -> LOG.infof("%s %s%s %d %dms id=%s by=%s", ctx.request().method().name(),
                    ctx.request().path(), masked(ctx.request().query()), ctx.response().getStatusCode(),
                    (System.nanoTime() - start) / 1_000_000, ctx.get(RequestIds.CONTEXT_KEY),
                    ctx.get(PRINCIPAL_KEY, "-")));
        }
        ctx.next();
    }

    /** {@code ?a=1&api_key=abc} → {@code ?a=1&api_key=***}; empty for no query. */
    static String masked(String query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("?");
        for (String pair : query.split("&")) {
            if (out.length() > 1) {
                out.append('&');
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (eq >= 0 && SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
                out.append(name).append('=').append(MASK);
            } else {
                out.append(pair);
            }
        }
        return out.toString();
    }
}
