package dev.marquee.segment.store;

import java.util.ArrayList;
import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Sends many commands pipelined, in chunks: a connection holds at most {@code max-waiting-handlers} (2048 by default)
 * commands awaiting their answer, and a larger batch fails as a whole ("Redis waiting queue is full"). Chunks go one
 * after the other, so the answers come back in the order of the requests.
 */
public final class RedisPipeline {

    static final int CHUNK = 1000;

    private RedisPipeline() {
    }

    public static Uni<List<Response>> send(Redis client, List<Request> requests) {
        return send(client, requests, 0, new ArrayList<>(requests.size()));
    }

    private static Uni<List<Response>> send(Redis client, List<Request> requests, int from, List<Response> answers) {
        if (from >= requests.size()) {
            return Uni.createFrom().item(answers);
        }
        int to = Math.min(requests.size(), from + CHUNK);
        return client.batch(requests.subList(from, to)).chain(chunk -> {
            answers.addAll(chunk);
            return send(client, requests, to, answers);
        });
    }
}
