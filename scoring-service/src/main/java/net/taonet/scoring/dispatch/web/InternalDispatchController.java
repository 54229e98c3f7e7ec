package net.taonet.scoring.dispatch.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.taonet.platform.openapi.ProblemResponse;
import net.taonet.platform.problem.ApiProblem;
import net.taonet.scoring.dispatch.domain.OrganicAnswer;
import net.taonet.scoring.dispatch.domain.OrganicDispatcher;
import net.taonet.scoring.dispatch.domain.OrganicRequest;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Organic dispatch for the gateway (docs/contracts.md): internal, guarded by the shared service key.
 * {@code payload} is the task type's challenge JSON, as a string or as a JSON value; {@code result} is the
 * miner's result JSON as a string. The stream sends {@code chunk} events ({@code {"seq","delta"}}), then one
 * {@code result} event with the whole answer, or an {@code error} event with a problem detail.
 */
@Tag(name = "internal dispatch", description = "Organic requests from the gateway to a subnet's miners (service to service)")
@RestController
@RequestMapping("/internal/dispatch")
public class InternalDispatchController implements DisposableBean {

    public static final String SERVICE_KEY_HEADER = "X-Taonet-Service-Key";
    static final long DEFAULT_TIMEOUT_MILLIS = 30_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OrganicDispatcher dispatcher;
    private final byte[] serviceKey;
    private final ExecutorService streams = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "organic-stream");
        t.setDaemon(true);
        return t;
    });

    public InternalDispatchController(OrganicDispatcher dispatcher,
            @Value("${taonet.internal.service-key:local-service-key}") String serviceKey) {
        this.dispatcher = dispatcher;
        this.serviceKey = serviceKey.getBytes(StandardCharsets.UTF_8);
    }

    public record DispatchRequest(String taskType, JsonNode payload, Long timeoutMillis) {
    }

    @Operation(operationId = "dispatch",
        summary = "Dispatch one organic request to a miner of the subnet and wait for its answer",
        requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "example", value = "{\"taskType\":\"chat\",\"payload\":{\"model\":\"sn3-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]},\"timeoutMillis\":30000}"))))
    @ProblemResponse(status = 401, type = "invalid-service-key", detail = "internal endpoints need the X-Taonet-Service-Key header")
    @ProblemResponse(status = 404, type = "unknown-subnet", detail = "subnet 7 does not exist")
    @ProblemResponse(status = 422, type = "wrong-task-type", detail = "subnet 1 runs gemm, not chat")
    @ProblemResponse(status = 503, type = "no-miner-available", detail = "subnet 1 has no miners")
    @ProblemResponse(status = 503, type = "no-miner-answered", detail = "no miner answered (3 attempts)")
    @ProblemResponse(status = 503, type = "no-validator", detail = "this service runs no validator on subnet 1")
    @ProblemResponse(status = 504, type = "dispatch-timeout", detail = "no answer within 30000 ms")
    @PostMapping("/{netuid}")
    public OrganicAnswer dispatch(@PathVariable int netuid, @RequestBody DispatchRequest body,
            @RequestHeader(name = SERVICE_KEY_HEADER, required = false) String key) {
        requireServiceKey(key);
        return dispatcher.dispatch(request(netuid, body), null);
    }

    @Operation(operationId = "dispatchStream",
        summary = "Dispatch one organic request and stream the miner's answer as server-sent events",
        requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "example", value = "{\"taskType\":\"chat\",\"payload\":{\"model\":\"sn3-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]},\"timeoutMillis\":30000}"))))
    @ProblemResponse(status = 401, type = "invalid-service-key", detail = "internal endpoints need the X-Taonet-Service-Key header")
    @ProblemResponse(status = 404, type = "unknown-subnet", detail = "subnet 7 does not exist")
    @ProblemResponse(status = 422, type = "wrong-task-type", detail = "subnet 1 runs gemm, not chat")
    @ProblemResponse(status = 503, type = "no-miner-available", detail = "subnet 1 has no miners")
    @ProblemResponse(status = 503, type = "no-miner-answered", detail = "no miner answered (3 attempts)")
    @ProblemResponse(status = 503, type = "no-validator", detail = "this service runs no validator on subnet 1")
    @ProblemResponse(status = 504, type = "dispatch-timeout", detail = "no answer within 30000 ms")
    @ProblemResponse(status = 503, type = "stream-interrupted", detail = "the miner stopped after streaming part of its answer")
    @PostMapping(path = "/{netuid}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream(@PathVariable int netuid, @RequestBody DispatchRequest body,
            @RequestHeader(name = SERVICE_KEY_HEADER, required = false) String key) {
        requireServiceKey(key);
        OrganicRequest request = request(netuid, body);
        SseEmitter emitter = new SseEmitter(request.timeoutMillis() + 5_000);
        streams.execute(() -> {
            try {
                OrganicAnswer answer = dispatcher.dispatch(request, chunk -> {
                    try {
                        emitter.send(SseEmitter.event().name("chunk")
                                .data(JSON.writeValueAsString(Map.of("seq", chunk.seq(), "delta", chunk.delta())),
                                        MediaType.APPLICATION_JSON));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                emitter.send(SseEmitter.event().name("result").data(JSON.writeValueAsString(answer),
                        MediaType.APPLICATION_JSON));
                emitter.complete();
            } catch (ApiProblem p) {
                sendError(emitter, JSON.writeValueAsString(p.toProblemDetail()));
            } catch (RuntimeException | IOException e) {
                sendError(emitter, JSON.writeValueAsString(Map.of("type", ApiProblem.TYPE_PREFIX + "internal-error",
                        "detail", "the dispatch failed")));
            }
        });
        return emitter;
    }

    private static void sendError(SseEmitter emitter, String data) {
        try {
            emitter.send(SseEmitter.event().name("error").data(data, MediaType.APPLICATION_JSON));
            emitter.complete();
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e);
        }
    }

    private static OrganicRequest request(int netuid, DispatchRequest body) {
        if (body == null || body.taskType() == null || body.payload() == null || body.payload().isNull()) {
            throw ApiProblem.badRequest("invalid-request", "taskType and payload are required");
        }
        String payload = body.payload().isString() ? body.payload().asString() : JSON.writeValueAsString(body.payload());
        long timeout = body.timeoutMillis() == null ? DEFAULT_TIMEOUT_MILLIS : body.timeoutMillis();
        return new OrganicRequest(netuid, body.taskType(), payload, timeout);
    }

    private void requireServiceKey(String key) {
        if (key == null || !MessageDigest.isEqual(serviceKey, key.getBytes(StandardCharsets.UTF_8))) {
            throw ApiProblem.unauthorized("invalid-service-key", "internal endpoints need the " + SERVICE_KEY_HEADER
                    + " header with the shared service key");
        }
    }

    @Override
    public void destroy() {
        streams.shutdownNow();
    }
}
