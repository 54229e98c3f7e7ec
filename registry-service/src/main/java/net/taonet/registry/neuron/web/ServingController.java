package net.taonet.registry.neuron.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import net.taonet.platform.openapi.ProblemResponse;
import net.taonet.platform.problem.ApiProblem;
import net.taonet.platform.security.SignedRequest;
import net.taonet.platform.security.VerifiedSigner;
import net.taonet.registry.common.Addresses;
import net.taonet.registry.neuron.domain.Serving;
import net.taonet.registry.neuron.domain.ServingService;
import net.taonet.registry.neuron.domain.ServingService.ServeRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "serving", description = "What a miner serves: accelerator, task types, endpoint")
@RestController
@RequestMapping("/api/v1/serving")
public class ServingController {

    private final ServingService serving;

    public ServingController(ServingService serving) {
        this.serving = serving;
    }

    /**
     * The body of docs/contracts.md ("Workers and the registry"); {@code netuid}, {@code uid} and {@code hotkey}
     * may repeat the path, and must then agree with it.
     */
    public record ServeBody(Integer netuid, Integer uid, String hotkey, String accelerator, Long memoryMib,
            List<Serving.TaskTypeInfo> taskTypes, String version, String endpoint) {
    }

    public record ServingList(int netuid, List<Serving> serving) {
    }

    @Operation(operationId = "setServing",
        summary = "Publish a hotkey's serving metadata (signed by that hotkey)",
        requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "example", value = "{\"accelerator\":\"NVIDIA H100\",\"memoryMib\":81559,\"taskTypes\":[{\"name\":\"gemm\",\"version\":\"1\",\"backend\":\"cublas\"}],\"version\":\"0.1.0\",\"endpoint\":\"http://10.0.0.5:8090\"}"))))
    @ProblemResponse(status = 400, type = "invalid-serving", detail = "endpoint must be an http(s) URL")
    @ProblemResponse(status = 400, type = "invalid-address", detail = "hotkey is not an SS58 address")
    @ProblemResponse(status = 403, type = "not-owner", detail = "serving metadata is signed by the hotkey itself")
    @ProblemResponse(status = 404, type = "unknown-subnet", detail = "no subnet 7")
    @ProblemResponse(status = 404, type = "not-registered", detail = "hotkey 5FHn… holds no UID on subnet 1")
    @ProblemResponse(status = 429, type = "serving-rate-limited", detail = "serving metadata may change again at block 1300 (with nextAllowedBlock)")
    @SignedRequest
    @PutMapping("/{netuid}/{hotkey}")
    public Serving serve(@PathVariable int netuid, @PathVariable String hotkey, @RequestBody ServeBody body,
            VerifiedSigner signer) {
        if ((body.netuid() != null && body.netuid() != netuid) || (body.hotkey() != null && !body.hotkey().equals(hotkey))) {
            throw ApiProblem.badRequest("invalid-serving", "netuid and hotkey in the body must match the path");
        }
        // a uid in the body is informational: the answer carries the UID the hotkey holds now
        return serving.serve(netuid, hotkey, new ServeRequest(body.accelerator(), body.memoryMib(),
                body.taskTypes(), body.version(), body.endpoint()), signer.address());
    }

    @Operation(operationId = "listServing", summary = "Serving metadata of every UID of a subnet")
    @ProblemResponse(status = 404, type = "unknown-subnet", detail = "no subnet 7")
    @GetMapping("/{netuid}")
    public ServingList ofSubnet(@PathVariable int netuid) {
        return new ServingList(netuid, serving.ofSubnet(netuid));
    }

    @Operation(operationId = "getServing", summary = "Serving metadata of one hotkey on a subnet")
    @ProblemResponse(status = 400, type = "invalid-address", detail = "hotkey is not an SS58 address")
    @ProblemResponse(status = 404, type = "unknown-subnet", detail = "no subnet 7")
    @ProblemResponse(status = 404, type = "no-serving", detail = "hotkey 5FHn… has published no serving metadata on subnet 1")
    @GetMapping("/{netuid}/{hotkey}")
    public Serving one(@PathVariable int netuid, @PathVariable String hotkey) {
        Addresses.require(hotkey, "hotkey");
        return serving.ofSubnet(netuid).stream().filter(s -> s.hotkey().equals(hotkey)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("no-serving", "hotkey " + hotkey + " has no serving metadata on subnet " + netuid));
    }
}
