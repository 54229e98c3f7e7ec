package net.taonet.registry.neuron.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.taonet.platform.chain.BlockClock;
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

    @GetMapping("/api/v1/subnets/{netuid}/neurons/{uid}")
    public NeuronView one(@PathVariable int netuid, @PathVariable int uid) {
        Subnet s = subnets.get(netuid);
        Neuron n = neurons.find(netuid, uid).orElseThrow(() -> ApiProblem.notFound("unknown-uid",
                "subnet " + netuid + " has no UID " + uid));
        return NeuronViews.view(s, n, clock.currentBlock(), Map.of(n.hotkey(), neurons.stake(netuid, n.hotkey())),
                servingOf(netuid));
    }

    /** A hotkey's UIDs across subnets (an empty list if it holds none). */
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
