package dev.marquee.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrphanReaperTest {

    @TempDir
    Path stateDir;

    @Test
    void stopsARecordedProcessThatNamesTheSuite() throws Exception {
        Process orphan = sleeper(stateDir.toAbsolutePath().toString());
        OrphanReaper reaper = new OrphanReaper(stateDir);
        reaper.record("campaign-service", orphan.pid());

        List<String> stopped = new OrphanReaper(stateDir).reap();

        assertTrue(orphan.waitFor(20, TimeUnit.SECONDS), "the orphan was not stopped");
        assertEquals(1, stopped.size());
        assertFalse(Files.exists(stateDir.resolve("pids/campaign-service.pid")));
    }

    @Test
    void leavesAReusedPidAlone() throws Exception {
        Process unrelated = sleeper("/somewhere/else");
        try {
            new OrphanReaper(stateDir).record("gateway", unrelated.pid());

            List<String> stopped = new OrphanReaper(stateDir).reap();

            assertTrue(stopped.isEmpty());
            assertTrue(unrelated.isAlive());
        } finally {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void readsAServersOwnPidFileAndChecksItsMarker() throws Exception {
        Process server = sleeper("redis-marker-7");
        Path pidFile = stateDir.resolve("redis.pid");
        Files.writeString(pidFile, server.pid() + "\n");
        try {
            OrphanReaper reaper = new OrphanReaper(stateDir);
            assertTrue(reaper.reapPidFile("redis", pidFile, "redis-marker-8").isEmpty());
            assertTrue(server.isAlive());

            assertEquals(1, reaper.reapPidFile("redis", pidFile, "redis-marker-7").size());
            assertTrue(server.waitFor(20, TimeUnit.SECONDS));
        } finally {
            server.destroyForcibly();
        }
    }

    private static Process sleeper(String marker) throws IOException {
        // the marker becomes part of the command line, as -Dmarquee.suite=… is for the services
        // "; true" keeps bash from exec-ing sleep, which would drop the marker from the command line
        return new ProcessBuilder("bash", "-c", "sleep 120; true", marker).start();
    }
}
