package dev.marquee.infra.test;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import dev.marquee.contracts.trust.AssertedRequest;
import dev.marquee.contracts.trust.GatewayAssertion;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Signs every rest-assured request of a {@code @QuarkusTest} as the gateway would, with the test profile's trust key,
 * so that the services' tests can keep sending the {@code X-Marquee-*} headers themselves. Registered as a Quarkus
 * test callback (META-INF/services) for every module that has this one on its test classpath. A request that sets
 * {@code X-Marquee-Assertion} itself keeps it; the value {@value #NONE} sends none.
 */
public class SignAllTestRequests implements Filter, QuarkusTestBeforeEachCallback {

    /** The key of the {@code %test} and {@code %dev} profiles. */
    public static final String TEST_KEY = "marquee-test-trust-key-only-for-tests-0001";

    /** Set as {@code X-Marquee-Assertion} to send the request without one. */
    public static final String NONE = "none";

    private static final GatewayAssertion ASSERTION = new GatewayAssertion(List.of(TEST_KEY), Clock.systemUTC());

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(SignAllTestRequests.class::isInstance)) {
            RestAssured.filters(new SignAllTestRequests());
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext ctx) {
        String own = request.getHeaders().getValue(GatewayAssertion.HEADER);
        if (NONE.equals(own)) {
            request.removeHeader(GatewayAssertion.HEADER);
        } else if (own == null) {
            URI uri = URI.create(request.getURI());
            String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            request.header(GatewayAssertion.HEADER, ASSERTION.sign(new AssertedRequest(request.getMethod(), target,
                    request.getHeaders().getValue(AssertedRequest.APP_ID_HEADER),
                    request.getHeaders().getValue(AssertedRequest.PRINCIPAL_HEADER),
                    request.getHeaders().getValue(AssertedRequest.ROLE_HEADER),
                    request.getHeaders().getValue(AssertedRequest.VERIFIED_USER_HEADER))));
        }
        return ctx.next(request, response);
    }

    /** The assertion the gateway would send with a request, for tests that call a service without rest-assured. */
    public static String assertion(String method, String target, String appId, String principal, String role,
            String verifiedUserId) {
        return ASSERTION.sign(new AssertedRequest(method, target, appId, principal, role, verifiedUserId));
    }
}
