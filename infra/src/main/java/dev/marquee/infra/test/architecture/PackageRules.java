package dev.marquee.infra.test.architecture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The service's layering rules, checked on what {@link ClassReferences} read. */
public final class PackageRules {

    private PackageRules() {
    }

    /**
     * The JDK's ways to read the system clock as a wall clock. {@code System.nanoTime()} is not one (it measures
     * durations and cannot be replaced by a test clock anyway).
     */
    public static final Set<String> WALL_CLOCK = Set.of("java.time.Instant.now", "java.time.Clock.systemUTC",
            "java.time.Clock.systemDefaultZone", "java.time.Clock.system", "java.lang.System.currentTimeMillis",
            "java.time.LocalDate.now", "java.time.LocalDateTime.now", "java.time.LocalTime.now",
            "java.time.OffsetDateTime.now", "java.time.ZonedDateTime.now", "java.util.Date.<init>");

    /**
     * Each call of the system's wall clock from a class other than {@code timeSource} (and its nested classes):
     * {@code "a.service.S -> java.time.Instant.now"}. {@code new Date()} is listed with any {@code Date}
     * constructor, which the service has no use for either.
     */
    public static List<String> wallClockCalls(Map<String, Set<String>> calls, String timeSource) {
        List<String> found = new ArrayList<>();
        calls.forEach((from, methods) -> {
            if (!from.equals(timeSource) && !from.startsWith(timeSource + "$")) {
                methods.stream().filter(WALL_CLOCK::contains).forEach(m -> found.add(from + " -> " + m));
            }
        });
        return found;
    }

    /** A package is HTTP's when one of its names is {@code rest}: {@code …campaign.rest}, {@code …campaign.app.rest}. */
    public static boolean isRest(String className) {
        String[] names = className.split("\\.");
        return Arrays.asList(names).subList(0, names.length - 1).contains("rest");
    }

    /** Each reference from a class outside {@code rest} packages to a class in one: {@code "a.service.S -> a.rest.R"}. */
    public static List<String> restReferences(Map<String, Set<String>> references) {
        List<String> found = new ArrayList<>();
        references.forEach((from, targets) -> {
            if (!isRest(from)) {
                targets.stream().filter(PackageRules::isRest).forEach(to -> found.add(from + " -> " + to));
            }
        });
        return found;
    }

    /**
     * The feature of a class: the first package name below {@code basePackage} ({@code app}, {@code campaign},
     * {@code outbox}, {@code rest}); null for a class directly in {@code basePackage}.
     */
    public static String feature(String className, String basePackage) {
        String below = className.substring(basePackage.length() + 1);
        int dot = below.indexOf('.');
        return dot < 0 ? null : below.substring(0, dot);
    }

    /** Which features each feature references, with one class reference that shows it. */
    public static Map<String, Map<String, String>> featureGraph(Map<String, Set<String>> references, String basePackage) {
        Map<String, Map<String, String>> graph = new TreeMap<>();
        references.forEach((from, targets) -> {
            String source = feature(from, basePackage);
            if (source == null) {
                return;
            }
            graph.computeIfAbsent(source, f -> new TreeMap<>());
            for (String to : targets) {
                String target = feature(to, basePackage);
                if (target != null && !target.equals(source)) {
                    graph.get(source).putIfAbsent(target, from + " -> " + to);
                }
            }
        });
        return graph;
    }

    /**
     * The groups of features that reach each other (strongly connected components of more than one feature, Tarjan),
     * each as its features in order, followed by the references that close it.
     */
    public static List<String> featureCycles(Map<String, Set<String>> references, String basePackage) {
        Map<String, Map<String, String>> graph = featureGraph(references, basePackage);
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> components = new ArrayList<>();
        int[] counter = {0};
        for (String feature : graph.keySet()) {
            if (!index.containsKey(feature)) {
                connect(feature, graph, index, low, stack, onStack, components, counter);
            }
        }
        List<String> cycles = new ArrayList<>();
        for (Set<String> component : components) {
            if (component.size() > 1) {
                List<String> edges = new ArrayList<>();
                for (String from : component) {
                    graph.get(from).forEach((to, example) -> {
                        if (component.contains(to)) {
                            edges.add(from + " -> " + to + " (" + example + ")");
                        }
                    });
                }
                cycles.add(component + ": " + String.join("; ", edges));
            }
        }
        return cycles;
    }

    private static void connect(String feature, Map<String, Map<String, String>> graph, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> components,
            int[] counter) {
        index.put(feature, counter[0]);
        low.put(feature, counter[0]);
        counter[0]++;
        stack.push(feature);
        onStack.add(feature);
        for (String next : graph.getOrDefault(feature, Map.of()).keySet()) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, onStack, components, counter);
                low.put(feature, Math.min(low.get(feature), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(feature, Math.min(low.get(feature), index.get(next)));
            }
        }
        if (low.get(feature).equals(index.get(feature))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(feature));
            components.add(component);
        }
    }
}
