package net.taonet.gateway.openai;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAI-compatible API app builders already use: {@code GET /v1/models} and
 * {@code POST /v1/chat/completions} (plain and {@code stream: true}), served by the {@code chat} subnets
 * through scoring's organic dispatch. Works with the official clients with only the base URL changed.
 */
@RestController
public class OpenAiController {

    private final ChatModels models;
    private final OrganicDispatch dispatch;

    public OpenAiController(ChatModels models, OrganicDispatch dispatch) {
        this.models = models;
        this.dispatch = dispatch;
    }

    @GetMapping("/v1/models")
    public Mono<Map<String, Object>> listModels() {
        return models.list().map(list -> Map.of("object", "list", "data", list.stream().map(m -> {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("id", m.id());
            model.put("object", "model");
            model.put("created", 0);
            model.put("owned_by", m.name());
            return model;
        }).toList()));
    }

    @PostMapping(value = "/v1/chat/completions", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> chatCompletions(@RequestBody JsonNode request) {
        String model = request.path("model").asString(null);
        if (model == null || model.isBlank()) {
            throw OpenAiError.invalidRequest("model", "you must provide a model parameter");
        }
        JsonNode messages = request.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw OpenAiError.invalidRequest("messages", "messages must be a non-empty array");
        }
        for (JsonNode m : messages) {
            if (!m.path("role").isString() || !(m.path("content").isString() || m.path("content").isArray())) {
                throw OpenAiError.invalidRequest("messages", "each message needs a role and a content");
            }
        }
        Integer netuid = ChatModels.netuidOf(model);
        if (netuid == null) {
            throw OpenAiError.modelNotFound(model);
        }
        boolean stream = request.path("stream").asBoolean(false);
        String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
        long created = Instant.now().getEpochSecond();
        return models.list().flatMap(list -> {
            if (list.stream().noneMatch(m -> m.netuid() == netuid)) {
                return Mono.error(OpenAiError.modelNotFound(model));
            }
            ObjectNode forwarded = ((ObjectNode) request.deepCopy());
            if (!stream) {
                return dispatch.complete(netuid, forwarded)
                        .map(answer -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                                .body((Object) ChatCompletions.completion(id, created, model, answer)));
            }
            Flux<ServerSentEvent<String>> events = Flux.concat(
                    Flux.just(ChatCompletions.roleChunk(id, created, model)),
                    dispatch.stream(netuid, forwarded).map(delta -> ChatCompletions.contentChunk(id, created, model, delta)),
                    Flux.just(ChatCompletions.finalChunk(id, created, model)))
                    .map(chunk -> ServerSentEvent.builder(chunk).build())
                    .concatWith(Flux.just(ServerSentEvent.builder("[DONE]").build()));
            return Mono.just(ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM).body((Object) events));
        });
    }

    @ExceptionHandler(OpenAiError.class)
    public ResponseEntity<OpenAiError.Body> openAiError(OpenAiError e) {
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON).body(e.body());
    }

    @ExceptionHandler(ServerWebInputException.class)
    public ResponseEntity<OpenAiError.Body> unreadable(ServerWebInputException e) {
        OpenAiError error = OpenAiError.invalidRequest(null, "the request body is not valid JSON");
        return ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON).body(error.body());
    }

}
