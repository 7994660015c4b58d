package dev.marquee.k8s;

import static dev.marquee.k8s.Manifests.at;
import static dev.marquee.k8s.Manifests.list;
import static dev.marquee.k8s.Manifests.map;
import static dev.marquee.k8s.Manifests.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pod the chart creates (the five services and the chart test) runs locked down. */
class PodSecurityTest {

    @ParameterizedTest
    @MethodSource("dev.marquee.k8s.Renders#all")
    void everyPodIsNonRootWithSeccompAndNoServiceAccountToken(Manifests manifests) {
        List<Map<String, Object>> pods = manifests.podSpecs();
        assertEquals(6, pods.size(), "five Deployments and the chart test");

        for (Map<String, Object> pod : pods) {
            assertEquals(false, pod.get("automountServiceAccountToken"), "automountServiceAccountToken");
            assertEquals(true, at(pod, "securityContext", "runAsNonRoot"), "pod runAsNonRoot");
            assertEquals("RuntimeDefault", str(pod, "securityContext", "seccompProfile", "type"), "pod seccomp");
            assertFalse(pod.containsKey("hostNetwork") || pod.containsKey("hostPID") || pod.containsKey("hostIPC"));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.marquee.k8s.Renders#all")
    void everyContainerIsReadOnlyWithoutPrivilegesOrCapabilities(Manifests manifests) {
        for (Map<String, Object> pod : manifests.podSpecs()) {
            for (Object container : list(pod, "containers")) {
                String name = str(container, "name");
                Map<String, Object> security = map(container, "securityContext");
                assertEquals(true, security.get("runAsNonRoot"), name);
                assertEquals(true, security.get("readOnlyRootFilesystem"), name);
                assertEquals(false, security.get("allowPrivilegeEscalation"), name);
                assertEquals(false, security.get("privileged"), name);
                assertEquals(List.of("ALL"), list(security, "capabilities", "drop"), name);
                assertEquals(null, at(security, "capabilities", "add"), name);
                assertEquals("RuntimeDefault", str(security, "seccompProfile", "type"), name);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.marquee.k8s.Renders#all")
    void tmpIsAWritableEmptyDirInEveryContainer(Manifests manifests) {
        for (Map<String, Object> pod : manifests.podSpecs()) {
            for (Object container : list(pod, "containers")) {
                Object tmp = list(container, "volumeMounts").stream()
                        .filter(mount -> "/tmp".equals(str(mount, "mountPath"))).findFirst().orElse(null);
                assertNotNull(tmp, str(container, "name") + " mounts /tmp");
                assertTrue(at(tmp, "readOnly") == null || Boolean.FALSE.equals(at(tmp, "readOnly")));
                Object volume = list(pod, "volumes").stream()
                        .filter(v -> str(tmp, "name").equals(str(v, "name"))).findFirst().orElse(null);
                assertNotNull(at(volume, "emptyDir"), str(container, "name") + ": /tmp is an emptyDir");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.marquee.k8s.Renders#all")
    void theServiceAccountMountsNoToken(Manifests manifests) {
        List<Map<String, Object>> accounts = manifests.ofKind("ServiceAccount");
        assertEquals(1, accounts.size());
        assertEquals(false, accounts.get(0).get("automountServiceAccountToken"));
        for (Map<String, Object> pod : manifests.podSpecs()) {
            assertEquals(str(accounts.get(0), "metadata", "name"), str(pod, "serviceAccountName"));
        }
    }
}
