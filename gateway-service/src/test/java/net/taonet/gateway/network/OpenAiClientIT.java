package net.taonet.gateway.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official {@code openai} npm client, unchanged but for its base URL, against the gateway: it lists the
 * models, makes a plain and a streaming chat completion and checks the answers, which come from a real
 * worker (a miner) through scoring's organic dispatch, the worker's model server being {@link ModelServerStub}.
 * The script and its locked dependencies are in {@code src/test/node/openai-e2e}; it runs with Node 20+
 * after {@code npm ci} (the npm registry must be reachable the first time).
 */
class OpenAiClientIT {

    private static final Path SOURCE = Path.of("src/test/node/openai-e2e");
    private static final Path WORK = Path.of("target/openai-e2e");

    private static GatewayNetwork net;

    @BeforeAll
    static void prepare() throws Exception {
        assumeTrue(onPath("node") && onPath("npm"), "Node.js and npm are needed to run the openai client");
        installClient();
        net = GatewayNetwork.get();
    }

    @Test
    void theOfficialOpenAiClientListsModelsAndCompletesPlainAndStreamed() throws Exception {
        String key = net.apiKey("openai-e2e", 50, 50, 10_000);
        String prompt = "hello from the openai client";
        ProcessBuilder script = new ProcessBuilder("node", "openai-e2e.mjs")
                .directory(WORK.toFile())
                .redirectErrorStream(true)
                .redirectOutput(WORK.resolve("openai-e2e.log").toFile());
        script.environment().putAll(Map.of(
                "TAONET_GATEWAY_URL", net.gatewayUrl(),
                "TAONET_API_KEY", key,
                "TAONET_MODEL", "sn" + net.chatNetuid,
                "TAONET_PROMPT", prompt,
                "TAONET_EXPECTED", ModelServerStub.answerTo(prompt)));
        Process node = script.start();
        boolean finished = node.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            node.destroyForcibly();
        }
        String output = Files.readString(WORK.resolve("openai-e2e.log"), StandardCharsets.UTF_8);
        assertThat(finished).as("the script finished: " + output).isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output).contains("completion: " + ModelServerStub.answerTo(prompt),
                "stream: ", "unknown model: 404", "OPENAI-E2E OK");
    }

    /** Copies the script and its lock file to target/ and installs exactly the locked packages there once. */
    private static void installClient() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        boolean changed = false;
        for (String file : List.of("package.json", "package-lock.json", "openai-e2e.mjs")) {
            Path target = WORK.resolve(file);
            byte[] wanted = Files.readAllBytes(SOURCE.resolve(file));
            if (!Files.exists(target) || !java.util.Arrays.equals(Files.readAllBytes(target), wanted)) {
                changed |= !file.endsWith(".mjs");
                Files.copy(SOURCE.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!changed && Files.isDirectory(WORK.resolve("node_modules/openai"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                .directory(WORK.toFile()).redirectErrorStream(true)
                .redirectOutput(WORK.resolve("npm-ci.log").toFile()).start();
        boolean finished = npm.waitFor(300, TimeUnit.SECONDS);
        String log = Files.readString(WORK.resolve("npm-ci.log"));
        assertThat(finished && npm.exitValue() == 0).as("npm ci: " + log).isTrue();
    }

    private static boolean onPath(String command) {
        try {
            Process p = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
