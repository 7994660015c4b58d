package dev.marquee.campaign.outbox.service;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.campaign.config.TimeSource;
import dev.marquee.campaign.outbox.OutboxEntry;
import dev.marquee.campaign.outbox.repository.OutboxRepository;
import dev.marquee.contracts.Topics;
import dev.marquee.contracts.app.AppEvent;
import dev.marquee.contracts.campaign.CampaignEvent;
import io.smallrye.mutiny.Uni;

/** Adds events to the outbox; callers are inside the transaction of the change the event describes. */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository repository;
    private final ObjectMapper json;
    private final TimeSource time;

    public Outbox(OutboxRepository repository, ObjectMapper json, TimeSource time) {
        this.repository = repository;
        this.json = json;
        this.time = time;
    }

    public Uni<Void> add(CampaignEvent event) {
        return add(Topics.CAMPAIGN_EVENTS, event.key(), event);
    }

    public Uni<Void> add(AppEvent event) {
        return add(Topics.APP_EVENTS, event.appId(), event);
    }

    private Uni<Void> add(String topic, String key, Object event) {
        OutboxEntry entry = new OutboxEntry();
        entry.topic = topic;
        entry.eventKey = key;
        entry.createdAt = time.now();
        try {
            entry.payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("event not serializable", e));
        }
        return repository.persist(entry).replaceWithVoid();
    }
}
