package net.taonet.consensus.epoch.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.taonet.consensus.projection.domain.HyperparametersJson;
import net.taonet.consensus.projection.domain.RowCodec;
import net.taonet.events.registry.Hyperparameters;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads projections into a snapshot and stores epochs; every method runs in the caller's transaction. */
@Repository
public class EpochRepository {

    private static final String SUBNET_COLUMNS =
            "netuid, owner_hotkey, tempo, hyperparameters, registered_at_block, dissolved, last_epoch, last_epoch_block";

    private final JdbcTemplate jdbc;

    public EpochRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Subnets that may have an epoch due (live, tempo > 0). */
    public List<SubnetRow> schedulableSubnets() {
        return jdbc.query("SELECT " + SUBNET_COLUMNS + " FROM subnet WHERE NOT dissolved AND tempo > 0 ORDER BY netuid",
                EpochRepository::subnetRow);
    }

    /** Locks the subnet for an epoch run; empty when another transaction holds it (another instance, or an event). */
    public Optional<SubnetRow> lockSubnet(int netuid) {
        List<SubnetRow> rows = jdbc.query("SELECT " + SUBNET_COLUMNS + " FROM subnet WHERE netuid = ? FOR UPDATE SKIP LOCKED",
                EpochRepository::subnetRow, netuid);
        return rows.stream().findFirst();
    }

    public Optional<SubnetRow> subnet(int netuid) {
        return jdbc.query("SELECT " + SUBNET_COLUMNS + " FROM subnet WHERE netuid = ?", EpochRepository::subnetRow, netuid)
                .stream().findFirst();
    }

    private static SubnetRow subnetRow(ResultSet rs, int i) throws SQLException {
        long last = rs.getLong(7);
        Long lastEpoch = rs.wasNull() ? null : last;
        return new SubnetRow(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getLong(5),
                rs.getBoolean(6), lastEpoch, rs.getLong(8));
    }

    /** Everything the epoch reads (spec §3.1), as the projections hold it now. */
    public EpochSnapshot readSnapshot(SubnetRow subnet, long epoch, long block, long scheduleIndex, long raoEmission) {
        int netuid = subnet.netuid();
        Hyperparameters hp = HyperparametersJson.read(subnet.hyperparametersJson());
        record Neuron(int uid, String hotkey, long registrationBlock, boolean permit, byte[] bonds) {
        }
        List<Neuron> neurons = jdbc.query("""
                SELECT uid, hotkey, registration_block, validator_permit, bonds FROM neuron
                WHERE netuid = ? ORDER BY uid""",
                (rs, i) -> new Neuron(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getBoolean(4), rs.getBytes(5)),
                netuid);
        int n = neurons.isEmpty() ? 0 : neurons.get(neurons.size() - 1).uid() + 1;
        String[] hotkeys = new String[n];
        long[] stake = new long[n];
        int[][][] weights = new int[n][0][];
        int[][][] bonds = new int[n][0][];
        long[] lastUpdate = new long[n];
        long[] registered = new long[n];
        boolean[] permits = new boolean[n];
        Long[] commits = hp.commitRevealEnabled() ? new Long[n] : null;
        Map<String, Integer> uidOf = new HashMap<>();
        for (Neuron nr : neurons) {
            hotkeys[nr.uid()] = nr.hotkey();
            registered[nr.uid()] = nr.registrationBlock();
            lastUpdate[nr.uid()] = nr.registrationBlock(); // registration sets the last update (spec §3.1)
            permits[nr.uid()] = nr.permit();
            bonds[nr.uid()] = RowCodec.decodePairs(nr.bonds());
            uidOf.put(nr.hotkey(), nr.uid());
        }
        jdbc.query("SELECT hotkey, stake_rao FROM hotkey_stake WHERE netuid = ?", rs -> {
            Integer uid = uidOf.get(rs.getString(1));
            if (uid != null) {
                stake[uid] = rs.getLong(2);
            }
        }, netuid);
        jdbc.query("SELECT uid, hotkey, entries, last_update FROM weight_row WHERE netuid = ?", rs -> {
            int uid = rs.getInt(1);
            if (uid < n && rs.getString(2).equals(hotkeys[uid])) {
                weights[uid] = RowCodec.decodePairs(rs.getBytes(3));
                lastUpdate[uid] = Math.max(lastUpdate[uid], rs.getLong(4));
            }
        }, netuid);
        if (commits != null) {
            // a commit is pending until revealed, and expires after its reveal epoch (spec §6.4)
            jdbc.query("""
                    SELECT uid, hotkey, MIN(commit_block) FROM weight_commit
                    WHERE netuid = ? AND commit_epoch + ? >= ? GROUP BY uid, hotkey""", rs -> {
                int uid = rs.getInt(1);
                if (uid < n && rs.getString(2).equals(hotkeys[uid])) {
                    commits[uid] = rs.getLong(3);
                }
            }, netuid, hp.revealPeriod(), scheduleIndex);
        }
        Integer owner = uidOf.get(subnet.ownerHotkey());
        return new EpochSnapshot(EpochSnapshot.SCHEMA, netuid, epoch, block, raoEmission, hp, owner,
                subnet.lastEpochBlock(), scheduleIndex, n, hotkeys, stake, weights, bonds, lastUpdate, registered,
                permits, commits);
    }

