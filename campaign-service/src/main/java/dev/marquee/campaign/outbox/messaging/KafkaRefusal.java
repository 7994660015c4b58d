package dev.marquee.campaign.outbox.messaging;

import java.util.Optional;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Which publish failures are the event's own. Only a refusal of the record itself counts: too large for the producer or
 * the broker, invalid, not serializable, a payload that no longer reads as its event, or a topic the relay has no
 * channel for. Anything else (time-outs, a broker away, leadership changes, authorization, anything unknown) is taken
 * for an outage: the row waits, however long, and is never dead-lettered. A misread outage would drop events; a misread
 * poison event only delays the ones after it.
 */
public final class KafkaRefusal {

    private KafkaRefusal() {
    }

    /** The exception of {@code failure}'s cause chain that says the record itself was refused, if any. */
    public static Optional<Throwable> of(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof RecordTooLargeException || e instanceof RecordBatchTooLargeException
                    || e instanceof InvalidRecordException || e instanceof SerializationException
                    || e instanceof JsonProcessingException || e instanceof UnknownTopicException) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** An outbox row naming a topic the relay does not publish to. */
    static final class UnknownTopicException extends RuntimeException {
        UnknownTopicException(String topic) {
            super("no channel for topic " + topic);
        }
    }
}
