package dev.marquee.delivery.outcome;

import static dev.marquee.delivery.Catalogue.SESSION_START;
import static dev.marquee.delivery.Catalogue.campaign;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.Topics;
import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.delivery.Catalogue;
import dev.marquee.delivery.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A survey answer is checked against the questions of the variant shown: nothing unanswerable reaches results. */
@QuarkusTest
class SurveyAnswersTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Test
    void eachAnswerMustFitItsQuestion() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.publish(Catalogue.survey(app.appId, "feedback"), campaign(app.appId, "welcome", SESSION_START,
                Frequency.DEFAULT));

        given().header("X-Marquee-App-Id", app.appId).contentType(ContentType.JSON)
                .body(Map.of("userId", "ana", "interactions", List.of(
                        answer("ok", "feedback", Map.of("nps", 0, "why", List.of("price", "help"), "plan",
                                List.of("yearly"), "more", "Fine")),
                        answer("plan-as-id", "feedback", Map.of("plan", "monthly")),
                        answer("unknown", "feedback", Map.of("color", "red")),
                        answer("nps-high", "feedback", Map.of("nps", 11)),
                        answer("nps-text", "feedback", Map.of("nps", "9")),
                        answer("nps-fraction", "feedback", Map.of("nps", 7.5)),
                        answer("bad-choice", "feedback", Map.of("why", List.of("speed", "colour"))),
                        answer("twice", "feedback", Map.of("why", List.of("speed", "speed"))),
                        answer("long", "feedback", Map.of("more", "x".repeat(2001))),
                        answer("two-plans", "feedback", Map.of("plan", List.of("monthly", "yearly"))),
                        answer("not-a-survey", "welcome", Map.of("nps", 9)))))
                .when().post("/v1/sdk/interactions")
                .then().statusCode(200)
                .body("results.status", contains("accepted", "accepted", "rejected", "rejected", "rejected",
                        "rejected", "rejected", "rejected", "rejected", "rejected", "rejected"))
                .body("results[2].errors[0].field", equalTo("interactions[2].answers.color"))
                .body("results[3].errors[0].field", equalTo("interactions[3].answers.nps"))
                .body("results[4].errors[0].field", equalTo("interactions[4].answers.nps"))
                .body("results[5].errors[0].field", equalTo("interactions[5].answers.nps"))
                .body("results[6].errors[0].field", equalTo("interactions[6].answers.why"))
                .body("results[7].errors[0].field", equalTo("interactions[7].answers.why"))
                .body("results[8].errors[0].field", equalTo("interactions[8].answers.more"))
                .body("results[9].errors[0].field", equalTo("interactions[9].answers.plan"))
                .body("results[10].errors[0].field", equalTo("interactions[10].answers"));
        // choices are published as a list whichever way the client sent a single one
        assertThat(json.readTree(TopicReader.records(bootstrap, Topics.DELIVERY_OUTCOMES, app.appId + ":feedback", 2)
                .get(1).value()).at("/answers/plan/0").asText(), equalTo("monthly"));
    }

    private static Map<String, Object> answer(String eventId, String campaignId, Map<String, Object> answers) {
        return Map.of("eventId", eventId, "type", "survey_answer", "campaignId", campaignId, "version", 1, "variant",
                "A", "answers", answers);
    }
}
