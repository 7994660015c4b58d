package dev.marquee.campaign.outbox.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletionException;

import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParseException;

/** Which publish failures may ever dead-letter an outbox event: the record's own, never an outage. */
class KafkaRefusalTest {

    @Test
    void aRefusalOfTheRecordItselfIsTheEventsOwn() {
        assertTrue(KafkaRefusal.of(new RecordTooLargeException("too large")).isPresent());
        assertTrue(KafkaRefusal.of(new CompletionException(new SerializationException("no"))).isPresent());
        assertTrue(KafkaRefusal.of(new JsonParseException(null, "not json")).isPresent());
        assertTrue(KafkaRefusal.of(new KafkaRefusal.UnknownTopicException("x.v1")).isPresent());
    }

    @Test
    void outagesAndAnythingUnknownAreWaitedOut() {
        assertFalse(KafkaRefusal.of(new TimeoutException("Expiring 1 record(s)")).isPresent());
        assertFalse(KafkaRefusal.of(new CompletionException(new NetworkException("gone"))).isPresent());
        assertFalse(KafkaRefusal.of(new NotLeaderOrFollowerException("moved")).isPresent());
        assertFalse(KafkaRefusal.of(new TopicAuthorizationException("denied")).isPresent());
        assertFalse(KafkaRefusal.of(new IllegalStateException("anything else")).isPresent());
    }
}
