package net.taonet.drills;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import net.taonet.cli.http.TaonetClient;
import tools.jackson.databind.JsonNode;

/**
 * What the drills check after every failure, read through the services' public APIs: the epochs consensus
 * completed, the epochs the ledger settled, and the ledger's own audit ({@code GET /api/v1/audit}).
 */
final class Books {

    private final TaonetClient consensus;
    private final TaonetClient ledger;
    private final int netuid;

    Books(String consensusUrl, String ledgerUrl, int netuid) {
        this.consensus = Seed.client(consensusUrl);
        this.ledger = Seed.client(ledgerUrl);
        this.netuid = netuid;
    }

    /** The epoch numbers consensus completed for the subnet (newest 200). */
    SortedSet<Long> completedEpochs() {
        JsonNode page = consensus.get("/api/v1/subnets/" + netuid + "/epochs?page=0&size=200");
        SortedSet<Long> epochs = new TreeSet<>();
        page.get("epochs").forEach(e -> epochs.add(e.get("epoch").asLong()));
        return epochs;
    }

    long latestCompletedEpoch() {
        SortedSet<Long> epochs = completedEpochs();
        return epochs.isEmpty() ? 0 : epochs.last();
    }

    /** One settled epoch: the block it settled at and how many blocks of emission it paid. */
    record Settlement(long epoch, long block, long blocksAccrued) {
    }

    /** The ledger's settlements of the subnet, oldest first, duplicates kept (settling twice would show). */
    List<Settlement> settlements() {
        JsonNode list = ledger.get("/api/v1/emission/subnets/" + netuid + "/settlements?limit=500");
        List<Settlement> all = new ArrayList<>();
        list.forEach(s -> all.add(new Settlement(s.get("epoch").asLong(), s.get("block").asLong(),
                s.get("blocksAccrued").asLong())));
        all.sort(java.util.Comparator.comparingLong(Settlement::epoch));
        return all;
    }

    /** Every settlement's epoch, duplicates kept. */
    List<Long> settlementEpochs() {
        return settlements().stream().map(Settlement::epoch).toList();
    }

    JsonNode audit() {
        return ledger.get("/api/v1/audit");
    }

    /** The figures of an audit a reader wants: ok, settlements, issuance, free + staked + locked. */
    static String summary(JsonNode audit) {
        JsonNode f = audit.get("figures");
        StringBuilder failed = new StringBuilder();
        audit.get("checks").forEach(c -> {
            if (!c.get("ok").asBoolean()) {
                failed.append(' ').append(c.get("name").asString()).append(" (").append(c.get("detail").asString()).append(')');
            }
        });
        return String.format("audit ok=%s at block %d: %d settlements, issuance %d rao = free %d + staked %d + locked %d"
                        + ", %d journal transactions%s",
                audit.get("ok").asBoolean(), audit.get("block").asLong(), f.get("settlements").asLong(),
                f.get("issuanceRao").asLong(), f.get("freeRao").asLong(), f.get("stakedRao").asLong(),
                f.get("lockedRao").asLong(), f.get("journalTransactions").asLong(),
                failed.isEmpty() ? "" : "; FAILED:" + failed);
    }

    /** Whether the ledger's database holds a settlement of the epoch (read directly: the ledger may be down). */
    static boolean settledInDatabase(String jdbcUrl, int netuid, long epoch) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                PreparedStatement q = c.prepareStatement("SELECT count(*) FROM settlement WHERE netuid = ? AND epoch = ?")) {
            q.setInt(1, netuid);
            q.setLong(2, epoch);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the ledger's settlements: " + e.getMessage(), e);
        }
    }

    /** The newest epoch consensus committed for the subnet, read from its database (polled fast). */
    static long latestEpochInDatabase(String jdbcUrl, int netuid) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                PreparedStatement q = c.prepareStatement("SELECT coalesce(max(epoch), 0) FROM epoch WHERE netuid = ?")) {
            q.setInt(1, netuid);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read consensus's epochs: " + e.getMessage(), e);
        }
    }
}
