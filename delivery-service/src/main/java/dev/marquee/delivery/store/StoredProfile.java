package dev.marquee.delivery.store;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.mutiny.redis.client.Response;

/** segment-service's profile hash ({@code a:<name>} → JSON value) as Redis returns it: attributes by name. */
public final class StoredProfile {

    private StoredProfile() {
    }

    /** @param hash HGETALL's answer: flat (from a script, or RESP2) or a map (RESP3) */
    public static Map<String, Object> attributes(Response hash, ObjectMapper json) {
        Map<String, Object> profile = new LinkedHashMap<>();
        if (hash == null) {
            return profile;
        }
        if (hash.isMap()) {
            for (String field : hash.getKeys()) {
                put(profile, field, hash.get(field), json);
            }
            return profile;
        }
        for (int i = 0; i + 1 < hash.size(); i += 2) {
            put(profile, hash.get(i).toString(), hash.get(i + 1), json);
        }
        return profile;
    }

    private static void put(Map<String, Object> profile, String field, Response value, ObjectMapper json) {
        if (field.startsWith("a:") && value != null) {
            profile.put(field.substring(2), attribute(value.toString(), json));
        }
    }

    private static Object attribute(String stored, ObjectMapper json) {
        try {
            return json.readValue(stored, Object.class);
        } catch (JsonProcessingException e) {
            return stored;
        }
    }
}
