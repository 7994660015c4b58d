package dev.marquee.contracts.trust;

import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What every service behind the gateway checks on each request it receives, the same way: the gateway's
 * {@link GatewayAssertion} over the method, the target exactly as received and the identity headers, so those headers
 * are believed only as the gateway set them. Health and metrics stay open for the platform's probes and scraper. Each
 * service's HTTP filter asks {@link #admits} and answers 401 with {@link #REFUSAL} otherwise.
 */
public final class ServiceTrust {

    /** The detail of the 401 a service answers to a request the gateway did not vouch for. */
    public static final String REFUSAL = "X-Marquee-Assertion: missing, expired or not the gateway's for this request;"
            + " call through the gateway.";

    private final GatewayAssertion assertion;

    /** @param keys the shared keys ({@code marquee.trust.keys}); the first signs, all verify */
    public ServiceTrust(List<String> keys, Clock clock) {
        this.assertion = new GatewayAssertion(keys, clock);
    }

    /** The paths anyone may reach: liveness, readiness, startup and metrics. */
    public static boolean open(String path) {
        return path.equals("/q/health") || path.startsWith("/q/health/") || path.equals("/q/metrics");
    }

    /**
     * Whether the request may be answered: an {@linkplain #open open} path, or the gateway's valid assertion over it.
     *
     * @param path   the decoded path, to recognize an open one
     * @param target the request target exactly as received (path and query), as the gateway signed it
     * @param header the request's header of a name ({@code null} when absent)
     */
    public boolean admits(String method, String path, String target, UnaryOperator<String> header) {
        if (open(path)) {
            return true;
        }
        AssertedRequest asserted = new AssertedRequest(method, target, header.apply(AssertedRequest.APP_ID_HEADER),
                header.apply(AssertedRequest.PRINCIPAL_HEADER), header.apply(AssertedRequest.ROLE_HEADER),
                header.apply(AssertedRequest.VERIFIED_USER_HEADER));
        return assertion.verify(header.apply(GatewayAssertion.HEADER), asserted);
    }
}
