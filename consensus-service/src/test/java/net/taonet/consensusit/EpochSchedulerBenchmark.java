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
 *
 * <p>Scale drill: {@code -Dbench.sizes=128x256,256x256,512x256} runs the sizes (subnets × UIDs) in turn,
 * each on a fresh database and service, and stops after the first one whose epochs are not on time: on
 * time means every epoch of a round after the first (a warm service) stored and its EpochCompleted read
 * back within {@code bench.deadline-ms} (12,000: one block) of the block they were all due at. Without it
 * the single size {@code bench.subnets} × {@code bench.uids} runs. {@code -Dtaonet.bench.out=<file>} also
 * writes the figures as JSON.
 */
class EpochSchedulerBenchmark {

    private static final int DEFAULT_SUBNETS = Integer.getInteger("bench.subnets", 128);
    private static final int DEFAULT_UIDS = Integer.getInteger("bench.uids", 256);
    private static final long DEADLINE_MS = Long.getLong("bench.deadline-ms", 12_000);
    private static final int VALIDATORS = Integer.getInteger("bench.validators", 64);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 4);
    private static final int TEMPO = 360;

    @Test
    void allSubnetsDueAtOneBlock() throws java.io.IOException {
        String sizes = System.getProperty("bench.sizes", DEFAULT_SUBNETS + "x" + DEFAULT_UIDS);
        List<Map<String, Object>> runs = new ArrayList<>();
        Map<String, Object> largestOnTime = null;
        try (EventFeed feed = new EventFeed()) {
            for (String size : sizes.split(",")) {
                String[] parts = size.trim().split("x");
                Map<String, Object> run = measure(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), feed);
                runs.add(run);
                System.out.printf("size %s: worst warm round stored after %s ms, published after %s ms: %s%n", size,
                        run.get("warmStoredMs"), run.get("warmPublishedMs"),
                        Boolean.TRUE.equals(run.get("onTime")) ? "on time" : "LATE (deadline " + DEADLINE_MS + " ms)");
                if (!Boolean.TRUE.equals(run.get("onTime"))) {
                    break;
                }
                largestOnTime = run;
            }
        }
        Map<String, Object> figures = new java.util.LinkedHashMap<>();
        figures.put("deadlineMs", DEADLINE_MS);
        figures.put("validatorsPerSubnet", VALIDATORS);
        figures.put("rounds", ROUNDS);
        figures.put("largestOnTime", largestOnTime);
        figures.put("runs", runs);
        String out = System.getProperty("taonet.bench.out", "");
        if (!out.isBlank()) {
            java.nio.file.Files.writeString(java.nio.file.Path.of(out),
                    tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(figures));
        }
        assertThat(runs).isNotEmpty();
    }

    private static Map<String, Object> measure(int subnets, int uids, EventFeed feed) {
        String db = TestPostgres.freshDatabase("consensus_bench");
        ManualClockConsensus.CLOCK.set(1);
        Map<String, Object> extra = Map.of("taonet.consensus.tick-interval", "20ms",
                "taonet.platform.outbox-poll-interval", "50ms",
                "logging.level.root", "WARN");
        Map<String, Object> run = new java.util.LinkedHashMap<>();
        run.put("subnets", subnets);
        run.put("uids", uids);
        long warmStored = 0;
        long warmPublished = 0;
        boolean onTime = true;
        List<Long> storedMs = new ArrayList<>();
        List<Long> publishedMs = new ArrayList<>();
        try (RunningService service = ManualClockConsensus.start("consensus-bench", "bench-" + UUID.randomUUID(), db,
                extra)) {
            JdbcTemplate jdbc = service.bean(JdbcTemplate.class);
            long seedStart = System.nanoTime();
            seed(jdbc, subnets, uids);
            System.out.printf("seeded %d subnets × %d UIDs (%d validators) in %d ms%n", subnets, uids, VALIDATORS,
                    (System.nanoTime() - seedStart) / 1_000_000);

            MeterRegistry meters = service.bean(MeterRegistry.class);
            long block = 10_000;
            int seen = feed.epochsCompleted().size();
            for (int round = 1; round <= ROUNDS; round++) {
                int expectedEpochs = round * subnets;
                int expectedEvents = seen + subnets;
                double[] phasesBefore = phases(meters);
                long t0 = System.nanoTime();
                ManualClockConsensus.CLOCK.set(block);
                try {
                    await().atMost(Duration.ofMillis(Math.max(120_000, 10 * DEADLINE_MS))).pollInterval(Duration.ofMillis(10))
                            .until(() -> jdbc.queryForObject("SELECT count(*) FROM epoch", Integer.class) >= expectedEpochs);
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    System.out.printf("round %d: not all %d epochs stored in time%n", round, subnets);
                    onTime = false;
                    break;
                }
                long stored = System.nanoTime() - t0;
                System.out.printf("round %d: all %d epochs stored after %d ms%n", round, subnets, stored / 1_000_000);
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
                        round, subnets, block, stored / 1_000_000, published / 1_000_000, stats.get("avg_us"),
                        stats.get("max_us"), stats.get("inputs_bytes"));
                double[] phasesAfter = phases(meters);
                double[] d = new double[phasesAfter.length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = (phasesAfter[i] - phasesBefore[i]) / subnets;
                }
                System.out.printf("    per epoch (ms, mean over the round): snapshot %.1f, engine %.1f, encode %.1f,"
                        + " store %.1f (epoch row %.1f, per-UID rows %.1f, bonds+permits %.1f, outbox %.1f),"
                        + " lock-to-commit %.1f%n", d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8]);
                assertThat(seen).isEqualTo(expectedEvents);
                storedMs.add(stored / 1_000_000);
                publishedMs.add(published / 1_000_000);
                if (round > 1 || ROUNDS == 1) {
                    warmStored = Math.max(warmStored, stored / 1_000_000);
                    warmPublished = Math.max(warmPublished, published / 1_000_000);
                    onTime &= published / 1_000_000 <= DEADLINE_MS;
                }
                block += TEMPO + 1;
            }
        }
        run.put("storedMs", storedMs);
        run.put("publishedMs", publishedMs);
        run.put("warmStoredMs", warmStored);
        run.put("warmPublishedMs", warmPublished);
        run.put("onTime", onTime);
        return run;
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

    private static void seed(JdbcTemplate jdbc, int subnets, int uids) {
        Random random = new Random(42);
        Hyperparameters hp = Hyperparameters.defaults();
        String hpJson = HyperparametersJson.write(hp);
        for (int netuid = 1; netuid <= subnets; netuid++) {
            jdbc.update("""
                    INSERT INTO subnet (netuid, owner_hotkey, owner_coldkey, tempo, hyperparameters, registered_at_block)
                    VALUES (?, ?, ?, ?, ?, 0)""", netuid, "5Owner" + netuid, "5OwnerCold" + netuid, TEMPO, hpJson);
            List<Object[]> neurons = new ArrayList<>();
            List<Object[]> stakes = new ArrayList<>();
            List<Object[]> rows = new ArrayList<>();
            for (int uid = 0; uid < uids; uid++) {
                String hotkey = uid == 0 ? "5Owner" + netuid : "5H" + netuid + "x" + uid;
                boolean validator = uid < VALIDATORS;
                neurons.add(new Object[] {netuid, uid, hotkey, "5C" + uid, 1L, validator});
                if (validator) {
                    stakes.add(new Object[] {netuid, hotkey, 1_000_000_000_000L + random.nextInt(1_000_000) * 1_000_000L});
                    int[] columns = new int[uids];
                    int[] values = new int[uids];
                    for (int j = 0; j < uids; j++) {
                        columns[j] = j;
                        values[j] = j == uids - 1 ? 65535 : random.nextInt(65536);
                    }
                    rows.add(new Object[] {netuid, uid, hotkey, RowCodec.encode(columns, values), 5L, 5L});
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
