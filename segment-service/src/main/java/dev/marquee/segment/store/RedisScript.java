package dev.marquee.segment.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.mutiny.redis.client.Request;
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

    /**
     * Runs the script once per call, all calls pipelined (one round trip per {@link RedisPipeline} chunk instead of one
     * per call).
     * After a Redis restart the first attempt fails with NOSCRIPT: the script is loaded and the batch sent again, which
     * the callers' scripts allow (they are idempotent per event id, or plain set operations).
     */
    public Uni<List<Response>> runAll(Redis client, List<List<String>> calls) {
        if (calls.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        // a failed batch reports the first error prefixed ("ERR [0] NOSCRIPT …")
        return Uni.createFrom().deferred(() -> RedisPipeline.send(client, requests(calls)))
                .onFailure(e -> e.getMessage() != null && e.getMessage().contains("NOSCRIPT"))
                .recoverWithUni(() -> client.send(Request.cmd(Command.SCRIPT).arg("LOAD").arg(source))
                        .chain(() -> RedisPipeline.send(client, requests(calls))));
    }

    private List<Request> requests(List<List<String>> calls) {
        List<Request> requests = new ArrayList<>(calls.size());
        for (List<String> call : calls) {
            Request request = Request.cmd(Command.EVALSHA).arg(sha);
            call.forEach(request::arg);
            requests.add(request);
        }
        return requests;
    }

    private static List<String> with(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
