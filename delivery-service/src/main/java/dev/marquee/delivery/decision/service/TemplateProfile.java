package dev.marquee.delivery.decision.service;

import java.util.HashMap;
import java.util.Map;

import dev.marquee.contracts.template.Template;

/** What a template sees of a user: the stored profile attributes under the names templates use, and the user id. */
public final class TemplateProfile {

    private TemplateProfile() {
    }

    /**
     * segment-service stores attributes by the name the app sent ({@code first_name}, {@code plan}); templates name
     * the app's own ones {@code custom.<name>}.
     */
    public static Map<String, Object> of(Map<String, Object> stored, String userId) {
        Map<String, Object> profile = new HashMap<>();
        stored.forEach((name, value) -> {
            if (value != null) {
                profile.put(Template.PROFILE_ATTRIBUTES.contains(name) ? name : "custom." + name, value);
            }
        });
        profile.put("id", userId);
        return profile;
    }
}
