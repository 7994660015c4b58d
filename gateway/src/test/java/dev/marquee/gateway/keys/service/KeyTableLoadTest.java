package dev.marquee.gateway.keys.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class KeyTableLoadTest {

    private static final String TOPIC = "app.events.v1";

    private final KeyTableLoad load = new KeyTableLoad();

    @Test
    void notLoadedWhileTheEndOffsetsAreUnknown() {
        load.processed(TOPIC, 0, 41);
        assertFalse(load.loaded());
        assertTrue(load.progress().isEmpty());
    }

    @Test
    void loadedOnceEveryRecordBelowTheEndOfEveryPartitionWasProcessed() {
        load.endOffsetsFound(Map.of(new TopicPartition(TOPIC, 0), 3L, new TopicPartition(TOPIC, 1), 2L));
        load.processed(TOPIC, 0, 0);
        load.processed(TOPIC, 0, 2);
        assertFalse(load.loaded(), "partition 1 is not read yet");
        load.processed(TOPIC, 1, 0);
        assertFalse(load.loaded(), "offset 1 of partition 1 is not processed yet");
        assertEquals(Map.of(TOPIC + "-0", "3/3", TOPIC + "-1", "1/2"), load.progress());

        load.processed(TOPIC, 1, 1);
        assertTrue(load.loaded());
    }

    @Test
    void anEmptyTopicIsLoadedAtOnce() {
        load.endOffsetsFound(Map.of(new TopicPartition(TOPIC, 0), 0L));
        assertTrue(load.loaded());
    }

    @Test
    void onceLoadedItStaysLoaded() {
        load.endOffsetsFound(Map.of(new TopicPartition(TOPIC, 0), 1L));
        load.processed(TOPIC, 0, 0);
        assertTrue(load.loaded());
        load.endOffsetsFound(Map.of(new TopicPartition(TOPIC, 0), 100L));
        assertTrue(load.loaded(), "readiness must not flap once the table is loaded");
    }
}
