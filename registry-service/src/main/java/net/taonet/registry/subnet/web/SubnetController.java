package net.taonet.registry.subnet.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import net.taonet.identity.RequestVerifier;
import net.taonet.identity.SignatureException;
import net.taonet.identity.SignedRequests;
import net.taonet.platform.chain.BlockClock;
import net.taonet.platform.chain.EpochSchedule;
import net.taonet.platform.openapi.ProblemResponse;
import net.taonet.platform.problem.ApiProblem;
import net.taonet.platform.security.SignedRequest;
import net.taonet.platform.security.SignedRequestBodyFilter;
import net.taonet.platform.security.VerifiedSigner;
import net.taonet.registry.RegistryProperties;
import net.taonet.registry.idempotency.domain.Answer;
import net.taonet.registry.neuron.domain.NeuronRepository;
import net.taonet.registry.subnet.domain.Subnet;
import net.taonet.registry.subnet.domain.SubnetService;
import net.taonet.registry.subnet.domain.SubnetService.Created;
import net.taonet.registry.subnet.domain.SubnetService.CreateSubnet;
import net.taonet.registry.subnet.web.SubnetViews.CreateSubnetRequest;
import net.taonet.registry.subnet.web.SubnetViews.HyperparameterChanged;
import net.taonet.registry.subnet.web.SubnetViews.HyperparametersView;
import net.taonet.registry.subnet.web.SubnetViews.RegistrationPriceView;
import net.taonet.registry.subnet.web.SubnetViews.SetHyperparameter;
import net.taonet.registry.subnet.web.SubnetViews.SubnetList;
import net.taonet.registry.subnet.web.SubnetViews.SubnetView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "subnets", description = "Subnets: creation, hyperparameters, registration price")
@RestController
@RequestMapping("/api/v1/subnets")
public class SubnetController {

    public static final String ADMIN_KEY_HEADER = "X-Taonet-Admin-Key";
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final SubnetService subnets;
    private final NeuronRepository neurons;
    private final BlockClock clock;
    private final RequestVerifier verifier;
    private final RegistryProperties props;

    public SubnetController(SubnetService subnets, NeuronRepository neurons, BlockClock clock, RequestVerifier verifier,
            RegistryProperties props) {
        this.subnets = subnets;
        this.neurons = neurons;
        this.clock = clock;
        this.verifier = verifier;
        this.props = props;
    }

