package dev.marquee.bench.segments;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.marquee.contracts.trust.AssertedRequest;
import dev.marquee.contracts.trust.GatewayAssertion;
import dev.marquee.infra.store.EmbeddedKafkaServer;
import dev.marquee.infra.store.EmbeddedPostgresServer;
import dev.marquee.infra.store.EmbeddedRedisServer;
import dev.marquee.infra.store.FreePort;

/**
 * Delay from event ingestion to membership visible in Redis, at a steady rate. Starts real PostgreSQL, Redis and
 * Kafka (infra) and the packaged segment-service, defines "bought in the last day", then posts batches of purchase
 * events of new users (POST /v1/apps/{appId}/events) at RATE events/s for SECONDS. Each user's delay is measured from
 * the moment its batch was sent to the moment Redis reports the SADD on the user's membership set (keyspace
 * notification), i.e. when delivery-service could first see it.
 *
 * Run through run.sh (it builds and sets the classpath): bench/segments/run.sh [rate] [seconds]. The topic
 * user.events.v1 is given PARTITIONS (default 1) partitions first, and the service CONSUMERS (default 1) copies of its
 * consumer, each polling at most MAX_POLL (default 1000, as configured) records at a time.
 */
public class SegmentBench {

    /** The key of the gateway's signed assertions that segment-service verifies (a bench-only value). */
    private static final String TRUST_KEY = "marquee-bench-trust-key-only-for-benchmarks-01";
    private static final GatewayAssertion ASSERTION = new GatewayAssertion(List.of(TRUST_KEY), java.time.Clock.systemUTC());

