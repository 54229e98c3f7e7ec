package net.taonet.emission.ledger.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Read views of the books: balances, positions, journal pages. */
@Component
public class AccountQueries {

    private final JdbcTemplate jdbc;

    public AccountQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A stake position. */
    public record Position(String coldkey, String hotkey, int netuid, long stakeRao) {
    }

    /** A coldkey's free balance and positions. */
    public record AccountView(String address, long freeRao, long stakedRao, long totalRao, List<Position> positions) {
    }

    /** One line of an account's journal. */
    public record JournalEntry(long lineId, long journalTx, String kind, String reference, long block, String account,
            long amountRao, long balanceAfterRao, String at) {
    }

    /** A page of journal entries, newest first; {@code nextBefore} continues it ({@code null} at the end). */
    public record JournalPage(String address, List<JournalEntry> entries, Long nextBefore) {
    }

    /** Stake on one hotkey in one subnet. */
    public record HotkeyStakeView(String hotkey, int netuid, long totalRao, List<Position> positions) {
    }

    public AccountView account(String address) {
        Long free = jdbc.queryForList("SELECT balance FROM account WHERE name = ?", Long.class, "free:" + address).stream()
                .findFirst().orElse(0L);
        List<Position> positions = jdbc.query("""
                SELECT coldkey, hotkey, netuid, balance FROM account WHERE kind = 'STAKE' AND coldkey = ? AND balance > 0
                ORDER BY netuid, hotkey""",
                (rs, i) -> new Position(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4)), address);
        long staked = positions.stream().mapToLong(Position::stakeRao).sum();
        return new AccountView(address, free, staked, free + staked, positions);
    }

    public JournalPage journal(String address, Long before, int limit) {
        List<JournalEntry> entries = jdbc.query("""
                SELECT l.id, t.id, t.kind, t.reference, t.block, a.name, l.amount, l.balance_after, t.created_at
                FROM account a JOIN journal_line l ON l.account_id = a.id JOIN journal_tx t ON t.id = l.tx_id
                WHERE a.coldkey = ? AND l.id < ?
                ORDER BY l.id DESC LIMIT ?""",
                (rs, i) -> new JournalEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getObject(9, java.time.OffsetDateTime.class).toString()),
                address, before == null ? Long.MAX_VALUE : before, limit + 1);
        Long next = null;
        if (entries.size() > limit) {
            entries = new ArrayList<>(entries.subList(0, limit));
            next = entries.get(limit - 1).lineId();
        }
        return new JournalPage(address, entries, next);
    }

    public List<HotkeyStakeView> byHotkey(String hotkey) {
        return group(jdbc.query("""
                SELECT coldkey, hotkey, netuid, balance FROM account WHERE kind = 'STAKE' AND hotkey = ? AND balance > 0
                ORDER BY netuid, coldkey""",
                (rs, i) -> new Position(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4)), hotkey));
    }

    public List<HotkeyStakeView> bySubnet(int netuid) {
        return group(jdbc.query("""
                SELECT coldkey, hotkey, netuid, balance FROM account WHERE kind = 'STAKE' AND netuid = ? AND balance > 0
                ORDER BY hotkey, coldkey""",
                (rs, i) -> new Position(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4)), netuid));
    }

    public long subnetTotal(int netuid) {
        return jdbc.queryForList("SELECT total FROM subnet_stake WHERE netuid = ?", Long.class, netuid).stream()
                .findFirst().orElse(0L);
    }

    private static List<HotkeyStakeView> group(List<Position> positions) {
        Map<String, List<Position>> groups = new LinkedHashMap<>();
        for (Position p : positions) {
            groups.computeIfAbsent(p.netuid() + "\u0000" + p.hotkey(), k -> new ArrayList<>()).add(p);
        }
        List<HotkeyStakeView> out = new ArrayList<>();
        groups.values().forEach(ps -> out.add(new HotkeyStakeView(ps.get(0).hotkey(), ps.get(0).netuid(),
                ps.stream().mapToLong(Position::stakeRao).sum(), ps)));
        return out;
    }
}
