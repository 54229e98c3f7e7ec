package net.taonet.emission.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CPU time used by this JVM and by the PostgreSQL server it talks to (the postmaster's children, read from
 * /proc on Linux). On a machine shared with other work, wall-clock figures stretch with the load; the CPU
 * time a run needed does not, so benchmarks print both.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0;

    private final long postmaster;

    CpuMeter(JdbcTemplate jdbc) {
        Integer backend = jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class);
        this.postmaster = backend == null ? -1 : parentOf(backend);
    }

    /** {jvm seconds, postgres seconds} so far. */
    double[] now() {
        double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        return new double[] {jvm, postgresTicks() / TICKS_PER_SECOND};
    }

    static String since(double[] start, double[] end) {
        return String.format("CPU used: JVM %.2f s, PostgreSQL %.2f s", end[0] - start[0], end[1] - start[1]);
    }

    private long postgresTicks() {
        if (postmaster <= 0) {
            return 0;
        }
        long ticks = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String[] stat = stat(Long.parseLong(name));
                if (stat != null && Long.parseLong(stat[1]) == postmaster) {
                    ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return ticks;
    }

    private static long parentOf(long pid) {
        String[] stat = stat(pid);
        return stat == null ? -1 : Long.parseLong(stat[1]);
    }

    /** Fields of /proc/pid/stat after the command name: [0] state, [1] ppid, … [11] utime, [12] stime. */
    private static String[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return s.substring(s.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
