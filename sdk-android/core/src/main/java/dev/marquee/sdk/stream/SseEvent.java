package dev.marquee.sdk.stream;

import java.util.Objects;

/**
 * One dispatched Server-Sent Event: its type ({@code message} when absent), data, the stream's last event id so far
 * (for {@code Last-Event-ID}) and its own id ("" when it had none).
 */
public final class SseEvent {
    private final String type;
    private final String data;
    private final String lastEventId;
    private final String id;

    public SseEvent(String type, String data, String lastEventId, String id) {
        this.type = type;
        this.data = data;
        this.lastEventId = lastEventId;
        this.id = id;
    }

    public String type() {
        return type;
    }

    public String data() {
        return data;
    }

    public String lastEventId() {
        return lastEventId;
    }

    public String id() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SseEvent)) {
            return false;
        }
        SseEvent other = (SseEvent) o;
        return type.equals(other.type) && data.equals(other.data) && lastEventId.equals(other.lastEventId)
                && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, data, lastEventId, id);
    }

    @Override
    public String toString() {
        return "SseEvent[type=" + type + ", data=" + data + ", lastEventId=" + lastEventId + ", id=" + id + "]";
    }
}
