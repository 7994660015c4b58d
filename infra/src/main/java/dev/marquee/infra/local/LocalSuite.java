package dev.marquee.infra.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import dev.marquee.infra.store.EmbeddedKafkaServer;
import dev.marquee.infra.store.EmbeddedPostgresServer;
import dev.marquee.infra.store.EmbeddedRedisServer;
import dev.marquee.infra.store.FreePort;

/**
 * The whole platform on one machine: real PostgreSQL, Redis and Kafka, then the five services as child JVMs. Used by
 * {@code ./marquee up} and by the end-to-end test, so that both run the same thing.
 */
public final class LocalSuite implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final SuiteConfig config;
    private final OrphanReaper reaper;
    private final Consumer<String> log;
    private final String operatorToken;
    /** The key the gateway signs its assertions with and the services verify them by, new for every run. */
    private final String trustKey;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Map<Service, Integer> instancesStarted = new EnumMap<>(Service.class);
    private EmbeddedPostgresServer postgres;
    private EmbeddedRedisServer redis;
    private EmbeddedKafkaServer kafka;

    private LocalSuite(SuiteConfig config, Consumer<String> log) {
        this.config = config;
        this.reaper = new OrphanReaper(config.stateDir());
        this.log = log;
        this.operatorToken = "mq_op_" + randomSecret();
        this.trustKey = "mq_trust_" + randomSecret();
    }

    public static LocalSuite start(SuiteConfig config, Consumer<String> log) throws IOException, InterruptedException {
        LocalSuite suite = new LocalSuite(config, log);
        try {
            suite.startAll();
        } catch (IOException | InterruptedException | RuntimeException e) {
            suite.close();
            throw e;
        }
        return suite;
    }

    /**
     * Stops one service as a crash would (every instance of it), the others and the stores keep running (for outage
     * tests).
     */
    public void stop(Service service) {
        services.stream().filter(process -> process.service() == service).forEach(ServiceProcess::stop);
    }

    /**
     * One more instance of {@code service} on a free port, with the same stores and settings as the suite's own: a
     * second replica, as Kubernetes would run it (e.g. two delivery-services fanning SSE messages out through Redis).
     * The gateway keeps routing to the suite's instance only; call this one at {@link Instance#url()}. Answers once it
     * is ready; closing it stops it, and closing the suite stops it at the latest.
     */
    public Instance startInstance(Service service) throws IOException, InterruptedException {
        int number = instancesStarted.merge(service, 1, Integer::sum);
        ServiceProcess process = ServiceProcess.start(service, service.module() + "-" + number, FreePort.find(), config,
                settings(service), environment(service));
        reaper.record(process.name(), process.pid());
        services.add(process);
        Instance instance = new Instance(process);
        try {
            process.awaitReady(READY_TIMEOUT);
        } catch (IOException | InterruptedException | RuntimeException e) {
            instance.close();
            throw e;
        }
        log.accept(process.name() + " ready at " + process.url());
        return instance;
    }

    /** A further instance of a service, started by {@link #startInstance(Service)}. */
    public final class Instance implements AutoCloseable {

        private final ServiceProcess process;

        private Instance(ServiceProcess process) {
            this.process = process;
        }

        public String url() {
            return process.url();
        }

        @Override
        public void close() {
            process.stop();
            services.remove(process);
            forget(process.name());
        }
    }

    public String gatewayUrl() {
        return config.url(Service.GATEWAY);
    }

    /** Where {@code service} listens (loopback for all but the gateway); only the gateway's signed calls answer. */
    public String url(Service service) {
        return config.url(service);
    }

    /** The operator's token for this run: the only credential that may create apps. */
    public String operatorToken() {
        return operatorToken;
    }

    /** The trust key of this run: what a test needs to call a service as the gateway would. */
    public String trustKey() {
        return trustKey;
    }

    private void startAll() throws IOException, InterruptedException {
        reapOrphans();
        requireFreePorts();
        long started = System.nanoTime();
        // the common pool has one thread on two cores: the stores get their own so that they start side by side
        ExecutorService starter = Executors.newFixedThreadPool(3);
        CompletableFuture<EmbeddedPostgresServer> pg = async(
                () -> EmbeddedPostgresServer.start(config.postgresPort(), config.stateDir().resolve("postgres")), starter);
        CompletableFuture<EmbeddedRedisServer> rd = async(
                () -> EmbeddedRedisServer.start(config.redisPort(), redisPidFile()), starter);
        CompletableFuture<EmbeddedKafkaServer> kf = async(
                () -> EmbeddedKafkaServer.start(config.kafkaPort(), config.stateDir().resolve("kafka")), starter);
        try {
            CompletableFuture.allOf(pg, rd, kf).join();
        } catch (CompletionException e) {
            // keep whatever did start so that close() stops it
            postgres = pg.isCompletedExceptionally() ? null : pg.getNow(null);
            redis = rd.isCompletedExceptionally() ? null : rd.getNow(null);
            kafka = kf.isCompletedExceptionally() ? null : kf.getNow(null);
            throw new IOException("an embedded store failed to start: " + e.getCause().getMessage(), e.getCause());
        } finally {
            starter.shutdown();
        }
        postgres = pg.join();
        redis = rd.join();
        kafka = kf.join();
        log.accept(String.format("stores up in %.1f s: postgres :%d, redis :%d, kafka %s", seconds(started),
                postgres.port(), redis.port(), kafka.bootstrapServers()));

        for (Service service : Service.values()) {
            instancesStarted.put(service, 1);
            ServiceProcess process = ServiceProcess.start(service, service.module(), config.port(service), config,
                    settings(service), environment(service));
            reaper.record(process.name(), process.pid());
            services.add(process);
        }
        for (ServiceProcess service : services) {
            service.awaitReady(READY_TIMEOUT);
            log.accept(String.format("%s ready at %s (%.1f s)", service.name(), service.url(), seconds(started)));
        }
    }

    /** The trust key is given in the environment, not on the command line, where every local user could read it. */
    private Map<String, String> environment(Service service) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("MARQUEE_TRUST_KEYS", trustKey);
        if (service == Service.GATEWAY) {
            // marquee.gateway.results-url, as an environment variable: a gateway without the results route yet ignores
            // it, where an unknown -D under its config mapping's prefix would stop it (SRCFG00050)
            environment.put("MARQUEE_GATEWAY_RESULTS_URL", config.url(Service.RESULTS));
        }
        return environment;
    }

    private Map<String, String> settings(Service service) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (service != Service.GATEWAY) {
            // only the gateway is for clients; the services answer on loopback (and only what the gateway signed)
            settings.put("quarkus.http.host", "127.0.0.1");
        }
        settings.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        // Redis: segment-service (profiles, membership), delivery-service (caps, inbox) and the gateway (rate limits)
        switch (service) {
            case CAMPAIGN -> {
                settings.put("quarkus.datasource.reactive.url", postgres.reactiveUrl());
                settings.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
                settings.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
                settings.put("quarkus.datasource.password", EmbeddedPostgresServer.PASSWORD);
            }
            case SEGMENT -> {
                // the shared database; segment-service keeps its tables (and Flyway history) in its own schema
                settings.put("quarkus.datasource.reactive.url", postgres.reactiveUrl());
                settings.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
                settings.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
                settings.put("quarkus.datasource.password", EmbeddedPostgresServer.PASSWORD);
                settings.put("quarkus.redis.hosts", redis.url());
            }
            case DELIVERY -> settings.put("quarkus.redis.hosts", redis.url());
            case RESULTS -> {
                // the shared database; results-service keeps its tables (and Flyway history) in its own schema
                // `results` (deployed, it has a database of its own); no Redis
                settings.put("quarkus.datasource.reactive.url", postgres.reactiveUrl());
                settings.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
                settings.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
                settings.put("quarkus.datasource.password", EmbeddedPostgresServer.PASSWORD);
            }
            case GATEWAY -> {
                settings.put("marquee.gateway.campaign-url", config.url(Service.CAMPAIGN));
                settings.put("marquee.gateway.delivery-url", config.url(Service.DELIVERY));
                settings.put("marquee.gateway.segment-url", config.url(Service.SEGMENT));
                settings.put("quarkus.redis.hosts", redis.url());
                settings.put("marquee.gateway.operator-token-sha256", sha256(operatorToken));
            }
        }
        return settings;
    }

    private void reapOrphans() throws IOException {
        List<String> stopped = new ArrayList<>(reaper.reap());
        stopped.addAll(reaper.reapPidFile("postgres", config.stateDir().resolve("postgres/postmaster.pid"),
                config.stateDir().toAbsolutePath().toString()));
        stopped.addAll(reaper.reapPidFile("redis", redisPidFile(), "127.0.0.1:" + config.redisPort()));
        if (!stopped.isEmpty()) {
            log.accept("stopped processes left by a previous run: " + String.join(", ", stopped));
        }
    }

    private void requireFreePorts() throws IOException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("postgres", config.postgresPort());
        ports.put("redis", config.redisPort());
        ports.put("kafka", config.kafkaPort());
        for (Service service : Service.values()) {
            ports.put(service.module(), config.port(service));
        }
        List<String> busy = new ArrayList<>();
        ports.forEach((name, port) -> {
            if (port > 0 && !FreePort.isFree(port)) {
                busy.add(name + " :" + port);
            }
        });
        if (!busy.isEmpty()) {
            throw new IOException("ports in use by another program: " + String.join(", ", busy)
                    + " (is another Marquee running from a different folder?)");
        }
    }

    private Path redisPidFile() {
        return config.stateDir().resolve("redis/redis.pid");
    }

    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).stop();
            forget(services.get(i).name());
        }
        services.clear();
        closeQuietly(kafka);
        closeQuietly(redis);
        closeQuietly(postgres);
    }

    private void forget(String name) {
        try {
            reaper.forget(name);
        } catch (IOException e) {
            log.accept("could not remove the PID file of " + name + ": " + e.getMessage());
        }
    }

    private void closeQuietly(AutoCloseable store) {
        if (store == null) {
            return;
        }
        try {
            store.close();
        } catch (Exception e) {
            log.accept("stopping a store failed: " + e.getMessage());
        }
    }

    static String sha256(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private interface StoreStart<T> {
        T start() throws IOException;
    }

    private static <T> CompletableFuture<T> async(StoreStart<T> start, ExecutorService executor) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return start.start();
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, executor);
    }
}
