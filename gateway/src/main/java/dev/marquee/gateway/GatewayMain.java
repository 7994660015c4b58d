package dev.marquee.gateway;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the gateway with Quarkus' own request-URI check off ({@code vertx.disableURIValidation}, read once when the
 * HTTP server starts): that check answers an empty 400 to a target such as {@code /a\b}, while the gateway answers
 * every non-canonical path itself, as problem+json ({@code edge.CanonicalPaths}). Tests set the same property in
 * the surefire configuration.
 */
@QuarkusMain
public final class GatewayMain {

    private GatewayMain() {
    }

    public static void main(String... args) {
        System.setProperty("vertx.disableURIValidation", "true");
        Quarkus.run(args);
    }
}
