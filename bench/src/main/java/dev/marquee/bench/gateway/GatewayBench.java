package dev.marquee.bench.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.marquee.contracts.trust.AssertedRequest;
import dev.marquee.contracts.trust.GatewayAssertion;
import dev.marquee.infra.store.EmbeddedKafkaServer;
import dev.marquee.infra.store.EmbeddedRedisServer;
import dev.marquee.infra.store.FreePort;

/**
 * The gateway's added latency on the SDK path: the same GET /v1/sdk/messages sent to delivery-service directly and
 * through the gateway (key check, rate-limit round trip to Redis, proxying), one request at a time, after a warm-up.
 * Real Redis and Kafka (embedded), the packaged services. Run by bench/gateway/run.sh.
 */
public class GatewayBench {

    /** The key the gateway signs its assertions with and delivery-service verifies them with (a bench-only value). */
    private static final String TRUST_KEY = "marquee-bench-trust-key-only-for-benchmarks-01";

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath();
        int requests = Integer.parseInt(args[1]);
        Path state = Files.createTempDirectory("marquee-bench-gateway");
        List<Process> processes = new ArrayList<>();
        try (EmbeddedRedisServer redis = EmbeddedRedisServer.start(0, null);
                EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(0, state.resolve("kafka"))) {
            int deliveryPort = FreePort.find();
            int gatewayPort = FreePort.find();
            List<String> common = List.of("-Dkafka.bootstrap.servers=" + kafka.bootstrapServers(),
                    "-Dquarkus.redis.hosts=" + redis.url(), "-Dmarquee.trust.keys=" + TRUST_KEY);
            processes.add(start(root, "delivery-service", state, common, "-Dquarkus.http.port=" + deliveryPort));
            // the access log off: one line per request would measure the console, not the gateway
            processes.add(start(root, "gateway", state, common, "-Dquarkus.http.port=" + gatewayPort,
                    "-Dmarquee.gateway.delivery-url=http://127.0.0.1:" + deliveryPort,
                    "-Dquarkus.log.category.\"marquee.access\".level=WARN",
                    // one bench user sends thousands of requests a second: the buckets are still checked (the cost
                    // measured), just large enough never to refuse
                    "-Dmarquee.gateway.rate-limits.sdk-capacity=1000000",
                    "-Dmarquee.gateway.rate-limits.sdk-refill-per-second=1000000",
                    "-Dmarquee.gateway.rate-limits.sdk-user-capacity=1000000",
                    "-Dmarquee.gateway.rate-limits.sdk-user-refill-per-second=1000000"));

            String appId = UUID.randomUUID().toString();
            String key = "mq_pk_" + UUID.randomUUID();
            publishKey(kafka.bootstrapServers(), appId, key);

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            // delivery-service trusts only what the gateway signed: the direct path signs each request as the gateway
            // does (an HMAC, a few microseconds, counted against the direct path)
            GatewayAssertion assertion = new GatewayAssertion(List.of(TRUST_KEY), Clock.systemUTC());
            String target = "/v1/sdk/messages?userId=bench-user";
            Supplier<HttpRequest> direct = () -> HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + deliveryPort
                    + target)).header(AssertedRequest.APP_ID_HEADER, appId)
                    .header(GatewayAssertion.HEADER, assertion.sign(new AssertedRequest("GET", target, appId, null,
                            null, null)))
                    .build();
            HttpRequest gatewayRequest = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort
                    + target)).header("X-Marquee-Key", key).build();
            Supplier<HttpRequest> viaGateway = () -> gatewayRequest;
            awaitOk(http, direct);
            awaitOk(http, viaGateway);

            int warmUp = Math.max(1000, requests / 2);
            time(http, direct, warmUp);
            time(http, viaGateway, warmUp);
            long[] directTimes = time(http, direct, requests);
            long[] gatewayTimes = time(http, viaGateway, requests);

            System.out.printf("requests per path: %d (sequential, after %d warm-up requests each)%n", requests, warmUp);
            System.out.println("| Path | p50 (ms) | p99 (ms) |");
            System.out.println("|---|---|---|");
            row("delivery-service directly", directTimes);
            row("through the gateway", gatewayTimes);
            System.out.printf("| **added by the gateway** | **%.2f** | **%.2f** |%n",
                    ms(percentile(gatewayTimes, 50) - percentile(directTimes, 50)),
                    ms(percentile(gatewayTimes, 99) - percentile(directTimes, 99)));
        } finally {
            for (Process process : processes) {
                process.destroy();
            }
            for (Process process : processes) {
                process.waitFor();
            }
        }
    }

    private static Process start(Path root, String module, Path state, List<String> common, String... settings)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC"));
        command.addAll(common);
        command.addAll(List.of(settings));
        command.add("-jar");
        command.add(root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar").toString());
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(state.resolve(module + ".log").toFile()).start();
    }

    /** As campaign-service would: the app's full state on app.events.v1, the key as its SHA-256. */
    private static void publishKey(String bootstrap, String appId, String key) throws Exception {
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(StandardCharsets.UTF_8)));
        String event = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"CREATED\",\"appId\":\"" + appId
                + "\",\"name\":\"Bench\",\"occurredAt\":\"" + Instant.now() + "\",\"credentials\":[{\"id\":\""
                + UUID.randomUUID() + "\",\"kind\":\"SDK_KEY\",\"name\":\"bench\",\"hash\":\"" + hash
                + "\",\"scopes\":[\"READ\",\"TRACK\"],\"allowedOrigins\":[],\"bundleIds\":[]}],"
                + "\"settings\":{\"maxMessagesPerSession\":10,\"maxMessagesPerDay\":10,\"minSecondsBetweenMessages\":30}}";
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrap);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>("app.events.v1", appId, event)).get();
        }
    }

    private static void awaitOk(HttpClient http, Supplier<HttpRequest> request) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        int last = 0;
        while (System.nanoTime() < deadline) {
            try {
                last = http.send(request.get(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (last == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(request.get().uri() + " never answered 200 (last: " + last + ")");
    }

    private static long[] time(HttpClient http, Supplier<HttpRequest> requests, int count) throws Exception {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            HttpRequest request = requests.get();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            nanos[i] = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static void row(String path, long[] sorted) {
        System.out.printf("| %s | %.2f | %.2f |%n", path, ms(percentile(sorted, 50)), ms(percentile(sorted, 99)));
    }
}
