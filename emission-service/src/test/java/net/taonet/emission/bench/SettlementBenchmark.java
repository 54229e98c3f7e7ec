package net.taonet.emission.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import net.taonet.emission.EmissionApplication;
import net.taonet.emission.audit.domain.Auditor;
import net.taonet.emission.emission.domain.SettlementService;
import net.taonet.emission.ledger.domain.AccountKey;
import net.taonet.emission.ledger.domain.Books;
import net.taonet.emission.ledger.domain.Movement;
import net.taonet.emission.network.domain.NetworkDirectory;
import net.taonet.events.consensus.EpochCompleted;
import net.taonet.events.consensus.EpochCompleted.UidResult;
import net.taonet.events.registry.Hyperparameters;
import net.taonet.events.registry.SubnetIdentity;
import net.taonet.events.registry.SubnetRegistered;
import net.taonet.platform.outbox.OutboxRelay;
import net.taonet.testsupport.ServiceLauncher;
import net.taonet.testsupport.ServiceLauncher.RunningService;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settling one epoch of 128 subnets × 256 UIDs, 64 validators per subnet each with its owner's stake and 4
 * nominators (target: ≤ 2 s in total). Measures the database path: recording each EpochCompleted and
 * settling it (accrual, owner cut, miner incentive, take and pro-rata dividends, journal, balances, hotkey
 * totals, settlement row, EpochSettled and 257 StakeChanged per subnet into the outbox); the relay's sending
 * of those events to Kafka is timed separately. Not part of
 * {@code verify}: {@code ./mvnw -o -pl emission-service verify -Pbench -Dit.test=SettlementBenchmark}
 * ({@code -Dtaonet.bench.out=<file>} also writes the figures there as JSON).
 */
class SettlementBenchmark {

    static final int SUBNETS = 128;
    static final int UIDS = 256;
    static final int VALIDATORS = 64;
    static final int NOMINATORS = 4;

