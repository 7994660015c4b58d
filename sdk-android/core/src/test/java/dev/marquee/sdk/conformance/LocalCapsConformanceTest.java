package dev.marquee.sdk.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

import dev.marquee.sdk.caps.LocalCaps;
import dev.marquee.sdk.trigger.Trigger;

class LocalCapsConformanceTest {
    private static final JsonNode FILE = Vectors.read("local-caps.json");

    @TestFactory
    Stream<DynamicTest> localDecisions() {
        List<LocalCaps.Candidate> synced = new ArrayList<>();
        for (JsonNode m : FILE.get("synced")) {
            List<Trigger> triggers = new ArrayList<>();
            m.get("triggers").forEach(t -> triggers.add(new Trigger(t.get("type").asText(),
                    t.has("name") ? t.get("name").asText() : null, List.of(), t.path("delaySeconds").asInt(0))));
            synced.add(new LocalCaps.Candidate(m.get("campaignId").asText(), triggers));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : FILE.get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                JsonNode event = c.get("event");
                LocalCaps.Decision decision = LocalCaps.decide(event.get("type").asText(),
                        event.has("name") ? event.get("name").asText() : null, null, c.get("refused").asBoolean(),
                        "session-caps".equals(c.get("fallbackDisplay").asText()), synced, texts(c.get("shownLocally")));
                assertEquals(c.get("kind").asText(), decision.kind.name().toLowerCase(Locale.ROOT));
                if (decision.kind == LocalCaps.Kind.SHOW) {
                    assertEquals(c.get("campaignId").asText(), decision.campaignId);
                    assertEquals(c.get("delaySeconds").asInt(), decision.delaySeconds);
                }
            }));
        }
        for (JsonNode c : FILE.get("reEligibility")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                JsonNode stored = c.get("stored");
                String storedSession = stored.isNull() ? null : stored.get("sessionId").asText();
                List<String> storedCampaigns = stored.isNull() ? null : texts(stored.get("campaigns"));
                assertEquals(texts(c.get("shownLocally")), new ArrayList<>(
                        LocalCaps.shownThisSession(storedSession, storedCampaigns, c.get("sessionId").asText())));
            }));
        }
        return tests.stream();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
