package dev.marquee.k8s;

import static dev.marquee.k8s.Manifests.at;
import static dev.marquee.k8s.Manifests.list;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The chart's ports are the services' own {@code quarkus.http.port}: a change on one side fails here. */
class ServicePortsTest {

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "campaign-service", "segment-service", "delivery-service", "results-service"})
    void containerAndServicePortsAreTheApplicationsHttpPort(String component) throws IOException {
        Properties properties = new Properties();
        Path file = Path.of("..", component, "src", "main", "resources", "application.properties");
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        int httpPort = Integer.parseInt(properties.getProperty("quarkus.http.port"));
        Manifests manifests = Renders.minimal();

        assertEquals(httpPort, at(list(manifests.container(component), "ports").get(0), "containerPort"));
        assertEquals(httpPort,
                at(list(manifests.get("Service", Chart.name(component)), "spec", "ports").get(0), "port"));
    }
}
