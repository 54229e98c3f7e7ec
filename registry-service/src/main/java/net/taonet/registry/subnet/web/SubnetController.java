package net.taonet.registry.subnet.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import net.taonet.identity.RequestVerifier;
import net.taonet.identity.SignatureException;
import net.taonet.identity.SignedRequests;
import net.taonet.platform.chain.BlockClock;
import net.taonet.platform.chain.EpochSchedule;
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

    @SignedRequest
    @PostMapping
    public ResponseEntity<Created> create(@RequestBody CreateSubnetRequest body, VerifiedSigner signer,
            @RequestHeader(name = IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        Answer<Created> answer = subnets.create(new CreateSubnet(body.ownerColdkey(), body.ownerHotkey(),
                body.taskType(), body.identity(), body.maxLockRao()), signer.address(), idempotencyKey);
        return created(answer);
    }

    @GetMapping
    public SubnetList list() {
        long block = clock.currentBlock();
        long lockCost = subnets.lockTerms().lockCostRao();
        Map<Integer, Integer> counts = neurons.counts();
        return new SubnetList(block, lockCost, subnets.all().stream()
                .map(s -> view(s, counts.getOrDefault(s.netuid(), 0), lockCost, block)).toList());
    }

    @GetMapping("/{netuid}")
    public SubnetView show(@PathVariable int netuid) {
        Subnet s = subnets.get(netuid);
        long block = clock.currentBlock();
        return view(s, neurons.count(netuid), subnets.lockTerms().lockCostRao(), block);
    }

    @GetMapping("/{netuid}/hyperparameters")
    public HyperparametersView hyperparameters(@PathVariable int netuid) {
        Subnet s = subnets.get(netuid);
        return new HyperparametersView(netuid, clock.currentBlock(), s.hyperparameters(), subnets.rules(s));
    }

    /**
     * Signed by the owner's coldkey, or carrying the admin key (then a signature is optional, and checked if
     * present). Not {@link SignedRequest}: the admin may send it unsigned, so the signature is checked here.
     */
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
