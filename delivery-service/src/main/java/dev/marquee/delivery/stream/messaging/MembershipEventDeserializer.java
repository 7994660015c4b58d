package dev.marquee.delivery.stream.messaging;

import dev.marquee.contracts.segment.SegmentMembershipEvent;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

public class MembershipEventDeserializer extends ObjectMapperDeserializer<SegmentMembershipEvent> {

    public MembershipEventDeserializer() {
        super(SegmentMembershipEvent.class);
    }
}
