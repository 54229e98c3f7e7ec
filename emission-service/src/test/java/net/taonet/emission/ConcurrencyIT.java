package net.taonet.emission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.taonet.emission.idempotency.domain.IdempotentCommands;
import net.taonet.emission.stake.domain.StakeService;
import net.taonet.emission.stake.domain.StakeService.StakeMove;
import net.taonet.emission.transfer.domain.TransferService;
import net.taonet.emission.transfer.domain.TransferService.Transfer;
import net.taonet.identity.KeyPair;
import net.taonet.platform.problem.ApiProblem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 8 threads doing thousands of random transfers and stake moves (and replays of them) among a few
 * accounts: no deadlock, no overdraft, no unexpected error, invariants true, totals exact to the rao.
 * Commands run through the same idempotent command path the REST controllers use.
 */
class ConcurrencyIT extends LedgerItSupport {

    static final int THREADS = 8;
    static final int OPS_PER_THREAD = 400;

    @Autowired
    IdempotentCommands commands;
    @Autowired
    TransferService transfers;
    @Autowired
    StakeService stakes;

    @Test
    void concurrentCommandsKeepTheBooksExact() throws Exception {
        int netuid = nextNetuid();
        KeyPair owner = key();
        registerSubnet(netuid, owner, key());
        List<String> hotkeys = List.of(key().address(), key().address());
        for (int i = 0; i < hotkeys.size(); i++) {
            registry.handle(inbound(net.taonet.events.EventCatalog.NEURON_REGISTERED, Integer.toString(netuid), 1,
                    new net.taonet.events.registry.NeuronRegistered(netuid, i + 1, hotkeys.get(i), owner.address(), 1, 1)));
        }
        List<String> coldkeys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            coldkeys.add(key().address());
            fund(coldkeys.get(i), 1_000 * TAO);
        }
        long initial = 5 * 1_000 * TAO;

        // The model: every answered command's effect, applied here too.
        Map<String, AtomicLong> model = new ConcurrentHashMap<>();
        coldkeys.forEach(c -> model.put("free:" + c, new AtomicLong(1_000 * TAO)));
        AtomicInteger done = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger replayed = new AtomicInteger();
        List<Throwable> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            long seed = 1_000L + t;
            futures.add(pool.submit(() -> {
                Random rnd = new Random(seed);
                List<Runnable> replays = new ArrayList<>();
                for (int i = 0; i < OPS_PER_THREAD; i++) {
                    try {
                        if (!replays.isEmpty() && rnd.nextInt(10) == 0) {
                            replays.get(rnd.nextInt(replays.size())).run(); // same key, same request: no new effect
                            replayed.incrementAndGet();
                            continue;
                        }
                        String from = coldkeys.get(rnd.nextInt(coldkeys.size()));
                        String hotkey = hotkeys.get(rnd.nextInt(hotkeys.size()));
                        String key = "c-" + seed + "-" + i;
                        int op = rnd.nextInt(3);
                        long amount = amount(rnd);
                        Runnable command;
                        if (op == 0) {
                            String to = coldkeys.get(rnd.nextInt(coldkeys.size()));
                            if (to.equals(from)) {
                                continue;
                            }
                            command = () -> {
                                var out = commands.execute(from, key, "t|" + from + to + amount, Transfer.class,
                                        () -> transfers.transfer(from, to, amount, key));
                                if (!out.replayed()) {
                                    model.get("free:" + from).addAndGet(-amount);
                                    model.get("free:" + to).addAndGet(amount);
                                }
                            };
                        } else {
                            boolean add = op == 1;
                            command = () -> {
                                var out = commands.execute(from, key, "s|" + add + from + hotkey + amount, StakeMove.class,
                                        () -> add ? stakes.add(from, hotkey, netuid, amount, key)
                                                : stakes.remove(from, hotkey, netuid, amount, key));
                                if (!out.replayed()) {
                                    long d = add ? amount : -amount;
                                    model.get("free:" + from).addAndGet(-d);
                                    model.computeIfAbsent("stake:" + netuid + ":" + hotkey + ":" + from, k -> new AtomicLong())
                                            .addAndGet(d);
                                }
                            };
                        }
                        command.run();
                        replays.add(command);
                        done.incrementAndGet();
                    } catch (ApiProblem p) {
                        refused.incrementAndGet(); // insufficient funds, existential deposit, minimum stake: expected
                    } catch (Throwable e) {
                        unexpected.add(e);
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(unexpected).as("deadlocks or other unexpected errors").isEmpty();
        assertThat(done.get()).isGreaterThan(THREADS * OPS_PER_THREAD / 4);
        System.out.printf("concurrency: %d commands applied, %d refused, %d replays%n", done.get(), refused.get(),
                replayed.get());

        long total = 0;
        for (Map.Entry<String, AtomicLong> e : model.entrySet()) {
            long actual = jdbc.queryForList("SELECT balance FROM account WHERE name = ?", Long.class, e.getKey()).stream()
                    .findFirst().orElse(0L);
            assertThat(actual).as(e.getKey()).isEqualTo(e.getValue().get());
            assertThat(actual).isNotNegative();
            if (e.getKey().startsWith("free:")) {
                assertThat(actual == 0 || actual >= 500).as("existential deposit of " + e.getKey()).isTrue();
            }
            total += actual;
        }
        assertThat(total).isEqualTo(initial);
        long staked = 0;
        for (String h : hotkeys) {
            staked += hotkeyTotal(h, netuid);
        }
        assertThat(staked).isEqualTo(model.entrySet().stream().filter(e -> e.getKey().startsWith("stake:"))
                .mapToLong(e -> e.getValue().get()).sum());
        assertThat(audit().ok()).as(audit().checks().toString()).isTrue();
    }

    /** Mostly amounts that often succeed, some that hit the minimum stake or the existential deposit. */
    private static long amount(Random rnd) {
        return switch (rnd.nextInt(4)) {
            case 0 -> 2_000_000L + rnd.nextInt(1_000);
            case 1 -> (1 + rnd.nextInt(300)) * TAO;
            case 2 -> rnd.nextInt(3_000_000);
            default -> 1 + (long) rnd.nextInt(100) * TAO / 7;
        };
    }
}
