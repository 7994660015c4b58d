package dev.marquee.segment.architecture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The two layering rules of the service, checked on what {@link ClassReferences} read (see the module README):
 * <ol>
 * <li>only classes in a {@code rest} package ({@code <base>.rest} or {@code <base>.<feature>.rest}) refer to classes
 * in a {@code rest} package: services, repositories, messaging and domain types know nothing of HTTP;</li>
 * <li>the feature packages ({@code <base>.<feature>}, each with all its sub-packages) form no cycle.</li>
 * </ol>
 * Each check answers its violations, one line each, naming a class and what it refers to; empty when the rule holds.
 */
final class PackageRules {

    private final String basePackage;
    private final Map<String, Set<String>> references;

    PackageRules(String basePackage, Map<String, Set<String>> references) {
        this.basePackage = basePackage;
        this.references = references;
    }

    /** Rule 1: every reference from a class outside {@code rest} packages to a class in one. */
    List<String> restReferencesFromOutsideRest() {
        List<String> violations = new ArrayList<>();
        references.forEach((from, targets) -> {
            if (!inRest(from)) {
                targets.stream().filter(this::inRest).forEach(to -> violations.add(from + " -> " + to));
            }
        });
        return violations;
    }

    /**
     * Rule 2: each group of feature packages that reach each other (a strongly connected component of more than one
     * feature), with one class reference for every dependency between two of them.
     */
    List<String> featureCycles() {
        Map<String, Map<String, String>> edges = featureDependencies();
        List<String> violations = new ArrayList<>();
        for (Set<String> component : stronglyConnected(edges)) {
            if (component.size() < 2) {
                continue;
            }
            StringBuilder cycle = new StringBuilder("features " + component + " depend on each other:");
            component.forEach(from -> edges.getOrDefault(from, Map.of()).forEach((to, witness) -> {
                if (component.contains(to)) {
                    cycle.append("\n    ").append(from).append(" -> ").append(to).append(" (").append(witness)
                            .append(')');
                }
            }));
            violations.add(cycle.toString());
        }
        return violations;
    }

    /** Feature → feature it depends on → one class reference that makes it so. */
    Map<String, Map<String, String>> featureDependencies() {
        Map<String, Map<String, String>> edges = new TreeMap<>();
        references.forEach((from, targets) -> {
            String fromFeature = feature(from);
            if (fromFeature == null) {
                return;
            }
            edges.computeIfAbsent(fromFeature, f -> new TreeMap<>());
            for (String to : targets) {
                String toFeature = feature(to);
                if (toFeature != null && !toFeature.equals(fromFeature)) {
                    edges.get(fromFeature).putIfAbsent(toFeature, from + " -> " + to);
                }
            }
        });
        return edges;
    }

    private boolean inRest(String className) {
        String pkg = className.substring(0, className.lastIndexOf('.'));
        if (!pkg.startsWith(basePackage + ".")) {
            return false;
        }
        return List.of(pkg.substring(basePackage.length() + 1).split("\\.")).contains("rest");
    }

    /** The first package component below the base; {@code null} for a class of the base package itself. */
    private String feature(String className) {
        String pkg = className.substring(0, className.lastIndexOf('.'));
        if (!pkg.startsWith(basePackage + ".")) {
            return null;
        }
        String below = pkg.substring(basePackage.length() + 1);
        int dot = below.indexOf('.');
        return dot < 0 ? below : below.substring(0, dot);
    }

    /** Tarjan's algorithm: the strongly connected components of the graph. */
    private static List<Set<String>> stronglyConnected(Map<String, Map<String, String>> edges) {
        Set<String> nodes = new TreeSet<>(edges.keySet());
        edges.values().forEach(targets -> nodes.addAll(targets.keySet()));
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> components = new ArrayList<>();
        int[] counter = {0};
        for (String node : nodes) {
            if (!index.containsKey(node)) {
                connect(node, edges, index, low, stack, onStack, components, counter);
            }
        }
        return components;
    }

    private static void connect(String node, Map<String, Map<String, String>> edges, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> components,
            int[] counter) {
        index.put(node, counter[0]);
        low.put(node, counter[0]);
        counter[0]++;
        stack.push(node);
        onStack.add(node);
        for (String next : edges.getOrDefault(node, Map.of()).keySet()) {
            if (!index.containsKey(next)) {
                connect(next, edges, index, low, stack, onStack, components, counter);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            components.add(component);
        }
    }
}