    @Operation(operationId = "createSubnet",
        summary = "Create a subnet; the signing coldkey pays the lock cost",
        requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "example", value = "{\"ownerHotkey\":\"5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty\",\"taskType\":\"gemm\",\"identity\":{\"name\":\"matmul\",\"description\":\"dense GEMM on GPUs\",\"url\":\"https://example.org\",\"contact\":\"ops@example.org\"},\"maxLockRao\":200000000000}"))))
    @ApiResponse(responseCode = "201", description = "the subnet, created; Idempotent-Replayed: true when answered again for the same Idempotency-Key")
    @ProblemResponse(status = 400, type = "invalid-address", detail = "hotkey is not an SS58 address")
    @ProblemResponse(status = 400, type = "invalid-task-type", detail = "unknown task type: fft")
    @ProblemResponse(status = 400, type = "invalid-identity", detail = "identity.name must be 1 to 64 characters")
    @ProblemResponse(status = 400, type = "invalid-amount", detail = "maxLockRao must be positive")
    @ProblemResponse(status = 403, type = "hotkey-owned-by-another-coldkey", detail = "hotkey 5FHn… belongs to coldkey 5Grw…")
    @ProblemResponse(status = 409, type = "subnet-limit-reached", detail = "the network holds its maximum of 32 subnets")
    @ProblemResponse(status = 422, type = "price-above-limit", detail = "the lock cost is 220000000000 rao, above maxLockRao 200000000000 (with priceRao, limitRao)")
    @ProblemResponse(status = 429, type = "subnet-creation-rate-limited", detail = "one subnet creation per 7200 blocks (with nextAllowedBlock)")
    @ProblemResponse(status = 400, type = "invalid-idempotency-key", detail = "the Idempotency-Key header must be 1 to 128 printable characters")
    @ProblemResponse(status = 409, type = "idempotency-key-reused", detail = "the Idempotency-Key was already used for another request")
    @ProblemResponse(status = 422, type = "insufficient-balance", detail = "the coldkey holds less than the charge")
    @ProblemResponse(status = 422, type = "existential-deposit", detail = "the charge would leave the coldkey below the existential deposit")
    @ProblemResponse(status = 503, type = "ledger-unavailable", detail = "the ledger did not answer; the charge is retried or reconciled (with requestId)")
    @ProblemResponse(status = 503, type = "charge-reconciled", detail = "the charge was refunded by reconciliation; try again")
    @ProblemResponse(status = 503, type = "registry-busy", detail = "too many paying requests in progress; try again shortly")
    @SignedRequest
    @PostMapping
    public ResponseEntity<Created> create(@RequestBody CreateSubnetRequest body, VerifiedSigner signer,
            @RequestHeader(name = IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        Answer<Created> answer = subnets.create(new CreateSubnet(body.ownerColdkey(), body.ownerHotkey(),
                body.taskType(), body.identity(), body.maxLockRao()), signer.address(), idempotencyKey);
        return created(answer);
    }

    @Operation(operationId = "listSubnets", summary = "All subnets, with the lock cost now")
    @GetMapping
    public SubnetList list() {
        long block = clock.currentBlock();
        long lockCost = subnets.lockTerms().lockCostRao();
        Map<Integer, Integer> counts = neurons.counts();
        return new SubnetList(block, lockCost, subnets.all().stream()
                .map(s -> view(s, counts.getOrDefault(s.netuid(), 0), lockCost, block)).toList());
    }

    @Operation(operationId = "getSubnet", summary = "One subnet: owner, hyperparameters, neuron count, prices, next epoch")
    @ProblemResponse(status = 400, type = "invalid-netuid", detail = "netuid must be between 0 and 65535")
    @ProblemResponse(status = 404, type = "unknown-subnet", detail = "no subnet 7")
    @GetMapping("/{netuid}")
    public SubnetView show(@PathVariable int netuid) {
        Subnet s = subnets.get(netuid);
        long block = clock.currentBlock();
        return view(s, neurons.count(netuid), subnets.lockTerms().lockCostRao(), block);
    }

    @Operation(operationId = "getHyperparameters", summary = "A subnet's hyperparameters and the rules for changing each")
    @ProblemResponse(status = 404, type = "unknown-subnet", detail = "no subnet 7")
    @GetMapping("/{netuid}/hyperparameters")
    public HyperparametersView hyperparameters(@PathVariable int netuid) {
        Subnet s = subnets.get(netuid);
        return new HyperparametersView(netuid, clock.currentBlock(), s.hyperparameters(), subnets.rules(s));
    }

    /**
     * Signed by the owner's coldkey, or carrying the admin key (then a signature is optional, and checked if
     * present). Not {@link SignedRequest}: the admin may send it unsigned, so the signature is checked here.
     */
    @Operation(operationId = "setHyperparameter",
        summary = "Change one hyperparameter (signed by the owner's coldkey, or with X-Taonet-Admin-Key)",
        description = "Signed by the owner coldkey (X-Taonet-Signer, X-Taonet-Nonce, X-Taonet-Signature headers), or carrying the admin key, then a signature is optional.",
        requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "example", value = "{\"value\":360}"))))
    @ProblemResponse(status = 400, type = "invalid-hyperparameter-value", detail = "the body is {\"value\": ...}")
    @ProblemResponse(status = 400, type = "invalid-hyperparameter", detail = "tempo must be an integer")
    @ProblemResponse(status = 401, type = "admin-key-invalid", detail = "the X-Taonet-Admin-Key header is not the network's admin key")
    @ProblemResponse(status = 401, type = "signature-missing", detail = "neither a signature nor the admin key")
    @ProblemResponse(status = 401, type = "signature-invalid", detail = "the signature does not verify")
    @ProblemResponse(status = 403, type = "not-owner", detail = "the request is signed by 5Grw…, not the subnet owner")
    @ProblemResponse(status = 403, type = "admin-only-hyperparameter", detail = "kappa is changed by the admin only")
    @ProblemResponse(status = 404, type = "unknown-subnet", detail = "no subnet 7")
    @ProblemResponse(status = 404, type = "unknown-hyperparameter", detail = "no hyperparameter named foo")
    @ProblemResponse(status = 409, type = "hyperparameter-freeze-window", detail = "the subnet's epoch runs at block 1080; changes are allowed from block 1081 (with epochBlock, allowedFromBlock)")
    @ProblemResponse(status = 422, type = "hyperparameter-out-of-range", detail = "tempo must be within [10, 65535] (with allowedRange)")
    @ProblemResponse(status = 429, type = "hyperparameter-rate-limited", detail = "tempo may change again at block 2160 (with nextAllowedBlock)")
    @PutMapping("/{netuid}/hyperparameters/{name}")
    public HyperparameterChanged setHyperparameter(@PathVariable int netuid, @PathVariable String name,
            @RequestBody SetHyperparameter body, HttpServletRequest request,
            @RequestHeader(name = ADMIN_KEY_HEADER, required = false) String adminKey) {
        boolean admin = false;
        if (adminKey != null) {
            if (!MessageDigest.isEqual(adminKey.getBytes(StandardCharsets.UTF_8),
                    props.adminKey().getBytes(StandardCharsets.UTF_8))) {
                throw ApiProblem.unauthorized("admin-key-invalid", "the " + ADMIN_KEY_HEADER + " header is not the network's admin key");
            }
            admin = true;
        }
        String signer = verifiedSignerIfSigned(request);
        if (body == null || body.value() == null) {
            throw ApiProblem.badRequest("invalid-hyperparameter-value", "the body is {\"value\": ...}");
        }
        var changed = subnets.setHyperparameter(netuid, name, body.value(), signer, admin);
        return new HyperparameterChanged(changed.netuid(), changed.name(), changed.value(), changed.changed(),
                changed.block(), changed.hyperparameters());
    }

    @Operation(operationId = "getRegistrationPrice", summary = "The burn price to register a neuron now, and after the next registration")
    @ProblemResponse(status = 404, type = "unknown-subnet", detail = "no subnet 7")
    @GetMapping("/{netuid}/registration-price")
    public RegistrationPriceView registrationPrice(@PathVariable int netuid) {
        return registrationPriceView(subnets, neurons, clock, netuid);
    }

    public static RegistrationPriceView registrationPriceView(SubnetService subnets, NeuronRepository neurons,
            BlockClock clock, int netuid) {
        Subnet s = subnets.get(netuid);
        long block = clock.currentBlock();
        var h = s.hyperparameters();
        return new RegistrationPriceView(netuid, block, s.registrationPriceAt(block),
                subnets.registrationPriceAfterNext(s, block), h.minBurn(), h.maxBurn(), h.burnHalfLife(),
                h.burnIncreaseMultMilli(), h.registrationAllowed(), neurons.count(netuid), h.maxAllowedUids());
    }

    private String verifiedSignerIfSigned(HttpServletRequest request) {
        String signerHeader = request.getHeader(SignedRequests.SIGNER_HEADER);
        String nonce = request.getHeader(SignedRequests.NONCE_HEADER);
        String signature = request.getHeader(SignedRequests.SIGNATURE_HEADER);
        if (signerHeader == null && nonce == null && signature == null) {
            return null;
        }
        Object cached = request.getAttribute(SignedRequestBodyFilter.BODY_ATTRIBUTE);
        byte[] bytes = cached instanceof byte[] b ? b : new byte[0];
        try {
            return verifier.verify(request.getMethod(),
                    SignedRequests.pathAndQuery(request.getRequestURI(), request.getQueryString()), bytes,
                    signerHeader, nonce, signature);
        } catch (SignatureException e) {
            throw ApiProblem.unauthorized(e.reason().slug(), e.getMessage());
        }
    }

    private SubnetView view(Subnet s, int neuronCount, long lockCost, long block) {
        return new SubnetView(s.netuid(), s.ownerColdkey(), s.ownerHotkey(), s.taskType(), s.identity(),
                s.hyperparameters(), neuronCount, s.lockRao(), s.registeredAtBlock(), s.registrationPriceAt(block),
                lockCost, block, EpochSchedule.nextEpochBlock(s.netuid(), s.hyperparameters().tempo(), block),
                s.lastSettledEpoch());
    }

    static <T> ResponseEntity<T> created(Answer<T> answer) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(REPLAYED_HEADER, Boolean.toString(answer.replayed()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(answer.body());
    }
}
