package dev.marquee.k8s;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The installs every property must hold for: each CI values file, and the minimal install on native images. Each is
 * a {@code helm install} against a plain {@link FakeApiServer}, so the chart-test hook is part of it; renders are
 * deterministic, so each is made once per test JVM.
 */
final class Renders {

    private static final Map<List<Path>, Manifests> CACHE = new ConcurrentHashMap<>();

    private Renders() {
    }

    static Stream<Arguments> all() {
        List<Arguments> renders = new ArrayList<>();
        for (Path values : Chart.ciValues()) {
            renders.add(Arguments.of(Named.of(values.getFileName().toString(), of(values))));
        }
        renders.add(Arguments.of(Named.of("default-values.yaml + values-native.yaml",
                of(Chart.ci("default-values.yaml"), Chart.nativeValues()))));
        return renders.stream();
    }

    static Manifests minimal() {
        return of(Chart.ci("default-values.yaml"));
    }

    static Manifests cluster() {
        return of(Chart.ci("cluster-values.yaml"));
    }

    static Manifests of(Path... values) {
        return CACHE.computeIfAbsent(Arrays.asList(values), files -> {
            try (FakeApiServer cluster = new FakeApiServer()) {
                return cluster.install(values);
            }
        });
    }
}
