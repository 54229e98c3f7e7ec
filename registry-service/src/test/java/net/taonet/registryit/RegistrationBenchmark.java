package net.taonet.registryit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.taonet.identity.KeyPair;
import net.taonet.registryit.Api.Answer;
import net.taonet.testsupport.ServiceLauncher.RunningService;
import org.junit.jupiter.api.Test;

/**
 * Registration rate: the real registry and the real ledger in this JVM (as in {@code RegistryIT}), with
 * {@code bench.threads} (8) clients each holding its own coldkey registering fresh hotkeys by burn, round
 * robin over {@code bench.subnets} (8) subnets, through REST with signed requests. Each registration is the
 * whole path: signature and nonce check, price, the ledger's burn (a REST call with its own journal
 * posting), the UID row and the NeuronRegistered event in the outbox. Prints registrations/s and latency
 * percentiles; with {@code -Dtaonet.bench.out=<file>} also writes them as JSON. Not part of {@code verify}:
 * <pre>./mvnw -o -pl registry-service verify -Pbench -Dit.test=RegistrationBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Knobs: {@code bench.registrations} (1000, at most 255 per subnet so that nobody is replaced),
 * {@code bench.warmup} (100).
 */
class RegistrationBenchmark {

    static final long TAO = 1_000_000_000L;
    static final int THREADS = Integer.getInteger("bench.threads", 8);
    static final int SUBNETS = Integer.getInteger("bench.subnets", 8);
    static final int REGISTRATIONS = Integer.getInteger("bench.registrations", 1000);
    static final int WARMUP = Integer.getInteger("bench.warmup", 100);

    @Test
    void registrationsPerSecond() throws Exception {
        assertThat(WARMUP + REGISTRATIONS).as("every registration finds a free UID").isLessThanOrEqualTo(SUBNETS * 255);
        try (RunningService ledger = TestNetwork.startLedger();
                RunningService registry = TestNetwork.startRegistry(ledger.baseUrl())) {
            Api led = new Api(ledger.baseUrl());
            Api reg = new Api(registry.baseUrl());
            List<Integer> netuids = new ArrayList<>();
            for (int s = 0; s < SUBNETS; s++) {
                KeyPair owner = key("owner-" + s);
                fund(led, owner, 100_000 * TAO);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("ownerColdkey", owner.address());
                body.put("ownerHotkey", key("owner-hot-" + s).address());
                body.put("taskType", "echo");
                body.put("identity", Map.of("name", "bench" + s, "description", "", "url", "", "contact", ""));
                Answer a = reg.send("POST", "/api/v1/subnets", body, owner, Map.of());
                assertThat(a.status()).as("create subnet %s", a).isEqualTo(201);
                netuids.add(a.body().path("netuid").asInt());
                TestNetwork.CLOCK.advance(1);
            }
            List<KeyPair> payers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                KeyPair payer = key("payer-" + t);
                fund(led, payer, 1_000_000 * TAO);
                payers.add(payer);
            }
            AtomicInteger next = new AtomicInteger();
            run(reg, netuids, payers, next, WARMUP);
            Result r = run(reg, netuids, payers, next, REGISTRATIONS);
            Answer audit = led.get("/api/v1/audit");
            System.out.printf("%nBENCHMARK registrations: %d by burn over %d subnets from %d clients in %.2f s: %.0f/s; "
                    + "latency p50 %.1f ms, p99 %.1f ms; refused %d; ledger audit ok: %s%n%n", r.ok, SUBNETS, THREADS,
                    r.seconds, r.ok / r.seconds, r.p50, r.p99, r.refused, audit.body().path("ok").asBoolean());
            assertThat(r.refused).as("refused registrations").isZero();
            assertThat(audit.body().path("ok").asBoolean()).isTrue();
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("registrations", r.ok);
            figures.put("seconds", r.seconds);
            figures.put("perSecond", r.ok / r.seconds);
            figures.put("p50Ms", r.p50);
            figures.put("p99Ms", r.p99);
            figures.put("subnets", SUBNETS);
            figures.put("clients", THREADS);
            writeFigures(figures);
        }
    }

    record Result(int ok, int refused, double seconds, double p50, double p99) {
    }

    private static Result run(Api reg, List<Integer> netuids, List<KeyPair> payers, AtomicInteger next, int count)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(payers.size());
        AtomicInteger remaining = new AtomicInteger(count);
        List<Future<List<long[]>>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (KeyPair payer : payers) {
            futures.add(pool.submit(() -> {
                List<long[]> done = new ArrayList<>();
                while (remaining.getAndDecrement() > 0) {
                    int i = next.getAndIncrement();
                    int netuid = netuids.get(i % netuids.size());
                    long t0 = System.nanoTime();
                    Answer a = reg.send("POST", "/api/v1/subnets/" + netuid + "/neurons",
                            Map.of("hotkey", key("hot-" + i).address(), "maxPriceRao", 100 * TAO), payer, Map.of());
                    done.add(new long[] {System.nanoTime() - t0, a.status() == 201 ? 1 : 0});
                    if (a.status() != 201) {
                        System.out.println("refused: " + a);
                    }
                }
                return done;
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<List<long[]>> f : futures) {
            all.addAll(f.get(10, TimeUnit.MINUTES));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] latencies = all.stream().mapToLong(x -> x[0]).sorted().toArray();
        int ok = (int) all.stream().filter(x -> x[1] == 1).count();
        return new Result(ok, all.size() - ok, seconds, pct(latencies, 0.5), pct(latencies, 0.99));
    }

    private static double pct(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }

    private static void fund(Api led, KeyPair coldkey, long rao) {
        Answer a = led.send("POST", "/api/v1/faucet", Map.of("address", coldkey.address(), "amountRao", rao), null,
                Map.of("X-Taonet-Admin-Key", TestNetwork.ADMIN_KEY, "Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(a.status()).as("faucet %s", a).isBetween(200, 201);
    }

    private static KeyPair key(String name) {
        try {
            return KeyPair.fromSeed(MessageDigest.getInstance("SHA-256")
                    .digest(("registration-bench:" + name).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The figures as one flat JSON object, to the file named by {@code taonet.bench.out} (nothing without it). */
    static void writeFigures(Map<String, ?> figures) throws java.io.IOException {
        String out = System.getProperty("taonet.bench.out", "");
        if (!out.isBlank()) {
            Files.writeString(Path.of(out), Api.JSON.writeValueAsString(figures));
        }
    }
}
