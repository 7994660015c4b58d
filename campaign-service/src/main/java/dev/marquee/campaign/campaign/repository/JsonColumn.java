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
import dev.marquee.contracts.campaign.Goals;
import dev.marquee.contracts.campaign.Schedule;
import dev.marquee.contracts.campaign.Targeting;
import dev.marquee.contracts.campaign.Trigger;
import dev.marquee.contracts.campaign.Variant;

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

    /** One JSON column of a type; the subclasses only name the type, for Hibernate to see it. */
    abstract static class Json<T> implements AttributeConverter<T, String> {

        private final TypeReference<T> type;

        Json(TypeReference<T> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(T value) {
            return write(value);
        }

        @Override
        public T convertToEntityAttribute(String json) {
            return read(json, type);
        }
    }

    @Converter
    public static class Triggers extends Json<List<Trigger>> {
        public Triggers() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    public static class Variants extends Json<List<Variant>> {
        public Variants() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    public static class Audience extends Json<Targeting> {
        public Audience() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    public static class Conversions extends Json<Goals> {
        public Conversions() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    public static class Timing extends Json<Schedule> {
        public Timing() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    public static class Caps extends Json<Frequency> {
        public Caps() {
            super(new TypeReference<>() {
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
