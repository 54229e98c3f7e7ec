package net.taonet.yuma.vectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Access to the vector files copied into the test resources. */
public final class Resources {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private Resources() {
    }

    /** The directory {@code vectors/} (or a sub-directory) on the test classpath. */
    public static Path dir(String name) {
        URL url = Resources.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON vector files of a directory, sorted by name. */
    public static List<Path> jsonFiles(String name) {
        try (Stream<Path> s = Files.list(dir(name))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode read(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
