package dev.marquee.segment.segment.rest;

import static dev.marquee.segment.SegmentApi.createSegment;
import static dev.marquee.segment.SegmentApi.newApp;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class SegmentCrudTest {

    private static final Map<String, Object> GOLD = Map.of("attribute", "tier", "op", "eq", "value", "gold");

    @Test
    void aSegmentIsCreatedReadListedUpdatedAndDeleted() {
        String appId = newApp();
        String id = given().contentType(ContentType.JSON).body(Map.of("name", "Gold", "rules", GOLD))
                .when().post("/v1/apps/{appId}/segments", appId)
                .then().statusCode(201)
                .body("kind", equalTo("RULES"))
                .body("version", equalTo(1))
                .body("rules.op", equalTo("eq"))
                .extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("name", "Gold 2", "rules", GOLD))
                .when().post("/v1/apps/{appId}/segments", appId)
                .then().statusCode(201).header("Location", containsString("/v1/apps/" + appId + "/segments/"));
        given().when().get("/v1/apps/{appId}/segments/{id}", appId, id).then().statusCode(200)
                .body("name", equalTo("Gold"));
        given().when().get("/v1/apps/{appId}/segments", appId).then().statusCode(200).body("id", hasItem(id));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Platinum", "rules", Map.of("attribute", "tier", "op", "eq", "value", "platinum")))
                .when().put("/v1/apps/{appId}/segments/{id}", appId, id)
                .then().statusCode(200).body("version", equalTo(2)).body("name", equalTo("Platinum"));
        // a rename alone does not change membership, so no new version
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Platinum tier", "rules", Map.of("attribute", "tier", "op", "eq", "value", "platinum")))
                .when().put("/v1/apps/{appId}/segments/{id}", appId, id)
                .then().statusCode(200).body("version", equalTo(2));
        given().when().delete("/v1/apps/{appId}/segments/{id}", appId, id).then().statusCode(204);
        given().when().get("/v1/apps/{appId}/segments/{id}", appId, id).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anotherAppsSegmentIsNotFound() {
        String id = createSegment(newApp(), "Gold", GOLD);
        String other = newApp();
        given().when().get("/v1/apps/{appId}/segments/{id}", other, id).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "rules", GOLD))
                .when().put("/v1/apps/{appId}/segments/{id}", other, id).then().statusCode(404);
        given().when().delete("/v1/apps/{appId}/segments/{id}", other, id).then().statusCode(404);
        given().when().get("/v1/apps/{appId}/segments/{id}/members/{userId}", other, id, "u").then().statusCode(404);
        given().when().get("/v1/apps/{appId}/segments", other).then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void badDefinitionsAre400NamingTheField() {
        String appId = newApp();
        expect400(appId, Map.of("name", "x", "rules", Map.of("attribute", "tier", "op", "like", "value", "g")),
                "rules.op");
        expect400(appId, Map.of("name", "x", "rules", Map.of("and", List.of(GOLD,
                Map.of("attribute", "age", "op", "gte", "value", "old")))), "rules.and[1].value");
        expect400(appId, Map.of("rules", GOLD), "name");
        expect400(appId, Map.of("name", "x"), "rules");
        expect400(appId, Map.of("name", "x", "kind", "STATIC", "rules", GOLD), "rules");
        expect400(appId, Map.of("name", "x", "kind", "DYNAMIC", "rules", GOLD), "kind");
        expect400(appId, Map.of("name", "x", "rules", GOLD, "colour", "red"), "colour");
        String id = createSegment(appId, "Gold", GOLD);
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "kind", "STATIC"))
                .when().put("/v1/apps/{appId}/segments/{id}", appId, id)
                .then().statusCode(400).body("errors.field", hasItem("kind"));
    }

    private static void expect400(String appId, Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/apps/{appId}/segments", appId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }
}
