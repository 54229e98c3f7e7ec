package net.taonet.scoring.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import net.taonet.events.EventCatalog;
import net.taonet.events.consensus.EpochCompleted;
import net.taonet.events.consensus.EpochCompleted.UidResult;
import net.taonet.events.ledger.StakeChanged;
import net.taonet.events.registry.NeuronRegistered;
import net.taonet.events.registry.SubnetIdentity;
import net.taonet.events.registry.SubnetRegistered;
import net.taonet.identity.KeyPair;
import net.taonet.scoring.ScoringApplication;
import net.taonet.scoring.metagraph.domain.Metagraph;
import net.taonet.scoring.support.RealWorkers;
import net.taonet.scoring.support.TestEvents;
import net.taonet.scoring.validation.domain.LatencyHistogram;
import net.taonet.scoring.validation.domain.TaskBroker;
import net.taonet.testsupport.JitWarmUp;
import net.taonet.testsupport.ServiceLauncher;
import net.taonet.testsupport.ServiceLauncher.RunningService;
import net.taonet.testsupport.TestKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Dispatch throughput with the cheap {@code echo} task type and 16 real workers in this JVM: tasks
 * assigned, answered and scored per second and the dispatch overhead (validator-measured latency less the
 * miner's own work time), beside the raw Kafka round trip on the same machine (produce → consume → produce
 * → consume, with as many messages in flight) as the ceiling. Not part of {@code verify}:
 * <pre>./mvnw -o -q -pl scoring-service -Pbenchmark verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Knobs (system properties): {@code bench.workers} (16), {@code bench.inFlight} (512), {@code bench.seconds}
 * (20), {@code bench.warmup} (10); {@code taonet.bench.out=<file>} also writes the figures there as JSON.
 */
class DispatchBenchmark {

    static final int WORKERS = Integer.getInteger("bench.workers", 16);
    static final int IN_FLIGHT = Integer.getInteger("bench.inFlight", 512);
    static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    static final int WARMUP = Integer.getInteger("bench.warmup", 10);
    static final KeyPair VALIDATOR = KeyPair.fromSeedHex("be00000000000000000000000000000000000000000000000000000000000001");

