package dev.marquee.delivery.outcome.messaging;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.marquee.delivery.error.Unavailable;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.RedisAPI;

/**
 * Tells a store outage from a poison event. A failure is an outage when it says the store could not be reached or did
 * not answer (I/O, time-outs, Kafka's retriable errors, Redis replies such as {@code LOADING} or {@code OOM}) or when
 * Redis does not answer a {@code PING} right after it; anything else (an exception of the processing itself, a Redis
 * script error on the event's data) while Redis answers is the event's own. Outages are waited out, never
 * dead-lettered: a misread poison event only delays its conversion, a misread outage would drop it.
 */
@ApplicationScoped
public class StoreOutage {

    /** Redis error replies that say "not now" rather than "not this". */
    private static final Set<String> TRANSIENT_REDIS_ERRORS = Set.of("LOADING", "BUSY", "MASTERDOWN", "READONLY",
            "CLUSTERDOWN", "TRYAGAIN", "OOM", "NOREPLICAS", "MISCONF", "MOVED", "ASK", "NOAUTH", "WRONGPASS");

    private static final Duration PING_TIMEOUT = Duration.ofSeconds(2);

    private final RedisAPI redis;

    public StoreOutage(RedisAPI redis) {
        this.redis = redis;
    }

    /** Whether {@code failure} comes from a store being away (wait and retry) rather than from what was processed. */
    public Uni<Boolean> explains(Throwable failure) {
        if (isOutage(failure)) {
            return Uni.createFrom().item(true);
        }
        return redis.ping(List.of())
                .ifNoItem().after(PING_TIMEOUT).fail()
                .map(pong -> false)
                .onFailure().recoverWithItem(true);
    }

    /** By the failure alone: whether any exception of its cause chain says a store could not be reached. */
    public static boolean isOutage(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof JsonProcessingException) {
                return false; // an IOException by type, but about the data
            }
            if (e instanceof Unavailable || e instanceof IOException
                    || e instanceof java.util.concurrent.TimeoutException
                    || e instanceof io.smallrye.mutiny.TimeoutException
                    || e instanceof org.apache.kafka.common.errors.RetriableException
                    || e instanceof org.apache.kafka.common.errors.AuthenticationException
                    || e instanceof org.apache.kafka.common.errors.AuthorizationException
                    || e instanceof org.apache.kafka.common.errors.InterruptException) {
                return true;
            }
            String type = e.getClass().getName();
            // the Vert.x clients report a closed connection or a full pool with these
            if (type.equals("io.vertx.core.VertxException") || type.equals("io.vertx.core.impl.NoStackTraceThrowable")
                    || type.endsWith("ConnectionPoolTooBusyException")) {
                return true;
            }
            if (isTransientRedisReply(e.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientRedisReply(String message) {
        if (message == null || message.isEmpty()) {
            return false;
        }
        int space = message.indexOf(' ');
        String code = space < 0 ? message : message.substring(0, space);
        return code.equals(code.toUpperCase(Locale.ROOT)) && TRANSIENT_REDIS_ERRORS.contains(code);
    }
}
