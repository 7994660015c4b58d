package dev.marquee.campaign.rest;

import static dev.marquee.campaign.CampaignApi.createApp;
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

    @Test
    void aNumberIsNoName() {
        given().contentType(ContentType.JSON).body("{\"name\": 123}")
                .when().post("/v1/apps")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void aBooleanIsNoTitle() {
        String appId = createApp("Types");
        given().contentType(ContentType.JSON).body("""
                {"name": "Welcome", "triggers": [{"type": "SESSION_START"}],
                 "message": {"format": "MODAL", "title": true, "body": "Welcome aboard"}}""")
                .when().post("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("message.title"));
    }

    @Test
    void aNumberAsTextIsNoNumber() {
        String appId = createApp("Numbers");
        given().contentType(ContentType.JSON).body("""
                {"name": "Welcome", "triggers": [{"type": "SESSION_START", "delaySeconds": "5"}],
                 "message": {"format": "MODAL", "title": "Hello", "body": "Welcome aboard"}}""")
                .when().post("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("triggers[0].delaySeconds"));
    }

    @Test
    void aNulCharacterIsRefusedInTheBody() {
        given().contentType(ContentType.JSON).body("{\"name\": \"a\\u0000b\"}")
                .when().post("/v1/apps")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("NUL"));
    }

    @Test
    void anUnpairedSurrogateIsRefusedInTheBody() {
        given().contentType(ContentType.JSON).body("{\"name\": \"a\\ud800b\"}")
                .when().post("/v1/apps")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void aNulCharacterIsRefusedInAPathId() {
        given().when().get("/v1/apps/{appId}", "a\u0000b")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("appId"));
    }

    @Test
    void malformedJsonNamesWhereItBreaks() {
        given().contentType(ContentType.JSON).body("{not json")
                .when().post("/v1/apps")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("line 1, column 2"))
                .body("detail", not(containsString("HTTP 400")))
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void aValuePostgresCannotHoldIsTheRequestsFault() {
        for (String state : new String[]{"22021", "22P05", "22001"}) {
            Response answer = new ExceptionMappers().storeUnavailable(new PgException("refused", "ERROR", state, null));
            assertEquals(400, answer.getStatus(), state);
            assertEquals("application/problem+json", answer.getMediaType().toString());
        }
        assertEquals(503, new ExceptionMappers().storeUnavailable(new PgException("down", "FATAL", "57P01", null))
                .getStatus());
    }
}
