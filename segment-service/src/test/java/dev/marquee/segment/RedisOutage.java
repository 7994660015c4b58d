package dev.marquee.segment;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import dev.marquee.infra.store.EmbeddedRedisServer;

/**
 * Stops the tests' real Redis and starts a new one on the same port, as an outage followed by a restart without
 * persistence would (all data lost). The new server outlives the test class: the other classes of the run keep using
 * the port, so it is stopped when the test JVM exits.
 */
public final class RedisOutage {

    private RedisOutage() {
    }

    /** {@code redisUrl}: the {@code quarkus.redis.hosts} the application uses. */
    public static void stop(String redisUrl) {
        URI uri = URI.create(redisUrl);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write("*2\r\n$8\r\nSHUTDOWN\r\n$6\r\nNOSAVE\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the server closes the connection when it exits
            while (socket.getInputStream().read() >= 0) {
                // nothing to read
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void restart(String redisUrl) {
        try {
            EmbeddedRedisServer redis = EmbeddedRedisServer.start(URI.create(redisUrl).getPort(), null);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    redis.close();
                } catch (IOException e) {
                    // the JVM is exiting
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
