package net.taonet.sdk.builtin.gemm;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import net.taonet.sdk.Challenge;
import net.taonet.sdk.ChallengeContext;
import net.taonet.sdk.ChallengeGenerator;
import net.taonet.sdk.Scorer;
import net.taonet.sdk.Submission;
import net.taonet.sdk.TaskContext;
import net.taonet.sdk.TaskException;
import net.taonet.sdk.TaskHandler;
import net.taonet.sdk.TaskSettings;
import net.taonet.sdk.TaskType;

/**
 * {@code gemm}: verifiable compute. The challenge is (seed, m, n, k) ({@link GemmChallenge}); the worker
 * derives A and B from the seed with {@link SplitMix64}, multiplies them on its best backend (cuBLAS when a
 * GPU is there, else a CPU BLAS) and returns C ({@link GemmResult}); the validator checks C with
 * {@link Freivalds} in O(n²) and scores correctness first, then speed:
 * <pre>  score = 0 when C is wrong, malformed or the wrong shape;  else 0.5 + 0.5 · (1 − latency / timeout)</pre>
 *
 * <p>Generator settings: {@code m} and {@code n} (default 256), {@code k-min}/{@code k-max} (default
 * 256/2048, k drawn uniformly), {@code timeout-ms} (default 10000). Scorer: {@code rounds} of Freivalds
 * ({@value Freivalds#DEFAULT_ROUNDS}). Handler settings: {@code backend} (see {@link GemmBackends}),
 * {@code threads}.
 */
public final class GemmTaskType implements TaskType {

    public static final String NAME = "gemm";

    private final int rounds;

    public GemmTaskType() {
        this(Freivalds.DEFAULT_ROUNDS);
    }

    public GemmTaskType(int rounds) {
        this.rounds = rounds;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ChallengeGenerator challenges() {
        return GemmTaskType::challenge;
    }

    @Override
    public Scorer scorer() {
        return new GemmScorer(rounds);
    }

    @Override
    public TaskHandler handler(TaskSettings settings) {
        return new GemmHandler(GemmBackends.open(settings));
    }

    static Challenge challenge(ChallengeContext context) {
        TaskSettings s = context.settings();
        int m = s.getInt("m", 256);
        int n = s.getInt("n", 256);
        int kMin = s.getInt("k-min", 256);
        int kMax = Math.max(kMin, s.getInt("k-max", 2048));
        int k = kMin == kMax ? kMin : context.random().nextInt(kMin, kMax + 1);
        GemmChallenge challenge = new GemmChallenge(context.random().nextLong(), m, n, k);
        return new Challenge(challenge.toJson(), Duration.ofMillis(s.getLong("timeout-ms", 10_000)));
    }

    /** Verifies with fresh, unpredictable Freivalds vectors: a miner must not know which ones are coming. */
    static final class GemmScorer implements Scorer {
        private static final SecureRandom SEEDS = new SecureRandom();
        private final int rounds;

        GemmScorer(int rounds) {
            this.rounds = rounds;
        }

        @Override
        public double score(String challenge, Submission submission) {
            return score(challenge, submission, new SplittableRandom(SEEDS.nextLong()));
        }

        double score(String challenge, Submission submission, RandomGenerator random) {
            GemmChallenge ch;
            GemmResult result;
            try {
                ch = GemmChallenge.parse(challenge);
                result = GemmResult.parse(submission.result());
            } catch (TaskException | IllegalArgumentException e) {
                return 0;
            }
            if (result.m() != ch.m() || result.n() != ch.n()) {
                return 0;
            }
            if (!Freivalds.verify(ch, result.c(), rounds, random).ok()) {
                return 0;
            }
            return Scorer.clamp(0.5 + 0.5 * (1 - submission.latencyShare()));
        }
    }

    static final class GemmHandler implements TaskHandler {
        private final GemmBackend backend;

        GemmHandler(GemmBackend backend) {
            this.backend = backend;
        }

        @Override
        public String execute(String challenge, TaskContext context) throws TaskException {
            GemmChallenge ch = GemmChallenge.parse(challenge);
            float[] a = ch.matrixA();
            float[] b = ch.matrixB();
            if (context.expired()) {
                throw new TaskException(TaskException.ERROR, "deadline passed before the product");
            }
            float[] c;
            try {
                c = backend.multiply(ch.m(), ch.n(), ch.k(), a, b);
            } catch (RuntimeException | OutOfMemoryError e) {
                throw TaskException.error("gemm on " + backend.name() + " failed: " + e.getMessage(), e);
            }
            return new GemmResult(ch.m(), ch.n(), c).toJson();
        }

        @Override
        public Map<String, String> describe() {
            return backend.describe();
        }

        @Override
        public void close() {
            backend.close();
        }
    }
}
