package net.taonet.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL and a KRaft Kafka broker as real processes, started, stopped and restarted exactly as
 * {@code ./taonet up} and {@code ./taonet down} do it ({@link LocalPostgres}, {@link LocalKafka}), but on
 * the ports and in the state folder of the given {@link Layout}. It lives in the runtime's package because
 * those two starters are the runtime's own, not a public API.
 */
public final class DrillInfrastructure {

    private final Layout layout;
    private final LocalPostgres postgres;
    private final LocalKafka kafka;
    private ProcessHandle broker;

    public DrillInfrastructure(Layout layout) {
        this.layout = layout;
        this.postgres = new LocalPostgres(layout);
        this.kafka = new LocalKafka(layout);
    }

    public Layout layout() {
        return layout;
    }

    /** The services' databases, one per service that owns state. */
    public static List<String> databases() {
        return LocalPostgres.DATABASES;
    }

    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Starts PostgreSQL (initialising the data folder the first time) and creates the missing databases. */
    public ProcessHandle startPostgres() {
        ProcessHandle postmaster = postgres.start();
        postgres.createDatabases();
        return postmaster;
    }

    /** Fast shutdown of PostgreSQL; true if it went down gracefully. */
    public boolean stopPostgres() {
        return postgres.running().map(postgres::stop).orElse(true);
    }

    public Optional<ProcessHandle> postgresProcess() {
        return postgres.running();
    }

    public boolean postgresAccepts() {
        return postgres.accepts();
    }

    /** Starts the broker (formatting its storage the first time), waits until it answers, creates the topics. */
    public ProcessHandle startKafka(Duration timeout) {
        broker = kafka.start().toHandle();
        kafka.awaitReady(broker, timeout);
        kafka.createTopics();
        return broker;
    }

    /** SIGTERM to the broker (a controlled shutdown), SIGKILL after {@code grace}; true if it went down gracefully. */
    public boolean stopKafka(Duration grace) {
        if (broker == null || !broker.isAlive()) {
            return true;
        }
        boolean graceful = Processes.stop(broker, grace);
        Processes.deleteQuietly(layout.pidFile(LocalKafka.NAME));
        return graceful;
    }

    public Optional<ProcessHandle> kafkaProcess() {
        return Optional.ofNullable(broker).filter(ProcessHandle::isAlive);
    }

    /** The folder of the broker's own log (for messages when something fails). */
    public Path logs() {
        return layout.logs();
    }
}
