package net.taonet.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One service process of the local network, as listed in {@code tools/local/services.conf}. */
public record ServiceSpec(String name, String module, int port, List<String> arguments) {

    public ServiceSpec {
        arguments = List.copyOf(arguments);
    }

    /** The repackaged, runnable jar of the module ({@code <module>/target/<module>-<version>-exec.jar}). */
    public Optional<Path> jar(Path root) {
        Path target = root.resolve(module).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, module + "-*-exec.jar")) {
            for (Path jar : jars) {
                return Optional.of(jar);
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String healthUrl() {
        return "http://localhost:" + port + "/actuator/health";
    }

    public static List<ServiceSpec> load(Path file) {
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Parses {@code <name> <module> <port> [arguments...]} lines; '#' starts a comment. */
    public static List<ServiceSpec> parse(List<String> lines) {
        List<ServiceSpec> specs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<Integer> ports = new HashSet<>();
        int lineNumber = 0;
        for (String raw : lines) {
            lineNumber++;
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length < 3) {
                throw new IllegalArgumentException("line " + lineNumber + ": expected <name> <module> <port>, got '"
                        + line + "'");
            }
            if (!fields[0].matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                throw new IllegalArgumentException("line " + lineNumber + ": invalid name '" + fields[0] + "'");
            }
            int port;
            try {
                port = Integer.parseInt(fields[2]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("line " + lineNumber + ": port '" + fields[2] + "' is not a number");
            }
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("line " + lineNumber + ": port " + port + " is out of range");
            }
            if (!names.add(fields[0])) {
                throw new IllegalArgumentException("line " + lineNumber + ": duplicate name " + fields[0]);
            }
            if (!ports.add(port)) {
                throw new IllegalArgumentException("line " + lineNumber + ": port " + port + " is used twice");
            }
            specs.add(new ServiceSpec(fields[0], fields[1], port, List.of(fields).subList(3, fields.length)));
        }
        return specs;
    }
}
