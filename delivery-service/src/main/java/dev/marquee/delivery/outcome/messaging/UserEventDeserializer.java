package dev.marquee.delivery.outcome.messaging;

import dev.marquee.contracts.user.UserEvent;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

public class UserEventDeserializer extends ObjectMapperDeserializer<UserEvent> {

    public UserEventDeserializer() {
        super(UserEvent.class);
    }
}
