package net.taonet.sdk.builtin.chat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import net.taonet.sdk.TaskContext;
import net.taonet.sdk.TaskException;
import net.taonet.sdk.TaskHandler;
import net.taonet.sdk.TaskSettings;

/**
 * Forwards a chat challenge (an OpenAI chat-completion request) to the operator's model server: POST
 * {@code <base-url>/chat/completions}. A request with {@code "stream": true} is read as server-sent events
 * and each {@code choices[0].delta.content} is emitted as a chunk; the usage is asked for with
 * {@code stream_options.include_usage}. Everything else in the request passes through untouched.
 *
 * <p>Settings: {@code base-url} (required, e.g. {@code http://localhost:8000/v1} for vLLM,
 * {@code http://localhost:11434/v1} for Ollama, {@code http://localhost:8080/v1} for llama.cpp),
 * {@code model} (when set, replaces the request's model: the name the local server knows the subnet's model
 * by), {@code api-key} (sent as a bearer token when set), {@code connect-timeout-ms} (2000).
 */
public final class ChatHandler implements TaskHandler {

    private final URI endpoint;
    private final String model;
    private final String apiKey;
    private final HttpClient http;

    public ChatHandler(TaskSettings settings) {
        String base = settings.get("base-url").orElseThrow(() -> new IllegalArgumentException(
                "chat needs the model server's base-url (an OpenAI-compatible API, e.g. http://localhost:8000/v1)"));
        this.endpoint = URI.create(base.endsWith("/") ? base + "chat/completions" : base + "/chat/completions");
        this.model = settings.get("model").orElse(null);
        this.apiKey = settings.get("api-key").orElse(null);
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(settings.getLong("connect-timeout-ms", 2_000)))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public String execute(String challenge, TaskContext context) throws TaskException {
        ObjectNode request = parse(challenge);
        boolean stream = request.path("stream").asBoolean(false);
        if (model != null) {
            request.put("model", model);
        }
        if (stream) {
            request.putObject("stream_options").put("include_usage", true);
        }
        long remaining = context.deadlineMillis() - System.currentTimeMillis();
        if (remaining <= 0) {
            throw new TaskException(TaskException.ERROR, "deadline passed before the request");
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofMillis(Math.min(remaining, Integer.MAX_VALUE)))
                .header("Content-Type", "application/json")
                .header("Accept", stream ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ChatTaskType.JSON.writeValueAsString(request)));
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        try {
            return stream ? streamed(builder.build(), context) : whole(builder.build());
        } catch (HttpTimeoutException e) {
            throw new TaskException(TaskException.ERROR, "model server timed out", e);
        } catch (ConnectException e) {
            throw new TaskException(TaskException.ERROR, "model server unreachable at " + endpoint, e);
        } catch (IOException e) {
            throw new TaskException(TaskException.ERROR, "model server I/O: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskException(TaskException.ERROR, "interrupted", e);
        } catch (JacksonException e) {
            throw new TaskException(TaskException.ERROR, "model server answered unreadable JSON", e);
        }
    }

    private String whole(HttpRequest request) throws IOException, InterruptedException, TaskException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        requireOk(response.statusCode(), response.body());
        JsonNode body = ChatTaskType.JSON.readTree(response.body());
        JsonNode choice = body.path("choices").path(0);
        if (!choice.path("message").path("content").isString()) {
            throw new TaskException(TaskException.ERROR, "model server answered no choices[0].message.content");
        }
        return new ChatResult(choice.path("message").path("content").asString(), body.path("model").asString(""),
                choice.path("finish_reason").asString(""), body.path("usage").path("completion_tokens").asInt(0))
                .toJson();
    }

    private String streamed(HttpRequest request, TaskContext context)
            throws IOException, InterruptedException, TaskException {
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = response.body()) {
            if (response.statusCode() != 200) {
                requireOk(response.statusCode(), String.join("\n", lines.limit(20).toList()));
            }
            StringBuilder content = new StringBuilder();
            String responseModel = "";
            String finishReason = "";
            int tokens = 0;
            int chunks = 0;
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (!line.startsWith("data:")) {
                    continue; // blank separators, comments and event names
                }
                String data = line.substring(5).strip();
                if (data.equals("[DONE]")) {
                    break;
                }
                JsonNode event = ChatTaskType.JSON.readTree(data);
                if (event.has("error")) {
                    throw new TaskException(TaskException.ERROR, "model server error: " + event.path("error"));
                }
                responseModel = event.path("model").asString(responseModel);
                JsonNode choice = event.path("choices").path(0);
                String delta = choice.path("delta").path("content").asString("");
                if (!delta.isEmpty()) {
                    content.append(delta);
                    context.emit(delta);
                    chunks++;
                }
                if (choice.path("finish_reason").isString()) {
                    finishReason = choice.path("finish_reason").asString();
                }
                if (event.path("usage").path("completion_tokens").canConvertToInt()) {
                    tokens = event.path("usage").path("completion_tokens").asInt();
                }
                if (context.expired()) {
                    throw new TaskException(TaskException.ERROR, "deadline passed while streaming");
                }
            }
            return new ChatResult(content.toString(), responseModel, finishReason, tokens > 0 ? tokens : chunks)
                    .toJson();
        }
    }

    private static ObjectNode parse(String challenge) throws TaskException {
        try {
            JsonNode node = ChatTaskType.JSON.readTree(challenge);
            if (!(node instanceof ObjectNode request) || !node.path("messages").isArray()
                    || node.path("messages").isEmpty()) {
                throw TaskException.badChallenge("chat challenge must be a chat-completion request with messages");
            }
            return request;
        } catch (JacksonException e) {
            throw TaskException.badChallenge("chat challenge is not JSON: " + e.getOriginalMessage());
        }
    }

    private static void requireOk(int status, String body) throws TaskException {
        if (status != 200) {
            String excerpt = body == null ? "" : body.length() > 300 ? body.substring(0, 300) : body;
            throw new TaskException(TaskException.ERROR, "model server answered HTTP " + status + ": " + excerpt);
        }
    }

    @Override
    public Map<String, String> describe() {
        return model == null ? Map.of("backend", "openai-compatible", "endpoint", endpoint.toString())
                : Map.of("backend", "openai-compatible", "endpoint", endpoint.toString(), "model", model);
    }

    @Override
    public void close() {
        // HttpClient is AutoCloseable only from Java 21; its threads are daemons and go with the worker.
    }
}
