package dev.marquee.segment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.marquee.contracts.trust.AssertedRequest;
import dev.marquee.contracts.trust.GatewayAssertion;
import dev.marquee.infra.test.SignAllTestRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Only what the gateway signed is answered: the service's own port is no way around the gateway. */
@QuarkusTest
class GatewayAssertionsTest {

    private static final String PATH = "/v1/apps/app-1/segments";
    private static final String APP = "app-1";
    private static final String PRINCIPAL = "token:t1";

    private static String signed(Instant at, String path, String appId, String principal) {
        return new GatewayAssertion(List.of(SignAllTestRequests.TEST_KEY), Clock.fixed(at, ZoneOffset.UTC))
                .sign(new AssertedRequest("GET", path, appId, principal, "OWNER", null));
    }

    private static RequestSpecification asGateway() {
        return given().header(AssertedRequest.APP_ID_HEADER, APP).header(AssertedRequest.PRINCIPAL_HEADER, PRINCIPAL)
                .header(AssertedRequest.ROLE_HEADER, "OWNER");
    }

    @Test
    void aRequestWithoutAnAssertionIsRefused() {
        asGateway().header(GatewayAssertion.HEADER, SignAllTestRequests.NONE)
                .when().get(PATH)
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("X-Marquee-Assertion"));
    }

    @Test
    void aForgedExpiredOrMisdirectedAssertionIsRefused() {
        long now = Instant.now().getEpochSecond();
        asGateway()
                .header(GatewayAssertion.HEADER,
                        "v1." + now + "." + (now + 60) + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                .when().get(PATH).then().statusCode(401);
        asGateway().header(GatewayAssertion.HEADER, signed(Instant.now().minusSeconds(120), PATH, APP, PRINCIPAL))
                .when().get(PATH).then().statusCode(401);
        asGateway().header(GatewayAssertion.HEADER, signed(Instant.now(), PATH + "-other", APP, PRINCIPAL))
                .when().get(PATH).then().statusCode(401);
    }

    @Test
    void anIdentityHeaderTheGatewayDidNotSetIsRefused() {
        asGateway().header(GatewayAssertion.HEADER, signed(Instant.now(), PATH, "another-app", "token:t2"))
                .when().get(PATH).then().statusCode(401);
    }

    @Test
    void theGatewaysOwnAssertionIsBelievedAndHealthNeedsNone() {
        asGateway().header(GatewayAssertion.HEADER, signed(Instant.now(), PATH, APP, PRINCIPAL))
                .when().get(PATH).then().statusCode(not(401));
        given().header(GatewayAssertion.HEADER, SignAllTestRequests.NONE)
                .when().get("/q/health/ready").then().statusCode(200);
    }
}
