package net.taonet.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PID files are trusted only while the process still carries the runtime's marker. */
class ProcessesTest {

    @TempDir
    Path dir;

    private Layout layout() {
        return new Layout(dir, dir.resolve(".taonet"), 1, 2, 3, dir.resolve("services.conf"), Duration.ofSeconds(5));
    }

    @Test
    void aMarkedProcessIsLiveAndStopsOnSigterm() throws Exception {
        Layout layout = layout();
        List<String> command = new java.util.ArrayList<>(List.of(Layout.javaExecutable()));
        command.addAll(Processes.markerOptions(layout, "sleeper"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Sleeper.class.getName()));
        Process process = Processes.startDetached(command, dir, layout.log("sleeper"), java.util.Map.of());
        try {
            Processes.writePid(layout.pidFile("sleeper"), process.pid());

            // Until the child has exec'd the JVM, its command line is still the launcher's, without the marker.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(Processes.live(layout.pidFile("sleeper"), Processes.markers(layout, "sleeper")))
                            .map(ProcessHandle::pid).contains(process.pid()));
            // Another name, or the same name under another state folder, is not this process.
            assertThat(Processes.live(layout.pidFile("sleeper"), Processes.markers(layout, "sleep"))).isEmpty();
            Layout other = new Layout(dir, dir.resolve("other"), 1, 2, 3, dir, Duration.ofSeconds(5));
            assertThat(Processes.live(layout.pidFile("sleeper"), Processes.markers(other, "sleeper"))).isEmpty();

            assertThat(Processes.stop(process.toHandle(), Duration.ofSeconds(20))).isTrue();
            // The handle sees the exit first; the Process object learns of it from its reaper a moment later.
            assertThat(process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(Processes.live(layout.pidFile("sleeper"), Processes.markers(layout, "sleeper"))).isEmpty();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aReusedPidIsNotTakenForOurProcess() {
        Layout layout = layout();
        // This very JVM is alive but was not started by the runtime under that name.
        Processes.writePid(layout.pidFile("registry-service"), ProcessHandle.current().pid());

        assertThat(Processes.live(layout.pidFile("registry-service"), Processes.markers(layout, "registry-service")))
                .isEmpty();
    }

    @Test
    void aMissingOrGarbledPidFileIsNoProcess() throws Exception {
        Layout layout = layout();
        assertThat(Processes.readPid(layout.pidFile("nothing"))).isEmpty();
        java.nio.file.Files.createDirectories(layout.pids());
        java.nio.file.Files.writeString(layout.pidFile("garbled"), "not a pid");
        assertThat(Processes.live(layout.pidFile("garbled"), List.of())).isEmpty();
    }

    /** A process that blocks until it is stopped (the tests stop it; it gives up by itself after two minutes). */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            new java.util.concurrent.CountDownLatch(1).await(2, java.util.concurrent.TimeUnit.MINUTES);
        }
    }
}
