package dev.marquee.campaign;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PlatformEndpointsTest {

    /** Versions and audit entries carry snapshots as JSON trees; Jackson's node type is no API schema of ours. */
    private static final String JACKSON_TREE = "JsonNode";

    @Test
    void healthOpenApiAndMetricsAreServed() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/v1/apps/{appId}/campaigns"));
        // the API's own schemas carry examples (the request example shows personalization and a translation)
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("components.schemas.CampaignRequest.examples[0].message.format", equalTo("MODAL"))
                .body("components.schemas.MessageRequest.examples[0].banner.position", equalTo("TOP"))
                .body("components.schemas.AuditResponse.examples[0].changes[0].field", equalTo("name"))
                .body("paths.'/v1/apps/{appId}/campaigns/{campaignId}/preview'.post", notNullValue());
        Map<String, Map<String, Object>> schemas = given().queryParam("format", "json").when().get("/q/openapi")
                .then().extract().path("components.schemas");
        List<String> withoutExample = schemas.entrySet().stream()
                .filter(e -> e.getValue().containsKey("properties") && !e.getValue().containsKey("examples"))
                .map(Map.Entry::getKey)
                .filter(name -> !JACKSON_TREE.equals(name))
                .sorted()
                .toList();
        assertEquals(List.of(), withoutExample, "every object schema of the API shows an example");
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
