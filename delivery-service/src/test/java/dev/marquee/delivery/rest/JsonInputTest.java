package dev.marquee.delivery.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A body the stores could not hold, or of the wrong JSON types, is the client's error: 400 naming the field. */
@QuarkusTest
class JsonInputTest {

    private static final String APP = "json-input";

    @Test
    void aNumberIsNoUserId() {
        postEvents("{\"userId\": 123, \"events\": [{\"eventId\": \"e1\", \"type\": \"session_start\"}]}", "userId");
    }

    @Test
    void aNulCharacterIsRefusedInAProperty() {
        postEvents("""
                {"userId": "ana", "events": [{"eventId": "e1", "type": "track", "name": "viewed",
                                              "properties": {"item": "a\\u0000b"}}]}""",
                "events[0].properties.item")
                .body("errors[0].message", containsString("NUL"));
    }

    @Test
    void anUnpairedSurrogateIsRefusedInAnId() {
        postEvents("{\"userId\": \"ana\\udfff\", \"events\": [{\"eventId\": \"e1\", \"type\": \"session_start\"}]}",
                "userId");
    }

    @Test
    void aNulCharacterIsRefusedInAQueryParameter() {
        given().header("X-Marquee-App-Id", APP).queryParam("userId", "a\u0000b")
                .when().get("/v1/sdk/inbox")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("userId"));
    }

    @Test
    void aNulCharacterIsRefusedInAPathId() {
        given().header("X-Marquee-App-Id", APP).queryParam("userId", "ana")
                .when().post("/v1/sdk/inbox/{campaignId}/read", "a\u0000b")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("campaignId"));
    }

    @Test
    void malformedJsonNamesWhereItBreaks() {
        given().header("X-Marquee-App-Id", APP).contentType(ContentType.JSON).body("{not json")
                .when().post("/v1/sdk/events")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("line 1, column 2"))
                .body("detail", not(containsString("HTTP 400")))
                .body("errors[0].field", equalTo("body"));
    }

    private static io.restassured.response.ValidatableResponse postEvents(String body, String field) {
        return given().header("X-Marquee-App-Id", APP).contentType(ContentType.JSON).body(body)
                .when().post("/v1/sdk/events")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }
}