    /** Records the epoch; 0 when this (netuid, epoch) exists already. */
    public int insertEpoch(EpochSnapshot s, String inputsJson, String inputsHash, String computedBy, long computeMicros) {
        return jdbc.update("""
                INSERT INTO epoch (netuid, epoch, block, n, rao_emission, inputs_gz, inputs_hash, computed_by, compute_micros)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                s.netuid(), s.epoch(), s.block(), s.n(), s.raoEmission(), SnapshotJson.gzip(inputsJson), inputsHash,
                computedBy, computeMicros);
    }

    /**
     * One statement for all UIDs: the columns travel as arrays and PostgreSQL expands them with unnest,
     * which costs far less than one row per bind (256 UIDs per epoch, many subnets per block).
     */
    public void insertOutcomes(int netuid, long epoch, List<UidOutcome> outcomes) {
        int n = outcomes.size();
        Integer[] uid = new Integer[n];
        String[] hotkey = new String[n];
        Boolean[] active = new Boolean[n];
        Integer[] stakeWeight = new Integer[n];
        Integer[] consensus = new Integer[n];
        Integer[] incentive = new Integer[n];
        Integer[] dividends = new Integer[n];
        Integer[] trust = new Integer[n];
        Boolean[] permit = new Boolean[n];
        Long[] server = new Long[n];
        Long[] validator = new Long[n];
        Long[] emission = new Long[n];
        Long[] serverBits = new Long[n];
        Long[] validatorBits = new Long[n];
        byte[][] bonds = new byte[n][];
        for (int i = 0; i < n; i++) {
            UidOutcome o = outcomes.get(i);
            uid[i] = o.uid();
            hotkey[i] = o.hotkey();
            active[i] = o.active();
            stakeWeight[i] = o.stakeWeight();
            consensus[i] = o.consensus();
            incentive[i] = o.incentive();
            dividends[i] = o.dividends();
            trust[i] = o.validatorTrust();
            permit[i] = o.validatorPermit();
            server[i] = o.serverEmission();
            validator[i] = o.validatorEmission();
            emission[i] = o.emission();
            serverBits[i] = o.serverEmissionBits();
            validatorBits[i] = o.validatorEmissionBits();
            bonds[i] = RowCodec.encodePairs(o.bonds());
        }
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    INSERT INTO epoch_uid (netuid, epoch, uid, hotkey, active, stake_weight, consensus, incentive,
                        dividends, validator_trust, validator_permit, server_emission, validator_emission, emission,
                        server_emission_bits, validator_emission_bits, bonds)
                    SELECT ?, ?, * FROM unnest(?::int[], ?::varchar[], ?::boolean[], ?::int[], ?::int[], ?::int[],
                        ?::int[], ?::int[], ?::boolean[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],
                        ?::bigint[], ?::bytea[])""");
            ps.setInt(1, netuid);
            ps.setLong(2, epoch);
            ps.setArray(3, con.createArrayOf("int4", uid));
            ps.setArray(4, con.createArrayOf("varchar", hotkey));
            ps.setArray(5, con.createArrayOf("bool", active));
            ps.setArray(6, con.createArrayOf("int4", stakeWeight));
            ps.setArray(7, con.createArrayOf("int4", consensus));
            ps.setArray(8, con.createArrayOf("int4", incentive));
            ps.setArray(9, con.createArrayOf("int4", dividends));
            ps.setArray(10, con.createArrayOf("int4", trust));
            ps.setArray(11, con.createArrayOf("bool", permit));
            ps.setArray(12, con.createArrayOf("int8", server));
            ps.setArray(13, con.createArrayOf("int8", validator));
            ps.setArray(14, con.createArrayOf("int8", emission));
            ps.setArray(15, con.createArrayOf("int8", serverBits));
            ps.setArray(16, con.createArrayOf("int8", validatorBits));
            ps.setArray(17, con.createArrayOf("bytea", bonds));
            return ps;
        });
    }

    /** Bonds and permits for the next epoch (spec §5.14): every UID's row, empty without a new permit. */
    public void persistBondsAndPermits(int netuid, EpochSnapshot before, List<UidOutcome> outcomes) {
        List<Object[]> rows = new ArrayList<>(outcomes.size());
        for (UidOutcome o : outcomes) {
            int i = o.uid();
            boolean unchanged = o.validatorPermit() == before.validatorPermit()[i]
                    && java.util.Arrays.deepEquals(o.bonds(), before.bonds()[i]);
            // rows the epoch leaves as they were are not rewritten (most UIDs hold no permit and no bonds)
            if (o.hotkey() != null && !unchanged) {
                rows.add(new Object[] {o.validatorPermit(), RowCodec.encodePairs(o.bonds()), netuid, o.uid()});
            }
        }
        jdbc.batchUpdate("UPDATE neuron SET validator_permit = ?, bonds = ? WHERE netuid = ? AND uid = ?", rows);
    }

    public void markEpochDone(int netuid, long epoch, long block) {
        jdbc.update("UPDATE subnet SET last_epoch = ?, last_epoch_block = ? WHERE netuid = ?", epoch, block, netuid);
    }

    // ---- reads for the API and replay ----

    public record EpochRecord(int netuid, long epoch, long block, int n, long raoEmission, String inputsHash,
            String computedBy, long computeMicros, java.time.OffsetDateTime completedAt) {
    }

    private static EpochRecord epochRecord(ResultSet rs, int i) throws SQLException {
        return new EpochRecord(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getLong(8), rs.getObject(9, java.time.OffsetDateTime.class));
    }

    private static final String EPOCH_COLUMNS =
            "netuid, epoch, block, n, rao_emission, inputs_hash, computed_by, compute_micros, completed_at";

    public List<EpochRecord> epochs(int netuid, int offset, int limit) {
        return jdbc.query("SELECT " + EPOCH_COLUMNS + " FROM epoch WHERE netuid = ? ORDER BY epoch DESC OFFSET ? LIMIT ?",
                EpochRepository::epochRecord, netuid, offset, limit);
    }

    public long countEpochs(int netuid) {
        Long c = jdbc.queryForObject("SELECT count(*) FROM epoch WHERE netuid = ?", Long.class, netuid);
        return c == null ? 0 : c;
    }

    public Optional<EpochRecord> epoch(int netuid, long epoch) {
        return jdbc.query("SELECT " + EPOCH_COLUMNS + " FROM epoch WHERE netuid = ? AND epoch = ?",
                EpochRepository::epochRecord, netuid, epoch).stream().findFirst();
    }

    public Optional<EpochRecord> latestEpoch(int netuid) {
        return jdbc.query("SELECT " + EPOCH_COLUMNS + " FROM epoch WHERE netuid = ? ORDER BY epoch DESC LIMIT 1",
                EpochRepository::epochRecord, netuid).stream().findFirst();
    }

    /** The stored snapshot text and its recorded hash. */
    public Optional<String[]> inputs(int netuid, long epoch) {
        return jdbc.query("SELECT inputs, inputs_gz, inputs_hash FROM epoch WHERE netuid = ? AND epoch = ?",
                (rs, i) -> {
                    byte[] gz = rs.getBytes(2);
                    return new String[] {gz != null ? SnapshotJson.gunzip(gz) : rs.getString(1), rs.getString(3)};
                }, netuid, epoch).stream().findFirst();
    }

    public List<UidOutcome> outcomes(int netuid, long epoch) {
        return jdbc.query("""
                SELECT uid, hotkey, active, stake_weight, consensus, incentive, dividends, validator_trust,
                       validator_permit, server_emission, validator_emission, emission, server_emission_bits,
                       validator_emission_bits, bonds
                FROM epoch_uid WHERE netuid = ? AND epoch = ? ORDER BY uid""",
                (rs, i) -> new UidOutcome(rs.getInt(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getBoolean(9), rs.getLong(10), rs.getLong(11),
                        rs.getLong(12), rs.getLong(13), rs.getLong(14), RowCodec.decodePairs(rs.getBytes(15))),
                netuid, epoch);
    }
}
