package dev.marquee.infra.local;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.marquee.infra.store.FreePort;

/**
 * Where the local suite runs: the project root (to find the packaged services), a state directory for data, logs
 * and PID files, and the ports. Port 0 means a free port chosen at start.
 */
public record SuiteConfig(Path projectRoot, Path stateDir, int postgresPort, int redisPort, int kafkaPort,
        Map<Service, Integer> servicePorts) {

    /** The ports of the one-command local suite: services on their documented ports, stores on fixed ones. */
    public static SuiteConfig fixedPorts(Path projectRoot) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, service.defaultPort());
        }
        return new SuiteConfig(projectRoot, projectRoot.resolve(".marquee"), 15432, 16379, 19092, ports);
    }

    /** Every port free, different and chosen now: for tests that must not collide with a running local suite. */
    public static SuiteConfig randomPorts(Path projectRoot, Path stateDir) {
        Service[] services = Service.values();
        List<Integer> free = FreePort.distinct(services.length + 3);
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (int i = 0; i < services.length; i++) {
            ports.put(services[i], free.get(i));
        }
        int stores = services.length;
        return new SuiteConfig(projectRoot, stateDir, free.get(stores), free.get(stores + 1), free.get(stores + 2), ports);
    }

    public int port(Service service) {
        return servicePorts.get(service);
    }

    public String url(Service service) {
        return "http://127.0.0.1:" + port(service);
    }
}
