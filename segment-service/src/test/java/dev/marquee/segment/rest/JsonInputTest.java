package dev.marquee.segment.rest;

import static dev.marquee.segment.SegmentApi.newApp;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.pgclient.PgException;

/** A body the stores could not hold, or of the wrong JSON types, is the client's error: 400 naming the field. */
@QuarkusTest
class JsonInputTest {

    private static final String GOLD = "{\"attribute\": \"tier\", \"op\": \"eq\", \"value\": \"gold\"}";

    @Test
    void aNumberIsNoName() {
        expect400("{\"name\": 123, \"rules\": " + GOLD + "}", "name");
    }

    @Test
    void aNulCharacterIsRefusedInTheName() {
        expect400("{\"name\": \"a\\u0000b\", \"rules\": " + GOLD + "}", "name")
                .body("errors[0].message", containsString("NUL"));
    }

    @Test
    void aNulCharacterIsRefusedInARule() {
        expect400("{\"name\": \"Gold\", \"rules\": {\"and\": [" + GOLD
                + ", {\"attribute\": \"tier\", \"op\": \"eq\", \"value\": \"x\\u0000\"}]}}", "rules.and[1].value");
    }

    @Test
    void anUnpairedSurrogateIsRefusedInAnEvent() {
        given().contentType(ContentType.JSON).body("""
                {"events": [{"eventId": "e1", "userId": "u1", "type": "track", "name": "viewed",
                             "properties": {"item": "\\ud800"}}]}""")
                .when().post("/v1/apps/{appId}/events", newApp())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("events[0].properties.item"));
    }

    @Test
    void aNulCharacterIsRefusedInAPathId() {
        given().when().get("/v1/apps/{appId}/segments/{id}", newApp(), "a\u0000b")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("id"));
    }

    @Test
    void malformedJsonNamesWhereItBreaks() {
        given().contentType(ContentType.JSON).body("{\"name\": \"Gold\",\n not json")
                .when().post("/v1/apps/{appId}/segments", newApp())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("line 2, column 2"))
                .body("detail", not(containsString("HTTP 400")))
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void aValuePostgresCannotHoldIsTheRequestsFault() {
        Response answer = new ExceptionMappers().storeUnavailable(new PgException("refused", "ERROR", "22P05", null));
        assertEquals(400, answer.getStatus());
        assertEquals(503, new ExceptionMappers().storeUnavailable(new PgException("down", "FATAL", "57P01", null))
                .getStatus());
    }

    private static io.restassured.response.ValidatableResponse expect400(String body, String field) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/apps/{appId}/segments", newApp())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }
}
