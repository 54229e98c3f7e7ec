package net.taonet.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.taonet.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The local Kafka broker: Kafka's own {@code kafka.Kafka} server from the Maven Central jars (copied to
 * {@code tools/local/target/kafka-libs} by the build), in a JVM of its own, in KRaft combined mode (one
 * node is broker and controller), with its log under {@code .taonet/kafka/data}. The storage is
 * formatted with Kafka's {@code kafka.tools.StorageTool} the first time.
 */
final class LocalKafka {

    /** Partitions of every event topic: the services' default (taonet.platform.partitions). */
    static final int PARTITIONS = 8;
    static final String NAME = "kafka";

    private final Layout layout;

    LocalKafka(Layout layout) {
        this.layout = layout;
    }

    String name() {
        return NAME;
    }

    int port() {
        return layout.kafkaPort();
    }

    String bootstrapServers() {
        return "localhost:" + layout.kafkaPort();
    }

    Path dataDir() {
        return layout.kafkaHome().resolve("data");
    }

    Path serverProperties() {
        return layout.kafkaHome().resolve("server.properties");
    }

    Optional<ProcessHandle> running() {
        return Processes.live(layout.pidFile(NAME), Processes.markers(layout, NAME));
    }

    /** The broker's configuration: a single KRaft node for development (replication factor 1 everywhere). */
    static String serverProperties(Path dataDir, int port, int controllerPort) {
        return String.join("\n",
                "# Written by ./taonet up on every start; edit tools/local instead.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dataDir,
                "num.partitions=1",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168",
                "") ;
    }

    static String log4jProperties() {
        return String.join("\n",
                "# Written by ./taonet up. Kafka is quiet here except for warnings and its start/stop lines.",
                "appender.console.type=Console",
                "appender.console.name=STDOUT",
                "appender.console.layout.type=PatternLayout",
                "appender.console.layout.pattern=[%d] %p %m (%c)%n",
                "rootLogger.level=WARN",
                "rootLogger.appenderRef.stdout.ref=STDOUT",
                "logger.server.name=kafka.server.KafkaRaftServer",
                "logger.server.level=INFO",
                "logger.kafka.name=kafka.Kafka",
                "logger.kafka.level=INFO",
                "");
    }

    /** Writes the configuration, formats the storage if it never was, and launches the broker JVM. */
    Process start() {
        Path libs = layout.kafkaLibs();
        if (!Files.isDirectory(libs)) {
            throw new IllegalStateException(libs + " is missing: build tools/local (./mvnw -pl tools/local package)");
        }
        try {
            Files.createDirectories(dataDir());
            Files.createDirectories(layout.logs());
            Files.writeString(serverProperties(), serverProperties(dataDir(), layout.kafkaPort(),
                    layout.kafkaControllerPort()));
            Files.writeString(layout.kafkaHome().resolve("log4j2.properties"), log4jProperties());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.exists(dataDir().resolve("meta.properties"))) {
            format();
        }
        List<String> command = new ArrayList<>(List.of(Layout.javaExecutable(), "-Xms64m", "-Xmx512m",
                "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + layout.kafkaHome().resolve("log4j2.properties")));
        command.addAll(Processes.markerOptions(layout, NAME));
        command.addAll(List.of("-cp", libs + "/*", "kafka.Kafka", serverProperties().toString()));
        Process process = Processes.startDetached(command, layout.root(), layout.log(NAME), Map.of());
        Processes.writePid(layout.pidFile(NAME), process.pid());
        return process;
    }

    private void format() {
        String clusterId = Uuid.randomUuid().toString();
        List<String> command = List.of(Layout.javaExecutable(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + layout.kafkaHome().resolve("log4j2.properties"),
                "-cp", layout.kafkaLibs() + "/*", "kafka.tools.StorageTool", "format",
                "--cluster-id", clusterId, "--config", serverProperties().toString(), "--ignore-formatted");
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.log(NAME).toFile()))
                    .start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("formatting Kafka's storage timed out; see " + layout.log(NAME));
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("formatting Kafka's storage failed; see " + layout.log(NAME));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        return Admin.create(props);
    }

    /** Waits until the broker answers metadata requests; fails early if its process exits. */
    void awaitReady(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka exited while starting; see " + layout.log(NAME));
                }
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // not ready yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka did not answer on " + bootstrapServers() + " within "
                            + timeout.toSeconds() + " s; see " + layout.log(NAME));
                }
                Processes.pause(200);
            }
        }
    }

    /** Creates the event topics and their dead-letter topics that do not exist yet; returns how many. */
    int createTopics() {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : Topics.ALL) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, PARTITIONS, (short) 1));
                }
                if (!existing.contains(Topics.deadLetter(topic))) {
                    missing.add(new NewTopic(Topics.deadLetter(topic), 1, (short) 1));
                }
            }
            if (missing.isEmpty()) {
                return 0;
            }
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            return missing.size();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
