package net.taonet.sdk.builtin.chat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An in-process OpenAI-compatible model server (the third party at the edge): POST /v1/chat/completions,
 * whole or streamed (SSE), answering with a function of the last user message.
 */
final class FakeModelServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private volatile Function<String, String> answer = prompt -> "You asked: " + prompt;
    private volatile int status = 200;

    FakeModelServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    List<JsonNode> requests() {
        return requests;
    }

    void answer(Function<String, String> answer) {
        this.answer = answer;
    }

    void status(int status) {
        this.status = status;
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        requests.add(request);
        if (status != 200) {
            send(exchange, status, "application/json", "{\"error\":{\"message\":\"overloaded\"}}");
            return;
        }
        JsonNode messages = request.path("messages");
        String prompt = messages.path(messages.size() - 1).path("content").asString("");
        String text = answer.apply(prompt);
        String model = request.path("model").asString("m");
        if (request.path("stream").asBoolean(false)) {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                String[] words = text.split("(?<= )");
                for (String word : words) {
                    ObjectNode chunk = JSON.createObjectNode().put("id", "c1").put("model", model);
                    chunk.putArray("choices").addObject().put("index", 0).putObject("delta").put("content", word);
                    out.write(("data: " + JSON.writeValueAsString(chunk) + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                ObjectNode last = JSON.createObjectNode().put("id", "c1").put("model", model);
                last.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("delta");
                out.write(("data: " + JSON.writeValueAsString(last) + "\n\n").getBytes(StandardCharsets.UTF_8));
                if (request.path("stream_options").path("include_usage").asBoolean(false)) {
                    ObjectNode usage = JSON.createObjectNode().put("id", "c1").put("model", model);
                    usage.putArray("choices");
                    usage.putObject("usage").put("completion_tokens", words.length);
                    out.write(("data: " + JSON.writeValueAsString(usage) + "\n\n").getBytes(StandardCharsets.UTF_8));
                }
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        ObjectNode body = JSON.createObjectNode().put("id", "c1").put("object", "chat.completion").put("model", model);
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", text);
        body.putObject("usage").put("completion_tokens", text.split(" ").length);
        send(exchange, 200, "application/json", JSON.writeValueAsString(body));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
