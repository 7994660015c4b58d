package dev.marquee.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;

/** An open Server-Sent Events stream whose lines are kept as they arrive; closing it hangs up. */
final class EventStreamLines implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean closed;

    private EventStreamLines() {
    }

    static EventStreamLines open(URI uri, Map<String, String> headers) {
        EventStreamLines stream = new EventStreamLines();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.fromLineSubscriber(stream.new Reader()));
        return stream;
    }

    /** The lines received so far, such as {@code event:message}, {@code id:1} and {@code data:{...}}. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    boolean received(String text) {
        return lines.stream().anyMatch(line -> line.contains(text));
    }

    @Override
    public void close() {
        closed = true;
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    private final class Reader implements Flow.Subscriber<String> {

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (closed) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(String line) {
            lines.add(line);
        }

        @Override
        public void onError(Throwable error) {
            // the server went away (an instance stopped at the end of a test): the lines so far are the result
        }

        @Override
        public void onComplete() {
        }
    }
}
