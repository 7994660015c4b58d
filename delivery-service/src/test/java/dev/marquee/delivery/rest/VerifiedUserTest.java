package dev.marquee.delivery.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** With identity verification on, a body may only speak for the user whose signature the gateway verified. */
@QuarkusTest
class VerifiedUserTest {

    @Test
    void eventsForAnotherUserThanTheVerifiedOneAreRefused() {
        Map<String, Object> body = Map.of("userId", "bob", "events",
                List.of(Map.of("eventId", "v-1", "type", "track", "name", "opened")));
        given().header("X-Marquee-App-Id", "verified-app").header(VerifiedUser.HEADER, "alice")
                .contentType(ContentType.JSON).body(body)
                .when().post("/v1/sdk/events")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("userId"));
        given().header("X-Marquee-App-Id", "verified-app").header(VerifiedUser.HEADER, "bob")
                .contentType(ContentType.JSON).body(body)
                .when().post("/v1/sdk/events")
                .then().statusCode(200).body("accepted", equalTo(1));
    }

    @Test
    void interactionsForAnotherUserAreRefused() {
        given().header("X-Marquee-App-Id", "verified-app").header(VerifiedUser.HEADER, "alice")
                .contentType(ContentType.JSON).body(Map.of("userId", "mallory", "interactions", List.of()))
                .when().post("/v1/sdk/interactions")
                .then().statusCode(401).body("errors[0].field", equalTo("userId"));
    }
}
