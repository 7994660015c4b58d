package dev.marquee.sdk.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

import dev.marquee.sdk.queue.Backoff;
import dev.marquee.sdk.queue.BatchOutcome;
import dev.marquee.sdk.queue.RetryPolicy;

class RetryConformanceTest {
    private static final JsonNode FILE = Vectors.read("retry.json");

    @TestFactory
    Stream<DynamicTest> retryDecisions() {
        List<String> batch = new ArrayList<>();
        FILE.get("batch").forEach(id -> batch.add(id.asText()));
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : FILE.get("cases")) {
            List<String> rejectedResults = new ArrayList<>();
            List<String> fields = new ArrayList<>();
            JsonNode body = c.path("body");
            body.path("results").forEach(r -> {
                if (r.path("status").asText().equals("rejected")) {
                    rejectedResults.add(r.has("eventId") ? r.get("eventId").asText() : batch.get(r.get("index").asInt()));
                }
            });
            body.path("errors").forEach(e -> fields.add(e.path("field").asText()));
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                BatchOutcome outcome = RetryPolicy.decide(c.get("status").asInt(),
                        c.has("retryAfter") ? c.get("retryAfter").asText() : null, c.get("list").asText(), batch,
                        rejectedResults, fields, 0);
                assertEquals(c.get("kind").asText(), outcome.kind().name().toLowerCase(java.util.Locale.ROOT));
                if (outcome.kind() == BatchOutcome.Kind.RETRY) {
                    JsonNode expected = c.get("retryAfterMs");
                    assertEquals(expected.isNull() ? null : expected.asLong(), outcome.retryAfterMs());
                } else {
                    List<String> expected = new ArrayList<>();
                    c.get("rejected").forEach(id -> expected.add(id.asText()));
                    assertEquals(expected, outcome.rejected());
                }
            }));
        }
        return tests.stream();
    }

    @Test
    void backoffDoublesToTheCapWithJitter() {
        JsonNode b = FILE.get("backoff");
        Backoff high = new Backoff(b.get("baseMs").asLong(), b.get("capMs").asLong(), () -> 1);
        Backoff low = new Backoff(b.get("baseMs").asLong(), b.get("capMs").asLong(), () -> 0);
        for (JsonNode ceiling : b.get("ceilingsMs")) {
            assertEquals(ceiling.asLong(), high.next());
            assertEquals(ceiling.asLong() / 2, low.next());
        }
    }
}
