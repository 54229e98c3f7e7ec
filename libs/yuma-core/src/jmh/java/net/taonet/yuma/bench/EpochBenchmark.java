package net.taonet.yuma.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import net.taonet.yuma.EpochInput;
import net.taonet.yuma.EpochOutput;
import net.taonet.yuma.Hyperparameters;
import net.taonet.yuma.Yuma;

/**
 * One sparse epoch on the inputs of {@code vectors/bench} (the same inputs subtensor's own epoch
 * was timed on), single thread. Sample-time mode so JMH reports the median ({@code p0.50}) that
 * the anchors in {@code vectors/bench/README.md} use.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx6g"})
public class EpochBenchmark {

    @Param({"N256_V64", "N1024_V128", "N4096_V256", "N4096_V4096"})
    public String size;

    @Param({"Y3LA", "Y3", "CLASSIC"})
    public String mode;

    private EpochInput input;
    private Hyperparameters hyperparameters;

    @Setup
    public void setUp() {
        BenchInputs.Size s = BenchInputs.Size.valueOf(size);
        input = BenchInputs.input(s);
        hyperparameters = BenchInputs.hyperparameters(s, BenchInputs.Mode.valueOf(mode));
    }

    @Benchmark
    public EpochOutput epoch() {
        return Yuma.epoch(input, hyperparameters);
    }
}
