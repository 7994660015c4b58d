package dev.marquee.campaign.app.messaging;

import dev.marquee.contracts.app.AppErasureReport;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

public class ErasureReportDeserializer extends ObjectMapperDeserializer<AppErasureReport> {

    public ErasureReportDeserializer() {
        super(AppErasureReport.class);
    }
}
