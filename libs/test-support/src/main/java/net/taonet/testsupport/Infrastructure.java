package net.taonet.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Wires a Spring Boot test to the real infrastructure: a fresh PostgreSQL database for the test class
 * and the JVM's Kafka broker. Use it from a {@code @DynamicPropertySource} method:
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     Infrastructure.register(registry, "registry");
 * }
 * }</pre>
 */
public final class Infrastructure {

    /** Set to {@code testcontainers} to use containers (needs Docker) instead of the embedded servers. */
    public static final String MODE_PROPERTY = "taonet.test.infra";

    private Infrastructure() {
    }

    public static boolean useTestcontainers() {
        String mode = System.getProperty(MODE_PROPERTY, System.getenv().getOrDefault("TAONET_TEST_INFRA", "embedded"));
        return "testcontainers".equalsIgnoreCase(mode);
    }

    public static void register(DynamicPropertyRegistry registry, String databasePrefix) {
        properties(databasePrefix).forEach((k, v) -> registry.add(k, () -> v));
    }

    /** The Spring properties that point a service at a fresh database and at the test broker. */
    public static Map<String, Object> properties(String databasePrefix) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.datasource.url", TestPostgres.freshDatabase(databasePrefix));
        props.put("spring.datasource.username", TestPostgres.USER);
        props.put("spring.datasource.password", TestPostgres.PASSWORD);
        props.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        props.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        return props;
    }
}