    @Test
    void settle128SubnetsOf256Uids() {
        Map<String, Object> props = new java.util.HashMap<>(Map.of(
                "spring.kafka.consumer.group-id", "bench-" + UUID.randomUUID(),
                "taonet.emission.settlement-retry-interval", "1h",
                "logging.level.root", "WARN"));
        if (System.getProperty("bench.jdbc-url") != null) {
            props.put("spring.datasource.url", System.getProperty("bench.jdbc-url")); // e.g. a server with statement logging
        }
        try (RunningService service = ServiceLauncher.start(EmissionApplication.class, "emission", props)) {
            JdbcTemplate jdbc = service.bean(JdbcTemplate.class);
            TransactionTemplate tx = new TransactionTemplate(service.bean(PlatformTransactionManager.class));
            NetworkDirectory network = service.bean(NetworkDirectory.class);
            Books books = service.bean(Books.class);
            SettlementService settlements = service.bean(SettlementService.class);

            long setup = System.nanoTime();
            for (int s = 1; s <= SUBNETS; s++) {
                int netuid = s;
                tx.executeWithoutResult(st -> network.apply(new SubnetRegistered(netuid, cold(netuid, 0), hot(netuid, 0),
                        "echo", new SubnetIdentity("sn" + netuid, "", "", ""), Hyperparameters.defaults(), 0, 1)));
                List<Object[]> neurons = new ArrayList<>();
                List<Object[]> owners = new ArrayList<>();
                for (int u = 1; u < UIDS; u++) {
                    neurons.add(new Object[] {netuid, u, hot(netuid, u)});
                    owners.add(new Object[] {hot(netuid, u), cold(netuid, u)});
                }
                // The registry projection in bulk (what NeuronRegistered events would have written).
                jdbc.batchUpdate("INSERT INTO neuron (netuid, uid, hotkey, registration_block) VALUES (?, ?, ?, 1)", neurons);
                jdbc.batchUpdate("INSERT INTO hotkey_owner (hotkey, coldkey) VALUES (?, ?) ON CONFLICT DO NOTHING", owners);
                // Stake: every validator's owner and 4 nominators, minted straight into the positions.
                TreeSet<AccountKey> positions = new TreeSet<>();
                for (int v = 0; v < VALIDATORS; v++) {
                    positions.add(AccountKey.stake(cold(netuid, v), hot(netuid, v), netuid));
                    for (int n = 0; n < NOMINATORS; n++) {
                        positions.add(AccountKey.stake("nominator-" + netuid + "-" + v + "-" + n, hot(netuid, v), netuid));
                    }
                }
                List<AccountKey> accounts = new ArrayList<>(positions);
                accounts.add(AccountKey.ISSUANCE);
                tx.executeWithoutResult(st -> books.post("GENESIS", "bench", accounts, b -> {
                    Movement m = new Movement();
                    int i = 0;
                    for (AccountKey p : positions) {
                        m.move(AccountKey.ISSUANCE, p, 1_000_000_000L * (1 + (i++ % 7)));
                    }
                    return m;
                }));
            }
            // Each subnet's first completed epoch starts its accrual.
            for (int s = 1; s <= SUBNETS; s++) {
                receive(tx, settlements, epoch(s, 1, 10_000));
                settlements.settlePending(s);
            }
            System.out.printf("BENCHMARK settlement setup: %.1f s%n", (System.nanoTime() - setup) / 1e9);

            // The relay sends asynchronously after each commit; it is paused while the database path is timed
            // (so Kafka's work does not blur the figure) and its drain is timed on its own afterwards.
            OutboxRelay relay = service.bean(OutboxRelay.class);
            while (relay.backlog() > 0) {
                relay.relayOnce();
            }
            relay.stop();
            Auditor auditor = service.bean(Auditor.class);
            Map<String, Object> figures = new java.util.LinkedHashMap<>();
            figures.put("subnets", SUBNETS);
            figures.put("uids", UIDS);
            figures.put("validators", VALIDATORS);
            figures.put("nominators", NOMINATORS);
            // Epoch 2 is the first payout (it creates the miners' positions); epochs 3 to 5 warm the JIT up
            // (a service runs for long); epoch 6 is the steady state.
            for (long epoch = 2; epoch <= 6; epoch++) {
                boolean measured = epoch == 2 || epoch == 6;
                long linesBefore = (long) auditor.audit().figures().get("journalLines");
                List<EpochCompleted> completed = new ArrayList<>();
                for (int s = 1; s <= SUBNETS; s++) {
                    completed.add(epoch(s, epoch, 10_000 + 361 * (epoch - 1)));
                }
                CpuMeter cpu = new CpuMeter(jdbc);
                double[] c0 = cpu.now();
                long t0 = System.nanoTime();
                int settled = 0;
                for (EpochCompleted e : completed) {
                    settled += receive(tx, settlements, e) == SettlementService.Result.SETTLED ? 1 : 0;
                    settled += settlements.settlePending(e.netuid());
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                String cpuUsed = CpuMeter.since(c0, cpu.now());
                long events = relay.backlog();
                long d0 = System.nanoTime();
                while (relay.backlog() > 0) {
                    relay.relayOnce();
                }
                double relaySeconds = (System.nanoTime() - d0) / 1e9;
                Auditor.Report report = auditor.audit();
                long lines = (long) report.figures().get("journalLines") - linesBefore;
                if (!measured) {
                    continue;
                }
                System.out.printf("BENCHMARK epoch %d (%s): settled %d subnets × %d UIDs (%d validators × %d nominators) "
                        + "in %.3f s (%.1f ms per subnet, %d journal lines); target ≤ 2 s: %s; audit ok: %s%n",
                        epoch, epoch == 2 ? "first payout, creates miner positions" : "steady state, after 3 warm-up epochs", settled, UIDS,
                        VALIDATORS, NOMINATORS, seconds, seconds * 1000 / SUBNETS, lines,
                        seconds <= 2.0 ? "met" : "NOT met", report.ok());
                System.out.println("BENCHMARK   " + cpuUsed);
                System.out.printf("BENCHMARK outbox: %d events (EpochSettled + StakeChanged) sent to Kafka in %.2f s%n",
                        events, relaySeconds);
                String phase = epoch == 2 ? "firstPayout" : "steady";
                figures.put(phase + "Seconds", seconds);
                figures.put(phase + "JournalLines", lines);
                figures.put(phase + "OutboxEvents", events);
                figures.put(phase + "RelaySeconds", relaySeconds);
                figures.put(phase + "AuditOk", report.ok());
            }
            relay.start();
            figures.put("loadAverage", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            writeFigures(figures);
            System.out.printf("BENCHMARK load average during the run: %.1f on %d cores%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    /** The figures as one JSON object, to the file named by {@code taonet.bench.out} (nothing without it). */
    static void writeFigures(Map<String, Object> figures) {
        String out = System.getProperty("taonet.bench.out", "");
        if (!out.isBlank()) {
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of(out),
                        tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(figures));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static SettlementService.Result receive(TransactionTemplate tx, SettlementService settlements, EpochCompleted e) {
        return tx.execute(st -> settlements.accept(UUID.randomUUID(), e));
    }

    private static EpochCompleted epoch(int netuid, long epoch, long block) {
        List<UidResult> uids = new ArrayList<>(UIDS);
        long validatorBits = (1L << 31) / VALIDATORS;
        long minerBits = (1L << 31) / (UIDS - VALIDATORS);
        for (int u = 0; u < UIDS; u++) {
            boolean validator = u < VALIDATORS;
            uids.add(new UidResult(u, hot(netuid, u), true, 0, 0, 0, 0, 0, validator, validator ? 0 : minerBits,
                    validator ? validatorBits : 0));
        }
        return new EpochCompleted(netuid, epoch, block, "bench", uids);
    }

    private static String hot(int netuid, int uid) {
        return "hotkey-" + netuid + "-" + uid;
    }

    private static String cold(int netuid, int uid) {
        return "coldkey-" + netuid + "-" + uid;
    }
}
