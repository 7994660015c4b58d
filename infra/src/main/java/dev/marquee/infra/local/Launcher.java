package dev.marquee.infra.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** {@code ./marquee up}: starts the local suite, seeds the demo app and runs until Ctrl-C. */
public final class Launcher {

    /** The demo shop page's port. */
    static final int DEMO_PORT = 8090;

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        SuiteConfig config = SuiteConfig.fixedPorts(root);
        CountDownLatch stopped = new CountDownLatch(1);
        LocalSuite suite;
        try {
            suite = LocalSuite.start(config, Launcher::say);
        } catch (Exception e) {
            say("could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("stopping…");
            suite.close();
            say("stopped; no process left behind");
            stopped.countDown();
        }, "marquee-shutdown"));

        DemoSeed.DemoApp demo;
        DemoSite site;
        try {
            DemoSeed seed = new DemoSeed(suite.gatewayUrl());
            demo = seed.seed(suite.operatorToken());
            DemoSeed.Shop shop = seed.seedShop(demo, DemoSite.origins(DEMO_PORT));
            site = DemoSite.start(root, DEMO_PORT, new DemoSite.Config(suite.gatewayUrl(), shop.sdkKey(), demo.appId(),
                    DemoSeed.DEMO_USER, DemoSeed.DEEP_LINK_SCHEME));
        } catch (Exception e) {
            say("seeding or serving the demo failed: " + e.getMessage() + " (logs in " + config.stateDir().resolve("logs")
                    + ")");
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(site::close, "demo-site-shutdown"));
        String gateway = suite.gatewayUrl();
        System.out.println();
        System.out.println("Marquee is up.");
        System.out.println("  Demo shop          " + site.url() + "   (open it in a browser)");
        System.out.println("  Gateway            " + gateway);
        System.out.println("  Swagger UI         " + config.url(Service.CAMPAIGN) + "/q/swagger-ui (campaign-service)");
        System.out.println("                     " + config.url(Service.SEGMENT) + "/q/swagger-ui (segment-service)");
        System.out.println("                     " + config.url(Service.DELIVERY) + "/q/swagger-ui (delivery-service)");
        System.out.println("                     " + config.url(Service.RESULTS) + "/q/swagger-ui (results-service)");
        System.out.println("  Logs               " + config.stateDir().resolve("logs"));
        System.out.println("  Demo app           " + demo.appId());
        System.out.println("  SDK key            " + demo.sdkKey());
        System.out.println("  Admin token        " + demo.adminToken());
        System.out.println("  Operator token     " + suite.operatorToken());
        System.out.println();
        System.out.println("Fetch the demo message:");
        System.out.println("  curl -s -H 'X-Marquee-Key: " + demo.sdkKey() + "' '" + gateway + "/v1/sdk/messages?userId="
                + DemoSeed.DEMO_USER + "'");
        System.out.println("The same in French (fr-CA falls back to fr):");
        System.out.println("  curl -s -H 'X-Marquee-Key: " + demo.sdkKey() + "' '" + gateway + "/v1/sdk/messages?userId="
                + DemoSeed.DEMO_USER + "&locale=fr-CA'");
        System.out.println("List the demo app's campaigns:");
        System.out.println("  curl -s -H 'Authorization: Bearer " + demo.adminToken() + "' " + gateway + "/v1/apps/"
                + demo.appId() + "/campaigns");
        System.out.println();
        System.out.println("Ctrl-C stops everything.");
        stopped.await();
    }

    private static void say(String line) {
        System.out.println("[marquee] " + line);
    }
}
