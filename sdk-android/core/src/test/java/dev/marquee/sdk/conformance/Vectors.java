package dev.marquee.sdk.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The shared conformance vectors of {@code sdk-conformance/} (run from the module's directory by Maven). */
final class Vectors {
    private static final Path DIR = Path.of("..", "..", "sdk-conformance");

    private Vectors() {
    }

    static JsonNode read(String file) {
        try {
            return new ObjectMapper().readTree(Files.readString(DIR.resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
