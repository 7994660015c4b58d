package dev.marquee.campaign.app.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AppResourceTest {

    @Test
    void creatingAnAppIssuesBothSecretsOnce() {
        String id = given().contentType(ContentType.JSON).body(Map.of("name", "Shop"))
                .when().post("/v1/apps")
                .then().statusCode(201)
                .body("name", equalTo("Shop"))
                .body("sdkKey", startsWith("mq_pk_"))
                .body("adminToken", startsWith("mq_at_"))
                .body("credentials", hasSize(2))
                .extract().path("id");

        given().when().get("/v1/apps/{id}", id)
                .then().statusCode(200)
                .body("credentials.kind", hasItems("SDK_KEY", "ADMIN_TOKEN"))
                .body(not(containsString("mq_pk_")))
                .body(not(containsString("mq_at_")))
                .body(not(containsString("hash")));
    }

    @Test
    void theOperatorListsAppsWithoutTheirCredentials() {
        String id = given().contentType(ContentType.JSON).body(Map.of("name", "Listed"))
                .when().post("/v1/apps")
                .then().statusCode(201).extract().path("id");

        given().when().get("/v1/apps")
                .then().statusCode(200)
                .body("id", hasItems(id))
                .body(not(containsString("mq_pk_")))
                .body(not(containsString("credentials")));
    }

    @Test
    void anAppNeedsAName() {
        given().contentType(ContentType.JSON).body(Map.of("name", " "))
                .when().post("/v1/apps")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
        given().contentType(ContentType.JSON)
                .when().post("/v1/apps")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void anUnknownAppIsNotFound() {
        given().when().get("/v1/apps/{id}", "00000000-0000-0000-0000-000000000000")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }
}
