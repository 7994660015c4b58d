package dev.marquee.delivery.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.mutiny.redis.client.Response;

/**
 * A Lua script of the service's resources ({@code lua/*.lua}, each with a header naming its KEYS and ARGV), read once
 * and run by its SHA-1 (EVALSHA): a call sends a few bytes, not the script. Redis forgets scripts on a restart, a
 * failover or {@code SCRIPT FLUSH}; the first call after that fails with NOSCRIPT, and the script is then loaded
 * ({@code SCRIPT LOAD}) and the call run once more. Every script of this service runs this way (as the gateway's and
 * segment-service's do).
 */
public final class RedisScript {

    private final String name;
    private final String source;
    private final String sha;

    private RedisScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha = sha1(source);
    }

    /** {@code resource}: a path on the class path, e.g. {@code lua/decide.lua}. */
    public static RedisScript load(String resource) {
        try (InputStream in = RedisScript.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            return new RedisScript(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SHA-1 Redis knows the script by (hex, lowercase). */
    public String sha() {
        return sha;
    }

    /** Runs the script with {@code keys} and {@code args}; a NOSCRIPT answer loads it and runs it once more. */
    public Uni<Response> run(RedisAPI redis, List<String> keys, List<String> args) {
        List<String> call = new ArrayList<>(2 + keys.size() + args.size());
        call.add(sha);
        call.add(Integer.toString(keys.size()));
        call.addAll(keys);
        call.addAll(args);
        return redis.evalsha(call)
                .onFailure(RedisScript::noScript)
                .recoverWithUni(() -> redis.script(List.of("LOAD", source)).chain(loaded -> {
                    if (!sha.equals(loaded.toString())) {
                        return Uni.createFrom().failure(new IllegalStateException(
                                "Redis loaded " + name + " as " + loaded + ", expected " + sha));
                    }
                    return redis.evalsha(call);
                }));
    }

    private static boolean noScript(Throwable e) {
        return e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT");
    }

    private static String sha1(String source) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}
