package net.taonet.registry.charge.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The registry's rows of ledger charges (table {@code ledger_charge}). */
@Component
public class ChargeJournal {

    public enum Kind { LOCK, BURN }

    public enum State { PENDING, COMPLETED, FAILED, REFUNDED, ABANDONED }

    public record ChargeRow(UUID requestId, Kind kind, String coldkey, int netuid, String hotkey, long amountRao,
            State state, String detail) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate separate;

    public ChargeJournal(JdbcClient jdbc, PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(txManager);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Commits a PENDING row on its own, whatever the caller's transaction does later. */
    public void recordPending(UUID requestId, Kind kind, String coldkey, int netuid, String hotkey, long amountRao) {
        separate.executeWithoutResult(status -> jdbc.sql("""
                INSERT INTO ledger_charge (request_id, kind, coldkey, netuid, hotkey, amount_rao, state)
                VALUES (?, ?, ?, ?, ?, ?, 'PENDING')""")
                .params(requestId, kind.name(), coldkey, netuid, hotkey, amountRao).update());
    }

    /** In the caller's transaction: true if the row was still PENDING and is now COMPLETED. */
    public boolean complete(UUID requestId) {
        return jdbc.sql("""
                UPDATE ledger_charge SET state = 'COMPLETED', updated_at = now()
                WHERE request_id = ? AND state = 'PENDING'""").param(requestId).update() == 1;
    }

    /** The ledger refused: nothing was charged (committed on its own). */
    public void fail(UUID requestId, String detail) {
        separate.executeWithoutResult(status -> jdbc.sql("""
                UPDATE ledger_charge SET state = 'FAILED', detail = ?, updated_at = now()
                WHERE request_id = ? AND state = 'PENDING'""").params(detail, requestId).update());
    }

    /** PENDING rows older than {@code grace}, oldest first. */
    public List<UUID> pendingOlderThan(Duration grace, int limit) {
        return jdbc.sql("""
                SELECT request_id FROM ledger_charge
                WHERE state = 'PENDING' AND created_at < now() - make_interval(secs => ?)
                ORDER BY created_at LIMIT ?""")
                .params(grace.toMillis() / 1000.0, limit).query(UUID.class).list();
    }

    /** In the caller's transaction: the row if it is still PENDING and no one else holds it. */
    public Optional<ChargeRow> claimPending(UUID requestId) {
        return jdbc.sql("""
                SELECT request_id, kind, coldkey, netuid, hotkey, amount_rao, state, detail FROM ledger_charge
                WHERE request_id = ? AND state = 'PENDING' FOR UPDATE SKIP LOCKED""")
                .param(requestId).query(ChargeJournal::row).optional();
    }

    /** In the caller's transaction: the final state the reconciliation found. */
    public void settle(UUID requestId, State state, String detail) {
        jdbc.sql("UPDATE ledger_charge SET state = ?, detail = ?, updated_at = now() WHERE request_id = ?")
                .params(state.name(), detail, requestId).update();
    }

    public Optional<ChargeRow> find(UUID requestId) {
        return jdbc.sql("""
                SELECT request_id, kind, coldkey, netuid, hotkey, amount_rao, state, detail FROM ledger_charge
                WHERE request_id = ?""").param(requestId).query(ChargeJournal::row).optional();
    }

    private static ChargeRow row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new ChargeRow(rs.getObject("request_id", UUID.class), Kind.valueOf(rs.getString("kind")),
                rs.getString("coldkey"), rs.getInt("netuid"), rs.getString("hotkey"), rs.getLong("amount_rao"),
                State.valueOf(rs.getString("state")), rs.getString("detail"));
    }
}
