package net.taonet.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.SortedSet;
import net.taonet.cli.http.RemoteException;
import tools.jackson.databind.JsonNode;

/** The drills' shared moves and checks on one subnet of a {@link ProcessNetwork}. */
final class Drills {

    static final String LEDGER = "emission-service";
    static final String CONSENSUS = "consensus-service";

    private final ProcessNetwork network;
    private final int netuid;
    private final Books books;

    Drills(ProcessNetwork network, int netuid) {
        this.network = network;
        this.netuid = netuid;
        this.books = new Books(network.url(CONSENSUS), network.url(LEDGER), netuid);
    }

    Books books() {
        return books;
    }

    /**
     * Waits until consensus has completed epoch {@code epoch} (at least) and the ledger has settled every
     * epoch consensus completed. Answers that fail while a service is still reconnecting are retried.
     */
    void awaitSettledThrough(long epoch, Duration timeout) {
        await("epochs through " + epoch + " completed and settled").atMost(timeout).pollInterval(Duration.ofMillis(500))
                .ignoreException(RemoteException.class)
                .until(() -> {
                    SortedSet<Long> completed = books.completedEpochs();
                    if (completed.isEmpty() || completed.last() < epoch) {
                        return false;
                    }
                    return new HashSet<>(books.settlementEpochs()).containsAll(completed);
                });
    }

    /** What a kill at an epoch's commit found. */
    record Kill(long epoch, long millisAfterCommit, boolean settledBeforeKill) {
    }

    /**
     * Watches consensus's database for the next epoch and sends SIGKILL to the ledger as soon as it is
     * committed, which is before or while the ledger settles it (the relay, Kafka and the settlement
     * itself take some milliseconds); reports whether the settlement had been committed at the kill.
     */
    Kill killLedgerAsEpochCommits(String ledger, Duration timeout) {
        String consensusDb = network.infrastructure().jdbcUrl("taonet_consensus");
        try (Connection c = DriverManager.getConnection(consensusDb, "postgres", "postgres");
                PreparedStatement q = c.prepareStatement("SELECT coalesce(max(epoch), 0) FROM epoch WHERE netuid = ?")) {
            q.setInt(1, netuid);
            long before = latest(q);
            long[] committedAt = new long[1];
            await("epoch " + (before + 1) + " committed").atMost(timeout).pollInterval(Duration.ofMillis(5))
                    .pollDelay(Duration.ZERO).until(() -> {
                        if (latest(q) > before) {
                            committedAt[0] = System.nanoTime();
                            return true;
                        }
                        return false;
                    });
            network.kill9(ledger);
            long millis = (System.nanoTime() - committedAt[0]) / 1_000_000;
            long epoch = latest(q);
            boolean settled = Books.settledInDatabase(network.infrastructure().jdbcUrl("taonet_emission"), netuid, epoch);
            return new Kill(epoch, millis, settled);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long latest(PreparedStatement q) throws SQLException {
        try (ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The outcome of the books' check. */
    record Verdict(long firstEpoch, long lastEpoch, int settlements, boolean auditOk, String auditSummary,
            JsonNode audit) {
    }

    /**
     * No epoch lost (consensus's epochs are consecutive), none settled twice or left unsettled (the ledger's
     * settlements are exactly the completed epochs, each once), and the ledger's audit passes.
     */
    Verdict verifyBooks() {
        List<Long> settlements = books.settlementEpochs();
        SortedSet<Long> completed = books.completedEpochs();
        assertThat(settlements).as("epochs settled (a repeat means settled twice)").doesNotHaveDuplicates();
        assertThat(completed).as("epochs settled are epochs consensus completed").containsAll(settlements);
        // consensus may have completed one more epoch since the settlements were read; all earlier ones are settled
        SortedSet<Long> settledByNow = completed.headSet(completed.last());
        assertThat(settlements).as("every completed epoch is settled").containsAll(settledByNow);
        long first = completed.first();
        long last = completed.last();
        assertThat(completed).as("consensus's epochs are consecutive: none lost").hasSize((int) (last - first + 1));
        JsonNode audit = books.audit();
        return new Verdict(first, last, settlements.size(), audit.get("ok").asBoolean(), Books.summary(audit), audit);
    }
}
