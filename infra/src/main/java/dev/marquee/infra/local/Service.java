package dev.marquee.infra.local;

/** The Marquee services the local suite runs, with the ports of docs/architecture.md. */
public enum Service {
    CAMPAIGN("campaign-service", 8081), SEGMENT("segment-service", 8082), DELIVERY("delivery-service", 8083), RESULTS(
            "results-service", 8084), GATEWAY("gateway", 8080);

    private final String module;
    private final int defaultPort;

    Service(String module, int defaultPort) {
        this.module = module;
        this.defaultPort = defaultPort;
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
