package net.taonet.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Faster service start-up through class data sharing (CDS). A Spring Boot jar is unpacked once per build
 * with Boot's own {@code -Djarmode=tools extract} into {@code .taonet/app/<module>/<build>/}, because the
 * JVM can only share classes loaded from plain jars. The first run of each service records the classes it
 * loaded ({@code -XX:ArchiveClassesAtExit}, written when {@code ./taonet down} stops it); later runs map
 * that archive ({@code -XX:SharedArchiveFile}) and spend about 40% less CPU starting. A new build gets a
 * new folder, so a running service never has its jar replaced under it. {@code TAONET_CDS=0} turns it off.
 */
final class AppImages {

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

    /**
     * How to run the jar: {@code -jar} of the unpacked jar with the CDS options, or of the jar itself when
     * CDS is off or unpacking failed.
     */
    List<String> launch(String name, String module, Path jar) {
        if (!enabled) {
            return List.of("-jar", jar.toString());
        }
        Path folder = folder(module, jar);
        Path unpacked = folder.resolve(jar.getFileName());
        if (!Files.exists(folder.resolve(".complete"))) {
            if (!unpack(jar, folder)) {
                return List.of("-jar", jar.toString());
            }
        }
        Path archive = folder.resolve(name + ".jsa");
        List<String> options = new ArrayList<>();
        // The archive's own diagnostics (classes it cannot share) are noise in a service log.
        options.add("-Xlog:cds=off");
        options.add("-Xlog:cds+dynamic=off");
        options.add("-Xshare:auto");
        if (isComplete(archive)) {
            options.add("-XX:SharedArchiveFile=" + archive);
        } else {
            Processes.deleteQuietly(archive);
            options.add("-XX:ArchiveClassesAtExit=" + archive);
        }
        options.add("-jar");
        options.add(unpacked.toString());
        return options;
    }

    /** An archive is written at exit; one cut short by SIGKILL is smaller than any real one and is dropped. */
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