    @Test
    void dispatchThroughputBesideTheRawKafkaRoundTrip() throws Exception {
        RoundTrip raw = rawKafkaRoundTrip();
        System.out.printf("%nraw Kafka round trip (%d in flight, %d s): %,.0f round trips/s, p50 %.2f ms, p99 %.2f ms, "
                + "CPU %.3f ms per round trip%n", IN_FLIGHT, SECONDS, raw.perSecond, raw.p50Millis, raw.p99Millis,
                raw.cpuMillisPerRoundTrip);

        List<RunningService> services = new ArrayList<>();
        try (TestEvents events = new TestEvents()) {
            Map<String, Object> props = new HashMap<>();
            props.put("taonet.scoring.validators[0].name", "bench");
            props.put("taonet.scoring.validators[0].hotkey-seed", VALIDATOR.seedHex());
            props.put("taonet.scoring.query-interval", "5ms");
            props.put("taonet.scoring.sample-size", 256);
            props.put("taonet.scoring.max-in-flight", IN_FLIGHT);
            props.put("taonet.scoring.weights-interval", "1h");
            props.put("taonet.scoring.tasks.echo.timeout-ms", 10_000);
            props.put("spring.datasource.hikari.maximum-pool-size", 16);
            props.put("logging.level.root", "WARN");
            RunningService scoring = ServiceLauncher.start(ScoringApplication.class, "scoring_bench", props);
            services.add(scoring);

            // the validator owns the subnet (UID 0, never asked); workers hold UIDs 1..16
            events.publish(EventCatalog.SUBNET_REGISTERED, "1", 1, new SubnetRegistered(1, "owner", VALIDATOR.address(),
                    "echo", new SubnetIdentity("bench", "", "", ""), TestEvents.hyperparameters(360, 100, false, 1), 1, 1));
            List<UidResult> uids = new ArrayList<>();
            uids.add(new UidResult(0, VALIDATOR.address(), true, 65_535, 0, 0, 0, 0, true, 0, 0));
            for (int uid = 1; uid <= WORKERS; uid++) {
                KeyPair miner = miner(uid);
                events.publish(EventCatalog.NEURON_REGISTERED, "1", 2, new NeuronRegistered(1, uid, miner.address(), "c", 2, 1));
                uids.add(new UidResult(uid, miner.address(), true, 0, 0, 1_000, 0, 0, false, 0, 0));
            }
            events.publish(EventCatalog.STAKE_CHANGED, "1", 3, new StakeChanged(1, VALIDATOR.address(), "c", 1, 1, "add"));
            events.publish(EventCatalog.EPOCH_COMPLETED, "1", 4, new EpochCompleted(1, 1, 4, "h", uids));
            Metagraph metagraph = scoring.bean(Metagraph.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> metagraph.subnetSize(1) == WORKERS + 1);

            for (int uid = 1; uid <= WORKERS; uid++) {
                services.add(RealWorkers.start("bench-" + uid, 1, uid, miner(uid), "echo", "honest", Map.of(
                        "taonet.worker.concurrency", 4, "taonet.worker.queue-capacity", 1024,
                        "logging.level.root", "WARN")));
            }

            TaskBroker broker = scoring.bean(TaskBroker.class);
            await().atMost(Duration.ofSeconds(120)).until(() -> broker.stats().scored() > 0);
            warmUntilTheJitSettles();
            TaskBroker.Stats before = broker.stats();
            broker.overhead().reset();
            Map<String, Long> cpuBefore = threadCpuNanos();
            String url = scoring.context().getEnvironment().getProperty("spring.datasource.url", "");
            int pgPort = Integer.parseInt(url.replaceAll(".*localhost:([0-9]+).*", "$1"));
            long postgresBefore = postgresCpuMillis(pgPort);
            long start = System.nanoTime();
            TimeUnit.SECONDS.sleep(SECONDS);
            TaskBroker.Stats after = broker.stats();
            double elapsed = (System.nanoTime() - start) / 1e9;
            Map<String, Long> cpuAfter = threadCpuNanos();
            long postgresMillis = postgresCpuMillis(pgPort) - postgresBefore;
            LatencyHistogram overhead = broker.overhead();

            double assigned = (after.assigned() - before.assigned()) / elapsed;
            double answered = (after.answered() - before.answered()) / elapsed;
            double scored = (after.scored() - before.scored()) / elapsed;
            System.out.printf("dispatch, echo, %d workers, %d in flight, %.0f s: assigned %,.0f/s, answered %,.0f/s, "
                    + "scored %,.0f/s; overhead p50 %d ms, p99 %d ms (%d samples); timed out %d, rejected %d%n",
                    WORKERS, IN_FLIGHT, elapsed, assigned, answered, scored, overhead.percentile(0.5),
                    overhead.percentile(0.99), overhead.count(), after.timedOut() - before.timedOut(),
                    after.rejected() - before.rejected());
            long tasks = Math.max(1, after.scored() - before.scored());
            Map<String, Long> used = new java.util.TreeMap<>();
            cpuAfter.forEach((name, nanos) -> used.merge(name, nanos - cpuBefore.getOrDefault(name, 0L), Long::sum));
            long total = used.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("CPU per scored task (this JVM: %.3f ms; PostgreSQL: %.3f ms; %d cores), by thread:%n",
                    total / 1e6 / tasks, (double) postgresMillis / tasks, Runtime.getRuntime().availableProcessors());
            used.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(15)
                    .forEach(e -> System.out.printf("  %8.3f ms  %s%n", e.getValue() / 1e6 / tasks, e.getKey()));
            double cpuPerTask = total / 1e6 / tasks + (double) postgresMillis / tasks;
            System.out.printf("CPU-bound capacity on %d idle cores: dispatch %,.0f tasks/s, raw round trip %,.0f/s (%.0f %%)%n",
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors() * 1000 / cpuPerTask,
                    Runtime.getRuntime().availableProcessors() * 1000 / raw.cpuMillisPerRoundTrip,
                    100 * raw.cpuMillisPerRoundTrip / cpuPerTask);
            System.out.printf("at the end: %d tasks in flight, outbox backlog %d%n", after.inFlight(),
                    scoring.bean(net.taonet.platform.outbox.OutboxRelay.class).backlog());
            System.out.printf("dispatch / raw round trip: %.0f %%   (targets: >= 2,000 tasks/s and >= 50 %%)%n%n",
                    100 * scored / raw.perSecond);
            Map<String, Object> figures = new java.util.LinkedHashMap<>();
            figures.put("workers", WORKERS);
            figures.put("inFlight", IN_FLIGHT);
            figures.put("seconds", elapsed);
            figures.put("assignedPerSecond", assigned);
            figures.put("answeredPerSecond", answered);
            figures.put("scoredPerSecond", scored);
            figures.put("overheadP50Ms", overhead.percentile(0.5));
            figures.put("overheadP99Ms", overhead.percentile(0.99));
            figures.put("timedOut", after.timedOut() - before.timedOut());
            figures.put("rejected", after.rejected() - before.rejected());
            figures.put("cpuMsPerTask", cpuPerTask);
            figures.put("rawRoundTripsPerSecond", raw.perSecond);
            figures.put("rawP50Ms", raw.p50Millis);
            figures.put("rawP99Ms", raw.p99Millis);
            figures.put("rawCpuMsPerRoundTrip", raw.cpuMillisPerRoundTrip);
            figures.put("percentOfRaw", 100 * scored / raw.perSecond);
            writeFigures(figures);
            assertThat(scored).isPositive();
        } finally {
            for (int i = services.size() - 1; i >= 0; i--) {
                services.get(i).close();
            }
        }
    }

