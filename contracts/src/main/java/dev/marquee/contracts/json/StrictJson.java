package dev.marquee.contracts.json;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * How every service reads JSON: a value of the wrong JSON type is an error, not converted ({@code "name": 123} is no
 * name, {@code "title": true} no title, {@code "delaySeconds": "5"} no number, {@code 1.5} no integer), and no string
 * or field name may hold text the stores cannot ({@link StorableText}). One rule for all services (and their event
 * consumers), so a request one refuses no other accepts. A CDI bean in contracts only because the services must apply
 * it identically; the services map the resulting {@code MismatchedInputException}s to 400 naming the field.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** Configures {@code mapper} as the services' own; also for mappers made outside CDI (tests, tools). */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        for (LogicalType number : new LogicalType[]{LogicalType.Integer, LogicalType.Float}) {
            mapper.coercionConfigFor(number)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        @SuppressWarnings({"unchecked", "rawtypes"}) // a delegating deserializer is typed Object
        JsonDeserializer<JsonNode> trees = (JsonDeserializer) new StorableTreeDeserializer(
                JsonNodeDeserializer.getDeserializer(JsonNode.class));
        mapper.registerModule(new SimpleModule("marquee-storable-text")
                .addDeserializer(String.class, new StorableStringDeserializer())
                .addKeyDeserializer(String.class, new StorableKeyDeserializer())
                .addDeserializer(JsonNode.class, trees));
        return mapper;
    }

    /** Jackson's own string reading (with the coercion rules above), then {@link StorableText}. */
    static final class StorableStringDeserializer extends StdScalarDeserializer<String> {

        StorableStringDeserializer() {
            super(String.class);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            String value = parser.hasToken(JsonToken.VALUE_STRING)
                    ? parser.getText()
                    : StringDeserializer.instance.deserialize(parser, ctxt);
            return checked(parser, value);
        }
    }

    static final class StorableKeyDeserializer extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            return checked(ctxt.getParser(), key);
        }
    }

    /** Bodies and fields read as trees (free-form properties, rule trees) follow the same rule, path and all. */
    static final class StorableTreeDeserializer extends DelegatingDeserializer {

        StorableTreeDeserializer(JsonDeserializer<?> tree) {
            super(tree);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> tree) {
            return new StorableTreeDeserializer(tree);
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) throws JsonMappingException {
            return _delegatee.getAbsentValue(ctxt);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            Object tree = super.deserialize(parser, ctxt);
            if (tree instanceof JsonNode node) {
                check(parser, node);
            }
            return tree;
        }

        private static void check(JsonParser parser, JsonNode node) throws UnstorableTextException {
            if (node.isTextual()) {
                checked(parser, node.textValue());
            } else if (node.isObject()) {
                for (var property : node.properties()) {
                    // a refused name is not echoed in the path: the object holding it is named
                    checked(parser, property.getKey());
                    try {
                        check(parser, property.getValue());
                    } catch (UnstorableTextException e) {
                        e.prependPath(node, property.getKey());
                        throw e;
                    }
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    try {
                        check(parser, node.get(i));
                    } catch (UnstorableTextException e) {
                        e.prependPath(node, i);
                        throw e;
                    }
                }
            }
        }
    }

    private static String checked(JsonParser parser, String value) throws UnstorableTextException {
        if (value != null) {
            String problem = StorableText.problem(value).orElse(null);
            if (problem != null) {
                throw new UnstorableTextException(parser, problem, value);
            }
        }
        return value;
    }
}
