package net.taonet.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Starting, finding and stopping the processes of the local network by PID.
 *
 * <p>A PID file alone is not trusted: the process may be gone, or the PID may have been reused by an
 * unrelated program. A PID counts only while its command line still carries the marker the runtime
 * gave it ({@code -Dtaonet.local.process=<name>} plus the state folder), so a stale file is detected
 * and never makes {@code down} kill a stranger.
 */
public final class Processes {

    private static final boolean HAS_SETSID = Files.isExecutable(Path.of("/usr/bin/setsid"))
            || Files.isExecutable(Path.of("/bin/setsid"));

    private Processes() {
    }

    /** The command-line marker of a JVM the runtime started for {@code name} in this state folder. */
    public static List<String> markerOptions(Layout layout, String name) {
        return List.of("-Dtaonet.local.process=" + name, "-Dtaonet.local.state=" + layout.state());
    }

    /** What {@link #live} looks for: the marker options, each a whole argument. */
    public static List<String> markers(Layout layout, String name) {
        return markerOptions(layout, name).stream().map(option -> option + " ").toList();
    }

    /**
     * Starts {@code command} detached from this process: in a session of its own (setsid), so neither
     * Ctrl-C in the terminal nor the end of {@code ./taonet up} reaches it, with stdin from /dev/null
     * and stdout and stderr appended to {@code log}.
     */
    public static Process startDetached(List<String> command, Path workingDirectory, Path log,
            Map<String, String> environment) {
        List<String> full = new ArrayList<>();
        if (HAS_SETSID) {
            // The child of a JVM is never a process-group leader, so setsid execs in place: the PID we
            // get is the PID of the program itself.
            full.add("setsid");
        }
        full.addAll(command);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "==== " + Instant.now() + " starting: " + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(full)
                    .directory(workingDirectory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
    }

    public static OptionalLong readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return OptionalLong.empty();
            }
            String text = Files.readString(pidFile).strip();
            int newline = text.indexOf('\n');
            return OptionalLong.of(Long.parseLong(newline >= 0 ? text.substring(0, newline).strip() : text));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public static void writePid(Path pidFile, long pid) {
        try {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, pid + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // nothing to clean up then
        }
    }

    /** The process of the PID file if it is alive and its command line contains every marker. */
    public static Optional<ProcessHandle> live(Path pidFile, Collection<String> markers) {
        OptionalLong pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        return live(pid.getAsLong(), markers);
    }

    public static Optional<ProcessHandle> live(long pid, Collection<String> markers) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> {
                    String cmd = commandLine(p);
                    return markers.stream().allMatch(cmd::contains);
                });
    }

    /** The full command line, arguments separated by (and ending with) a space; empty if unknown. */
    public static String commandLine(ProcessHandle process) {
        Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                byte[] raw = Files.readAllBytes(proc);
                return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
            }
        } catch (IOException e) {
            // the process went away; fall through
        }
        return process.info().commandLine().map(c -> c + " ").orElse("");
    }

    /** Every live process whose command line contains {@code text} (used by down to sweep strays). */
    public static List<ProcessHandle> withCommandLineContaining(String text) {
        long self = ProcessHandle.current().pid();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.pid() != self)
                    .filter(p -> commandLine(p).contains(text))
                    .toList();
        }
    }

    /** SIGTERM, then SIGKILL to the process and its descendants if it is still alive after {@code grace}. */
    public static boolean stop(ProcessHandle process, Duration grace) {
        return stopAll(List.of(process), grace);
    }

    /** Stops several processes at once: SIGTERM to all, one shared wait, then SIGKILL to what is left. */
    public static boolean stopAll(Collection<ProcessHandle> processes, Duration grace) {
        List<ProcessHandle> descendants = processes.stream().flatMap(ProcessHandle::descendants).toList();
        processes.forEach(ProcessHandle::destroy);
        boolean graceful = awaitExit(processes, grace);
        if (!graceful) {
            Stream.concat(processes.stream(), descendants.stream())
                    .filter(ProcessHandle::isAlive)
                    .forEach(ProcessHandle::destroyForcibly);
            awaitExit(processes, Duration.ofSeconds(5));
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return graceful;
    }

    /** Sends a signal by name ({@code INT}, {@code QUIT}...) through kill(1): Java itself only sends TERM and KILL. */
    public static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static boolean awaitExit(Collection<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (processes.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            pause(100);
        }
        return true;
    }

    /** Resident memory of the process and all its descendants, in KiB (Linux; 0 where unknown). */
    public static long residentKib(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants()).mapToLong(Processes::ownResidentKib).sum();
    }

    /**
     * Proportional set size of the process and its descendants, in KiB: shared pages (PostgreSQL's shared
     * buffers, mapped archives) divided among the processes sharing them, so sums are not inflated.
     */
    public static long proportionalKib(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants()).mapToLong(Processes::ownPssKib).sum();
    }

    private static long ownPssKib(ProcessHandle process) {
        Path rollup = Path.of("/proc", Long.toString(process.pid()), "smaps_rollup");
        try {
            for (String line : Files.readAllLines(rollup)) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone, or not Linux
        }
        return 0;
    }

    private static long ownResidentKib(ProcessHandle process) {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone, or not Linux
        }
        return 0;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
