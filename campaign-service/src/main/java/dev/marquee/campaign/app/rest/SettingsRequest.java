package dev.marquee.campaign.app.rest;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.marquee.campaign.error.InvalidField;
import dev.marquee.contracts.app.WorkspaceSettings;
import dev.marquee.contracts.safety.LinkPolicy;

/** Workspace settings as the API takes them: the caps are required on PUT; {@code htmlMessages} absent is off, {@code linkSchemes} and {@code testUsers} absent are none. */
@Schema(example = "{\"maxMessagesPerSession\": 5, \"maxMessagesPerDay\": 10, \"minSecondsBetweenMessages\": 30, \"htmlMessages\": false, \"linkSchemes\": [\"demoshop\"], \"testUsers\": [\"qa-ana\"]}")
public record SettingsRequest(
        @NotNull @Min(1) @Max(100) Integer maxMessagesPerSession,
        @NotNull @Min(1) @Max(1000) Integer maxMessagesPerDay,
        @NotNull @Min(0) @Max(86400) Integer minSecondsBetweenMessages,
        Boolean htmlMessages,
        @Size(max = LinkPolicy.MAX_APP_SCHEMES) List<String> linkSchemes,
        @Size(max = WorkspaceSettings.MAX_TEST_USERS) List<String> testUsers) {

    /** Each declared scheme must be a valid one the policy lets an app own ({@code linkSchemes[i]} otherwise). */
    WorkspaceSettings toContract() {
        List<String> schemes = linkSchemes == null ? List.of() : linkSchemes;
        for (int i = 0; i < schemes.size(); i++) {
            String field = "linkSchemes[" + i + "]";
            LinkPolicy.schemeProblem(schemes.get(i)).ifPresent(problem -> {
                throw new InvalidField(field, problem);
            });
        }
        List<String> users = testUsers == null ? List.of() : testUsers;
        for (int i = 0; i < users.size(); i++) {
            String user = users.get(i);
            if (user == null || user.isBlank() || user.length() > 256 || user.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidField("testUsers[" + i + "]",
                        "must be a user id of 1 to 256 characters without control characters");
            }
        }
        return new WorkspaceSettings(maxMessagesPerSession, maxMessagesPerDay, minSecondsBetweenMessages, html(),
                schemes.stream().distinct().toList(), users.stream().distinct().toList());
    }

    boolean html() {
        return Boolean.TRUE.equals(htmlMessages);
    }
}
