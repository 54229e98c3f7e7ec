package net.taonet.yuma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import net.taonet.yuma.io.VectorRunner;
import net.taonet.yuma.vectors.Resources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The simulator, run in-process: its JSON reproduces {@code model_outputs}; bad input exits 2. */
class YumaCliTest {

    /** Output of one in-process run. */
    record Result(int status, String out, String err) {
    }

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = YumaCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Stream<Path> files() {
        List<Path> files = new ArrayList<>(Resources.jsonFiles("vectors"));
        files.addAll(Resources.jsonFiles("vectors/bench"));
        return files.stream().filter(p -> VectorRunner.hasInlineEpochs(Resources.read(p)));
    }

    @TestFactory
    Stream<DynamicTest> reproducesModelOutputsForEveryFile() {
        return files().flatMap(p -> Stream.of(
                DynamicTest.dynamicTest(p.getFileName() + " run", () -> compare(p, false)),
                DynamicTest.dynamicTest(p.getFileName() + " run --chain", () -> compare(p, true))));
    }

    private static void compare(Path file, boolean chain) {
        Result r = chain ? cli("run", file.toString(), "--chain") : cli("run", file.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        JsonNode out = Resources.JSON.readTree(r.out());
        JsonNode doc = Resources.read(file);
        assertThat(out.get("schema").asString()).isEqualTo("yuma-output/1");
        assertThat(out.get("id").asString()).isEqualTo(doc.get("id").asString());
        List<String> problems = new ArrayList<>();
        if (doc.has("cases")) {
            assertThat(out.get("cases").size()).isEqualTo(doc.get("cases").size());
            for (int c = 0; c < doc.get("cases").size(); c++) {
                assertThat(out.get("cases").get(c).get("label")).isEqualTo(doc.get("cases").get(c).get("label"));
                compareEpochs(doc.get("cases").get(c).get("epochs"), out.get("cases").get(c).get("epochs"), problems);
            }
        } else {
            compareEpochs(doc.get("epochs"), out.get("epochs"), problems);
        }
        assertThat(problems).isEmpty();
    }

    private static void compareEpochs(JsonNode expected, JsonNode actual, List<String> problems) {
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int k = 0; k < expected.size(); k++) {
            JsonNode e = expected.get(k);
            JsonNode a = actual.get(k);
            assertThat(a.get("label")).isEqualTo(e.get("label"));
            JsonNode model = e.get("model_outputs");
            JsonNode outputs = a.get("outputs");
            for (String key : model.propertyNames()) {
                if (key.equals("activity_cutoff_blocks") || key.equals("last_tempo")) {
                    continue; // echoed by the model, not part of the output contract
                }
                JsonNode ours = outputs.get(key);
                if (ours == null) {
                    problems.add(e.get("label") + ": missing " + key);
                } else if (key.equals("i32f32_bits")) {
                    if (!new java.util.TreeSet<>(ours.propertyNames()).equals(new java.util.TreeSet<>(model.get(key).propertyNames()))) {
                        problems.add(e.get("label") + ": i32f32_bits keys " + ours.propertyNames());
                    }
                    for (String b : model.get(key).propertyNames()) {
                        if (ours.get(b) == null || !ours.get(b).toString().equals(model.get(key).get(b).toString())) {
                            problems.add(e.get("label") + ": i32f32_bits." + b);
                        }
                    }
                } else if (!ours.toString().equals(model.get(key).toString())) {
                    problems.add(e.get("label") + ": " + key);
                }
            }
            List<String> keys = new ArrayList<>(outputs.propertyNames());
            assertThat(keys).containsExactly("stake_weight_u16", "active", "consensus_u16", "incentive_u16",
                    "dividends_u16", "validator_trust_u16", "new_validator_permit", "server_emission",
                    "validator_emission", "emission", "bonds_stored_u16", "i32f32_bits");
        }
    }

