package dev.marquee.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

/**
 * The chart under test, driven through a real Helm (helm-java: Helm's Go library through JNA, offline, no cluster).
 */
final class Chart {

    /** Surefire runs in the module directory: the chart is k8s/marquee. */
    static final Path DIR = Path.of("marquee").toAbsolutePath();
    static final String RELEASE = "mq";
    static final String NAMESPACE = "marquee";
    /** Resource name prefix: {@code <release>-<chart>}. */
    static final String FULLNAME = RELEASE + "-marquee";
    /** helm template assumes Kubernetes 1.20 unless told; the chart needs 1.25+. */
    static final String KUBE_VERSION = "1.31.0";
    static final List<String> COMPONENTS = List.of("gateway", "campaign-service", "segment-service", "delivery-service",
            "results-service");

    private Chart() {
    }

    static Path ci(String file) {
        return DIR.resolve("ci").resolve(file);
    }

    static Path nativeValues() {
        return DIR.resolve("values-native.yaml");
    }

    /** Every {@code ci/*-values.yaml}: the installs that CI proves render (chart-testing's convention). */
    static List<Path> ciValues() {
        try (Stream<Path> files = Files.list(DIR.resolve("ci"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-values.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String name(String component) {
        return FULLNAME + "-" + component;
    }

    /** {@code helm template mq marquee -n marquee -f <files...> --set <set...>}. */
    static Manifests template(Map<String, String> set, Path... valuesFiles) {
        TemplateCommand template = new Helm(DIR).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        for (Path file : valuesFiles) {
            template = template.withValuesFile(file);
        }
        for (Map.Entry<String, String> value : set.entrySet()) {
            template = template.set(value.getKey(), value.getValue());
        }
        return Manifests.parse(template.call());
    }

    static Manifests template(Path... valuesFiles) {
        return template(Map.of(), valuesFiles);
    }

    /**
     * {@code helm lint --strict} with values files. helm-java's lint takes no {@code -f}, so the files are merged (as
     * Helm merges them) into the values.yaml of a copy of the chart.
     */
    static LintResult lint(Path... valuesFiles) {
        try {
            Path copy = Files.createTempDirectory("marquee-chart-").resolve("marquee");
            copyTree(DIR, copy);
            Yaml yaml = new Yaml();
            Map<String, Object> values = yaml.load(Files.readString(DIR.resolve("values.yaml")));
            for (Path file : valuesFiles) {
                values = merge(values, yaml.load(Files.readString(file)));
            }
            Files.writeString(copy.resolve("values.yaml"), yaml.dump(values));
            return new Helm(copy).lint().strict().call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Helm's coalescing: maps merge key by key, anything else (lists included) is replaced. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overlay) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        overlay.forEach((key, value) -> {
            if (value instanceof Map<?, ?> map && merged.get(key) instanceof Map<?, ?> existing) {
                merged.put(key, merge((Map<String, Object>) existing, (Map<String, Object>) map));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
