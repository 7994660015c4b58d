package dev.marquee.results.ingest.messaging;

import dev.marquee.contracts.delivery.DeliveryOutcome;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

public class DeliveryOutcomeDeserializer extends ObjectMapperDeserializer<DeliveryOutcome> {

    public DeliveryOutcomeDeserializer() {
        super(DeliveryOutcome.class);
    }
}
