package net.taonet.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Faster service start-up through class data sharing (CDS). A Spring Boot jar is unpacked once per build
 * with Boot's own {@code -Djarmode=tools extract} into {@code .taonet/app/<module>/<build>/}, because the
 * JVM can only share classes loaded from plain jars. Once every service is up, a detached, low-priority job
 * records an archive for each service that has none: it runs the service's own command once more with
 * {@code -XX:ArchiveClassesAtExit} and {@code -Dspring.context.exit=onRefresh} (the context is built, so
 * the classes of start-up are loaded, and the JVM exits before anything starts: no port, no consumer, no
 * scheduled job), one service after the other. Later runs map the archive ({@code -XX:SharedArchiveFile})
 * and spend about 40% less CPU starting. Neither {@code up} nor {@code down} waits for the job, and the
 * running services are untouched by it. A new build gets a new folder, so a running service never has its
 * jar replaced under it. {@code TAONET_CDS=0} turns it all off.
 */
final class AppImages {

    static final String RECORDER = "cds-recorder";
    static final String TRAINING_SUFFIX = "-cds-training";

    private final Layout layout;
    private final boolean enabled;

    AppImages(Layout layout) {
        this(layout, !"0".equals(System.getenv("TAONET_CDS")) && !Boolean.getBoolean("taonet.cds.disabled"));
    }

    AppImages(Layout layout, boolean enabled) {
        this.layout = layout;
        this.enabled = enabled;
    }

    Path root() {
        return layout.state().resolve("app");
    }

    /** The unpacked folder of this build of the jar (named after its size and time, so a rebuild gets a new one). */
    Path folder(String module, Path jar) {
        try {
            return root().resolve(module).resolve(Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How to start a service: JVM options and the jar; {@code archiveToRecord} when it has no archive yet. */
    record Launch(List<String> arguments, Path archiveToRecord) {
    }

    /**
     * How to run the jar: {@code -jar} of the unpacked jar with the CDS options, or of the jar itself when
     * CDS is off or unpacking failed.
     */
    Launch launch(String name, String module, Path jar) {
        if (!enabled) {
            return new Launch(List.of("-jar", jar.toString()), null);
        }
        Path folder = folder(module, jar);
        Path unpacked = folder.resolve(jar.getFileName());
        if (!Files.exists(folder.resolve(".complete")) && !unpack(jar, folder)) {
            return new Launch(List.of("-jar", jar.toString()), null);
        }
        Path archive = folder.resolve(name + ".jsa");
        List<String> options = new ArrayList<>();
        // The archive's own diagnostics (classes it cannot share) are noise in a service log.
        options.add("-Xlog:cds=off");
        options.add("-Xlog:cds+dynamic=off");
        options.add("-Xshare:auto");
        Path toRecord = null;
        if (isComplete(archive)) {
            options.add("-XX:SharedArchiveFile=" + archive);
        } else {
            toRecord = archive;
        }
        options.add("-jar");
        options.add(unpacked.toString());
        return new Launch(options, toRecord);
    }

    /**
     * Starts the detached job that records the archives, keyed by archive, from each service's command
     * (see the class comment); each archive is written to a temporary file and renamed only when complete.
     * The job carries the state folder's marker, so {@code down} stops it if it is still at work.
     */
    void recordInBackground(Map<Path, List<String>> commands) {
        if (commands.isEmpty()) {
            return;
        }
        StringBuilder script = new StringBuilder();
        commands.forEach((archive, command) -> {
            List<String> training = new ArrayList<>();
            for (String arg : command) {
                if (arg.equals("-jar")) {
                    training.add("-XX:ArchiveClassesAtExit=" + archive + ".tmp");
                    training.add("-Dspring.context.exit=onRefresh");
                }
                if (arg.startsWith("-Dtaonet.local.process=")) {
                    arg = arg + TRAINING_SUFFIX;
                }
                if (arg.startsWith("--server.port=")) {
                    arg = "--server.port=0";
                }
                training.add(arg);
            }
            String tmp = quote(archive + ".tmp");
            script.append(training.stream().map(AppImages::quote).collect(Collectors.joining(" ")))
                    .append(" >/dev/null 2>&1; ")
                    .append("if [ \"$(wc -c < ").append(tmp).append(" 2>/dev/null || echo 0)\" -gt 1000000 ]; ")
                    .append("then mv -f ").append(tmp).append(' ').append(quote(archive.toString()))
                    .append(" && echo recorded ").append(quote(archive.toString()))
                    .append("; else rm -f ").append(tmp).append("; echo no archive for ")
                    .append(quote(archive.toString())).append("; fi; ");
        });
        List<String> command = new ArrayList<>(List.of("nice", "-n", "10", "sh", "-c", script.toString(),
                "taonet-cds-recorder"));
        command.addAll(Processes.markerOptions(layout, RECORDER));
        Processes.startDetached(command, layout.root(), layout.log(RECORDER), Map.of());
    }

    static String quote(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    /** A real archive is tens of megabytes; anything tiny is not one. */
    private static boolean isComplete(Path archive) {
        try {
            return Files.isRegularFile(archive) && Files.size(archive) > 1_000_000;
        } catch (IOException e) {
            return false;
        }
    }

    /** Unpacks every jar that {@link #launch} will need, in parallel, before the services start. */
    void prepare(List<Path[]> moduleJars) {
        if (!enabled) {
            return;
        }
        List<Thread> threads = new ArrayList<>();
        for (Path[] pair : moduleJars) {
            String module = pair[0].toString();
            Path jar = pair[1];
            Path folder = folder(module, jar);
            if (!Files.exists(folder.resolve(".complete"))) {
                Thread t = new Thread(() -> unpack(jar, folder), "unpack-" + module);
                t.start();
                threads.add(t);
            }
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean unpack(Path jar, Path folder) {
        try {
            deleteTree(folder);
            Files.createDirectories(folder);
            Process p = new ProcessBuilder(Layout.javaExecutable(), "-XX:TieredStopAtLevel=1", "-Djarmode=tools",
                    "-jar", jar.toString(), "extract", "--destination", folder.toString(), "--force")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                deleteTree(folder);
                return false;
            }
            Files.createFile(folder.resolve(".complete"));
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Removes the unpacked builds that are not the current one of their module (nothing may be running). */
    void pruneExcept(List<Path> current) {
        if (!Files.isDirectory(root())) {
            return;
        }
        try (DirectoryStream<Path> modules = Files.newDirectoryStream(root())) {
            for (Path module : modules) {
                try (DirectoryStream<Path> builds = Files.newDirectoryStream(module)) {
                    for (Path build : builds) {
                        if (!current.contains(build)) {
                            deleteTree(build);
                        }
                    }
                }
            }
        } catch (IOException e) {
            // best effort: stale folders only cost disk space
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
