package dev.marquee.segment.architecture;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which classes each compiled class of a package tree refers to, read from the class files' constant pools: class
 * entries (what the code uses: calls, fields, casts, {@code new}, exceptions) and the type names inside descriptors and
 * generic signatures (what only appears in a method's or field's signature, or in an annotation). No dependency beyond
 * the JDK: the constant pool is the only part of a class file read.
 */
final class ClassReferences {

    /** A type name inside a descriptor or signature: {@code Ldev/marquee/segment/rest/Problem;} or {@code ...<}. */
    private static final Pattern TYPE_IN_DESCRIPTOR = Pattern.compile("L([A-Za-z0-9_$/]+)[;<]");

    private ClassReferences() {
    }

    /**
     * Class name → the names of the classes under {@code basePackage} it refers to (other than itself), for every
     * class file under {@code classesRoot} in {@code basePackage} and its sub-packages.
     */
    static Map<String, Set<String>> of(Path classesRoot, String basePackage) {
        Path packageDir = classesRoot.resolve(basePackage.replace('.', '/'));
        Map<String, Set<String>> references = new TreeMap<>();
        try (Stream<Path> files = Files.walk(packageDir)) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(file -> {
                String name = classesRoot.relativize(file).toString().replace('\\', '/');
                name = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                Set<String> referenced = new TreeSet<>();
                for (String type : read(file)) {
                    if (type.startsWith(basePackage + ".") && !type.equals(name)) {
                        referenced.add(type);
                    }
                }
                references.put(name, referenced);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return references;
    }

    /** Every class name (dotted, nested classes with {@code $}) the class file's constant pool refers to. */
    static Set<String> read(Path classFile) {
        try (InputStream in = Files.newInputStream(classFile)) {
            return read(new DataInputStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + classFile, e);
        }
    }

    private static Set<String> read(DataInputStream in) throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        boolean[] className = new boolean[count];
        boolean[] stringLiteral = new boolean[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> className[in.readUnsignedShort()] = true;
                case 8 -> stringLiteral[in.readUnsignedShort()] = true;
                case 16, 19, 20 -> in.readUnsignedShort(); // MethodType, Module, Package
                case 15 -> in.skipNBytes(3); // MethodHandle
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // a long or double takes two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        Set<String> types = new TreeSet<>();
        for (int i = 1; i < count; i++) {
            if (utf8[i] == null) {
                continue;
            }
            if (className[i] && !utf8[i].startsWith("[")) {
                types.add(utf8[i].replace('/', '.'));
            } else if (className[i] || !stringLiteral[i]) {
                // an array class, a descriptor, a generic signature, an annotation's type: the names inside
                Matcher matcher = TYPE_IN_DESCRIPTOR.matcher(utf8[i]);
                while (matcher.find()) {
                    types.add(matcher.group(1).replace('/', '.'));
                }
            }
        }
        return types;
    }
}
