package dev.marquee.segment;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.segment.config.TimeSource;
import io.quarkus.test.Mock;

/** The service's clock in tests: real time plus an offset a test may move forward (and must reset). */
@Mock
@ApplicationScoped
public class TestClock extends TimeSource {

    private static volatile Duration offset = Duration.ZERO;

    @Override
    public Instant now() {
        return Instant.now().plus(offset);
    }

    public static void advance(Duration by) {
        offset = offset.plus(by);
    }

    public static void reset() {
        offset = Duration.ZERO;
    }
}
