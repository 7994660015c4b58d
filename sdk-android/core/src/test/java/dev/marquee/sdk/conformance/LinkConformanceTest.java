package dev.marquee.sdk.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

import dev.marquee.sdk.link.LinkPolicy;

class LinkConformanceTest {

    @TestFactory
    Stream<DynamicTest> linkPolicy() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : Vectors.read("links.json").get("cases")) {
            List<String> schemes = new ArrayList<>();
            c.get("schemes").forEach(s -> schemes.add(s.asText()));
            String expected = c.get("allowed").isNull() ? null : c.get("allowed").asText();
            String url = c.get("url").asText();
            tests.add(DynamicTest.dynamicTest(url + " with " + schemes,
                    () -> assertEquals(expected, LinkPolicy.allowedLink(url, schemes))));
        }
        return tests.stream();
    }
}
