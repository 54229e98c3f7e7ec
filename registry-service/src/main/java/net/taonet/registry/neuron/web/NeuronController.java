package net.taonet.registry.neuron.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.taonet.platform.chain.BlockClock;
import net.taonet.platform.openapi.ProblemResponse;
import net.taonet.platform.problem.ApiProblem;
import net.taonet.platform.security.SignedRequest;
import net.taonet.platform.security.VerifiedSigner;
import net.taonet.registry.common.Addresses;
import net.taonet.registry.idempotency.domain.Answer;
import net.taonet.registry.neuron.domain.Neuron;
import net.taonet.registry.neuron.domain.NeuronRegistrationService;
import net.taonet.registry.neuron.domain.NeuronRegistrationService.Registration;
import net.taonet.registry.neuron.domain.NeuronRepository;
import net.taonet.registry.neuron.domain.Serving;
import net.taonet.registry.neuron.domain.ServingRepository;
import net.taonet.registry.neuron.web.NeuronViews.HotkeyNeurons;
import net.taonet.registry.neuron.web.NeuronViews.NeuronList;
import net.taonet.registry.neuron.web.NeuronViews.NeuronView;
import net.taonet.registry.neuron.web.NeuronViews.RegisterRequest;
import net.taonet.registry.subnet.domain.Subnet;
import net.taonet.registry.subnet.domain.SubnetService;
import net.taonet.registry.subnet.web.SubnetController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "neurons", description = "Neurons: registration by burn, UIDs, hotkeys")
@RestController
public class NeuronController {

    private final NeuronRegistrationService registrations;
    private final SubnetService subnets;
    private final NeuronRepository neurons;
    private final ServingRepository serving;
    private final BlockClock clock;

    public NeuronController(NeuronRegistrationService registrations, SubnetService subnets, NeuronRepository neurons,
            ServingRepository serving, BlockClock clock) {
        this.registrations = registrations;
        this.subnets = subnets;
        this.neurons = neurons;
        this.serving = serving;
        this.clock = clock;
    }

