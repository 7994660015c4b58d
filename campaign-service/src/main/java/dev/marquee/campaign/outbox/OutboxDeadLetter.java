package dev.marquee.campaign.outbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An outbox event that Kafka kept refusing for its own reason, set aside so that the events after it are published. It
 * keeps everything needed to publish it again by hand (see the service README, "Dead letters").
 */
@Entity
@Table(name = "outbox_dead_letter")
public class OutboxDeadLetter {

    /** The outbox row's id, kept: the event's place in commit order. */
    @Id
    public Long id;

    public String topic;

    @Column(name = "event_key")
    public String eventKey;

    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    public int attempts;

    public String reason;

    @Column(name = "dead_at")
    public Instant deadAt;

    public static OutboxDeadLetter of(OutboxEntry entry, String reason, Instant now) {
        OutboxDeadLetter letter = new OutboxDeadLetter();
        letter.id = entry.id;
        letter.topic = entry.topic;
        letter.eventKey = entry.eventKey;
        letter.payload = entry.payload;
        letter.createdAt = entry.createdAt;
        letter.attempts = entry.attempts;
        letter.reason = reason;
        letter.deadAt = now;
        return letter;
    }
}
