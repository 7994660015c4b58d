package dev.marquee.gateway.keys.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.marquee.contracts.app.AppEvent;
import dev.marquee.gateway.keys.service.KeyTable;
import dev.marquee.gateway.keys.service.KeyTableLoad;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;

/** Keeps the key table in step with {@code app.events.v1}, read from the beginning by every instance. */
@ApplicationScoped
public class AppEventConsumer {

    private static final Logger LOG = Logger.getLogger(AppEventConsumer.class);

    private final KeyTable table;
    private final KeyTableLoad load;

    public AppEventConsumer(KeyTable table, KeyTableLoad load) {
        this.table = table;
        this.load = load;
    }

    @Incoming("app-events")
    public void consume(ConsumerRecord<String, AppEvent> record) {
        try {
            AppEvent event = record.value();
            if (event != null) {
                table.apply(event);
            } else if (record.headers().lastHeader(DeserializationFailureHandler.DESERIALIZATION_FAILURE_REASON) != null) {
                // an unreadable record must not take the consumer down nor wipe the app's keys: keep what we have
                LOG.warnf("unreadable app event at %s-%d@%d ignored", record.topic(), record.partition(), record.offset());
            } else if (record.key() != null) {
                table.remove(record.key());
            }
        } finally {
            load.processed(record.topic(), record.partition(), record.offset());
        }
    }
}
