package net.taonet.gateway.openai;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** OpenAI's chat completion and chunk objects, built from what a miner answered. */
final class ChatCompletions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChatCompletions() {
    }

    /**
     * A complete answer. A miner forwards its model server's answer: when that is already a chat completion
     * its choices and usage are kept (with our id and model name), otherwise its text becomes the content.
     */
    static Map<String, Object> completion(String id, long created, String model, String minerAnswer) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("object", "chat.completion");
        out.put("created", created);
        out.put("model", model);
        JsonNode parsed = tryParse(minerAnswer);
        if (parsed != null && parsed.path("choices").isArray()) {
            out.put("choices", parsed.get("choices"));
            out.put("usage", parsed.has("usage") ? parsed.get("usage") : zeroUsage());
            return out;
        }
        String content = parsed != null && parsed.path("content").isString() ? parsed.get("content").asString() : minerAnswer;
        out.put("choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", content),
                "finish_reason", "stop", "logprobs", JSON.nullNode())));
        out.put("usage", zeroUsage());
        return out;
    }

    static String roleChunk(String id, long created, String model) {
        return chunk(id, created, model, Map.of("role", "assistant", "content", ""), null);
    }

    static String contentChunk(String id, long created, String model, String delta) {
        return chunk(id, created, model, Map.of("content", delta), null);
    }

    static String finalChunk(String id, long created, String model) {
        return chunk(id, created, model, Map.of(), "stop");
    }

    private static String chunk(String id, long created, String model, Map<String, Object> delta, String finishReason) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("logprobs", null);
        choice.put("finish_reason", finishReason);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("object", "chat.completion.chunk");
        out.put("created", created);
        out.put("model", model);
        out.put("choices", List.of(choice));
        return JSON.writeValueAsString(out);
    }

    private static Map<String, Object> zeroUsage() {
        return Map.of("prompt_tokens", 0, "completion_tokens", 0, "total_tokens", 0);
    }

    private static JsonNode tryParse(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
