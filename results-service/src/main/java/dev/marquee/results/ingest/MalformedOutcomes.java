package dev.marquee.results.ingest;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.marquee.contracts.delivery.DeliveryOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Outcomes ingest cannot use: not JSON of a {@link DeliveryOutcome}, missing what a report needs, or holding a value
 * PostgreSQL refuses. Each is skipped and counted in {@code marquee_results_malformed_total} (by {@code reason}); the
 * first is logged at WARN, the later ones at DEBUG, so a flood of them cannot flood the log. They never stop ingest.
 */
@Startup
@ApplicationScoped
public class MalformedOutcomes {

    public static final String METRIC = "marquee.results.malformed";

    /** Longest id a report keys on; longer ones are not ids a producer of ours makes. */
    static final int MAX_ID_LENGTH = 256;

    private static final Logger LOG = Logger.getLogger(MalformedOutcomes.class);

    private final MeterRegistry registry;
    private final AtomicBoolean logged = new AtomicBoolean();

    public MalformedOutcomes(MeterRegistry registry) {
        this.registry = registry;
        // registered at start, so that the metric reads 0 before the first malformed outcome
        for (Reason reason : Reason.values()) {
            counter(reason);
        }
    }

    public enum Reason {
        /** the bytes are not a delivery outcome this version reads */
        UNREADABLE,
        /** a field a report needs is missing or unusable */
        INCOMPLETE,
        /** PostgreSQL refused a value of it */
        UNSTORABLE
    }

    /** Why {@code outcome} cannot be ingested, or {@code null} when it can. */
    public static String problem(DeliveryOutcome outcome) {
        if (outcome == null) {
            return "not a delivery outcome";
        }
        if (outcome.type() == null || outcome.occurredAt() == null) {
            return "type or occurredAt is missing";
        }
        String ids = id("eventId", outcome.eventId(), true);
        ids = ids != null ? ids : id("appId", outcome.appId(), true);
        ids = ids != null ? ids : id("campaignId", outcome.campaignId(), true);
        ids = ids != null ? ids : id("userId", outcome.userId(), true);
        ids = ids != null ? ids : id("variantId", outcome.variantId(), false);
        ids = ids != null ? ids : id("buttonId", outcome.buttonId(), false);
        return ids;
    }

    private static String id(String field, String value, boolean required) {
        if (value == null) {
            return required ? field + " is missing" : null;
        }
        if (value.isEmpty() || value.length() > MAX_ID_LENGTH || value.indexOf('\0') >= 0) {
            return field + " is empty, longer than " + MAX_ID_LENGTH + " characters or holds a NUL";
        }
        return null;
    }

    public void skip(Reason reason, String where, String why) {
        counter(reason).increment();
        if (logged.compareAndSet(false, true)) {
            LOG.warnf("skipped a malformed outcome (%s at %s): %s; further ones are counted in "
                    + "marquee_results_malformed_total and logged at DEBUG", reason, where, why);
        } else {
            LOG.debugf("skipped a malformed outcome (%s at %s): %s", reason, where, why);
        }
    }

    private Counter counter(Reason reason) {
        return Counter.builder(METRIC).description("Outcomes skipped because ingest cannot use them")
                .tag("reason", reason.name().toLowerCase()).register(registry);
    }
}
