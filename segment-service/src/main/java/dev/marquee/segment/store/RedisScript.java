package dev.marquee.segment.store;

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
 * A Lua script run by its SHA-1 (EVALSHA), so the hot path sends a few bytes instead of the script and Redis does not
 * hash it again on every call; the first call after a Redis restart sends it once (EVAL), which caches it again.
 */
public final class RedisScript {

    private final String source;
    private final String sha;

    public RedisScript(String source) {
        this.source = source;
        try {
            this.sha = HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code numKeysKeysAndArgs}: the number of keys, the keys, then the arguments (as EVAL takes them). */
    public Uni<Response> run(RedisAPI redis, List<String> numKeysKeysAndArgs) {
        return redis.evalsha(with(sha, numKeysKeysAndArgs))
                .onFailure(e -> e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT"))
                .recoverWithUni(() -> redis.eval(with(source, numKeysKeysAndArgs)));
    }

    private static List<String> with(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
