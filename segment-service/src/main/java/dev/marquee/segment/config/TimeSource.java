package dev.marquee.segment.config;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The service's clock. Rules such as "not seen for 7 days" become true by the passage of time alone; tests replace
 * this bean with one they can move forward.
 */
@ApplicationScoped
public class TimeSource {

    public Instant now() {
        return Instant.now();
    }
}
