package dev.marquee.sdk.queue;

import java.util.Collections;
import java.util.List;

/**
 * How an answer settled a batch, as the web SDK's {@code BatchOutcome}: {@code DELIVERED} (every entry leaves, the
 * rejected ones logged), {@code REFUSED} (the named entries leave, the rest is sent again at once), {@code RETRY}
 * (nothing leaves; sent again after the backoff or {@code Retry-After}, whichever is longer).
 */
public final class BatchOutcome {
    public enum Kind {
        DELIVERED, REFUSED, RETRY
    }

    private final Kind kind;
    private final List<String> rejected;
    private final Long retryAfterMs;
    private final String reason;

    private BatchOutcome(Kind kind, List<String> rejected, Long retryAfterMs, String reason) {
        this.kind = kind;
        this.rejected = Collections.unmodifiableList(rejected);
        this.retryAfterMs = retryAfterMs;
        this.reason = reason;
    }

    static BatchOutcome delivered(List<String> rejected) {
        return new BatchOutcome(Kind.DELIVERED, rejected, null, "delivered");
    }

    static BatchOutcome refused(List<String> rejected) {
        return new BatchOutcome(Kind.REFUSED, rejected, null, "refused");
    }

    static BatchOutcome retry(String reason, Long retryAfterMs) {
        return new BatchOutcome(Kind.RETRY, Collections.emptyList(), retryAfterMs, reason);
    }

    public Kind kind() {
        return kind;
    }

    /** the event ids that leave the queue as invalid */
    public List<String> rejected() {
        return rejected;
    }

    /** the server's {@code Retry-After} in milliseconds, null when absent or unreadable */
    public Long retryAfterMs() {
        return retryAfterMs;
    }

    public String reason() {
        return reason;
    }
}
