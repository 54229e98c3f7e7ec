package net.taonet.gateway.openai;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "openai", description = "OpenAI-compatible API served by the chat subnets (needs an API key)")
@RestController
public class OpenAiController {

    private final ChatModels models;
    private final OrganicDispatch dispatch;

    public OpenAiController(ChatModels models, OrganicDispatch dispatch) {
        this.models = models;
        this.dispatch = dispatch;
    }

    @Operation(operationId = "listModels", summary = "The models: one per chat subnet")
    @ApiResponse(responseCode = "200", description = "the models", content = @Content(mediaType = "application/json",
        examples = @ExampleObject(name = "models", value = "{\"object\":\"list\",\"data\":[{\"id\":\"sn3-chat\",\"object\":\"model\",\"created\":0,\"owned_by\":\"chat subnet 3\"}]}")))
    @ApiResponse(responseCode = "401", description = "OpenAI error object: no API key, or an unknown or revoked one", content = @Content(mediaType = "application/json",
        examples = @ExampleObject(name = "invalid_api_key", value = "{\"error\": {\"message\": \"an API key is required (Authorization: Bearer <key>)\", \"type\": \"invalid_request_error\", \"param\": null, \"code\": \"invalid_api_key\"}}")))
    @ApiResponse(responseCode = "429", description = "OpenAI error object: the key is over its rate limit (rate_limit_exceeded) or monthly quota (insufficient_quota); with Retry-After", content = @Content(mediaType = "application/json",
        examples = @ExampleObject(name = "rate_limit_exceeded", value = "{\"error\": {\"message\": \"this API key is over its rate limit\", \"type\": \"requests\", \"param\": null, \"code\": \"rate_limit_exceeded\"}}")))
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

    @Operation(operationId = "createChatCompletion",
        summary = "Chat completion from a miner of the model's subnet (stream: true answers server-sent events)",
        requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "example", value = "{\"model\":\"sn3-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],\"stream\":false}"))))
    @ApiResponse(responseCode = "200", description = "the completion (or, with stream: true, chat.completion.chunk events ending in [DONE])", content = @Content(mediaType = "application/json",
        examples = @ExampleObject(name = "completion", value = "{\"id\":\"chatcmpl-3f1c…\",\"object\":\"chat.completion\",\"created\":1796680000,\"model\":\"sn3-chat\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello! How can I help?\"},\"finish_reason\":\"stop\"}]}")))
    @ApiResponse(responseCode = "400", description = "OpenAI error object: the request is not valid", content = @Content(mediaType = "application/json",
        examples = @ExampleObject(name = "invalid_request_error", value = "{\"error\": {\"message\": \"you must provide a model parameter\", \"type\": \"invalid_request_error\", \"param\": \"model\", \"code\": null}}")))
    @ApiResponse(responseCode = "401", description = "OpenAI error object: no API key, or an unknown or revoked one", content = @Content(mediaType = "application/json",
        examples = @ExampleObject(name = "invalid_api_key", value = "{\"error\": {\"message\": \"an API key is required (Authorization: Bearer <key>)\", \"type\": \"invalid_request_error\", \"param\": null, \"code\": \"invalid_api_key\"}}")))
    @ApiResponse(responseCode = "404", description = "OpenAI error object: no chat subnet serves that model", content = @Content(mediaType = "application/json",
        examples = @ExampleObject(name = "model_not_found", value = "{\"error\": {\"message\": \"The model `sn9-chat` does not exist\", \"type\": \"invalid_request_error\", \"param\": \"model\", \"code\": \"model_not_found\"}}")))
    @ApiResponse(responseCode = "429", description = "OpenAI error object: the key is over its rate limit (rate_limit_exceeded) or monthly quota (insufficient_quota); with Retry-After", content = @Content(mediaType = "application/json",
        examples = @ExampleObject(name = "rate_limit_exceeded", value = "{\"error\": {\"message\": \"this API key is over its rate limit\", \"type\": \"requests\", \"param\": null, \"code\": \"rate_limit_exceeded\"}}")))
    @ApiResponse(responseCode = "503", description = "OpenAI error object: no miner could answer", content = @Content(mediaType = "application/json",
        examples = @ExampleObject(name = "service_unavailable", value = "{\"error\": {\"message\": \"no miner could answer right now\", \"type\": \"server_error\", \"param\": null, \"code\": \"service_unavailable\"}}")))
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
