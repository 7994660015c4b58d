package dev.marquee.infra.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import redis.embedded.RedisServer;
import redis.embedded.RedisServerBuilder;

/** A real redis-server (the binary shipped in org.signal:embedded-redis) on loopback, without persistence. */
public final class EmbeddedRedisServer implements AutoCloseable {

    private final RedisServer redis;
    private final int port;

    private EmbeddedRedisServer(RedisServer redis, int port) {
        this.redis = redis;
        this.port = port;
    }

    /** Starts redis on {@code port} (0: a free one). A non-null {@code pidFile} receives the server's PID. */
    public static EmbeddedRedisServer start(int port, Path pidFile) throws IOException {
        int actualPort = port > 0 ? port : FreePort.find();
        if (pidFile != null) {
            Files.createDirectories(pidFile.getParent());
        }
        for (int attempt = 1;; attempt++) {
            // a builder builds once: a retry needs a new one
            RedisServer redis = builder(actualPort, pidFile).build();
            try {
                redis.start();
                return new EmbeddedRedisServer(redis, actualPort);
            } catch (RuntimeException e) {
                if (attempt == 3 || !textFileBusy(e)) {
                    throw e;
                }
            }
        }
    }

    private static RedisServerBuilder builder(int port, Path pidFile) {
        RedisServerBuilder builder = RedisServer.builder()
                .bind("127.0.0.1")
                .port(port)
                .setting("save \"\"")
                .setting("appendonly no");
        if (pidFile != null) {
            builder.setting("pidfile " + pidFile.toAbsolutePath());
        }
        return builder;
    }

    /**
     * ETXTBSY: the freshly extracted binary was still open for writing in a child process that another thread forked
     * at that instant (stores start in parallel), so it could not be executed. Extracting and starting again works.
     */
    private static boolean textFileBusy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Text file busy")) {
                return true;
            }
        }
        return false;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() throws IOException {
        redis.stop();
    }
}
