package net.taonet.sdk.builtin.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import net.taonet.sdk.Challenge;
import net.taonet.sdk.ChallengeContext;
import net.taonet.sdk.ChallengeGenerator;
import net.taonet.sdk.Scorer;
import net.taonet.sdk.Submission;
import net.taonet.sdk.TaskHandler;
import net.taonet.sdk.TaskSettings;
import net.taonet.sdk.TaskType;

/**
 * {@code chat}: text generation for apps. The challenge is an OpenAI chat-completion request (JSON); the
 * worker forwards it to the model server its operator runs ({@link ChatHandler}: vLLM, Ollama, llama.cpp's
 * server, any OpenAI-compatible base URL) and answers {@link ChatResult}. A request with
 * {@code "stream": true} is streamed: each content delta is also emitted as a chunk.
 *
 * <p><b>Scoring by agreement</b> (as BOINC validates): validators send the same prompt, at temperature 0 with
 * a fixed seed, to {@link #QUORUM} or more miners; honest miners running the subnet's model give the same
 * text. Answers are compared after collapsing whitespace. If a strict majority of the parseable answers (at
 * least two) agree, that answer is canonical: its authors get agreement 1, the others 0. Otherwise the round
 * is inconclusive and everyone gets 0.5 (an answer that can't be checked is neither rewarded nor punished as
 * wrong). Then:
 * <pre>
 *   score = 0                                                  when agreement = 0, or the answer is empty/malformed
 *   score = 0.6·agreement + 0.2·(1 − latency/timeout) + 0.2·tps/(tps + 50)   otherwise
 * </pre>
 * where tps is tokens per second, with tokens estimated from the text (4 characters a token) rather than taken
 * from the miner's own count, which it could inflate. A lone answer (an organic request) is inconclusive.
 *
 * <p>Generator settings: {@code model} (default {@code default}), {@code max-tokens} (64), {@code seed} (42),
 * {@code timeout-ms} (30000), {@code prompts} (entries separated by {@code ||}; a built-in set otherwise).
 * Handler settings: see {@link ChatHandler}.
 */
public final class ChatTaskType implements TaskType {

    public static final String NAME = "chat";
    /** Miners a validator asks the same prompt. */
    public static final int QUORUM = 3;
    /** Tokens per second at which the throughput part of the score is one half. */
    public static final double REFERENCE_TOKENS_PER_SECOND = 50;

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final List<String> DEFAULT_PROMPTS = List.of(
            "Name the capital of France in one word.",
            "What is 17 multiplied by 23? Answer with the number only.",
            "Write one sentence explaining what a hash function is.",
            "List the first five prime numbers, separated by commas.",
            "Translate 'good morning' into Spanish.",
            "In one sentence, why is the sky blue?",
            "Give a synonym for 'rapid'.",
            "What does CPU stand for?",
            "Summarise the water cycle in two sentences.",
            "Write a haiku about matrices.",
            "What is the boiling point of water at sea level in Celsius?",
            "Explain recursion to a child in one sentence.");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ChallengeGenerator challenges() {
        return ChatTaskType::challenge;
    }

    @Override
    public Scorer scorer() {
        return new AgreementScorer();
    }

    @Override
    public TaskHandler handler(TaskSettings settings) {
        return new ChatHandler(settings);
    }

    static Challenge challenge(ChallengeContext context) {
        TaskSettings s = context.settings();
        List<String> prompts = s.get("prompts").map(p -> List.of(p.split("\\|\\|"))).orElse(DEFAULT_PROMPTS);
        String prompt = prompts.get(context.random().nextInt(prompts.size())).strip();
        ObjectNode request = JSON.createObjectNode();
        request.put("model", s.get("model", "default"));
        ArrayNode messages = request.putArray("messages");
        messages.addObject().put("role", "user").put("content", prompt);
        request.put("temperature", 0);
        request.put("seed", s.getLong("seed", 42));
        request.put("max_tokens", s.getInt("max-tokens", 64));
        return new Challenge(JSON.writeValueAsString(request), Duration.ofMillis(s.getLong("timeout-ms", 30_000)));
    }

    /** The agreement scorer described on {@link ChatTaskType}. */
    static final class AgreementScorer implements Scorer {

        @Override
        public int quorum() {
            return QUORUM;
        }

        @Override
        public double score(String challenge, Submission submission) {
            return scoreAll(challenge, List.of(submission)).get(0);
        }

        @Override
        public List<Double> scoreAll(String challenge, List<Submission> submissions) {
            List<String> answers = new ArrayList<>(submissions.size());
            Map<String, Integer> votes = new HashMap<>();
            for (Submission s : submissions) {
                String answer = ChatResult.tryParse(s.result()).map(r -> normalise(r.content())).orElse("");
                answers.add(answer);
                if (!answer.isEmpty()) {
                    votes.merge(answer, 1, Integer::sum);
                }
            }
            int valid = votes.values().stream().mapToInt(Integer::intValue).sum();
            String canonical = votes.entrySet().stream()
                    .filter(e -> e.getValue() >= 2 && 2 * e.getValue() > valid)
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            List<Double> scores = new ArrayList<>(submissions.size());
            for (int i = 0; i < submissions.size(); i++) {
                String answer = answers.get(i);
                double agreement = answer.isEmpty() ? 0 : canonical == null ? 0.5 : answer.equals(canonical) ? 1 : 0;
                scores.add(agreement == 0 ? 0.0 : Scorer.clamp(0.6 * agreement
                        + 0.2 * (1 - submissions.get(i).latencyShare())
                        + 0.2 * throughputScore(answer, submissions.get(i).latencyMillis())));
            }
            return scores;
        }

        static String normalise(String text) {
            return text == null ? "" : text.strip().replaceAll("\\s+", " ");
        }

        static double throughputScore(String answer, long latencyMillis) {
            double tokens = Math.ceil(answer.length() / 4.0);
            double tps = tokens / (Math.max(latencyMillis, 1) / 1000.0);
            return tps / (tps + REFERENCE_TOKENS_PER_SECOND);
        }
    }
}
