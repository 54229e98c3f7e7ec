package net.taonet.yuma.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import net.taonet.yuma.EpochInput;
import net.taonet.yuma.EpochOutput;
import net.taonet.yuma.Yuma;
import net.taonet.yuma.io.OutputJson;
import net.taonet.yuma.vectors.Resources;
import tools.jackson.databind.JsonNode;

/**
 * The generator-only benchmark files: the Java generator reproduces the recorded inputs
 * ({@code inputs_sha256}) and the engine reproduces every output digest of subtensor's own epoch.
 * n = 1024 runs always; the n = 4096 sizes take seconds and gigabytes, so they run when
 * {@code -Dyuma.slowTests=true} is given.
 */
class BenchVectorsTest {

    @Test
    void n256GeneratorMatchesTheInlineInputs() {
        JsonNode doc = Resources.read(Resources.dir("vectors/bench").resolve("n256_v64.json"));
        EpochInput in = BenchInputs.input(BenchInputs.Size.N256_V64);
        assertThat(CanonicalJson.inputsSha256(in)).isEqualTo(doc.get("inputs_sha256").asString());
    }

    @Test
    void n1024() {
        check(BenchInputs.Size.N1024_V128, "n1024_v128.json");
    }

    @Test
    @EnabledIfSystemProperty(named = "yuma.slowTests", matches = "true", disabledReason = "slow: pass -Dyuma.slowTests=true")
    void n4096With256Validators() {
        check(BenchInputs.Size.N4096_V256, "n4096_v256.json");
    }

    @Test
    @EnabledIfSystemProperty(named = "yuma.slowTests", matches = "true", disabledReason = "slow: pass -Dyuma.slowTests=true")
    void n4096With4096Validators() {
        check(BenchInputs.Size.N4096_V4096, "n4096_v4096.json");
    }

    private static void check(BenchInputs.Size size, String file) {
        JsonNode doc = Resources.read(Resources.dir("vectors/bench").resolve(file));
        EpochInput in = BenchInputs.input(size);
        List<String> problems = new ArrayList<>();
        String inputsSha = CanonicalJson.inputsSha256(in);
        for (JsonNode variant : doc.get("variants")) {
            String label = variant.get("label").asString();
            if (!inputsSha.equals(variant.get("inputs_sha256").asString())) {
                problems.add(label + ": generated inputs differ from the recorded digest");
            }
            BenchInputs.Mode mode = BenchInputs.Mode.valueOf(label.toUpperCase(java.util.Locale.ROOT));
            EpochOutput out = Yuma.epoch(in, BenchInputs.hyperparameters(size, mode));
            JsonNode ours = OutputJson.outputs(out);
            JsonNode digests = variant.get("model_outputs_sha256");
            for (String key : digests.propertyNames()) {
                JsonNode value;
                if (key.startsWith("i32f32_bits.")) {
                    value = ours.get("i32f32_bits").get(key.substring("i32f32_bits.".length()));
                } else if (key.equals("activity_cutoff_blocks")) {
                    value = Resources.JSON.getNodeFactory().numberNode(out.activityCutoffBlocks());
                } else if (key.equals("last_tempo")) {
                    value = Resources.JSON.getNodeFactory().numberNode(out.lastTempo());
                } else {
                    value = ours.get(key);
                }
                if (value == null || !CanonicalJson.sha256(value).equals(digests.get(key).asString())) {
                    problems.add(label + ": " + key + " digest differs");
                }
            }
        }
        assertThat(problems).as(file).isEmpty();
    }
}
