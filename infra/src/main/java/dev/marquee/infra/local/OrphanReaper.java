package dev.marquee.infra.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds processes a previous run left behind (its launcher was killed with -9) and stops them. It goes by the PIDs
 * that run recorded, never by process name, and only kills a PID whose command line still names this suite's state
 * directory, so a PID reused by an unrelated process is left alone.
 */
final class OrphanReaper {

    private final Path stateDir;

    OrphanReaper(Path stateDir) {
        this.stateDir = stateDir;
    }

    /** Records a process this run started, so that the next run can find it if this one dies. */
    void record(String name, long pid) throws IOException {
        Path dir = pidDir();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".pid"), Long.toString(pid));
    }

    void forget(String name) throws IOException {
        Files.deleteIfExists(pidDir().resolve(name + ".pid"));
    }

    /** Stops every recorded process still alive; returns the names of those it stopped. */
    List<String> reap() throws IOException {
        Path dir = pidDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> pidFiles;
        try (Stream<Path> files = Files.list(dir)) {
            pidFiles = files.filter(f -> f.toString().endsWith(".pid")).toList();
        }
        List<String> stopped = new ArrayList<>();
        for (Path pidFile : pidFiles) {
            String name = pidFile.getFileName().toString().replace(".pid", "");
            Optional<ProcessHandle> orphan = readPid(pidFile).flatMap(ProcessHandle::of).filter(this::belongsToSuite);
            if (orphan.isPresent()) {
                stop(orphan.get());
                stopped.add(name + " (pid " + orphan.get().pid() + ")");
            }
            Files.deleteIfExists(pidFile);
        }
        return stopped;
    }

    /**
     * Also covers servers that write their own PID file (postmaster.pid, redis' pidfile). Redis rewrites its command
     * line to {@code <binary> 127.0.0.1:PORT}, so the caller names what the command line must contain.
     */
    List<String> reapPidFile(String name, Path pidFile, String marker) throws IOException {
        Optional<ProcessHandle> orphan = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(process -> commandLine(process).contains(marker));
        if (orphan.isEmpty()) {
            return List.of();
        }
        stop(orphan.get());
        return List.of(name + " (pid " + orphan.get().pid() + ")");
    }

    private Path pidDir() {
        return stateDir.resolve("pids");
    }

    private boolean belongsToSuite(ProcessHandle process) {
        return commandLine(process).contains(stateDir.toAbsolutePath().toString());
    }

    private static String commandLine(ProcessHandle process) {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            return new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(Duration.ofSeconds(15).toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }
}
