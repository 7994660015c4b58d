package dev.marquee.sdk.stream;

import java.util.ArrayList;
import java.util.List;

/**
 * An incremental parser of the Server-Sent Events format, the same as the web SDK's {@code sse.ts}: lines end with
 * CRLF, LF or CR; {@code data:} lines of one event join with "\n"; {@code :} starts a comment; an {@code id:} is
 * remembered for {@code Last-Event-ID}; {@code retry:} is ignored (the SDK's own backoff decides).
 */
public final class SseParser {
    private final StringBuilder buffer = new StringBuilder();
    private boolean started;
    private final List<String> data = new ArrayList<>();
    private String type = "";
    private String id;
    private String ownId = "";

    /** Starts from the id of the last event a previous connection received ("" for none). */
    public SseParser(String lastEventId) {
        this.id = lastEventId == null ? "" : lastEventId;
    }

    public String lastEventId() {
        return id;
    }

    /** Feeds decoded text; returns the events completed by it. */
    public List<SseEvent> push(String chunk) {
        buffer.append(chunk);
        if (!started && buffer.length() > 0) {
            started = true;
            if (buffer.charAt(0) == '\uFEFF') {
                buffer.deleteCharAt(0);
            }
        }
        List<SseEvent> events = new ArrayList<>();
        for (;;) {
            int end = lineEnd();
            if (end < 0) {
                break;
            }
            boolean cr = buffer.charAt(end) == '\r';
            if (cr && end == buffer.length() - 1) {
                break; // a CR at the end of the chunk may be the first half of a CRLF
            }
            String line = buffer.substring(0, end);
            buffer.delete(0, end + (cr && buffer.charAt(end + 1) == '\n' ? 2 : 1));
            SseEvent event = line(line);
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    private int lineEnd() {
        for (int i = 0; i < buffer.length(); i++) {
            char c = buffer.charAt(i);
            if (c == '\r' || c == '\n') {
                return i;
            }
        }
        return -1;
    }

    private SseEvent line(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.startsWith(":")) {
            return null;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" :
                type = value;
                break;
            case "data" :
                data.add(value);
                break;
            case "id" :
                if (value.indexOf('\0') < 0) {
                    id = value;
                    ownId = value;
                }
                break;
            default :
                // unknown fields are ignored
        }
        return null;
    }

    private SseEvent dispatch() {
        List<String> lines = new ArrayList<>(data);
        String eventType = type;
        String eventId = ownId;
        data.clear();
        type = "";
        ownId = "";
        if (lines.isEmpty()) {
            return null;
        }
        return new SseEvent(eventType.isEmpty() ? "message" : eventType, String.join("\n", lines), id, eventId);
    }
}
