package dev.marquee.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.marcnuri.helm.LintResult;

/** {@code helm lint --strict} and {@code helm template} for the chart's defaults and every CI values file. */
class CiValuesTest {

    static Stream<Path> ciValues() {
        return Chart.ciValues().stream();
    }

    @Test
    void ciHasTheMinimalAndTheProductionShapedInstall() {
        List<String> files = Chart.ciValues().stream().map(f -> f.getFileName().toString()).toList();
        assertTrue(files.containsAll(List.of("default-values.yaml", "cluster-values.yaml")), files.toString());
    }

    @Test
    void lintStrictPassesWithTheChartDefaults() {
        assertLintPasses(Chart.lint());
    }

    @ParameterizedTest
    @MethodSource("ciValues")
    void lintStrictPasses(Path values) {
        assertLintPasses(Chart.lint(values));
    }

    @Test
    void lintStrictPassesWithNativeImages() {
        assertLintPasses(Chart.lint(Chart.ci("default-values.yaml"), Chart.nativeValues()));
    }

    @ParameterizedTest
    @MethodSource("ciValues")
    void rendersTheFiveServices(Path values) {
        Manifests manifests = Chart.template(values);

        assertEquals(5, manifests.deployments().size());
        Chart.COMPONENTS.forEach(component -> manifests.get("Service", Chart.name(component)));
    }

    private static void assertLintPasses(LintResult result) {
        assertFalse(result.isFailed(), () -> String.join("\n", result.getMessages()));
        assertTrue(result.getMessages().stream().noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]")),
                () -> String.join("\n", result.getMessages()));
    }
}
