package net.taonet.sdk.builtin.gemm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.taonet.sdk.Challenge;
import net.taonet.sdk.ChallengeContext;
import net.taonet.sdk.Submission;
import net.taonet.sdk.TaskContext;
import net.taonet.sdk.TaskException;
import net.taonet.sdk.TaskHandler;
import net.taonet.sdk.TaskSettings;
import net.taonet.sdk.TaskTypes;

class GemmTaskTypeTest {

    private final GemmTaskType type = new GemmTaskType(8);

    @Test
    void isFoundByServiceLoader() {
        assertThat(TaskTypes.load().require("gemm")).isInstanceOf(GemmTaskType.class);
        assertThat(GemmBackends.providers(getClass().getClassLoader())).extracting(GemmBackendProvider::name)
                .containsSubsequence("cpu-blas", "naive");
    }

    @Test
    void generatorFollowsItsSettingsAndTheMessageLimit() {
        TaskSettings settings = TaskSettings.of(Map.of("m", "128", "n", "512", "k-min", "300", "k-max", "400",
                "timeout-ms", "2500"));
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 50; i++) {
            Challenge c = type.challenges().next(new ChallengeContext(3, settings, random));
            GemmChallenge parsed = parse(c.payload());
            assertThat(parsed.m()).isEqualTo(128);
            assertThat(parsed.n()).isEqualTo(512);
            assertThat(parsed.k()).isBetween(300, 400);
            assertThat(c.timeout().toMillis()).isEqualTo(2500);
            // The answer (the largest message of this type) fits Kafka's 1 MB default.
            assertThat(new GemmResult(128, 512, new float[128 * 512]).toJson().length()).isLessThan(1_000_000);
        }
        assertThatThrownBy(() -> type.challenges().next(new ChallengeContext(3,
                TaskSettings.of(Map.of("m", "1024", "n", "1024")), random)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Kafka");
    }

    @Test
    void sameSeedGivesTheSameChallenge() {
        Challenge first = type.challenges().next(ChallengeContext.of(1, new SplittableRandom(77)));
        Challenge second = type.challenges().next(ChallengeContext.of(1, new SplittableRandom(77)));
        assertThat(first).isEqualTo(second);
    }

    @Test
    void anHonestAnswerScoresByLatencyAndAWrongOneScoresZero() throws TaskException {
        String challenge = new GemmChallenge(12345, 64, 64, 256).toJson();
        try (TaskHandler handler = type.handler(TaskSettings.of(Map.of("backend", "cpu-blas")))) {
            assertThat(handler.describe()).containsEntry("backend", "cpu-blas");
            String result = handler.execute(challenge, TaskContext.simple("t1", Long.MAX_VALUE));
            assertThat(type.scorer().score(challenge, new Submission(result, 0, 1000))).isEqualTo(1.0);
            assertThat(type.scorer().score(challenge, new Submission(result, 500, 1000))).isEqualTo(0.75);
            assertThat(type.scorer().score(challenge, new Submission(result, 5000, 1000))).isEqualTo(0.5);

            GemmResult parsed = GemmResult.parse(result);
            float[] wrong = parsed.c().clone();
            for (int j = 0; j < 64; j++) { // a whole wrong row: missed only if a round draws r = 0 (2^-64)
                wrong[64 + j] += 0.5f;
            }
            assertThat(type.scorer().score(challenge,
                    new Submission(new GemmResult(64, 64, wrong).toJson(), 0, 1000))).isZero();
            assertThat(type.scorer().score(challenge,
                    new Submission(new GemmResult(32, 128, parsed.c()).toJson(), 0, 1000))).isZero();
            assertThat(type.scorer().score(challenge, new Submission("{\"m\":64}", 0, 1000))).isZero();
            assertThat(type.scorer().score(challenge, new Submission("not json", 0, 1000))).isZero();
            assertThat(type.scorer().score("{\"seed\":1}", new Submission(result, 0, 1000))).isZero();
        }
    }

    @Test
    void resultsRoundTripBitExactly() {
        float[] c = {1.5f, -0.0f, Float.MIN_VALUE, 3.4028235e38f, -7.25f, 0.1f};
        GemmResult parsed = GemmResult.parse(new GemmResult(2, 3, c).toJson());
        assertThat(parsed.m()).isEqualTo(2);
        assertThat(parsed.n()).isEqualTo(3);
        for (int i = 0; i < c.length; i++) {
            assertThat(Float.floatToRawIntBits(parsed.c()[i])).isEqualTo(Float.floatToRawIntBits(c[i]));
        }
    }

    @Test
    void badChallengesAreRefusedAsSuch() {
        TaskHandler handler = type.handler(TaskSettings.of(Map.of("backend", "naive")));
        for (String bad : new String[] {"", "[]", "{\"seed\":1,\"m\":2,\"n\":2}", "{\"seed\":1,\"m\":0,\"n\":2,\"k\":2}",
                "{\"seed\":1,\"m\":1024,\"n\":1024,\"k\":2}", "{\"seed\":\"x\",\"m\":2,\"n\":2,\"k\":2}",
                "{\"seed\":1,\"m\":99999999999,\"n\":2,\"k\":2}"}) {
            assertThatThrownBy(() -> handler.execute(bad, TaskContext.simple("t", Long.MAX_VALUE)))
                    .as(bad).isInstanceOfSatisfying(TaskException.class,
                            e -> assertThat(e.reason()).isEqualTo(TaskException.BAD_CHALLENGE));
        }
    }

    @Test
    void aHandlerPastItsDeadlineGivesUp() {
        TaskHandler handler = type.handler(TaskSettings.of(Map.of("backend", "naive")));
        assertThatThrownBy(() -> handler.execute(new GemmChallenge(1, 8, 8, 8).toJson(),
                TaskContext.simple("t", System.currentTimeMillis() - 1))).isInstanceOf(TaskException.class);
    }

    @Test
    void aBrokenBackendJarDoesNotTakeTheCpuPathDown(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path services = dir.resolve("META-INF/services");
        java.nio.file.Files.createDirectories(services);
        java.nio.file.Files.writeString(services.resolve(GemmBackendProvider.class.getName()), "com.example.Missing\n");
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()},
                getClass().getClassLoader())) {
            assertThat(GemmBackends.providers(loader)).extracting(GemmBackendProvider::name)
                    .containsSubsequence("cpu-blas", "naive");
            assertThat(GemmBackends.open(TaskSettings.empty(), loader).name()).isEqualTo("cpu-blas");
        }
    }

    @Test
    void anUnknownBackendIsAnError() {
        assertThatThrownBy(() -> type.handler(TaskSettings.of(Map.of("backend", "tpu"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tpu");
    }

    @Property(tries = 100)
    void scoresStayInTheUnitInterval(@ForAll @LongRange(min = 0, max = 10_000_000) long latency,
            @ForAll @LongRange(min = 1, max = 10_000_000) long timeout) {
        String challenge = new GemmChallenge(4, 4, 4, 4).toJson();
        GemmChallenge ch = parse(challenge);
        String result = new GemmResult(4, 4, new NaiveGemmBackend().multiply(4, 4, 4, ch.matrixA(), ch.matrixB()))
                .toJson();
        assertThat(type.scorer().score(challenge, new Submission(result, latency, timeout))).isBetween(0.5, 1.0);
    }

    private static GemmChallenge parse(String json) {
        try {
            return GemmChallenge.parse(json);
        } catch (TaskException e) {
            throw new AssertionError(e);
        }
    }
}
