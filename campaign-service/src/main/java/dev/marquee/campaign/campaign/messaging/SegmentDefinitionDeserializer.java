package dev.marquee.campaign.campaign.messaging;

import dev.marquee.contracts.segment.SegmentDefinitionEvent;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

public class SegmentDefinitionDeserializer extends ObjectMapperDeserializer<SegmentDefinitionEvent> {

    public SegmentDefinitionDeserializer() {
        super(SegmentDefinitionEvent.class);
    }
}
