package dev.marquee.campaign;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import dev.marquee.infra.test.KafkaResource;
import dev.marquee.infra.test.PostgresResource;
import dev.marquee.infra.test.RedisResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RedisResource.class, parallel = true, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, parallel = true, scope = TestResourceScope.GLOBAL)
class PlatformEndpointsTest {

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
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
