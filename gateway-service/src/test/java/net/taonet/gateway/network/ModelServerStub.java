package net.taonet.gateway.network;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The third party at the edge: an in-process OpenAI-compatible model server for the worker's chat task
 * type, answering "Echo: &lt;last user message&gt;", whole or as server-sent events, one word a chunk.
 */
public final class ModelServerStub implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    public ModelServerStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    /** The base URL the way OpenAI-compatible servers are configured ({@code …/v1}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public static String answerTo(String prompt) {
        return "Echo: " + prompt;
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        JsonNode messages = request.path("messages");
        String text = answerTo(messages.path(messages.size() - 1).path("content").asString(""));
        if (request.path("stream").asBoolean(false)) {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (String word : text.split("(?<= )")) {
                    ObjectNode chunk = JSON.createObjectNode().put("model", "stub").put("object", "chat.completion.chunk");
                    chunk.putArray("choices").addObject().put("index", 0).putObject("delta").put("content", word);
                    out.write(("data: " + JSON.writeValueAsString(chunk) + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        ObjectNode body = JSON.createObjectNode().put("model", "stub").put("object", "chat.completion");
        body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                .putObject("message").put("role", "assistant").put("content", text);
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
