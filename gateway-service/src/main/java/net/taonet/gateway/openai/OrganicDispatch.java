package net.taonet.gateway.openai;

import java.util.Map;
import net.taonet.gateway.upstream.Upstreams;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends an app's chat request to scoring's organic dispatch (docs/contracts.md), which picks a miner by
 * incentive and fails over to the next one; this class only translates to and from OpenAI's shapes.
 */
@Component
public class OrganicDispatch {

    static final long TIMEOUT_MILLIS = 60_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Upstreams upstreams;

    public OrganicDispatch(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    /** The whole answer of one miner. */
    public Mono<String> complete(int netuid, ObjectNode request) {
        request.put("stream", false);
        return upstreams.scoring().post().uri("/internal/dispatch/{netuid}", netuid)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body(request))
                .retrieve().bodyToMono(JsonNode.class)
                .map(answer -> answer.path("result").asString(""))
                .onErrorMap(WebClientResponseException.class, OrganicDispatch::translate)
                .onErrorMap(e -> !(e instanceof OpenAiError), e -> OpenAiError.unavailable("no miner could answer"));
    }

    /** The answer as it is generated: the text deltas, in order. */
    public Flux<String> stream(int netuid, ObjectNode request) {
        request.put("stream", true);
        return upstreams.scoring().post().uri("/internal/dispatch/{netuid}/stream", netuid)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue(body(request))
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .takeWhile(event -> !"result".equals(event.event()) && !"[DONE]".equals(event.data()))
                .handle((event, sink) -> {
                    if ("error".equals(event.event())) {
                        sink.error(OpenAiError.unavailable("the miner failed: " + event.data()));
                    } else if (event.data() != null) {
                        sink.next(delta(event.data()));
                    }
                })
                .map(Object::toString)
                .onErrorMap(WebClientResponseException.class, OrganicDispatch::translate);
    }

    private static Map<String, Object> body(ObjectNode request) {
        return Map.of("taskType", "chat", "payload", JSON.writeValueAsString(request), "timeoutMillis", TIMEOUT_MILLIS);
    }

    /** A chunk event carries {@code {"seq": n, "delta": "..."}} or the bare delta text. */
    static String delta(String data) {
        try {
            JsonNode node = JSON.readTree(data);
            if (node != null && node.isObject() && node.has("delta")) {
                return node.get("delta").asString("");
            }
        } catch (RuntimeException ignored) {
            // not JSON: the data is the delta itself
        }
        return data;
    }

    private static OpenAiError translate(WebClientResponseException e) {
        if (e.getStatusCode().value() == 404) {
            return new OpenAiError(org.springframework.http.HttpStatus.NOT_FOUND, "invalid_request_error",
                    "model_not_found", "model", "no subnet serves this model");
        }
        if (e.getStatusCode().is4xxClientError()) {
            return OpenAiError.invalidRequest(null, "the request was refused: " + e.getResponseBodyAsString());
        }
        return OpenAiError.unavailable("no miner could answer right now");
    }
}
