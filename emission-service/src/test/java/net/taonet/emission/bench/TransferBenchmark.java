package net.taonet.emission.bench;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import net.taonet.emission.EmissionApplication;
import net.taonet.testsupport.ServiceLauncher;
import net.taonet.testsupport.ServiceLauncher.RunningService;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * Transfers through the REST API (target: ≥ 1,000/s with p99 ≤ 50 ms). Starts the service on a random
 * port with embedded PostgreSQL and Kafka, then runs {@link TransferLoadGenerator} against it. Not part of
 * {@code verify}: {@code ./mvnw -o -pl emission-service verify -Pbench -Dit.test=TransferBenchmark}.
 */
class TransferBenchmark {

    /** CPU seconds used so far by the live threads whose name starts with {@code prefix}. */
    private static double threadCpu(java.lang.management.ThreadMXBean threads, String prefix) {
        double total = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                long t = threads.getThreadCpuTime(info.getThreadId());
                total += t > 0 ? t / 1e9 : 0;
            }
        }
        return total;
    }

    @Test
    void transfersThroughRest() throws Exception {
        int workers = Integer.getInteger("bench.workers", 8);
        long transfers = Long.getLong("bench.transfers", 20_000);
        Map<String, Object> props = new java.util.HashMap<>(Map.of(
                "taonet.emission.faucet.enabled", "true",
                "spring.kafka.consumer.group-id", "bench-" + UUID.randomUUID(),
                "spring.datasource.hikari.maximum-pool-size", System.getProperty("bench.pool", "8"),
                "server.tomcat.threads.max", "64",
                "server.tomcat.max-keep-alive-requests", "-1",
                "logging.level.root", "WARN"));
        if (System.getProperty("bench.jdbc-url") != null) {
            props.put("spring.datasource.url", System.getProperty("bench.jdbc-url")); // e.g. a server with statement logging
        }
        try (RunningService service = ServiceLauncher.start(EmissionApplication.class, "emission", props)) {
            TransferLoadGenerator generator = new TransferLoadGenerator(service.baseUrl(), "local-admin-key");
            generator.warmUp(workers, 3_000);
            CpuMeter cpu = new CpuMeter(service.bean(org.springframework.jdbc.core.JdbcTemplate.class));
            double[] c0 = cpu.now();
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            double web0 = threadCpu(threads, "http-nio");
            TransferLoadGenerator.Result result = generator.run(workers, transfers, Duration.ofSeconds(60));
            String cpuUsed = CpuMeter.since(c0, cpu.now());
            double web = threadCpu(threads, "http-nio") - web0;
            String audit = RestClient.create(service.baseUrl()).get().uri("/api/v1/audit").retrieve().body(String.class);
            System.out.println("BENCHMARK " + result + " (" + workers + " workers)");
            System.out.println("BENCHMARK   " + cpuUsed + " (the JVM runs the load generator and the service), of which the "
                    + String.format("service's request threads %.2f s = %.2f ms per transfer", web, web * 1000 / result.ok())
                    + "; load average " + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.println("BENCHMARK target ≥ 1000/s and p99 ≤ 50 ms: "
                    + (result.perSecond() >= 1000 && result.p99Ms() <= 50 ? "met" : "NOT met")
                    + "; audit ok: " + audit.contains("\"ok\":true"));
        }
    }
}
