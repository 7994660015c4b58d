package dev.marquee.results.campaign.messaging;

import dev.marquee.contracts.campaign.CampaignEvent;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

public class CampaignEventDeserializer extends ObjectMapperDeserializer<CampaignEvent> {

    public CampaignEventDeserializer() {
        super(CampaignEvent.class);
    }
}
