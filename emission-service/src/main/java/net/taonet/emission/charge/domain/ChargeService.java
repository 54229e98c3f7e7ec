package net.taonet.emission.charge.domain;

import java.util.List;
import java.util.Optional;
import net.taonet.emission.idempotency.domain.IdempotentCommands;
import net.taonet.emission.ledger.domain.AccountKey;
import net.taonet.emission.ledger.domain.Books;
import net.taonet.emission.ledger.domain.Movement;
import net.taonet.emission.ledger.domain.Posting;
import net.taonet.emission.ledger.domain.Rao;
import net.taonet.platform.problem.ApiProblem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Lock, burn and refund charges for the registry, idempotent by request id. */
@Service
public class ChargeService {

    public enum Kind { LOCK, BURN }

    public enum State { CHARGED, REFUNDED }

    /** A charge as the contract describes it. */
    public record Charge(String requestId, Kind kind, String coldkey, int netuid, long amountRao, State state,
            long journalTx, Long refundTx) {
    }

    private static final RowMapper<Charge> CHARGE = (rs, i) -> new Charge(rs.getString("request_id"),
            Kind.valueOf(rs.getString("kind")), rs.getString("coldkey"), rs.getInt("netuid"), rs.getLong("amount_rao"),
            State.valueOf(rs.getString("state")), rs.getLong("journal_tx"), (Long) rs.getObject("refund_tx"));

    private final JdbcTemplate jdbc;
    private final Books books;
    private final TransactionTemplate tx;

    public ChargeService(JdbcTemplate jdbc, Books books, PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.books = books;
        this.tx = new TransactionTemplate(txManager);
    }

    public Optional<Charge> find(String requestId) {
        return jdbc.query("SELECT * FROM charge WHERE request_id = ?", CHARGE, requestId).stream().findFirst();
    }

    /** Charges {@code amount} once per request id (validated addresses expected). */
    public Charge charge(Kind kind, String requestId, String coldkey, int netuid, long amount) {
        IdempotentCommands.requireKey(requestId);
        if (amount < Rao.EXISTENTIAL_DEPOSIT) {
            throw ApiProblem.badRequest("invalid-amount", "a charge is at least " + Rao.EXISTENTIAL_DEPOSIT + " rao; got "
                    + amount);
        }
        if (netuid < 0 || netuid > 65_535) {
            throw ApiProblem.badRequest("invalid-netuid", "netuid must be within 0..65535");
        }
        String hash = IdempotentCommands.fingerprint(kind.name(), coldkey, Integer.toString(netuid), Long.toString(amount));
        return tx.execute(status -> {
            // The request id's row is written (and so locked) before any account, like every command; a
            // concurrent request with the same id waits here and then finds it.
            int inserted = jdbc.update("""
                    INSERT INTO charge (request_id, kind, coldkey, netuid, amount_rao, state, request_hash, charged_block)
                    VALUES (?, ?, ?, ?, ?, 'CHARGED', ?, 0) ON CONFLICT DO NOTHING""",
                    requestId, kind.name(), coldkey, netuid, amount, hash);
            if (inserted == 0) {
                String storedHash = jdbc.queryForObject("SELECT request_hash FROM charge WHERE request_id = ?",
                        String.class, requestId);
                if (!hash.equals(storedHash)) {
                    throw ApiProblem.conflict("idempotency-key-reused", "request id '" + requestId
                            + "' was already used for a different charge").with("requestId", requestId);
                }
                return find(requestId).orElseThrow();
            }
            AccountKey free = AccountKey.free(coldkey);
            AccountKey target = kind == Kind.LOCK ? AccountKey.lock(netuid) : AccountKey.RECYCLED;
            Posting p = books.post("CHARGE_" + kind, requestId, List.of(free, target), balances -> {
                long balance = balances.of(free);
                if (balance < amount) {
                    throw ApiProblem.unprocessable("insufficient-balance", "the free balance of " + coldkey + " is "
                            + balance + " rao; the charge needs " + amount).with("balanceRao", balance)
                            .with("neededRao", amount);
                }
                long rest = balance - amount;
                if (rest > 0 && rest < Rao.EXISTENTIAL_DEPOSIT) {
                    throw ApiProblem.unprocessable("existential-deposit", "the charge would leave " + rest
                            + " rao free; a free balance is 0 or at least " + Rao.EXISTENTIAL_DEPOSIT + " rao")
                            .with("existentialDepositRao", Rao.EXISTENTIAL_DEPOSIT);
                }
                return new Movement().move(free, target, amount);
            });
            jdbc.update("UPDATE charge SET journal_tx = ?, charged_block = ? WHERE request_id = ?",
                    p.journalTx(), p.block(), requestId);
            return find(requestId).orElseThrow();
        });
    }

    /** Reverses a charge exactly once; a refunded charge is answered as it is. */
    public Charge refund(String requestId) {
        IdempotentCommands.requireKey(requestId);
        return tx.execute(status -> {
            Charge c = jdbc.query("SELECT * FROM charge WHERE request_id = ? FOR UPDATE", CHARGE, requestId).stream()
                    .findFirst().orElseThrow(() -> ApiProblem.notFound("unknown-charge", "no charge with request id '"
                            + requestId + "'"));
            if (c.state() == State.REFUNDED) {
                return c;
            }
            AccountKey free = AccountKey.free(c.coldkey());
            AccountKey source = c.kind() == Kind.LOCK ? AccountKey.lock(c.netuid()) : AccountKey.RECYCLED;
            Posting p = books.post("REFUND_" + c.kind(), requestId, List.of(free, source),
                    balances -> new Movement().move(source, free, Math.min(c.amountRao(), balances.of(source))));
            jdbc.update("UPDATE charge SET state = 'REFUNDED', refund_tx = ?, refunded_block = ? WHERE request_id = ?",
                    p.journalTx(), p.block(), requestId);
            return find(requestId).orElseThrow();
        });
    }
}
