package net.taonet.worker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import net.taonet.events.tasks.TaskAssigned;
import net.taonet.identity.KeyPair;
import net.taonet.testsupport.TestKafka;
import net.taonet.worker.testing.TaskTopics;
import net.taonet.worker.testing.Validator;
import net.taonet.worker.testing.Workers;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Worker overhead per task: N real workers (default 16, each its own hotkey and UID) on one broker, fed
 * {@code echo} tasks (SHA-256 of a nonce: no real work), so the figure is the runtime's own cost — Kafka in
 * and out, two ed25519 operations (verify the assignment, sign the answer), JSON, the queue. Prints tasks/s
 * and end-to-end latency percentiles. Not a test; run as a main class (see the module README).
 * Arguments: workers (16), tasks (4000); {@code -Dtaonet.bench.out=<file>} also writes the figures as JSON.
 */
public final class EchoThroughputBenchmark {

    private EchoThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        int netuid = 90;
        String bootstrap = TestKafka.bootstrapServers();
        List<ConfigurableApplicationContext> contexts = new ArrayList<>();
        List<KeyPair> hotkeys = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < workers; i++) {
            KeyPair hotkey = KeyPair.fromSeed(seed(i));
            hotkeys.add(hotkey);
            contexts.add(Workers.start("bench-worker-" + i, Map.of(
                    "taonet.worker.netuid", netuid, "taonet.worker.uid", i,
                    "taonet.worker.hotkey-seed", hotkey.seedHex(), "taonet.worker.task-types", "echo",
                    "taonet.worker.concurrency", 2, "taonet.worker.queue-capacity", 10_000,
                    "logging.level.root", "WARN", "logging.level.net.taonet", "WARN")));
        }
        System.out.printf("started %d workers in %.1f s%n", workers, (System.nanoTime() - t0) / 1e9);
        Validator validator = Validator.random();
        try (TaskTopics topics = new TaskTopics(bootstrap)) {
            run(topics, validator, hotkeys, netuid, Math.min(tasks, 20 * workers), "warm-up");
            double[] measured = run(topics, validator, hotkeys, netuid, tasks, "measured");
            String out = System.getProperty("taonet.bench.out", "");
            if (!out.isBlank()) {
                java.util.Map<String, Object> figures = new java.util.LinkedHashMap<>();
                figures.put("workers", workers);
                figures.put("tasks", tasks);
                figures.put("tasksPerSecond", measured[0]);
                figures.put("p50Ms", measured[1]);
                figures.put("p99Ms", measured[2]);
                java.nio.file.Files.writeString(java.nio.file.Path.of(out),
                        tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(figures));
            }
        } finally {
            contexts.forEach(ConfigurableApplicationContext::close);
        }
        System.exit(0);
    }

    /** Runs the batch; returns tasks/s, p50 and p99 latency (ms). */
    private static double[] run(TaskTopics topics, Validator validator, List<KeyPair> hotkeys, int netuid, int tasks,
            String label) throws InterruptedException {
        SplittableRandom random = new SplittableRandom(label.hashCode());
        List<TaskAssigned> batch = new ArrayList<>(tasks);
        long deadline = System.currentTimeMillis() + 600_000;
        for (int i = 0; i < tasks; i++) {
            int uid = i % hotkeys.size();
            byte[] nonce = new byte[16];
            random.nextBytes(nonce);
            batch.add(validator.assign(netuid, uid, hotkeys.get(uid).address(), "echo",
                    "{\"nonce\":\"" + HexFormat.of().formatHex(nonce) + "\"}", deadline));
        }
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        for (TaskAssigned t : batch) {
            sentAt.put(t.taskId(), System.nanoTime());
            topics.publishAsync(t);
        }
        topics.flush();
        long published = System.nanoTime();
        long limit = System.nanoTime() + 300_000_000_000L;
        while (!batch.stream().allMatch(t -> topics.completed.containsKey(t.taskId()))) {
            if (System.nanoTime() > limit) {
                long done = batch.stream().filter(t -> topics.completed.containsKey(t.taskId())).count();
                throw new IllegalStateException(label + ": only " + done + " of " + tasks + " completed in 300 s");
            }
            Thread.sleep(20);
        }
        long end = batch.stream().mapToLong(t -> topics.completedAt.get(t.taskId())).max().orElseThrow();
        double seconds = (end - start) / 1e9;
        long[] latencies = batch.stream().mapToLong(t -> topics.completedAt.get(t.taskId()) - sentAt.get(t.taskId()))
                .sorted().toArray();
        System.out.printf("%s: %d echo tasks over %d workers in %.2f s (published in %.2f s): %.0f tasks/s; "
                + "latency p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", label, tasks, hotkeys.size(), seconds,
                (published - start) / 1e9, tasks / seconds, pct(latencies, 0.50), pct(latencies, 0.99),
                latencies[latencies.length - 1] / 1e6);
        return new double[] {tasks / seconds, pct(latencies, 0.50), pct(latencies, 0.99)};
    }

    private static double pct(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    private static byte[] seed(int i) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) (0x40 + i));
        return seed;
    }
}
