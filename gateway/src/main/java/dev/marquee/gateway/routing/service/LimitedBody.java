package dev.marquee.gateway.routing.service;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body that fails once more than {@code limit} bytes went through. Quarkus refuses a declared
 * {@code Content-Length} above {@code quarkus.http.limits.max-body-size} by itself; a chunked body declares nothing,
 * so the gateway counts while it streams.
 */
final class LimitedBody implements ReadStream<Buffer> {

    private final ReadStream<Buffer> source;
    private final long limit;
    private long received;
    private boolean exceeded;
    private Handler<Throwable> exceptionHandler;

    LimitedBody(ReadStream<Buffer> source, long limit) {
        this.source = source;
        this.limit = limit;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(chunk -> {
            if (exceeded) {
                return;
            }
            received += chunk.length();
            if (received > limit) {
                exceeded = true;
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new BodyTooLargeException(limit));
                }
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        source.endHandler(endHandler);
        return this;
    }

    static final class BodyTooLargeException extends RuntimeException {

        BodyTooLargeException(long limit) {
            super("the request body exceeds " + limit + " bytes", null, false, false);
        }
    }
}
