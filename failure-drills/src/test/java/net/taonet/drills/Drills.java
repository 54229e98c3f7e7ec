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
    record Verdict(long firstEpoch, long lastEpoch, int settlements, long skippedEpochs, long blocksPaid,
            boolean auditOk, String auditSummary, JsonNode audit) {

        /** One line for the report. */
        String describe() {
            return String.format("epochs %d..%d completed%s, %d settlements, each once, paying %d blocks without a gap; %s",
                    firstEpoch, lastEpoch, skippedEpochs == 0 ? "" : " (" + skippedEpochs + " not run while consensus was down)",
                    settlements, blocksPaid, auditSummary);
        }
    }

    /**
     * Nothing lost, nothing paid twice: every epoch consensus completed is settled, exactly once; each
     * settlement pays the blocks from the one before it (so the emission of every block since the first
     * settlement is paid once, including epochs consensus skipped while it was down: DESIGN §3, a service
     * that was down runs only the latest due epoch); and the ledger's own audit passes.
     */
    Verdict verifyBooks() {
        List<Books.Settlement> settlements = books.settlements();
        SortedSet<Long> completed = books.completedEpochs();
        List<Long> settled = settlements.stream().map(Books.Settlement::epoch).toList();
        assertThat(settled).as("epochs settled (a repeat means settled twice)").doesNotHaveDuplicates();
        assertThat(completed).as("epochs settled are epochs consensus completed").containsAll(settled);
        // consensus may have completed one more epoch since the settlements were read; all earlier ones are settled
        assertThat(settled).as("every completed epoch is settled").containsAll(completed.headSet(completed.last()));
        for (int i = 1; i < settlements.size(); i++) {
            Books.Settlement previous = settlements.get(i - 1);
            Books.Settlement s = settlements.get(i);
            assertThat(s.block() - s.blocksAccrued())
                    .as("epoch %d pays the blocks since epoch %d (block %d): no emission lost or paid twice",
                            s.epoch(), previous.epoch(), previous.block())
                    .isEqualTo(previous.block());
        }
        long first = completed.first();
        long last = completed.last();
        long blocksPaid = settlements.stream().mapToLong(Books.Settlement::blocksAccrued).sum();
        JsonNode audit = books.audit();
        return new Verdict(first, last, settlements.size(), (last - first + 1) - completed.size(), blocksPaid,
                audit.get("ok").asBoolean(), Books.summary(audit), audit);
    }
}