    /**
     * At least {@code bench.warmup} seconds, then 5-second rounds until the JIT compiler has settled, at most two
     * minutes more: the validator, 16 workers and the broker share this JVM's compiler.
     */
    static void warmUntilTheJitSettles() throws InterruptedException {
        TimeUnit.SECONDS.sleep(WARMUP);
        JitWarmUp.untilSettled(24, () -> TimeUnit.SECONDS.sleep(5));
    }

    /** The figures as one JSON object, to the file named by {@code taonet.bench.out} (nothing without it). */
    static void writeFigures(Map<String, Object> figures) throws java.io.IOException {
        String out = System.getProperty("taonet.bench.out", "");
        if (!out.isBlank()) {
            java.nio.file.Files.writeString(java.nio.file.Path.of(out),
                    tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(figures));
        }
    }

    /** CPU time of every live thread, summed by name with digits masked (pools, clients). */
    static Map<String, Long> threadCpuNanos() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> byName = new HashMap<>();
        for (java.lang.management.ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = mx.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                byName.merge(info.getThreadName().replaceAll("[0-9]+", "#"), cpu, Long::sum);
            }
        }
        return byName;
    }

    /**
     * User + system CPU, in ms, of the test PostgreSQL server (the postmaster listening on {@code port}) and its
     * backends, from Linux's /proc (0 elsewhere). Other servers on the machine are not counted.
     */
    static long postgresCpuMillis(int port) {
        java.io.File[] procs = new java.io.File("/proc").listFiles((d, n) -> n.chars().allMatch(Character::isDigit));
        if (procs == null) {
            return 0;
        }
        String postmaster = null;
        Map<String, long[]> stats = new HashMap<>();
        for (java.io.File p : procs) {
            try {
                String stat = java.nio.file.Files.readString(p.toPath().resolve("stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                stats.put(p.getName(), new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12])});
                String cmd = new String(java.nio.file.Files.readAllBytes(p.toPath().resolve("cmdline"))).replace('\0', ' ');
                if (cmd.contains("postgres") && cmd.contains(" -p " + port + " ")) {
                    postmaster = p.getName();
                }
            } catch (java.io.IOException | RuntimeException gone) {
                // the process ended meanwhile
            }
        }
        if (postmaster == null) {
            return 0;
        }
        long ticks = 0;
        for (Map.Entry<String, long[]> e : stats.entrySet()) {
            if (e.getKey().equals(postmaster) || Long.toString(e.getValue()[0]).equals(postmaster)) {
                ticks += e.getValue()[1];
            }
        }
        return ticks * 10; // USER_HZ is 100 on Linux
    }

    static KeyPair miner(int uid) {
        byte[] seed = new byte[32];
        seed[0] = (byte) 0xbe;
        seed[1] = (byte) uid;
        return KeyPair.fromSeed(seed);
    }

    record RoundTrip(double perSecond, double p50Millis, double p99Millis, double cpuMillisPerRoundTrip) {
    }

    /**
     * A driver keeps {@code IN_FLIGHT} pings outstanding; an echo thread consumes each ping and produces a pong;
     * the driver's consumer takes the pong: two produces and two consumes per round trip, acks=all like the
     * services, ~300-byte values like an assignment.
     */
    static RoundTrip rawKafkaRoundTrip() throws Exception {
        String ping = "bench.ping." + UUID.randomUUID();
        String pong = "bench.pong." + UUID.randomUUID();
        Properties admin = new Properties();
        admin.put("bootstrap.servers", TestKafka.bootstrapServers());
        try (Admin a = Admin.create(admin)) {
            a.createTopics(List.of(new NewTopic(ping, 8, (short) 1), new NewTopic(pong, 8, (short) 1))).all().get();
        }
        String value = "x".repeat(300);
        AtomicBoolean running = new AtomicBoolean(true);
        Semaphore window = new Semaphore(IN_FLIGHT);
        AtomicLong done = new AtomicLong();
        LatencyHistogramNanos latencies = new LatencyHistogramNanos();
        AtomicBoolean measuring = new AtomicBoolean();

        Thread echo = new Thread(() -> {
            try (KafkaConsumer<String, String> in = consumer(ping); KafkaProducer<String, String> out = producer()) {
                while (running.get()) {
                    for (ConsumerRecord<String, String> r : in.poll(Duration.ofMillis(50))) {
                        out.send(new ProducerRecord<>(pong, r.key(), r.value()));
                    }
                }
            }
        }, "bench-echo");
        Thread collector = new Thread(() -> {
            try (KafkaConsumer<String, String> in = consumer(pong)) {
                while (running.get()) {
                    for (ConsumerRecord<String, String> r : in.poll(Duration.ofMillis(50))) {
                        long sent = Long.parseLong(r.key());
                        if (measuring.get()) {
                            latencies.record(System.nanoTime() - sent);
                            done.incrementAndGet();
                        }
                        window.release();
                    }
                }
            }
        }, "bench-collector");
        echo.start();
        collector.start();
        try (KafkaProducer<String, String> out = producer()) {
            long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(3, WARMUP / 2));
            long end = warmupEnd + TimeUnit.SECONDS.toNanos(SECONDS);
            long measureStart = 0;
            Map<String, Long> cpuBefore = Map.of();
            while (System.nanoTime() < end) {
                if (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                long now = System.nanoTime();
                if (!measuring.get() && now >= warmupEnd) {
                    cpuBefore = threadCpuNanos();
                    measuring.set(true);
                    measureStart = now;
                }
                out.send(new ProducerRecord<>(ping, Long.toString(now), value));
            }
            double seconds = (System.nanoTime() - measureStart) / 1e9;
            long cpu = 0;
            Map<String, Long> cpuAfter = threadCpuNanos();
            for (Map.Entry<String, Long> e : cpuAfter.entrySet()) {
                cpu += e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0L);
            }
            long trips = Math.max(1, done.get());
            running.set(false);
            echo.join(5_000);
            collector.join(5_000);
            return new RoundTrip(done.get() / seconds, latencies.percentile(0.5) / 1e6, latencies.percentile(0.99) / 1e6,
                    cpu / 1e6 / trips);
        }
    }

    static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p);
    }

    static KafkaConsumer<String, String> consumer(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        KafkaConsumer<String, String> c = new KafkaConsumer<>(p);
        c.subscribe(List.of(topic));
        return c;
    }

    /** Nanosecond latencies in 10 µs buckets up to 10 s. */
    static final class LatencyHistogramNanos {
        private final java.util.concurrent.atomic.AtomicLongArray counts = new java.util.concurrent.atomic.AtomicLongArray(1_000_001);

        void record(long nanos) {
            counts.incrementAndGet((int) Math.min(1_000_000, Math.max(0, nanos / 10_000)));
        }

        long percentile(double q) {
            long total = 0;
            for (int i = 0; i < counts.length(); i++) {
                total += counts.get(i);
            }
            long rank = Math.max(1, (long) Math.ceil(q * total));
            long seen = 0;
            for (int i = 0; i < counts.length(); i++) {
                seen += counts.get(i);
                if (seen >= rank) {
                    return i * 10_000L;
                }
            }
            return -1;
        }
    }
}
