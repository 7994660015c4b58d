package dev.marquee.results.report;

import java.util.Arrays;
import java.util.List;

import dev.marquee.results.error.InvalidField;

/**
 * What a report can be split by. Event counters split by the outcome's own time and context; an arm's cohort (its
 * unique users) splits by the time and context of each user's first exposure, so a user is in exactly one part.
 */
public enum Split {

    DAY("day", "to_char(hour at time zone 'UTC', 'YYYY-MM-DD')", "to_char(exposed_at at time zone 'UTC', 'YYYY-MM-DD')"), HOUR(
            "hour", "to_char(hour at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24\":00:00Z\"')",
            "to_char(exposed_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24\":00:00Z\"')"), VERSION("version", "version::text",
                    "exposed_version::text"), PLATFORM("platform", "nullif(platform, '')", "exposed_platform"), LOCALE("locale",
                            "nullif(locale, '')",
                            "exposed_locale"), APP_VERSION("appVersion", "nullif(app_version, '')", "exposed_app_version");

    private final String parameter;
    /** SQL of the part's key over {@code arm_hour}; constants only, never input */
    private final String counterKey;
    /** SQL of the part's key over {@code arm_user} */
    private final String cohortKey;

    Split(String parameter, String counterKey, String cohortKey) {
        this.parameter = parameter;
        this.counterKey = counterKey;
        this.cohortKey = cohortKey;
    }

    public String parameter() {
        return parameter;
    }

    public String counterKey() {
        return counterKey;
    }

    public String cohortKey() {
        return cohortKey;
    }

    public static List<String> parameters() {
        return Arrays.stream(values()).map(Split::parameter).toList();
    }

    /** @throws InvalidField naming {@code split} for a value that is none of {@link #parameters()} */
    public static Split parse(String value) {
        return Arrays.stream(values()).filter(s -> s.parameter.equals(value)).findFirst()
                .orElseThrow(() -> new InvalidField("split", "split must be one of " + parameters()));
    }
}
