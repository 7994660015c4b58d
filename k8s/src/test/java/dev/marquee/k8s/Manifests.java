package dev.marquee.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.StreamSupport;

import org.yaml.snakeyaml.Yaml;

/** The Kubernetes objects of one render, with a little navigation over SnakeYAML's maps and lists. */
record Manifests(List<Map<String, Object>> objects) {

    @SuppressWarnings("unchecked")
    static Manifests parse(String yaml) {
        List<Map<String, Object>> objects = StreamSupport.stream(new Yaml().loadAll(yaml).spliterator(), false)
                .filter(Objects::nonNull)
                .map(document -> (Map<String, Object>) document)
                .toList();
        return new Manifests(objects);
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(object -> kind.equals(object.get("kind"))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(object -> name.equals(str(object, "metadata", "name"))).findFirst();
    }

    Map<String, Object> get(String kind, String name) {
        return find(kind, name).orElseGet(() -> fail("no " + kind + " named " + name + " in " + names()));
    }

    Map<String, Object> deployment(String component) {
        return get("Deployment", Chart.name(component));
    }

    /** The five Deployments, in {@link Chart#COMPONENTS} order; fails unless exactly those five are rendered. */
    List<Map<String, Object>> deployments() {
        assertEquals(Chart.COMPONENTS.size(), ofKind("Deployment").size(), "Deployments: " + names());
        return Chart.COMPONENTS.stream().map(this::deployment).toList();
    }

    /** The pod spec of every Deployment and of every bare Pod (the chart test). */
    List<Map<String, Object>> podSpecs() {
        List<Map<String, Object>> specs = new ArrayList<>();
        ofKind("Deployment").forEach(deployment -> specs.add(map(deployment, "spec", "template", "spec")));
        ofKind("Pod").forEach(pod -> specs.add(map(pod, "spec")));
        return specs;
    }

    /** The only container of a component's Deployment. */
    Map<String, Object> container(String component) {
        List<Object> containers = list(deployment(component), "spec", "template", "spec", "containers");
        assertEquals(1, containers.size(), component + " containers");
        return map(containers.get(0));
    }

    /** A container's environment as name → EnvVar. */
    Map<String, Map<String, Object>> env(String component) {
        Map<String, Map<String, Object>> env = new LinkedHashMap<>();
        for (Object var : list(container(component), "env")) {
            env.put(str(var, "name"), map(var));
        }
        return env;
    }

    List<String> names() {
        return objects.stream().map(object -> object.get("kind") + "/" + str(object, "metadata", "name")).toList();
    }

    // --- navigation ---------------------------------------------------------------------------------------------

    /** The node at a path of map keys (String) and list indexes (Integer); null when absent. */
    static Object at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            if (current instanceof Map<?, ?> map && step instanceof String key) {
                current = map.get(key);
            } else if (current instanceof List<?> list && step instanceof Integer index && index < list.size()) {
                current = list.get(index);
            } else {
                return null;
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, Object... path) {
        Object value = at(node, path);
        if (value instanceof Map<?, ?>) {
            return (Map<String, Object>) value;
        }
        return fail("expected a map at " + List.of(path) + ", found " + value);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, Object... path) {
        Object value = at(node, path);
        if (value instanceof List<?>) {
            return (List<Object>) value;
        }
        return fail("expected a list at " + List.of(path) + ", found " + value);
    }

    static String str(Object node, Object... path) {
        Object value = at(node, path);
        return value == null ? null : value.toString();
    }
}
