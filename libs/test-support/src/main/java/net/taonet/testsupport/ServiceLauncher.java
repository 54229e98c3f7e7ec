package net.taonet.testsupport;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts real TaoNet services inside the test JVM, each on a random port with its own fresh database,
 * all on the JVM's Kafka broker, so an integration test runs several services together instead of
 * mocking one another.
 *
 * <p>Every service ships an {@code application.yml} at the root of its classpath; with several
 * services on one classpath only the first would be found, so the launcher points each application at
 * the file inside its own jar or classes directory.
 */
public final class ServiceLauncher {

    private ServiceLauncher() {
    }

    public static RunningService start(Class<?> application, String name, Map<String, ?> overrides) {
        Map<String, Object> props = new LinkedHashMap<>(Infrastructure.properties(name));
        props.putAll(overrides);
        return launch(application, name, props);
    }

    /** Starts a service with exactly these properties (database and broker included), on a random port unless one is given. */
    static RunningService launch(Class<?> application, String name, Map<String, ?> properties) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("server.port", "0");
        props.put("spring.config.location", ownConfigLocation(application));
        props.put("spring.application.name", name);
        props.putAll(properties);
        List<String> args = new ArrayList<>();
        props.forEach((k, v) -> args.add("--" + k + "=" + v));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .run(args.toArray(String[]::new));
        return new RunningService(name, context);
    }

    public static RunningService start(Class<?> application, String name) {
        return start(application, name, Map.of());
    }

    static String ownConfigLocation(Class<?> application) {
        try {
            Path root = Path.of(application.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(root)) {
                return "file:" + root.resolve("application.yml");
            }
            return "jar:" + root.toUri() + "!/application.yml";
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + application.getName(), e);
        }
    }

    /** A started service: its context, port and base URL; close it to stop it (as a crash would, if abrupt). */
    public record RunningService(String name, ConfigurableApplicationContext context) implements AutoCloseable {

        public int port() {
            return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        }

        public String baseUrl() {
            return "http://localhost:" + port();
        }

        public <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
