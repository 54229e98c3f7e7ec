package net.taonet.consensusit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.taonet.consensus.projection.domain.HyperparametersJson;
import net.taonet.consensus.projection.domain.RowCodec;
import net.taonet.events.registry.Hyperparameters;
import net.taonet.testsupport.ServiceLauncher.RunningService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import net.taonet.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Load benchmark (not part of {@code verify}; run with {@code -Pbenchmark}): 128 subnets × 256 UIDs, 64
 * validators per subnet each weighting every UID, all due at the same block. Measures, from the moment
 * the clock reaches that block, until every epoch is computed and stored (committed) and until every
 * {@code EpochCompleted} has been read back from Kafka. Prints its figures.
 *
 * <p>The projections are seeded with SQL (the state the consumers would have built): this measures the
 * epoch path, not event ingestion. Every subnet has tempo 360 and no epoch yet, so when the clock jumps
 * to the start block each one's latest epoch block is due at once (as after a restart). Validators start
 * with permits so the first round already does the full weight/bond work; later rounds also carry the
 * bonds of the previous one.
 */
class EpochSchedulerBenchmark {

    private static final int SUBNETS = Integer.getInteger("bench.subnets", 128);
    private static final int UIDS = Integer.getInteger("bench.uids", 256);
    private static final int VALIDATORS = Integer.getInteger("bench.validators", 64);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 4);
    private static final int TEMPO = 360;

    @Test
    void allSubnetsDueAtOneBlock() {
        String db = TestPostgres.freshDatabase("consensus_bench");
        ManualClockConsensus.CLOCK.set(1);
        Map<String, Object> extra = Map.of("taonet.consensus.tick-interval", "20ms",
                "taonet.platform.outbox-poll-interval", "50ms",
                "logging.level.root", "WARN");
        try (RunningService service = ManualClockConsensus.start("consensus-bench", "bench-" + UUID.randomUUID(), db,
                extra); EventFeed feed = new EventFeed()) {
            JdbcTemplate jdbc = service.bean(JdbcTemplate.class);
            long seedStart = System.nanoTime();
            seed(jdbc);
            System.out.printf("seeded %d subnets × %d UIDs (%d validators) in %d ms%n", SUBNETS, UIDS, VALIDATORS,
                    (System.nanoTime() - seedStart) / 1_000_000);
            feed.epochsCompleted();

            MeterRegistry meters = service.bean(MeterRegistry.class);
            long block = 10_000;
            int seen = 0;
            for (int round = 1; round <= ROUNDS; round++) {
                int expectedEpochs = round * SUBNETS;
                int expectedEvents = seen + SUBNETS;
                double[] phasesBefore = phases(meters);
                long t0 = System.nanoTime();
                ManualClockConsensus.CLOCK.set(block);
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10)).until(() ->
                        jdbc.queryForObject("SELECT count(*) FROM epoch", Integer.class) >= expectedEpochs);
                long stored = System.nanoTime() - t0;
                System.out.printf("round %d: all %d epochs stored after %d ms%n", round, SUBNETS, stored / 1_000_000);
                try {
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() ->
                            feed.epochsCompleted().size() >= expectedEvents);
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    System.out.printf("only %d of %d events read; outbox backlog %d%n", feed.epochsCompleted().size(),
                            expectedEvents, jdbc.queryForObject("SELECT count(*) FROM outbox_event", Integer.class));
                    throw e;
                }
                long published = System.nanoTime() - t0;
                seen = feed.epochsCompleted().size();
                Map<String, Object> stats = jdbc.queryForMap("""
                        SELECT avg(compute_micros)::bigint AS avg_us, max(compute_micros) AS max_us,
                               avg(octet_length(inputs_gz))::bigint AS inputs_bytes
                        FROM epoch WHERE block > ?""", block - TEMPO - 1);
                System.out.printf(
                        "round %d: %d epochs due at block %d: all stored after %d ms, all EpochCompleted read from Kafka"
                                + " after %d ms; engine per epoch avg %s µs, max %s µs; snapshot %s bytes (gzip) per epoch%n",
                        round, SUBNETS, block, stored / 1_000_000, published / 1_000_000, stats.get("avg_us"),
                        stats.get("max_us"), stats.get("inputs_bytes"));
                double[] phasesAfter = phases(meters);
                double[] d = new double[phasesAfter.length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = (phasesAfter[i] - phasesBefore[i]) / SUBNETS;
                }
                System.out.printf("    per epoch (ms, mean over the round): snapshot %.1f, engine %.1f, encode %.1f,"
                        + " store %.1f (epoch row %.1f, per-UID rows %.1f, bonds+permits %.1f, outbox %.1f),"
                        + " lock-to-commit %.1f%n", d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8]);
                assertThat(seen).isEqualTo(expectedEvents);
                block += TEMPO + 1;
            }
        }
    }

    private static double[] phases(MeterRegistry meters) {
        String[] names = {"snapshot", "engine", "encode", "store", "store.epoch", "store.uids", "store.bonds",
            "store.outbox"};
        double[] out = new double[names.length + 1];
        for (int i = 0; i < names.length; i++) {
            Timer t = meters.find("taonet.consensus.epoch.phase").tag("phase", names[i]).timer();
            out[i] = t == null ? 0 : t.totalTime(TimeUnit.MILLISECONDS);
        }
        Timer total = meters.find("taonet.consensus.epoch").timer();
        out[names.length] = total == null ? 0 : total.totalTime(TimeUnit.MILLISECONDS);
        return out;
    }

    private static void seed(JdbcTemplate jdbc) {
        Random random = new Random(42);
        Hyperparameters hp = Hyperparameters.defaults();
        String hpJson = HyperparametersJson.write(hp);
        for (int netuid = 1; netuid <= SUBNETS; netuid++) {
            jdbc.update("""
                    INSERT INTO subnet (netuid, owner_hotkey, owner_coldkey, tempo, hyperparameters, registered_at_block)
                    VALUES (?, ?, ?, ?, ?, 0)""", netuid, "5Owner" + netuid, "5OwnerCold" + netuid, TEMPO, hpJson);
            List<Object[]> neurons = new ArrayList<>();
            List<Object[]> stakes = new ArrayList<>();
            List<Object[]> rows = new ArrayList<>();
            for (int uid = 0; uid < UIDS; uid++) {
                String hotkey = uid == 0 ? "5Owner" + netuid : "5H" + netuid + "x" + uid;
                boolean validator = uid < VALIDATORS;
                neurons.add(new Object[] {netuid, uid, hotkey, "5C" + uid, 1L, validator});
                if (validator) {
                    stakes.add(new Object[] {netuid, hotkey, 1_000_000_000_000L + random.nextInt(1_000_000) * 1_000_000L});
                    int[] uids = new int[UIDS];
                    int[] values = new int[UIDS];
                    for (int j = 0; j < UIDS; j++) {
                        uids[j] = j;
                        values[j] = j == UIDS - 1 ? 65535 : random.nextInt(65536);
                    }
                    rows.add(new Object[] {netuid, uid, hotkey, RowCodec.encode(uids, values), 5L, 5L});
                }
            }
            jdbc.batchUpdate("""
                    INSERT INTO neuron (netuid, uid, hotkey, coldkey, registration_block, validator_permit)
                    VALUES (?, ?, ?, ?, ?, ?)""", neurons);
            jdbc.batchUpdate("INSERT INTO hotkey_stake (netuid, hotkey, stake_rao, block) VALUES (?, ?, ?, 0)", stakes);
            jdbc.batchUpdate("""
                    INSERT INTO weight_row (netuid, uid, hotkey, entries, row_block, last_update)
                    VALUES (?, ?, ?, ?, ?, ?)""", rows);
        }
    }
}
