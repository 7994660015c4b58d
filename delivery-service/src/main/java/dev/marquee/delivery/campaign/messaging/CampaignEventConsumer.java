package dev.marquee.delivery.campaign.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import dev.marquee.contracts.campaign.CampaignEvent;
import dev.marquee.delivery.campaign.service.CampaignChanged;
import dev.marquee.delivery.campaign.service.CampaignIndex;
import dev.marquee.delivery.campaign.service.CampaignIndexReadiness;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

@ApplicationScoped
public class CampaignEventConsumer {

    private static final Logger LOG = Logger.getLogger(CampaignEventConsumer.class);

    private final CampaignIndex index;
    private final CampaignIndexReadiness readiness;
    /** Observed synchronously (the SDK streams resync), before the record is acknowledged. */
    private final Event<CampaignChanged> changes;

    public CampaignEventConsumer(CampaignIndex index, CampaignIndexReadiness readiness,
            Event<CampaignChanged> changes) {
        this.index = index;
        this.readiness = readiness;
        this.changes = changes;
    }

    @Incoming("campaign-events")
    public CompletionStage<Void> consume(Message<CampaignEvent> message) {
        CampaignEvent event = message.getPayload();
        if (event == null || event.campaign() == null) {
            // a record this version cannot read: logged, counted by the consumer metrics, never fatal for the index
            LOG.warn("skipped an unreadable record on campaign.events.v1");
        } else {
            if (index.apply(event)) {
                changes.fire(new CampaignChanged(event.appId(), event.campaign().id()));
            }
        }
        message.getMetadata(IncomingKafkaRecordMetadata.class)
                .ifPresent(record -> readiness.processed(record.getPartition(), record.getOffset()));
        return message.ack();
    }
}