    @Operation(operationId = "registerNeuron",
        summary = "Register a hotkey on a subnet; the signing coldkey pays the burn price",
        requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "example", value = "{\"hotkey\":\"5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty\",\"maxPriceRao\":2000000000}"))))
    @ApiResponse(responseCode = "201", description = "the UID taken (replacedHotkey set when it replaced a pruned neuron)")
    @ProblemResponse(status = 400, type = "invalid-address", detail = "hotkey is not an SS58 address")
    @ProblemResponse(status = 400, type = "invalid-amount", detail = "maxPriceRao must be positive")
    @ProblemResponse(status = 403, type = "hotkey-owned-by-another-coldkey", detail = "hotkey 5FHn… belongs to coldkey 5Grw…")
    @ProblemResponse(status = 404, type = "unknown-subnet", detail = "no subnet 7")
    @ProblemResponse(status = 409, type = "hotkey-already-registered", detail = "hotkey 5FHn… already holds UID 3 (with uid)")
    @ProblemResponse(status = 409, type = "registration-disabled", detail = "registration on subnet 1 is switched off")
    @ProblemResponse(status = 409, type = "subnet-full", detail = "subnet 1 is full and every neuron is protected")
    @ProblemResponse(status = 422, type = "price-above-limit", detail = "the registration price is 1260000000 rao, above maxPriceRao 1000000000 (with priceRao, limitRao)")
    @ProblemResponse(status = 400, type = "invalid-idempotency-key", detail = "the Idempotency-Key header must be 1 to 128 printable characters")
    @ProblemResponse(status = 409, type = "idempotency-key-reused", detail = "the Idempotency-Key was already used for another request")
    @ProblemResponse(status = 422, type = "insufficient-balance", detail = "the coldkey holds less than the charge")
    @ProblemResponse(status = 422, type = "existential-deposit", detail = "the charge would leave the coldkey below the existential deposit")
    @ProblemResponse(status = 503, type = "ledger-unavailable", detail = "the ledger did not answer; the charge is retried or reconciled (with requestId)")
    @ProblemResponse(status = 503, type = "charge-reconciled", detail = "the charge was refunded by reconciliation; try again")
    @ProblemResponse(status = 503, type = "registry-busy", detail = "too many paying requests in progress; try again shortly")
    @SignedRequest
    @PostMapping("/api/v1/subnets/{netuid}/neurons")
    public ResponseEntity<Registration> register(@PathVariable int netuid, @RequestBody RegisterRequest body,
            VerifiedSigner signer,
            @RequestHeader(name = SubnetController.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        Answer<Registration> answer = registrations.register(netuid, body.hotkey(), body.maxPriceRao(),
                signer.address(), idempotencyKey);
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(SubnetController.REPLAYED_HEADER, Boolean.toString(answer.replayed()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(answer.body());
    }

    @Operation(operationId = "listNeurons", summary = "A subnet's neurons (its UIDs)")
    @ProblemResponse(status = 400, type = "invalid-netuid", detail = "netuid must be between 0 and 65535")
    @ProblemResponse(status = 404, type = "unknown-subnet", detail = "no subnet 7")
    @GetMapping("/api/v1/subnets/{netuid}/neurons")
    public NeuronList list(@PathVariable int netuid) {
        Subnet s = subnets.get(netuid);
        long block = clock.currentBlock();
        Map<String, Long> stakes = neurons.stakes(netuid);
        Map<Integer, Serving> served = servingOf(netuid);
        List<NeuronView> views = neurons.ofSubnet(netuid).stream()
                .map(n -> NeuronViews.view(s, n, block, stakes, served)).toList();
        return new NeuronList(netuid, block, s.hyperparameters().maxAllowedUids(), views);
    }

    @Operation(operationId = "getNeuron", summary = "One UID of a subnet")
    @ProblemResponse(status = 404, type = "unknown-subnet", detail = "no subnet 7")
    @ProblemResponse(status = 404, type = "unknown-uid", detail = "subnet 1 has no UID 9")
    @GetMapping("/api/v1/subnets/{netuid}/neurons/{uid}")
    public NeuronView one(@PathVariable int netuid, @PathVariable int uid) {
        Subnet s = subnets.get(netuid);
        Neuron n = neurons.find(netuid, uid).orElseThrow(() -> ApiProblem.notFound("unknown-uid",
                "subnet " + netuid + " has no UID " + uid));
        return NeuronViews.view(s, n, clock.currentBlock(), Map.of(n.hotkey(), neurons.stake(netuid, n.hotkey())),
                servingOf(netuid));
    }

    /** A hotkey's UIDs across subnets (an empty list if it holds none). */
    @Operation(operationId = "getHotkeyNeurons", summary = "Every UID a hotkey holds, on any subnet")
    @ProblemResponse(status = 400, type = "invalid-address", detail = "hotkey is not an SS58 address")
    @GetMapping("/api/v1/neurons/{hotkey}")
    public HotkeyNeurons ofHotkey(@PathVariable String hotkey) {
        Addresses.require(hotkey, "hotkey");
        long block = clock.currentBlock();
        List<NeuronView> views = neurons.ofHotkey(hotkey).stream().map(n -> {
            Subnet s = subnets.get(n.netuid());
            return NeuronViews.view(s, n, block, Map.of(hotkey, neurons.stake(n.netuid(), hotkey)), servingOf(n.netuid()));
        }).toList();
        return new HotkeyNeurons(hotkey, neurons.ownerOf(hotkey).orElse(null), views);
    }

    private Map<Integer, Serving> servingOf(int netuid) {
        return serving.ofSubnet(netuid).stream().collect(Collectors.toMap(Serving::uid, Function.identity()));
    }
}
