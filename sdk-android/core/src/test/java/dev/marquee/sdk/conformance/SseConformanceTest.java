package dev.marquee.sdk.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

import dev.marquee.sdk.stream.SseEvent;
import dev.marquee.sdk.stream.SseParser;

class SseConformanceTest {

    @TestFactory
    Stream<DynamicTest> parsingAndResume() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : Vectors.read("sse.json").get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                SseParser parser = new SseParser(c.has("resumeFrom") ? c.get("resumeFrom").asText() : "");
                List<SseEvent> events = new ArrayList<>();
                c.get("chunks").forEach(chunk -> events.addAll(parser.push(chunk.asText())));
                List<SseEvent> expected = new ArrayList<>();
                c.get("events").forEach(e -> expected.add(new SseEvent(e.get("type").asText(),
                        e.get("data").asText(), e.get("lastEventId").asText(), e.get("id").asText())));
                assertEquals(expected, events);
                assertEquals(c.get("lastEventId").asText(), parser.lastEventId());
            }));
        }
        return tests.stream();
    }
}
