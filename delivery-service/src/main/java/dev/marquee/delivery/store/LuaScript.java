package dev.marquee.delivery.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A script's text, for the outcome store's three scripts, which are still sent in full (EVAL) on every call: every
 * other script runs through {@link RedisScript}. Goes when the outcome store moves to {@link RedisScript}.
 */
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
