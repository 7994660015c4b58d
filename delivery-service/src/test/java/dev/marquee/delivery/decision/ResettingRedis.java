package dev.marquee.delivery.decision;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.marquee.infra.store.EmbeddedRedisServer;

/**
 * A real Redis behind a TCP proxy that, while {@link #resetAfterScript(boolean)} is on, lets a script through to Redis
 * and then resets the client's connection instead of passing the reply on: the client cannot know whether the script
 * ran (it did). One per test JVM, started by the first test profile that asks for it, stopped with the JVM. The
 * switch is a system property: the profile and the test see this class through different class loaders.
 */
final class ResettingRedis {

    private static final String RESET = "marquee.test.redis.reset-after-script";

    private static ResettingRedis instance;

    private final EmbeddedRedisServer redis;
    private final ServerSocket proxy;

    private ResettingRedis() throws IOException {
        redis = EmbeddedRedisServer.start(0, null);
        proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(this::accept, "resetting-redis");
        accepting.setDaemon(true);
        accepting.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
    }

    /** The proxy's URL, what {@code quarkus.redis.hosts} names. */
    static synchronized String url() {
        try {
            if (instance == null) {
                instance = new ResettingRedis();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redis://127.0.0.1:" + instance.proxy.getLocalPort();
    }

    static void resetAfterScript(boolean on) {
        System.setProperty(RESET, Boolean.toString(on));
    }

    private void accept() {
        while (!proxy.isClosed()) {
            try {
                Socket client = proxy.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), redis.port());
                AtomicBoolean cut = new AtomicBoolean();
                pump(upstream, client, cut, false);
                pump(client, upstream, cut, true);
            } catch (IOException e) {
                // the proxy was closed
            }
        }
    }

    private static void pump(Socket from, Socket to, AtomicBoolean cut, boolean requests) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    boolean script = requests && Boolean.getBoolean(RESET)
                            && new String(buffer, 0, n, StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT).contains("EVAL");
                    if (script) {
                        cut.set(true);
                    }
                    if (requests || !cut.get()) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                    if (script) {
                        Thread.sleep(100);
                        Socket client = from;
                        client.setSoLinger(true, 0);
                        client.close();
                        to.close();
                        return;
                    }
                }
            } catch (IOException | InterruptedException e) {
                // either side went away: so does the other
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "resetting-redis-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private void stop() {
        try {
            proxy.close();
            redis.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
