package net.taonet.local.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmarks of every component, in the order {@code ./taonet bench} runs them: each is a Maven command
 * that leaves its figures as JSON in {@code <results>/<id>.json}. The quick plan runs the same benchmarks
 * with shorter measurements and smaller sizes (a few minutes); the full plan is what {@code docs/performance.md}
 * reports.
 */
public final class BenchPlan {

    /** One benchmark: what it is, the command that runs it, how long it may take. */
    public record Step(String id, String title, List<String> command, int timeoutSeconds) {
    }

    /** The consensus drill's sizes (subnets × UIDs, 64 validators each) in growing order. */
    static final String FULL_SIZES = "128x256,256x256,512x256,1024x256,1024x512,2048x256";
    static final String QUICK_SIZES = "64x256,128x256";

    private BenchPlan() {
    }

    public static List<Step> steps(Path results, boolean quick, String java) {
        List<Step> steps = new ArrayList<>();
        // JMH's wall-clock samples, as the yuma-core README reports them, for the n=256 target; thread CPU time
        // (EpochCpuTimer) for both sizes, which a busy shared machine does not inflate.
        String jmh = quick ? "-p size=N256_V64 -f 1 -wi 2 -i 3 -w 1s -r 1s" : "-p size=N256_V64 -f 1 -wi 3 -i 5 -w 1s -r 1s";
        steps.add(new Step("epoch", "Yuma epoch engine, wall clock (JMH, libs/yuma-core EpochBenchmark)",
                mvn("-f", "libs/yuma-core/pom.xml", "-Pbench", "-DskipTests", "verify",
                        "-Djmh.args=" + jmh + " -rf json -rff " + out(results, "epoch")), 600));
        steps.add(new Step("epochcpu", "Yuma epoch engine, thread CPU time (libs/yuma-core EpochCpuTimer)",
                mvn("-f", "libs/yuma-core/pom.xml", "-Pbench", "-DskipTests", "verify",
                        "-Dbench.main=-Dbench.seconds=" + (quick ? 1 : 3) + " -Dtaonet.bench.out=" + out(results, "epochcpu")
                                + " net.taonet.yuma.bench.EpochCpuTimer",
                        "-Djmh.args=" + (quick ? "N256_V64" : "N256_V64 N4096_V256")), 600));
        steps.add(new Step("settlement", "ledger settlement (emission-service SettlementBenchmark)",
                failsafe("emission-service", "bench", "SettlementBenchmark", results, "settlement"), 600));
        steps.add(new Step("registrations", "registrations (registry-service RegistrationBenchmark)",
                failsafe("registry-service", "bench", "RegistrationBenchmark", results, "registrations",
                        "-Dbench.registrations=" + (quick ? 300 : 1000), "-Dbench.warmup=" + (quick ? 50 : 100)), 600));
        steps.add(new Step("dispatch", "validator dispatch vs raw Kafka (scoring-service DispatchBenchmark)",
                failsafe("scoring-service", "benchmark", "DispatchBenchmark", results, "dispatch",
                        "-Dbench.seconds=" + (quick ? 8 : 20), "-Dbench.warmup=" + (quick ? 5 : 10)), 600));
        steps.add(new Step("gateway", "gateway vs direct (gateway-service GatewayLoadGenerator)",
                mvn("-pl", "gateway-service", "test-compile", "exec:java", "-Dtaonet.bench.out=" + out(results, "gateway"),
                        "-Dtaonet.bench.seconds=" + (quick ? 5 : 10),
                        "-Dtaonet.bench.warmup-seconds=" + (quick ? 5 : 30)), 600));
        steps.add(new Step("gemm", "GEMM on the CPU (libs/subnet-sdk GemmBenchmark)",
                mainClass("libs/subnet-sdk", java, "--add-modules jdk.incubator.vector -Dgemm.peak-sizes="
                        + (quick ? "1024" : "1024,2048") + " -Dtaonet.bench.out=" + out(results, "gemm"),
                        "net.taonet.sdk.builtin.gemm.GemmBenchmark 256 512"), 600));
        steps.add(new Step("echo", "worker echo tasks (subnet-workers EchoThroughputBenchmark)",
                mainClass("subnet-workers", java, "-Dtaonet.bench.out=" + out(results, "echo"),
                        "net.taonet.worker.EchoThroughputBenchmark 16 " + (quick ? 1500 : 4000)), 600));
        steps.add(new Step("scale", "the whole network at scale (consensus-service EpochSchedulerBenchmark drill)",
                failsafe("consensus-service", "benchmark", "EpochSchedulerBenchmark", results, "scale",
                        "-Dbench.sizes=" + (quick ? QUICK_SIZES : FULL_SIZES), "-Dbench.rounds=" + (quick ? 2 : 3)), 900));
        return steps;
    }

    static Path out(Path results, String id) {
        return results.resolve(id + ".json").toAbsolutePath();
    }

    private static List<String> mvn(String... args) {
        // The benchmarks are not integration tests: no OpenAPI documents to lint after them. Not offline: the
        // benchmark-only libraries (JMH) are not in ~/.m2 until a benchmark first asks for them.
        List<String> command = new ArrayList<>(List.of("./mvnw", "-B", "-q", "-P!openapi-lint",
                "-Dopenapi.lint.skip=true"));
        command.addAll(List.of(args));
        return command;
    }

    private static List<String> failsafe(String module, String profile, String test, Path results, String id,
            String... extra) {
        List<String> command = mvn("-pl", module, "-P" + profile, "verify", "-Dtest=none",
                "-Dsurefire.failIfNoSpecifiedTests=false", "-Dit.test=" + test, "-Dtaonet.bench.out=" + out(results, id));
        command.addAll(List.of(extra));
        return command;
    }

    /** A benchmark that is a main class in a module's test sources, run in a JVM of its own. */
    private static List<String> mainClass(String module, String java, String jvmArgs, String mainAndArgs) {
        return mvn("-pl", module, "test-compile", "org.codehaus.mojo:exec-maven-plugin:3.6.4:exec",
                "-Dexec.executable=" + java, "-Dexec.classpathScope=test",
                "-Dexec.args=" + jvmArgs + " -cp %classpath " + mainAndArgs);
    }
}
