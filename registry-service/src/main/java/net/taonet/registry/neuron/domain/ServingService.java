package net.taonet.registry.neuron.domain;

import java.util.List;
import net.taonet.platform.chain.BlockClock;
import net.taonet.platform.problem.ApiProblem;
import net.taonet.registry.RegistryProperties;
import net.taonet.registry.common.Addresses;
import net.taonet.registry.subnet.domain.SubnetRepository;
import net.taonet.registry.subnet.domain.SubnetService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serving metadata, signed by the neuron's hotkey and rate-limited per UID like Bittensor's
 * {@code serve_axon} ({@code taonet.registry.serving-rate-limit} blocks, 50 by default).
 */
@Service
public class ServingService {

    static final int MAX_TASK_TYPES = 32;

    private final SubnetRepository subnets;
    private final NeuronRepository neurons;
    private final ServingRepository serving;
    private final BlockClock clock;
    private final TransactionTemplate tx;
    private final long rateLimit;

    public ServingService(SubnetRepository subnets, NeuronRepository neurons, ServingRepository serving,
            BlockClock clock, TransactionTemplate tx, RegistryProperties props) {
        this.subnets = subnets;
        this.neurons = neurons;
        this.serving = serving;
        this.clock = clock;
        this.tx = tx;
        this.rateLimit = props.servingRateLimit();
    }

    /** The metadata a worker sends (replaces its previous one). */
    public record ServeRequest(String accelerator, Long memoryMib, List<Serving.TaskTypeInfo> taskTypes, String version,
            String endpoint) {
    }

    public Serving serve(int netuid, String hotkeyArg, ServeRequest r, String signer) {
        Addresses.requireNetuid(netuid);
        String hotkey = Addresses.require(hotkeyArg, "hotkey");
        if (!hotkey.equals(signer)) {
            throw ApiProblem.forbidden("not-owner", "serving metadata is signed by the hotkey itself; the request is "
                    + "signed by " + signer);
        }
        validate(r);
        return tx.execute(status -> {
            subnets.find(netuid).orElseThrow(() -> SubnetService.unknownSubnet(netuid));
            Neuron n = neurons.findByHotkey(netuid, hotkey).orElseThrow(() -> ApiProblem.notFound("not-registered",
                    "hotkey " + hotkey + " holds no UID on subnet " + netuid));
            long block = clock.currentBlock();
            var previous = serving.find(netuid, n.uid());
            if (previous.isPresent() && previous.get().hotkey().equals(hotkey)
                    && block - previous.get().servedAtBlock() < rateLimit) {
                long next = previous.get().servedAtBlock() + rateLimit;
                throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "serving-rate-limited", "Too many requests",
                        "serving metadata of UID " + n.uid() + " was set at block " + previous.get().servedAtBlock()
                                + "; again from block " + next).with("nextAllowedBlock", next);
            }
            Serving s = new Serving(netuid, n.uid(), hotkey, trim(r.accelerator()), r.memoryMib(),
                    r.taskTypes() == null ? List.of() : r.taskTypes(), trim(r.version()), trim(r.endpoint()), block);
            serving.upsert(s);
            return s;
        });
    }

    public List<Serving> ofSubnet(int netuid) {
        Addresses.requireNetuid(netuid);
        subnets.find(netuid).orElseThrow(() -> SubnetService.unknownSubnet(netuid));
        return serving.ofSubnet(netuid);
    }

    private static void validate(ServeRequest r) {
        if (r == null) {
            throw ApiProblem.badRequest("invalid-serving", "a body is required");
        }
        length(r.accelerator(), 256, "accelerator");
        length(r.version(), 64, "version");
        length(r.endpoint(), 512, "endpoint");
        if (r.memoryMib() != null && r.memoryMib() < 0) {
            throw ApiProblem.badRequest("invalid-serving", "memoryMib must not be negative");
        }
        if (r.endpoint() != null && !r.endpoint().isBlank() && !r.endpoint().matches("(?i)https?://\\S+")) {
            throw ApiProblem.badRequest("invalid-serving", "endpoint must be an http(s) URL");
        }
        if (r.taskTypes() != null) {
            if (r.taskTypes().size() > MAX_TASK_TYPES) {
                throw ApiProblem.badRequest("invalid-serving", "at most " + MAX_TASK_TYPES + " task types");
            }
            for (Serving.TaskTypeInfo t : r.taskTypes()) {
                if (t == null || t.name() == null || t.name().isBlank()) {
                    throw ApiProblem.badRequest("invalid-serving", "every task type has a name");
                }
                length(t.name(), 64, "taskTypes.name");
                length(t.version(), 64, "taskTypes.version");
                length(t.backend(), 64, "taskTypes.backend");
            }
        }
    }

    private static void length(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw ApiProblem.badRequest("invalid-serving", field + " has at most " + max + " characters");
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
