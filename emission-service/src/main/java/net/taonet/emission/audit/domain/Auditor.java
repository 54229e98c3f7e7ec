package net.taonet.emission.audit.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.taonet.emission.ledger.domain.Rao;
import net.taonet.platform.chain.BlockClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Checks the invariants of the books on a repeatable-read snapshot. */
@Service
public class Auditor {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final BlockClock clock;

    public Auditor(JdbcTemplate jdbc, PlatformTransactionManager txManager, BlockClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.snapshot = new TransactionTemplate(txManager);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    /** One invariant and whether it holds. */
    public record Check(String name, boolean ok, String detail) {
    }

    /** The audit's answer. */
    public record Report(boolean ok, long block, List<Check> checks, Map<String, Object> figures) {
    }

    public Report audit() {
        return snapshot.execute(status -> run());
    }

    private Report run() {
        Map<String, Object> f = new LinkedHashMap<>();
        List<Check> checks = new ArrayList<>();

        BigDecimal linesSum = jdbc.queryForObject("SELECT coalesce(sum(amount::numeric), 0) FROM journal_line", BigDecimal.class);
        BigDecimal balancesSum = jdbc.queryForObject("SELECT coalesce(sum(balance::numeric), 0) FROM account", BigDecimal.class);
        long txs = count("SELECT count(*) FROM journal_tx");
        long lines = count("SELECT count(*) FROM journal_line");
        long accounts = count("SELECT count(*) FROM account");
        long unbalanced = count("""
                SELECT count(*) FROM journal_tx t LEFT JOIN (
                    SELECT tx_id, sum(amount::numeric) AS s, count(*) AS n FROM journal_line GROUP BY tx_id) l ON l.tx_id = t.id
                WHERE l.tx_id IS NULL OR l.s <> 0 OR l.n < 2""");
        long mismatched = count("""
                SELECT count(*) FROM account a LEFT JOIN (
                    SELECT account_id, sum(amount::numeric) AS s FROM journal_line GROUP BY account_id) l ON l.account_id = a.id
                WHERE a.balance <> coalesce(l.s, 0)""");
        long negative = count("SELECT count(*) FROM account WHERE balance < 0 AND name <> 'issuance'");
        long dust = count("SELECT count(*) FROM account WHERE kind = 'FREE' AND balance > 0 AND balance < " + Rao.EXISTENTIAL_DEPOSIT);
        long minted = -value("SELECT balance FROM account WHERE name = 'issuance'");
        long recycled = value("SELECT balance FROM account WHERE name = 'recycled'");
        long free = value("SELECT coalesce(sum(balance), 0) FROM account WHERE kind = 'FREE'");
        long staked = value("SELECT coalesce(sum(balance), 0) FROM account WHERE kind = 'STAKE'");
        long locked = value("SELECT coalesce(sum(balance), 0) FROM account WHERE name LIKE 'lock:%'");
        long issuance = minted - recycled;
        long hotkeyMismatch = count("""
                SELECT count(*) FROM (
                    SELECT netuid, hotkey, sum(balance) AS s FROM account WHERE kind = 'STAKE' GROUP BY netuid, hotkey) p
                FULL JOIN hotkey_stake h ON h.netuid = p.netuid AND h.hotkey = p.hotkey
                WHERE coalesce(p.s, 0) <> coalesce(h.total, 0)""");
        long subnetMismatch = count("""
                SELECT count(*) FROM (SELECT netuid, sum(total) AS s FROM hotkey_stake GROUP BY netuid) h
                FULL JOIN subnet_stake ss ON ss.netuid = h.netuid
                WHERE coalesce(h.s, 0) <> coalesce(ss.total, 0)""");
        long settlements = count("SELECT count(*) FROM settlement");
        long distinctSettlements = count("SELECT count(*) FROM (SELECT DISTINCT netuid, epoch FROM settlement) s");
        long settledCredits = value("SELECT coalesce(sum(owner_cut_rao + paid_rao), 0) FROM settlement");
        long settlementMinted = -value("""
                SELECT coalesce(sum(l.amount), 0) FROM journal_line l JOIN journal_tx t ON t.id = l.tx_id
                WHERE t.kind = 'SETTLEMENT' AND l.account_id = 1""");
        long overpaid = count("SELECT count(*) FROM settlement WHERE paid_rao > rao_emission OR owner_cut_rao + rao_emission <> accrued_rao");

        f.put("journalLinesSumRao", linesSum);
        f.put("balancesSumRao", balancesSum);
        f.put("journalTransactions", txs);
        f.put("journalLines", lines);
        f.put("accounts", accounts);
        f.put("mintedRao", minted);
        f.put("recycledRao", recycled);
        f.put("issuanceRao", issuance);
        f.put("maxSupplyRao", Rao.MAX_SUPPLY);
        f.put("freeRao", free);
        f.put("stakedRao", staked);
        f.put("lockedRao", locked);
        f.put("settlements", settlements);
        f.put("settledCreditsRao", settledCredits);
        f.put("settlementMintedRao", settlementMinted);

        checks.add(new Check("journal-sums-to-zero", linesSum.signum() == 0, "Σ lines = " + linesSum.toPlainString()));
        checks.add(new Check("balanced-transactions", unbalanced == 0, unbalanced + " transaction(s) not balanced"));
        checks.add(new Check("balances-match-journal", mismatched == 0 && balancesSum.signum() == 0,
                mismatched + " account(s) whose balance differs from the sum of its lines; Σ balances = " + balancesSum.toPlainString()));
        checks.add(new Check("no-negative-balances", negative == 0, negative + " user or system account(s) below zero"));
        checks.add(new Check("existential-deposit", dust == 0, dust + " free balance(s) between 1 and 499 rao"));
        checks.add(new Check("issuance-within-supply", minted >= 0 && recycled >= 0 && issuance >= 0 && issuance <= Rao.MAX_SUPPLY,
                "issuance = minted " + minted + " − recycled " + recycled + " = " + issuance + " ≤ " + Rao.MAX_SUPPLY));
        checks.add(new Check("issuance-is-held", free + staked + locked == issuance,
                "free " + free + " + staked " + staked + " + locked " + locked + " = " + (free + staked + locked)
                        + " vs issuance " + issuance));
        checks.add(new Check("stake-totals", hotkeyMismatch == 0 && subnetMismatch == 0,
                hotkeyMismatch + " hotkey total(s) and " + subnetMismatch + " subnet total(s) differ from their positions"));
        checks.add(new Check("settled-at-most-once", settlements == distinctSettlements,
                settlements + " settlements for " + distinctSettlements + " distinct (netuid, epoch)"));
        checks.add(new Check("settlements-mint-what-they-credit", settledCredits == settlementMinted && overpaid == 0,
                "credited " + settledCredits + " rao, minted " + settlementMinted + " rao; " + overpaid + " inconsistent settlement(s)"));
        boolean ok = checks.stream().allMatch(Check::ok);
        return new Report(ok, clock.currentBlock(), checks, f);
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private long value(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
