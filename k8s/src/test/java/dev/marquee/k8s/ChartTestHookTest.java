package dev.marquee.k8s;

import static dev.marquee.k8s.Manifests.at;
import static dev.marquee.k8s.Manifests.list;
import static dev.marquee.k8s.Manifests.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@code helm test} runs one pod that asks the gateway, through its Service, whether it is ready. */
class ChartTestHookTest {

    @Test
    void theTestPodCallsTheGatewaysReadinessThroughItsService() {
        Manifests manifests = Renders.minimal();
        List<Map<String, Object>> pods = manifests.ofKind("Pod");
        assertEquals(1, pods.size());
        Map<String, Object> pod = pods.get(0);

        assertEquals("test", str(pod, "metadata", "annotations", "helm.sh/hook"));
        assertEquals("Never", str(pod, "spec", "restartPolicy"));
        Object container = list(pod, "spec", "containers").get(0);
        List<Object> command = list(container, "command");
        List<Object> args = list(container, "args");
        assertEquals(List.of("curl"), command);
        assertTrue(args.contains("--fail"), "a non-2xx readiness answer fails the test");
        Object gatewayPort = at(list(manifests.get("Service", Chart.name("gateway")), "spec", "ports").get(0), "port");
        assertEquals("http://" + Chart.name("gateway") + ":" + gatewayPort + "/q/health/ready", args.get(args.size() - 1));
    }
}
