package dev.marquee.sdk.queue;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an answer of {@code POST /v1/sdk/events} or {@code /v1/sdk/interactions} settles a batch, as the web SDK's
 * {@code outcomes.ts}: 2xx delivers (the results answered {@code rejected} leave as invalid); 429 and 5xx are
 * retried honouring {@code Retry-After}; another 4xx drops only the entries its field errors name
 * ({@code events[3].name}), and one naming none keeps the batch, since dropping it would lose events not at fault.
 */
public final class RetryPolicy {

    private RetryPolicy() {
    }

    /**
     * @param list {@code events} or {@code interactions}
     * @param batchIds the batch's event ids in the order sent
     * @param rejectedResults the event ids of a 2xx answer's results with status {@code rejected}
     * @param errorFields the {@code field} of each error of a problem+json answer
     */
    public static BatchOutcome decide(int status, String retryAfter, String list, List<String> batchIds,
            List<String> rejectedResults, List<String> errorFields, long nowMillis) {
        if (status >= 200 && status < 300) {
            return BatchOutcome.delivered(new ArrayList<>(rejectedResults));
        }
        if (status == 429 || status >= 500 || status < 200) {
            return BatchOutcome.retry("the server answered " + status, retryAfterMs(retryAfter, nowMillis));
        }
        Pattern named = Pattern.compile("^" + Pattern.quote(list) + "\\[(\\d+)\\]");
        Set<String> rejected = new LinkedHashSet<>();
        for (String field : errorFields) {
            Matcher m = named.matcher(field);
            if (m.find()) {
                int index = Integer.parseInt(m.group(1));
                if (index < batchIds.size()) {
                    rejected.add(batchIds.get(index));
                }
            }
        }
        if (!rejected.isEmpty()) {
            return BatchOutcome.refused(new ArrayList<>(rejected));
        }
        return BatchOutcome.retry("the server refused the whole batch (" + status + ") without naming an item", null);
    }

    /** {@code Retry-After} in milliseconds: delay-seconds or an HTTP date; null when absent or unreadable. */
    public static Long retryAfterMs(String value, long nowMillis) {
        if (value == null || value.trim().isEmpty()) {
            return null;
        }
        String text = value.trim();
        if (text.matches("\\d+")) {
            return Long.parseLong(text) * 1000;
        }
        try {
            long at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
            return Math.max(0, at - nowMillis);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
