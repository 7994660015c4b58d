package dev.marquee.delivery.architecture;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which class of a package tree refers to which other class of it, read from the compiled classes' constant pools
 * (every type a class names, in a signature, a field, an annotation or a call, is a name there) and from the source
 * files' imports (an import of a constant or an unused one compiles away). Nested classes count as their top-level
 * class. No library: the class file format's constant pool is all it reads.
 */
public final class Dependencies {

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    private final String root;
    /** Top-level class → top-level classes under {@link #root} it refers to. */
    private final Map<String, Set<String>> references = new TreeMap<>();

    private Dependencies(String root) {
        this.root = root;
    }

    /**
     * @param classes a class output directory ({@code target/classes})
     * @param sources the matching source directory ({@code src/main/java})
     * @param root the package to read, e.g. {@code dev.marquee.delivery}
     */
    public static Dependencies of(Path classes, Path sources, String root) {
        Dependencies deps = new Dependencies(root);
        Path classRoot = classes.resolve(root.replace('.', '/'));
        Path sourceRoot = sources.resolve(root.replace('.', '/'));
        if (!Files.isDirectory(classRoot) || !Files.isDirectory(sourceRoot)) {
            throw new IllegalArgumentException("no " + classRoot + " or " + sourceRoot);
        }
        walk(classRoot, ".class").forEach(file -> deps.addClass(file));
        walk(sourceRoot, ".java").forEach(file -> deps.addSource(file));
        return deps;
    }

    public Map<String, Set<String>> references() {
        return references;
    }

    /** {@code A -> B} for every class outside a {@code rest} package that refers to a class in one. */
    public List<String> restReferencesOutsideRest() {
        List<String> leaks = new ArrayList<>();
        references.forEach((from, tos) -> {
            if (!inRest(from)) {
                tos.stream().filter(this::inRest).forEach(to -> leaks.add(from + " -> " + to));
            }
        });
        return leaks;
    }

    /**
     * The cycles between the top-level packages under the root ({@code <root>.<feature>}): each strongly connected set
     * of more than one, with the class references that tie it, e.g. {@code [a, b] a.X -> b.Y; b.Z -> a.X}.
     */
    public List<String> featureCycles() {
        Map<String, Set<String>> graph = new TreeMap<>();
        Map<String, List<String>> why = new HashMap<>();
        references.forEach((from, tos) -> {
            String a = feature(from);
            if (a == null) {
                return;
            }
            graph.computeIfAbsent(a, k -> new TreeSet<>());
            for (String to : tos) {
                String b = feature(to);
                if (b != null && !b.equals(a)) {
                    graph.get(a).add(b);
                    graph.computeIfAbsent(b, k -> new TreeSet<>());
                    why.computeIfAbsent(a + ">" + b, k -> new ArrayList<>()).add(relative(from) + " -> " + relative(to));
                }
            }
        });
        List<String> cycles = new ArrayList<>();
        for (Set<String> component : stronglyConnected(graph)) {
            if (component.size() < 2) {
                continue;
            }
            List<String> ties = new ArrayList<>();
            for (String a : component) {
                for (String b : component) {
                    List<String> edges = why.get(a + ">" + b);
                    if (edges != null) {
                        ties.add(edges.get(0) + (edges.size() > 1 ? " (+" + (edges.size() - 1) + ")" : ""));
                    }
                }
            }
            cycles.add(component + " " + String.join("; ", ties));
        }
        return cycles;
    }

    private boolean inRest(String type) {
        return Arrays.asList(relative(type).split("\\.")).subList(0, relative(type).split("\\.").length - 1)
                .contains("rest");
    }

    /** The first package segment under the root; null for a class directly in it. */
    private String feature(String type) {
        String rel = relative(type);
        int dot = rel.indexOf('.');
        return dot < 0 ? null : rel.substring(0, dot);
    }

    private String relative(String type) {
        return type.substring(root.length() + 1);
    }

    private void add(String from, String to) {
        String top = topLevel(to);
        if (top.startsWith(root + ".") && !top.equals(from)) {
            references.computeIfAbsent(from, k -> new TreeSet<>()).add(top);
        }
    }

    private static String topLevel(String binaryName) {
        int dollar = binaryName.indexOf('$');
        return dollar < 0 ? binaryName : binaryName.substring(0, dollar);
    }

    private void addClass(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> names = new ArrayList<>();
        String self = null;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IllegalStateException(file + " is not a class file");
            }
            in.readUnsignedShort(); // minor
            in.readUnsignedShort(); // major
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classIndex = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classIndex[i] = in.readUnsignedShort();
                    case 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++; // takes two entries
                    }
                    default -> throw new IllegalStateException(file + ": unknown constant pool tag " + tag);
                }
            }
            in.readUnsignedShort(); // access flags
            self = utf8[classIndex[in.readUnsignedShort()]].replace('/', '.');
            // class names, and descriptors and signatures (Ldev/marquee/...;) wherever a type is named
            String internalRoot = root.replace('.', '/') + "/";
            Pattern type = Pattern.compile(Pattern.quote(internalRoot) + "[\\w/$]+");
            for (String s : utf8) {
                if (s != null && s.contains(internalRoot)) {
                    Matcher m = type.matcher(s);
                    while (m.find()) {
                        names.add(m.group().replace('/', '.'));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String from = topLevel(self);
        references.computeIfAbsent(from, k -> new TreeSet<>());
        names.forEach(name -> add(from, name));
    }

    private void addSource(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher pkg = PACKAGE.matcher(text);
        if (!pkg.find()) {
            return;
        }
        String name = file.getFileName().toString();
        String from = pkg.group(1) + "." + name.substring(0, name.length() - ".java".length());
        references.computeIfAbsent(from, k -> new TreeSet<>());
        Matcher imports = IMPORT.matcher(text);
        while (imports.find()) {
            String imported = imports.group(1);
            // a static import names a member: its class is the part before the last segment that starts in upper case
            String[] parts = imported.split("\\.");
            StringBuilder type = new StringBuilder();
            for (String part : parts) {
                if (!type.isEmpty()) {
                    type.append('.');
                }
                type.append(part);
                if (Character.isUpperCase(part.charAt(0))) {
                    break;
                }
            }
            add(from, type.toString());
        }
    }

    private static List<Path> walk(Path dir, String suffix) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tarjan's algorithm, iteratively deep enough for a few dozen packages. */
    private static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> components = new ArrayList<>();
        int[] counter = {0};
        for (String node : graph.keySet()) {
            if (!index.containsKey(node)) {
                connect(node, graph, index, low, stack, onStack, components, counter);
            }
        }
        return components;
    }

    private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> components,
            int[] counter) {
        index.put(node, counter[0]);
        low.put(node, counter[0]);
        counter[0]++;
        stack.push(node);
        onStack.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, onStack, components, counter);
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
