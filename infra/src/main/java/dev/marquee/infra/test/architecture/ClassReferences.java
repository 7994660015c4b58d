package dev.marquee.infra.test.architecture;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which classes each compiled class references, read from the constant pool of its {@code .class} file: the classes
 * it names (calls, fields, casts, {@code instanceof}, catch) and every type in a descriptor or generic signature
 * (parameters, returns, fields, annotations), and the methods it calls. What javac inlines (constants) leaves no trace,
 * which is no dependency at run time either.
 */
public final class ClassReferences {

    /** A type inside a descriptor or signature: {@code Ldev/marquee/campaign/rest/ListPage<…>;}. */
    private static final Pattern DESCRIBED = Pattern.compile("L([A-Za-z0-9_$/]+)[;<]");

    private ClassReferences() {
    }

    /**
     * Every class under {@code root} (a classes directory) in {@code basePackage} or below, with the classes of
     * {@code basePackage} it references (itself and the JDK's left out), by binary name ({@code a.b.C$D}).
     */
    public static TreeMap<String, Set<String>> under(Path root, String basePackage) {
        Path dir = root.resolve(basePackage.replace('.', '/'));
        TreeMap<String, Set<String>> references = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                String self = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                Set<String> referenced = new TreeSet<>();
                try (InputStream in = Files.newInputStream(file)) {
                    for (String type : types(in)) {
                        String binary = type.replace('/', '.');
                        if (binary.startsWith(basePackage + ".") && !binary.equals(self)) {
                            referenced.add(binary);
                        }
                    }
                }
                references.put(self, referenced);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return references;
    }

    /**
     * Every class under {@code root} in {@code basePackage} or below, with the methods it calls or takes a reference
     * to ({@code Instant::now} is a method handle on the same entry), as {@code java.time.Instant.now}.
     */
    public static TreeMap<String, Set<String>> methodsCalledUnder(Path root, String basePackage) {
        Path dir = root.resolve(basePackage.replace('.', '/'));
        TreeMap<String, Set<String>> calls = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                String self = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                try (InputStream in = Files.newInputStream(file)) {
                    calls.put(self, read(in).methods());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return calls;
    }

    /** The internal names ({@code a/b/C}) of the classes one class file's constant pool names. */
    static Set<String> types(InputStream classFile) throws IOException {
        return read(classFile).types();
    }

    /**
     * What one class file's constant pool names: classes by internal name ({@code a/b/C}), and methods (method and
     * interface method references) by owner and name ({@code java.time.Instant.now}).
     */
    record Pool(Set<String> types, Set<String> methods) {
    }

    static Pool read(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] className = new int[count]; // Class: its name's index
        int[] nameOf = new int[count]; // NameAndType: its name's index
        ArrayList<int[]> methodRefs = new ArrayList<>(); // {class index, name-and-type index}
        ArrayList<Integer> classEntries = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> { // Class: name index
                    className[i] = in.readUnsignedShort();
                    classEntries.add(className[i]);
                }
                case 8, 16, 19, 20 -> in.readUnsignedShort(); // String, MethodType, Module, Package
                case 10, 11 -> methodRefs.add(new int[]{in.readUnsignedShort(), in.readUnsignedShort()}); // (Interface)Methodref
                case 12 -> { // NameAndType: name index, descriptor index
                    nameOf[i] = in.readUnsignedShort();
                    in.readUnsignedShort();
                }
                case 3, 4, 9, 17, 18 -> in.readInt(); // Integer, Float, Fieldref, (Invoke)Dynamic
                case 5, 6 -> { // Long, Double: two slots
                    in.readLong();
                    i++;
                }
                case 15 -> { // MethodHandle
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at " + i);
            }
        }
        Set<String> types = new TreeSet<>();
        for (int index : classEntries) {
            String name = utf8[index];
            // an array class is named by its descriptor ([Ldev/…;), a plain class by its internal name
            if (name.startsWith("[")) {
                described(name, types);
            } else {
                types.add(name);
            }
        }
        for (String text : utf8) {
            if (text != null) {
                described(text, types);
            }
        }
        Set<String> methods = new TreeSet<>();
        for (int[] ref : methodRefs) {
            methods.add(utf8[className[ref[0]]].replace('/', '.') + "." + utf8[nameOf[ref[1]]]);
        }
        return new Pool(types, methods);
    }

    private static void described(String text, Set<String> types) {
        Matcher m = DESCRIBED.matcher(text);
        while (m.find()) {
            types.add(m.group(1));
        }
    }
}
