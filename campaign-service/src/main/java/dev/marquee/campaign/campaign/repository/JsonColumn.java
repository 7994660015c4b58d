package dev.marquee.campaign.campaign.repository;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.contracts.campaign.Message;
import dev.marquee.contracts.campaign.Schedule;
import dev.marquee.contracts.campaign.Trigger;

/**
 * Campaign content, schedule and caps stored as JSON text. A converter of our own rather than Hibernate's JSON type: the reactive
 * PostgreSQL client decodes jsonb arrays into objects and fails on them.
 */
public final class JsonColumn {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private JsonColumn() {
    }

    @Converter
    public static class Triggers implements AttributeConverter<List<Trigger>, String> {

        @Override
        public String convertToDatabaseColumn(List<Trigger> triggers) {
            return write(triggers);
        }

        @Override
        public List<Trigger> convertToEntityAttribute(String json) {
            return read(json, new TypeReference<>() {
            });
        }
    }

    @Converter
    public static class Content implements AttributeConverter<Message, String> {

        @Override
        public String convertToDatabaseColumn(Message message) {
            return write(message);
        }

        @Override
        public Message convertToEntityAttribute(String json) {
            return read(json, new TypeReference<>() {
            });
        }
    }

    @Converter
    public static class Timing implements AttributeConverter<Schedule, String> {

        @Override
        public String convertToDatabaseColumn(Schedule schedule) {
            return write(schedule);
        }

        @Override
        public Schedule convertToEntityAttribute(String json) {
            return read(json, new TypeReference<>() {
            });
        }
    }

    @Converter
    public static class Caps implements AttributeConverter<Frequency, String> {

        @Override
        public String convertToDatabaseColumn(Frequency frequency) {
            return write(frequency);
        }

        @Override
        public Frequency convertToEntityAttribute(String json) {
            return read(json, new TypeReference<>() {
            });
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("campaign content not serializable", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored campaign content unreadable", e);
        }
    }
}