    @Test
    void setOverridesAHyperparameterLikeEditingTheFile(@TempDir Path dir) throws IOException {
        // two of three equal validators vote for server 3: with κ = 0.7 that is no longer a majority
        Path src = Resources.dir("vectors").resolve("logs_test_validators_weight_two_distinct_servers.json");
        ObjectNode doc = (ObjectNode) Resources.read(src);
        ((ObjectNode) doc.get("hyperparameters")).put("kappa", 45875);
        Path edited = dir.resolve("edited.json");
        Files.writeString(edited, doc.toString());

        Result viaSet = cli("run", src.toString(), "--set", "kappa=45875");
        Result viaFraction = cli("run", src.toString(), "--set=kappa=0.7");
        Result viaFile = cli("run", edited.toString());
        Result baseline = cli("run", src.toString());
        assertThat(viaSet.status()).isZero();
        assertThat(viaSet.out().equals(viaFile.out())).as("--set equals an edited file").isTrue();
        assertThat(viaFraction.out().equals(viaFile.out())).as("a fraction is converted to u16").isTrue();
        assertThat(viaSet.out().equals(baseline.out())).as("the override changes the outcome").isFalse();
        JsonNode consensus = Resources.JSON.readTree(viaSet.out()).get("epochs").get(0).get("outputs").get("consensus_u16");
        assertThat(consensus.get(3).asInt()).isZero();
    }

    @Test
    void missingFile() {
        assertBadInput(cli("run", "/nonexistent/vector.json"), "no such file");
    }

    @Test
    void usageErrors() {
        assertBadInput(cli(), "usage");
        assertBadInput(cli("walk", "x.json"), "usage");
        assertBadInput(cli("run"), "missing FILE");
        assertBadInput(cli("run", "a.json", "--frobnicate"), "unknown option");
        assertBadInput(cli("run", "a.json", "--set"), "--set");
        assertBadInput(cli("run", "a.json", "--set", "kappa"), "name=value");
    }

    @Test
    void malformedJson(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"id\": \"x\", \"epochs\": [");
        assertBadInput(cli("run", f.toString()), "malformed JSON");
    }

    @Test
    void wrongLengthsAndRanges(@TempDir Path dir) throws IOException {
        Path src = Resources.dir("vectors").resolve("test_bonds.json");

        ObjectNode shortStake = (ObjectNode) Resources.read(src);
        ((ArrayNode) shortStake.get("epochs").get(0).get("inputs").get("stake")).remove(0);
        assertBadInput(cli("run", write(dir, "a.json", shortStake)), "stake has 7 entries, expected n = 8");

        ObjectNode bigWeight = (ObjectNode) Resources.read(src);
        ((ArrayNode) bigWeight.get("epochs").get(1).get("inputs").get("weights").get(0).get(0)).set(1,
                Resources.JSON.getNodeFactory().numberNode(70000));
        assertBadInput(cli("run", write(dir, "b.json", bigWeight)), "out of range");

        ObjectNode negativeStake = (ObjectNode) Resources.read(src);
        ((ArrayNode) negativeStake.get("epochs").get(0).get("inputs").get("stake")).set(0,
                Resources.JSON.getNodeFactory().numberNode(-1));
        assertBadInput(cli("run", write(dir, "c.json", negativeStake)), "u64");

        ObjectNode badKappa = (ObjectNode) Resources.read(src);
        ((ObjectNode) badKappa.get("hyperparameters")).put("kappa", 65536);
        assertBadInput(cli("run", write(dir, "d.json", badKappa)), "kappa");

        assertBadInput(cli("run", src.toString(), "--set", "nonsense=1"), "unknown hyperparameter");
        assertBadInput(cli("run", src.toString(), "--set", "kappa=1.5"), "within [0, 1]");
        assertBadInput(cli("run", Resources.dir("vectors").resolve("unit_math.json").toString()), "no inline epochs");
    }

    private static String write(Path dir, String name, JsonNode doc) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, doc.toString());
        return f.toString();
    }

    private static void assertBadInput(Result r, String fragment) {
        assertThat(r.status()).isEqualTo(YumaCli.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(fragment);
        assertThat(r.err().strip().lines().count()).as("one line: %s", r.err()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
