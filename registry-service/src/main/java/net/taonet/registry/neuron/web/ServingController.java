package net.taonet.registry.neuron.web;

import java.util.List;
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

    @GetMapping("/{netuid}")
    public ServingList ofSubnet(@PathVariable int netuid) {
        return new ServingList(netuid, serving.ofSubnet(netuid));
    }

    @GetMapping("/{netuid}/{hotkey}")
    public Serving one(@PathVariable int netuid, @PathVariable String hotkey) {
        Addresses.require(hotkey, "hotkey");
        return serving.ofSubnet(netuid).stream().filter(s -> s.hotkey().equals(hotkey)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("no-serving", "hotkey " + hotkey + " has no serving metadata on subnet " + netuid));
    }
}
