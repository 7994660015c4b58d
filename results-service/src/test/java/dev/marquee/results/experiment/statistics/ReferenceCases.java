package dev.marquee.results.experiment.statistics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the reference CSVs under src/test/resources/reference. They were written by
 * {@code python3 results-service/src/test/python/reference_cases.py results-service/src/test/resources/reference}
 * (scipy, mpmath); the tests never run Python.
 */
public final class ReferenceCases {

    /** Relative tolerance of every reference match; an absolute 1e-12 floor for expected values of (nearly) 0. */
    public static final double TOLERANCE = 1e-6;

    private ReferenceCases() {
    }

    /** One CSV row by column name. */
    public record Row(Map<String, String> values) {

        public String text(String column) {
            String v = values.get(column);
            if (v == null) {
                throw new IllegalArgumentException("no column " + column + " in " + values.keySet());
            }
            return v;
        }

        public double number(String column) {
            return Double.parseDouble(text(column));
        }

        public long count(String column) {
            return Long.parseLong(text(column));
        }

        public boolean isEmpty(String column) {
            return text(column).isEmpty();
        }

        public List<Double> numbers(String column) {
            return Arrays.stream(text(column).split(";")).map(Double::parseDouble).toList();
        }

        @Override
        public String toString() {
            return values.toString();
        }
    }

    public static List<Row> read(String file) {
        var stream = ReferenceCases.class.getResourceAsStream("/reference/" + file);
        if (stream == null) {
            throw new IllegalArgumentException("missing reference file " + file);
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            List<String> lines = reader.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
            String[] header = lines.get(0).split(",", -1);
            List<Row> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    values.put(header[i], cells[i]);
                }
                rows.add(new Row(values));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Relative 1e-6 (so a p-value of 1e-30 must match to 1e-36), or within 1e-12 of an expected 0. */
    public static void assertMatches(double expected, double actual, Object what) {
        double error = Math.abs(actual - expected);
        assertTrue(error <= TOLERANCE * Math.abs(expected) || error <= 1e-12,
                () -> what + ": expected " + expected + ", got " + actual + " (relative error "
                        + error / Math.abs(expected) + ")");
    }
}
