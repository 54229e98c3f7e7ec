package net.taonet.sdk.builtin.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.taonet.sdk.Challenge;
import net.taonet.sdk.ChallengeContext;
import net.taonet.sdk.Scorer;
import net.taonet.sdk.Submission;
import net.taonet.sdk.TaskContext;
import net.taonet.sdk.TaskException;
import net.taonet.sdk.TaskHandler;
import net.taonet.sdk.TaskSettings;
import net.taonet.sdk.TaskTypes;

class ChatTaskTypeTest {

    private final ChatTaskType chat = (ChatTaskType) TaskTypes.load().require("chat");
    private FakeModelServer server;

    @BeforeEach
    void start() throws IOException {
        server = new FakeModelServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void challengesAreDeterministicRequestsAtTemperatureZero() {
        Challenge c = chat.challenges().next(new ChallengeContext(2,
                TaskSettings.of(Map.of("model", "llama-3-8b", "max-tokens", "32", "prompts", "one || two")),
                new SplittableRandom(4)));
        assertThat(c.payload()).contains("\"model\":\"llama-3-8b\"", "\"temperature\":0", "\"seed\":42",
                "\"max_tokens\":32");
        assertThat(c.payload()).containsAnyOf("\"content\":\"one\"", "\"content\":\"two\"");
        assertThat(c.timeout().toSeconds()).isEqualTo(30);
    }

    @Test
    void forwardsToTheModelServerAndReturnsTheAnswer() throws TaskException {
        TaskHandler handler = chat.handler(TaskSettings.of(Map.of("base-url", server.baseUrl(), "model", "local-name")));
        String challenge = chat.challenges().next(ChallengeContext.of(1, new SplittableRandom(1))).payload();
        ChatResult result = ChatResult.tryParse(handler.execute(challenge, TaskContext.simple("t", far()))).orElseThrow();
        assertThat(result.content()).startsWith("You asked: ");
        assertThat(result.finishReason()).isEqualTo("stop");
        assertThat(result.model()).isEqualTo("local-name");
        assertThat(server.requests()).singleElement().satisfies(r -> {
            assertThat(r.path("model").asString()).isEqualTo("local-name");
            assertThat(r.path("temperature").asInt()).isZero();
            assertThat(r.path("seed").asInt()).isEqualTo(42);
        });
    }

    @Test
    void streamsChunksInOrderAndStillReturnsTheWholeAnswer() throws TaskException {
        server.answer(p -> "one two three four");
        TaskHandler handler = chat.handler(TaskSettings.of(Map.of("base-url", server.baseUrl() + "/")));
        List<String> chunks = new ArrayList<>();
        TaskContext context = new TaskContext() {
            @Override
            public String taskId() {
                return "t";
            }

            @Override
            public long deadlineMillis() {
                return far();
            }

            @Override
            public void emit(String delta) {
                chunks.add(delta);
            }
        };
        String request = "{\"model\":\"x\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        ChatResult result = ChatResult.tryParse(handler.execute(request, context)).orElseThrow();
        assertThat(chunks).containsExactly("one ", "two ", "three ", "four");
        assertThat(result.content()).isEqualTo("one two three four");
        assertThat(result.completionTokens()).isEqualTo(4);
        assertThat(server.requests().get(0).path("stream_options").path("include_usage").asBoolean()).isTrue();
    }

    @Test
    void modelServerFailuresAreErrorsNotCrashes() {
        server.status(503);
        TaskHandler handler = chat.handler(TaskSettings.of(Map.of("base-url", server.baseUrl())));
        String request = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        assertThatThrownBy(() -> handler.execute(request, TaskContext.simple("t", far())))
                .isInstanceOfSatisfying(TaskException.class, e -> {
                    assertThat(e.reason()).isEqualTo(TaskException.ERROR);
                    assertThat(e.getMessage()).contains("503");
                });
        TaskHandler nowhere = chat.handler(TaskSettings.of(Map.of("base-url", "http://127.0.0.1:9/v1")));
        assertThatThrownBy(() -> nowhere.execute(request, TaskContext.simple("t", far())))
                .isInstanceOfSatisfying(TaskException.class, e -> assertThat(e.reason()).isEqualTo("error"));
        assertThatThrownBy(() -> handler.execute("{\"messages\":[]}", TaskContext.simple("t", far())))
                .isInstanceOfSatisfying(TaskException.class, e -> assertThat(e.reason()).isEqualTo("bad-challenge"));
        assertThatThrownBy(() -> chat.handler(TaskSettings.empty())).hasMessageContaining("base-url");
    }

    @Test
    void theMajorityAnswerWinsAndTheMinorityGetsNothing() {
        Scorer scorer = chat.scorer();
        assertThat(scorer.quorum()).isEqualTo(3);
        List<Double> scores = scorer.scoreAll("{}", List.of(sub("Paris", 500), sub("  Paris ", 900),
                sub("Lyon", 100), sub("not json at all", 100)));
        assertThat(scores.get(0)).isGreaterThan(0.6).isGreaterThan(scores.get(1)); // faster of the agreeing two
        assertThat(scores.get(1)).isGreaterThan(0.6);
        assertThat(scores.get(2)).isZero();
        assertThat(scores.get(3)).isZero();
    }

    @Test
    void withoutAMajorityTheRoundIsInconclusive() {
        List<Double> split = chat.scorer().scoreAll("{}", List.of(sub("a", 100), sub("b", 100)));
        assertThat(split).allSatisfy(s -> assertThat(s).isBetween(0.3, 0.7));
        assertThat(chat.scorer().scoreAll("{}", List.of(sub("a", 100), sub("a", 100), sub("b", 100), sub("b", 100))))
                .allSatisfy(s -> assertThat(s).isBetween(0.3, 0.7));
        double lone = chat.scorer().score("{}", sub("a lone organic answer", 200));
        assertThat(lone).isBetween(0.3, 0.7);
        assertThat(chat.scorer().score("{}", sub("", 200))).isZero();
    }

    @Property(tries = 200)
    void scoresStayInTheUnitInterval(@ForAll @IntRange(min = 1, max = 6) int miners,
            @ForAll @LongRange(min = 0, max = 100_000) long latency, @ForAll @IntRange(min = 0, max = 3) int variety) {
        List<Submission> subs = new ArrayList<>();
        for (int i = 0; i < miners; i++) {
            subs.add(sub("answer " + (i % (variety + 1)), latency * (i + 1)));
        }
        assertThat(chat.scorer().scoreAll("{}", subs)).hasSize(miners)
                .allSatisfy(s -> assertThat(s).isBetween(0.0, 1.0));
    }

    private static Submission sub(String content, long latency) {
        String json = content.startsWith("not json") ? content : new ChatResult(content, "m", "stop", 3).toJson();
        return new Submission(json, latency, 30_000);
    }

    private static long far() {
        return System.currentTimeMillis() + 30_000;
    }
}
