package dev.marquee.gateway.keys.messaging;

import dev.marquee.contracts.app.AppEvent;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** {@code app.events.v1} values, JSON written by campaign-service's {@code ObjectMapperSerializer}. */
public class AppEventDeserializer extends ObjectMapperDeserializer<AppEvent> {

    public AppEventDeserializer() {
        super(AppEvent.class);
    }
}
