package dev.marquee.segment.app.messaging;

import dev.marquee.contracts.app.AppEvent;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

public class AppEventDeserializer extends ObjectMapperDeserializer<AppEvent> {

    public AppEventDeserializer() {
        super(AppEvent.class);
    }
}
