package dev.marquee.campaign;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A campaign request body to vary, part by part: {@code CampaignBody.welcome().frequency(Map.of("priority", 0))}
 * rather than a positional helper with a {@code null} for each part a test leaves alone.
 */
public final class CampaignBody {

    private final Map<String, Object> body = new LinkedHashMap<>(CampaignApi.welcomeCampaign());

    private CampaignBody() {
    }

    /** {@link CampaignApi#welcomeCampaign()}: valid as it is, a modal on session start. */
    public static CampaignBody welcome() {
        return new CampaignBody();
    }

    public CampaignBody schedule(Map<String, Object> schedule) {
        return with("schedule", schedule);
    }

    public CampaignBody frequency(Map<String, Object> frequency) {
        return with("frequency", frequency);
    }

    /** Any other top-level part ({@code targeting}, {@code goals}, …), replacing the welcome campaign's. */
    public CampaignBody with(String part, Object value) {
        body.put(part, value);
        return this;
    }

    public Map<String, Object> build() {
        return new LinkedHashMap<>(body);
    }
}
