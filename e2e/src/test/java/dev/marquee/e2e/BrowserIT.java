package dev.marquee.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.marquee.infra.local.DemoSeed;
import dev.marquee.infra.local.DemoSite;
import dev.marquee.infra.local.LocalSuite;
import dev.marquee.infra.local.SuiteConfig;
import dev.marquee.infra.store.FreePort;

/**
 * The web SDK in a real Chromium against the real suite: each file of {@code sdk-web/browser-tests} is run with
 * {@code node --test} (Playwright driving the headless Chromium of the npm package {@code @sparticuz/chromium}, or the
 * one {@code -Dmarquee.chromium} / {@code MARQUEE_CHROMIUM} names) while this class holds the suite and the demo page up.
 * What a file expects to reach Kafka (impressions, clicks, survey answers, offline events) it writes to an expectations
 * file, and this class checks the topics hold exactly that many records, no fewer and no more.
 */
class BrowserIT {

    private static final Path ROOT = Path.of(System.getProperty("marquee.project.root", "..")).toAbsolutePath()
            .normalize();
    private static final Path SDK = ROOT.resolve("sdk-web");
    /** A system Chromium only when one is configured; otherwise the browser tests unpack the npm package's. */
    private static final String CHROMIUM = System.getProperty("marquee.chromium",
            System.getenv().getOrDefault("MARQUEE_CHROMIUM", ""));

    private static LocalSuite suite;
    private static DemoSite site;
    private static DemoSeed.DemoApp demo;
    private static DemoSeed.Shop shop;
    /** The app the format, cap, stream and offline tests use: no campaign of its own, so none of the demo's shows. */
    private static DemoSeed.NewApp testApp;
    private static String testPageKey;
    private static TopicCounts topics;

    @BeforeAll
    static void startSuiteAndDemoPage() throws Exception {
        if (!CHROMIUM.isBlank()) {
            assertTrue(Files.isExecutable(Path.of(CHROMIUM)), "-Dmarquee.chromium / MARQUEE_CHROMIUM names " + CHROMIUM
                    + ", which is not an executable; leave both unset to use the npm package's Chromium");
        }
        SuiteConfig config = SuiteConfig.randomPorts(ROOT, ROOT.resolve("e2e/target/browser-suite"));
        suite = LocalSuite.start(config, line -> System.out.println("[browser-suite] " + line));
        DemoSeed seed = new DemoSeed(suite.gatewayUrl());
        demo = seed.seed(suite.operatorToken());
        int port = FreePort.find();
        shop = seed.seedShop(demo, DemoSite.origins(port));
        site = DemoSite.start(ROOT, port, new DemoSite.Config(suite.gatewayUrl(), shop.sdkKey(), demo.appId(),
                DemoSeed.DEMO_USER, DemoSeed.DEEP_LINK_SCHEME));
        testApp = seed.app(suite.operatorToken(), "Browser tests");
        seed.relaxCaps(testApp.appId(), testApp.adminToken());
        testPageKey = seed.webKey(testApp.appId(), testApp.adminToken(), DemoSite.origins(port));
        awaitKeyLive(testPageKey, site.url());
        awaitKeyLive(shop.sdkKey(), site.url());
        topics = new TopicCounts("127.0.0.1:" + config.kafkaPort());
    }

    @AfterAll
    static void stop() throws IOException {
        if (topics != null) {
            topics.close();
        }
        if (site != null) {
            site.close();
        }
        if (suite != null) {
            suite.close();
        }
    }

    /** A new key reaches the gateway through Kafka: wait until a call from the page's origin is accepted. */
    private static void awaitKeyLive(String key, String origin) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + "/v1/sdk/messages?userId=probe"))
                .header("X-Marquee-Key", key).header("Origin", origin).build();
        Instant deadline = Instant.now().plusSeconds(30);
        while (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            assertTrue(Instant.now().isBefore(deadline), "the web key was not accepted within 30 s");
            Thread.sleep(100);
        }
    }

    /** Every {@code *.test.mjs}; {@code -Dmarquee.browser-tests=demo} runs only the files whose name contains it. */
    static Stream<String> browserTests() throws IOException {
        String only = System.getProperty("marquee.browser-tests", "");
        try (Stream<Path> files = Files.list(SDK.resolve("browser-tests"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".test.mjs"))
                    .filter(n -> n.contains(only)).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("browserTests")
    void passesInChromium(String file) throws Exception {
        Path expectations = ROOT.resolve("e2e/target/browser-expectations/" + file + ".jsonl");
        Files.createDirectories(expectations.getParent());
        Files.deleteIfExists(expectations);

        Path log = ROOT.resolve("e2e/target/browser-tests/" + file + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=spec", "browser-tests/" + file)
                .directory(SDK.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = node.environment();
        env.put("MARQUEE_GATEWAY_URL", suite.gatewayUrl());
        env.put("MARQUEE_DEMO_URL", site.url());
        env.put("MARQUEE_APP_ID", testApp.appId());
        env.put("MARQUEE_PAGE_SDK_KEY", testPageKey);
        env.put("MARQUEE_SERVER_SDK_KEY", testApp.sdkKey());
        env.put("MARQUEE_ADMIN_TOKEN", testApp.adminToken());
        env.put("MARQUEE_DEMO_APP_ID", demo.appId());
        env.put("MARQUEE_DEMO_WELCOME_ID", demo.campaignId());
        env.put("MARQUEE_DEMO_BANNER_ID", shop.bannerId());
        env.put("MARQUEE_DEMO_CARD_ID", shop.cardId());
        env.put("MARQUEE_DEMO_SURVEY_ID", shop.surveyId());
        if (CHROMIUM.isBlank()) {
            env.remove("MARQUEE_CHROMIUM");
        } else {
            env.put("MARQUEE_CHROMIUM", CHROMIUM);
        }
        env.put("MARQUEE_EXPECTATIONS", expectations.toString());
        env.put("MARQUEE_SCREENSHOTS", SDK.resolve("target/screenshots").toString());
        Process process = node.start();
        if (!process.waitFor(8, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(file + " did not finish within 8 minutes:\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        System.out.println(output);
        assertEquals(0, process.exitValue(), () -> file + " failed in Chromium:\n" + output);

        List<TopicCounts.Expectation> expected = TopicCounts.read(expectations);
        for (TopicCounts.Expectation expectation : expected) {
            assertEquals(expectation.count(), topics.awaitCount(expectation), expectation.describe());
        }
    }
}