    public static void main(String[] args) throws Exception {
        boolean upload = args.length > 0 && args[0].equals("upload");
        if (upload) {
            args = Arrays.copyOfRange(args, 1, args.length);
        }
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Path jar = Path.of(args.length > 2 ? args[2] : "segment-service/target/quarkus-app/quarkus-run.jar");
        Path work = Files.createTempDirectory("segment-bench");
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(0, null);
                EmbeddedRedisServer redis = EmbeddedRedisServer.start(0, null);
                EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(0, null)) {
            // as an operator would: the topic has partitions for the service's consumers to share (infra creates 1)
            int partitions = Integer.getInteger("partitions", 1);
            if (partitions > 1) {
                try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                        Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                    admin.createPartitions(Map.of("user.events.v1",
                            org.apache.kafka.clients.admin.NewPartitions.increaseTo(partitions))).all().get();
                }
            }
            int port = FreePort.find();
            Process service = new ProcessBuilder("java", "-Xmx768m",
                    // copies of the consumer in the group (each with its own partitions and batches in flight)
                    "-Dmp.messaging.incoming.user-events.concurrency=" + Integer.getInteger("consumers", 1),
                    // records per poll, i.e. per batch the consumer applies in rounds
                    "-Dmp.messaging.incoming.user-events.max.poll.records=" + Integer.getInteger("maxPoll", 1000),
                    "-Dquarkus.http.port=" + port,
                    "-Dmarquee.trust.keys=" + TRUST_KEY,
                    "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers(),
                    "-Dquarkus.redis.hosts=" + redis.url(),
                    "-Dquarkus.datasource.reactive.url=" + postgres.reactiveUrl(),
                    "-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(),
                    "-Dquarkus.datasource.username=" + EmbeddedPostgresServer.USER,
                    "-Dquarkus.datasource.password=" + EmbeddedPostgresServer.PASSWORD,
                    "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(work.resolve("service.log").toFile()).start();
            try {
                if (upload) {
                    upload(rate, "http://127.0.0.1:" + port);
                } else {
                    run(rate, seconds, "http://127.0.0.1:" + port, redis.port());
                }
            } finally {
                service.destroy();
                service.waitFor();
            }
        }
    }

    private static void run(int rate, int seconds, String base, int redisPort) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        await(() -> get(http, base + "/q/health/ready") == 200, "segment-service ready");
        String appId = "bench";
        String created = send(http, base + "/v1/apps/" + appId + "/segments",
                "{\"name\":\"Bought today\",\"rules\":{\"event\":\"purchase\",\"times\":1,\"withinDays\":1}}");
        String segmentId = created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        await(() -> send(http, base + "/v1/apps/" + appId + "/segments/" + segmentId, null).contains("\"READY\""),
                "segment built");

        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> delays = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread listener = new Thread(() -> listen(redisPort, appId, sentAt, delays), "keyspace");
        listener.setDaemon(true);
        listener.start();
        Thread.sleep(500);

        // warm-up at the same rate (JIT, connection pools, Kafka fetch sizes), not measured
        int warmup = Integer.getInteger("warmup", 20);
        drive(http, base, appId, rate, warmup, "w", sentAt, delays);
        synchronized (delays) {
            delays.clear();
        }
        sentAt.clear();
        long[] outcome = drive(http, base, appId, rate, seconds, "u", sentAt, delays);
        long expected = outcome[0];
        long rejectedCount = outcome[1];
        double sendSeconds = outcome[2] / 1000.0;
        long[] sorted;
        synchronized (delays) {
            sorted = delays.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        System.out.printf("rate %d events/s for %d s (sent in %.1f s): %d events, %d rejected, %d memberships seen%n",
                rate, seconds, sendSeconds, expected, rejectedCount, sorted.length);
        if (sorted.length > 0) {
            System.out.printf("ingestion -> membership in Redis: p50 %d ms, p99 %d ms, max %d ms%n",
                    percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1]);
        }
    }

    /** Streams {@code count} user ids as CSV into a new static segment and times the whole request. */
    private static void upload(int count, String base) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
        await(() -> get(http, base + "/q/health/ready") == 200, "segment-service ready");
        String created = send(http, base + "/v1/apps/bench/segments", "{\"name\":\"Uploaded\",\"kind\":\"STATIC\"}");
        String segmentId = created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        InputStream ids = new InputStream() {
            private int next;
            private byte[] line = "userId\n".getBytes(StandardCharsets.UTF_8);
            private int position;

            @Override
            public int read() {
                if (position == line.length) {
                    if (next == count) {
                        return -1;
                    }
                    line = ("user-" + next++ + "\n").getBytes(StandardCharsets.UTF_8);
                    position = 0;
                }
                return line[position++];
            }
        };
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(signed("POST",
                URI.create(base + "/v1/apps/bench/segments/" + segmentId + "/members"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new BufferedInputStream(ids, 1 << 16)))
                .timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("static upload of %d ids (CSV, streamed): HTTP %d in %.1f s: %s%n", count,
                response.statusCode(), seconds, response.body());
    }

    /** Sends {@code rate} events/s for {@code seconds}, then waits until their memberships were seen (or 60 s). */
    private static long[] drive(HttpClient http, String base, String appId, int rate, int seconds, String prefix,
            Map<String, Long> sentAt, List<Long> delays) throws InterruptedException {
        // batches of at most 1000 (the API's limit), as many per second as the rate needs
        int batchesPerSecond = Math.max(1, (rate + 999) / 1000);
        int batch = rate / batchesPerSecond;
        long intervalNanos = 1_000_000_000L / batchesPerSecond;
        AtomicLong rejected = new AtomicLong();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        long start = System.nanoTime();
        int total = batchesPerSecond * seconds;
        for (int b = 0; b < total; b++) {
            long due = start + b * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            StringBuilder body = new StringBuilder("{\"events\":[");
            long now = System.nanoTime();
            for (int i = 0; i < batch; i++) {
                String userId = prefix + b + "-" + i;
                sentAt.put(userId, now);
                body.append(i == 0 ? "" : ",").append("{\"eventId\":\"").append(userId)
                        .append("\",\"userId\":\"").append(userId)
                        .append("\",\"type\":\"track\",\"name\":\"purchase\",\"properties\":{\"amount\":12}}");
            }
            body.append("]}");
            HttpRequest request = signed("POST", URI.create(base + "/v1/apps/" + appId + "/events"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
            inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenAccept(r -> {
                if (r.statusCode() != 202) {
                    rejected.addAndGet(batch);
                }
            }));
        }
        long sendMillis = (System.nanoTime() - start) / 1_000_000;
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        long expected = (long) total * batch;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (delays.size() < expected - rejected.get() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return new long[]{expected, rejected.get(), sendMillis};
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** PSUBSCRIBE to keyspace notifications of the app's membership sets (raw RESP: no client library needed). */
    private static void listen(int port, String appId, Map<String, Long> sentAt, List<Long> delays) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            command(out, "CONFIG", "SET", "notify-keyspace-events", "Ks");
            readReply(in);
            command(out, "PSUBSCRIBE", "__keyspace@0__:mq:{" + appId + ":*}:segments");
            while (true) {
                Object reply = readReply(in);
                if (reply instanceof Object[] message && message.length == 4 && "sadd".equals(message[3])) {
                    long now = System.nanoTime();
                    String key = (String) message[2];
                    String userId = key.substring(key.indexOf(':', key.indexOf('{')) + 1, key.lastIndexOf('}'));
                    Long sent = sentAt.remove(userId);
                    if (sent != null) {
                        delays.add((now - sent) / 1_000_000);
                    }
                }
            }
        } catch (IOException e) {
            System.err.println("keyspace listener stopped: " + e.getMessage());
        }
    }

    private static void command(OutputStream out, String... parts) throws IOException {
        StringBuilder b = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String part : parts) {
            b.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
        }
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static Object readReply(InputStream in) throws IOException {
        int type = in.read();
        String line = readLine(in);
        switch (type) {
            case '+', '-', ':' -> {
                return line;
            }
            case '$' -> {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return null;
                }
                byte[] data = in.readNBytes(length);
                in.readNBytes(2);
                return new String(data, StandardCharsets.UTF_8);
            }
            case '*' -> {
                int count = Integer.parseInt(line);
                Object[] items = new Object[Math.max(0, count)];
                for (int i = 0; i < count; i++) {
                    items[i] = readReply(in);
                }
                return items;
            }
            default -> throw new IOException("unexpected RESP type " + (char) type + " " + line + " "
                    + Arrays.toString(new int[]{type}));
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            b.append((char) c);
        }
        in.read();
        return b.toString();
    }

    private static int get(HttpClient http, String url) {
        try {
            return http.send(signed("GET", URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String send(HttpClient http, String url, String json) {
        try {
            HttpRequest.Builder request = signed(json == null ? "GET" : "POST", URI.create(url));
            if (json != null) {
                request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return "";
        }
    }

    /**
     * A request as the gateway forwards it: segment-service trusts only what the gateway signed (an HMAC per request,
     * a few microseconds).
     */
    private static HttpRequest.Builder signed(String method, URI uri) {
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return HttpRequest.newBuilder(uri).header(GatewayAssertion.HEADER,
                ASSERTION.sign(new AssertedRequest(method, target, null, null, null, null)));
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }
}
