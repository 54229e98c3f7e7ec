package net.taonet.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerformanceReportTest {

    @TempDir
    Path root;

    static final Bench.Machine MACHINE = new Bench.Machine(2, 24L << 30, "OpenJDK 64-Bit Server VM 17.0.17", "Linux amd64", 3.5);

    @Test
    void everyBenchmarkBecomesRowsWithItsTargetAndTheMissingOnesSaySo() throws IOException {
        Path results = Files.createDirectories(root.resolve("results"));
        Files.writeString(results.resolve("note.md"), "**This run:** nothing else ran on the machine.\n");
        Files.writeString(results.resolve("epoch.json"), """
                [{"params": {"size": "N256_V64", "mode": "Y3"}, "primaryMetric": {"score": 0.8, "scorePercentiles": {"50.0": 0.71}}},
                 {"params": {"size": "N256_V64", "mode": "CLASSIC"}, "primaryMetric": {"score": 1.0, "scorePercentiles": {"50.0": 0.95}}},
                 {"params": {"size": "N256_V64", "mode": "Y3LA"}, "primaryMetric": {"score": 1.4, "scorePercentiles": {"50.0": 1.3}}}]
                """);
        Files.writeString(results.resolve("epochcpu.json"), """
                [{"size": "N256_V64", "mode": "Y3", "cpuMedianMs": 0.71}, {"size": "N256_V64", "mode": "CLASSIC", "cpuMedianMs": 0.9},
                 {"size": "N256_V64", "mode": "Y3LA", "cpuMedianMs": 1.2}, {"size": "N4096_V256", "mode": "Y3", "cpuMedianMs": 55.0},
                 {"size": "N4096_V256", "mode": "CLASSIC", "cpuMedianMs": 70.0}, {"size": "N4096_V256", "mode": "Y3LA", "cpuMedianMs": 90.0}]
                """);
        Files.writeString(results.resolve("dispatch.json"), """
                {"workers": 16, "inFlight": 512, "scoredPerSecond": 2400.0, "assignedPerSecond": 2410.0,
                 "answeredPerSecond": 2405.0, "timedOut": 0, "rejected": 0, "overheadP50Ms": 12, "overheadP99Ms": 80,
                 "rawRoundTripsPerSecond": 8000.0, "rawP50Ms": 20.0, "rawP99Ms": 90.0, "percentOfRaw": 30.0,
                 "cpuMsPerTask": 0.8, "rawCpuMsPerRoundTrip": 0.2}
                """);
        Files.writeString(results.resolve("settlement.json"), """
                {"subnets": 128, "uids": 256, "steadySeconds": 2.5, "steadyJournalLines": 131072, "steadyAuditOk": true,
                 "firstPayoutSeconds": 3.1, "steadyOutboxEvents": 33000, "steadyRelaySeconds": 1.5}
                """);
        Files.writeString(results.resolve("scale.json"), """
                {"deadlineMs": 12000, "largestOnTime": {"subnets": 256, "uids": 256, "warmPublishedMs": 9000},
                 "runs": [{"subnets": 256, "uids": 256, "warmPublishedMs": 9000, "onTime": true},
                          {"subnets": 512, "uids": 256, "warmPublishedMs": 19000, "onTime": false}]}
                """);
        List<PerformanceReport.Outcome> outcomes = BenchPlan.steps(results, false, "java").stream()
                .map(s -> new PerformanceReport.Outcome(s, Files.exists(BenchPlan.out(results, s.id())) ? "ok" : "failed (exit 1)", 10))
                .toList();

        String md = new PerformanceReport(results, outcomes).markdown(MACHINE, outcomes, false, 12.5, Instant.parse("2026-12-07T22:00:00Z"));

        assertThat(md).contains("2026-12-07 22:00 UTC", "2 cores", "24.0 GiB", "OpenJDK 64-Bit Server VM 17.0.17");
        assertThat(md).contains("\n\n**This run:** nothing else ran on the machine.\n\n| benchmark | target | measured |");
        assertThat(md).contains("| Yuma epoch n=256 / 64 validators (JMH p50 wall clock, Yuma3 · classic · liquid α) | ≤ 1 ms | "
                + "0.71 · 0.95 · 1.30 ms (libs/yuma-core README: 0.74 · 0.98 · 1.29 ms); Yuma3 met");
        assertThat(md).contains("| Yuma epoch n=4096 / 256 validators (median thread CPU time, Yuma3 · classic · liquid α) | ≤ 50 ms | "
                + "55 · 70 · 90 ms (libs/yuma-core README: 48.9 · 65.6 · 84.8 ms); Yuma3 **not met**");
        assertThat(md).contains("2,400/s").contains("≥ 2,000 tasks/s").contains("30 % — **not met**");
        // 2 cores × 1,000 ms / 0.8 ms = 2,500 tasks/s; 0.2 ms per raw round trip = 10,000/s, 25 %
        assertThat(md).contains("0.800 ms per task → 2,500 tasks/s on 2 idle cores; raw round trip 0.200 ms → 10,000/s; dispatch / raw 25 %");
        assertThat(md).contains("2.50 s").contains("**256 subnets × 256 UIDs** (65,536 neurons)").contains("512×256: 19000 ms (late)");
        assertThat(md).contains("registrations (registry-service RegistrationBenchmark) | | **not measured**: failed (exit 1)");
        assertThat(md).contains("gateway vs direct").contains("**not measured**");
        // on paper, from the figures: 9000 ms / 256 epochs = 35.2 ms per epoch; engine grows 55 / 0.71 = 77×
        assertThat(md).contains("35.2 ms of the machine per epoch").contains("77×");
        // 1,024 × 4,096 / 12 s = 349,525 tasks/s at 2,400 per machine: 146 machines
        assertThat(md).contains("**146 machines**");
        // 131,072 lines for 32,768 UIDs = 4 per UID: 16,384 per 4,096-UID epoch; 3 per block = 4,096 lines/s < 52,429/s
        // 32,768 UIDs in 2.5 s = 13,107 UIDs/s against 3 × 4,096 / 12 s = 1,024 UIDs/s: 8 % busy
        assertThat(md).contains("13,107 UIDs/s").contains("**one ledger instance** keeps up (8 % busy)")
                .contains("4.00 journal lines per UID per epoch");
        assertThat(md).doesNotContain("(*README*)", ", *README*");
        assertThat(md).doesNotContain("/results/");
    }

    @Test
    void withoutFiguresThePaperSaysWhatIsMissing() {
        Path results = root.resolve("empty");
        List<PerformanceReport.Outcome> outcomes = BenchPlan.steps(results, true, "java").stream()
                .map(s -> new PerformanceReport.Outcome(s, "timed out after 600 s", 0)).toList();
        String md = new PerformanceReport(results, outcomes).markdown(MACHINE, outcomes, true, -1, Instant.now());
        assertThat(md).contains("`./taonet bench --quick`").contains("timed out after 600 s")
                .contains("against 712 tasks/s per machine (*README*)").doesNotContain("Run times");
    }

    @Test
    void theQuickPlanRunsTheSameBenchmarksSmaller() {
        List<BenchPlan.Step> full = BenchPlan.steps(root, false, "java");
        List<BenchPlan.Step> quick = BenchPlan.steps(root, true, "java");
        assertThat(quick).extracting(BenchPlan.Step::id).isEqualTo(full.stream().map(BenchPlan.Step::id).toList())
                .contains("epoch", "epochcpu", "settlement", "registrations", "dispatch", "gemm", "echo", "scale");
        assertThat(String.join(" ", quick.get(quick.size() - 1).command())).contains(BenchPlan.QUICK_SIZES);
        assertThat(String.join(" ", full.get(full.size() - 1).command())).contains(BenchPlan.FULL_SIZES);
    }
}
