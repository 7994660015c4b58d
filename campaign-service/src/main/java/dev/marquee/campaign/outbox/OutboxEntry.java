package dev.marquee.campaign.outbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An event written in the same transaction as the change it describes, waiting for the relay. */
@Entity
@Table(name = "outbox")
public class OutboxEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String topic;

    @Column(name = "event_key")
    public String eventKey;

    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Relay passes that failed on this event for its own reason (outages are not counted). */
    public int attempts;

    /** Why the last pass could not publish it, outage or not: what an operator looks at first. */
    @Column(name = "last_error")
    public String lastError;
}
