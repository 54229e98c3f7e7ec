package net.taonet.testsupport;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A running service's OpenAPI documents, as springdoc generates them: fetched from {@code /v3/api-docs/<group>},
 * kept under {@code target/openapi/} for the build's linter ({@code tools/openapi-lint}), and checked for what
 * the linter cannot see: every operation documents at least one 4xx, and every error response carries an
 * example problem body.
 */
public final class OpenApiDocuments {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiDocuments() {
    }

    /**
     * Fetches the group's document and writes it to {@code target/openapi/<file>.json} (relative to the
     * module the tests run in). Returns the document.
     */
    public static String write(String baseUrl, String group, String file) {
        String json = fetch(baseUrl + "/v3/api-docs/" + group);
        try {
            Path out = Path.of("target", "openapi", file + ".json");
            Files.createDirectories(out.getParent());
            Files.writeString(out, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return json;
    }

    public static String fetch(String url) {
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The operations ({@code METHOD path}) that break the documentation rules: no 4xx response, an error
     * response without an example body, or a request body without an example. Empty when all is well.
     */
    @SuppressWarnings("unchecked")
    public static List<String> undocumented(String json) {
        Map<String, Object> paths = JsonPath.parse(json).read("$.paths", Map.class);
        List<String> faults = new ArrayList<>();
        if (paths.isEmpty()) {
            faults.add("the document has no operations");
        }
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, op) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            String name = method.toUpperCase() + " " + path;
            Map<String, Object> operation = (Map<String, Object>) op;
            Map<String, Object> responses = (Map<String, Object>) operation.getOrDefault("responses", Map.of());
            if (responses.keySet().stream().noneMatch(code -> code.startsWith("4"))) {
                faults.add(name + ": no 4xx response");
            }
            responses.forEach((code, response) -> {
                if ((code.startsWith("4") || code.startsWith("5")) && !hasExample((Map<String, Object>) response)) {
                    faults.add(name + ": response " + code + " has no example");
                }
            });
            Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
            if (body != null && !hasExample(body)) {
                faults.add(name + ": request body has no example");
            }
        }));
        return faults;
    }

    @SuppressWarnings("unchecked")
    private static boolean hasExample(Map<String, Object> withContent) {
        Map<String, Object> content = (Map<String, Object>) withContent.getOrDefault("content", Map.of());
        return content.values().stream().map(m -> (Map<String, Object>) m)
                .anyMatch(m -> m.containsKey("example") || (m.get("examples") instanceof Map<?, ?> e && !e.isEmpty()));
    }
}
