package dev.marquee.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The chart README's parameter tables and values.yaml describe the same values. */
class ValuesDocumentedTest {

    @Test
    void everyValueIsDocumentedAndEveryDocumentedValueExists() throws IOException {
        Map<String, Object> values = new Yaml().load(Files.readString(Chart.DIR.resolve("values.yaml")));
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([A-Za-z0-9.]+)` \\|")
                .matcher(Files.readString(Chart.DIR.resolve("README.md")));
        while (row.find()) {
            documented.add(row.group(1));
        }

        List<String> undocumented = new ArrayList<>();
        collectUndocumented("", values, documented, undocumented);
        assertEquals(List.of(), undocumented, "values without a row in README.md");
        for (String path : documented) {
            assertTrue(exists(values, path), "README.md documents " + path + ", which values.yaml lacks");
        }
    }

    /** A value is documented by its own row or by a row of the map it belongs to (e.g. `gateway.resources`). */
    @SuppressWarnings("unchecked")
    private static void collectUndocumented(String prefix, Map<String, Object> node, Set<String> documented,
            List<String> undocumented) {
        node.forEach((key, value) -> {
            String path = prefix + key;
            if (documented.contains(path)) {
                return;
            }
            if (value instanceof Map<?, ?> map && !map.isEmpty()) {
                collectUndocumented(path + ".", (Map<String, Object>) map, documented, undocumented);
            } else {
                undocumented.add(path);
            }
        });
    }

    private static boolean exists(Map<String, Object> values, String path) {
        Object node = values;
        for (String key : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return false;
            }
            node = map.get(key);
        }
        return true;
    }
}
