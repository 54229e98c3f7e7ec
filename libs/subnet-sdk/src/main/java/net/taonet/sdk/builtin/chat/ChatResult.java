package net.taonet.sdk.builtin.chat;

import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A chat answer: {@code {"content":"...","model":"...","finishReason":"stop","completionTokens":12}}.
 * {@code completionTokens} is what the model server reported (0 when it didn't); scorers don't trust it.
 */
public record ChatResult(String content, String model, String finishReason, int completionTokens) {

    public String toJson() {
        ObjectNode node = ChatTaskType.JSON.createObjectNode();
        node.put("content", content);
        node.put("model", model);
        node.put("finishReason", finishReason);
        node.put("completionTokens", completionTokens);
        return ChatTaskType.JSON.writeValueAsString(node);
    }

    public static Optional<ChatResult> tryParse(String json) {
        try {
            JsonNode node = ChatTaskType.JSON.readTree(json);
            if (node == null || !node.path("content").isString()) {
                return Optional.empty();
            }
            return Optional.of(new ChatResult(node.path("content").asString(), node.path("model").asString(""),
                    node.path("finishReason").asString(""), node.path("completionTokens").asInt(0)));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
