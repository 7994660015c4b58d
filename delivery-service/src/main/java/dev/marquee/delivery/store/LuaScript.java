package dev.marquee.delivery.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The service's Redis scripts, kept as resources under {@code lua/} (one per atomic operation on a user's keys). */
public final class LuaScript {

    private LuaScript() {
    }

    /** @param name the resource's path, e.g. {@code lua/decide.lua} */
    public static String load(String name) {
        try (InputStream in = LuaScript.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no script " + name + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
