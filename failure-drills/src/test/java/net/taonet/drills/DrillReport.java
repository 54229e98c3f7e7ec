package net.taonet.drills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/** The drills' findings: printed to the build log ({@code [drill] ...}) and appended to {@code -Ddrills.report}. */
final class DrillReport {

    private DrillReport() {
    }

    static void line(String format, Object... args) {
        String text = "[drill] " + String.format(format, args);
        System.out.println(text);
        String file = System.getProperty("drills.report");
        if (file != null && !file.isBlank()) {
            try {
                Path p = Path.of(file);
                Files.createDirectories(p.toAbsolutePath().getParent());
                Files.writeString(p, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    static String since(long nanoTime) {
        return seconds(Duration.ofNanos(System.nanoTime() - nanoTime));
    }
}
